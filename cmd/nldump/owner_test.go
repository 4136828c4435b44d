package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gopacket/gopacket/layers"
	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/capture/genlmap"
	"github.com/nldump/nldump/capture/owner"
	"golang.org/x/sys/unix"
)

// framesOf returns the frames numbered nums (1-based) of a real capture.
func framesOf(t *testing.T, name string, nums ...int) []capture.Frame {
	t.Helper()
	src, err := capture.Open(filepath.Join("..", "..", "testdata", "pcaps", name))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var out []capture.Frame
	for {
		f, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range nums {
			if f.Number == n {
				out = append(out, f)
			}
		}
	}
	return out
}

// ownerCapture writes what a live capture writes: the family map of
// genl-ctrl.pcap, then ethtool.pcap's first ethtool exchange (frames 4-6, family
// id 20 named only by the map) attributed to ethtool[158] (its port id was 158),
// then an ACK whose owner was not found.
func ownerCapture(t *testing.T) string {
	frames := genlmap.Mark(framesOf(t, "genl-ctrl.pcap", 1, 2, 3, 4, 5))
	eth := framesOf(t, "ethtool.pcap", 4, 5, 6)
	for i := range eth {
		eth[i].Comment = owner.Comment(owner.Process{PID: 158, Comm: "ethtool"}, 158)
	}
	unk := framesOf(t, "ethtool.pcap", 9)
	unk[0].Comment = owner.Comment(owner.Process{}, 158)
	frames = append(append(frames, eth...), unk...)
	var buf bytes.Buffer
	w, err := capture.NewPcapngWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for i := range frames {
		w.WriteFrame(&frames[i])
	}
	w.Flush()
	p := filepath.Join(t.TempDir(), "live.pcapng")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func runNldump(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if rc := run(args, nil, &out, &errb); rc != 0 {
		t.Fatalf("nldump %v: exit %d: %s", args, rc, errb.String())
	}
	return out.String()
}

func TestProcessAndMapOffline(t *testing.T) {
	p := ownerCapture(t)
	lines := strings.Split(strings.TrimSpace(runNldump(t, "-r", p, "-t", "n")), "\n")
	// 1 request, 3 datagrams of 11 + 7 + 2 replies, NLMSG_DONE, 3 ethtool, 1 ACK.
	if len(lines) != 26 {
		t.Fatalf("%d lines:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	for _, tc := range []struct {
		line int
		want []string
	}{
		{0, []string{"nlctrl GETFAMILY", "pid=" /* nldump's own port */, mapNote}},
		{1, []string{"nlctrl NEWFAMILY", "nlctrl id 16", mapNote}},
		{21, []string{"NLMSG_DONE", mapNote}},
		{22, []string{"ethtool LINKMODES_GET", "pid=0 ethtool[158] len=36", "dev veth0"}},
		{23, []string{"ethtool LINKMODES_GET", "pid=158 ethtool[158] len=92"}},
		{24, []string{"ack", "pid=158 ethtool[158] len=36"}},
		{25, []string{"pid=158 ? len="}},
	} {
		for _, w := range tc.want {
			if !strings.Contains(lines[tc.line], w) {
				t.Errorf("line %d %q lacks %q", tc.line+1, lines[tc.line], w)
			}
		}
	}
	if strings.Contains(lines[22], mapNote) || strings.Contains(lines[1], "[") && strings.Contains(lines[1], "ethtool[") {
		t.Errorf("mark on the wrong lines: %q, %q", lines[1], lines[22])
	}

	// Display filters on the process.
	out := runNldump(t, "-r", p, "-t", "n", "-Y", `nl.comm == "ethtool" and nl.pid == 158`)
	if n := strings.Count(out, "\n"); n != 3 {
		t.Errorf("-Y nl.comm/nl.pid matched %d messages, want 3:\n%s", n, out)
	}
	out = runNldump(t, "-r", p, "-Y", `nl.comm == "?"`)
	if n := strings.Count(out, "\n"); n != 1 {
		t.Errorf(`-Y nl.comm == "?" matched %d, want 1`, n)
	}

	// -V shows the node and the frame comment.
	out = runNldump(t, "-r", p, "-V", "-Y", "nl.port == 158 and nlmsg.len == 92")
	for _, w := range []string{"Frame comment: nldump: process ethtool[158] port 158", "    Process\n", "        pid: 158\n", "        comm: ethtool\n", "        port: 158\n"} {
		if !strings.Contains(out, w) {
			t.Errorf("-V lacks %q:\n%s", w, out)
		}
	}

	// JSON.
	out = runNldump(t, "-r", p, "-T", "json")
	js := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.Contains(js[23], `"process":{"pid":158,"comm":"ethtool","port":158}`) ||
		!strings.Contains(js[25], `"process":{"pid":null,"comm":null,"port":158}`) ||
		!strings.Contains(js[0], `"frame_comment":"nldump: generic netlink families at capture start"`) ||
		strings.Contains(js[0], `"process"`) {
		t.Errorf("JSON:\n%s\n%s\n%s", js[0], js[23], js[25])
	}

	// Pairing: the map is an answered dump, nothing unanswered.
	out = runNldump(t, "-r", p, "--pair", "-t", "n")
	if strings.Contains(out, "never answered") || strings.Contains(out, "without NLMSG_DONE") {
		t.Errorf("--pair reports a problem:\n%s", out)
	}
}

// chanSource is a live-like source fed by a channel.
type chanSource struct{ ch chan capture.Frame }

func (c *chanSource) Next() (capture.Frame, error) {
	f, ok := <-c.ch
	if !ok {
		return capture.Frame{}, io.EOF
	}
	return f, nil
}
func (c *chanSource) Stats() capture.Stats      { return capture.Stats{} }
func (c *chanSource) LinkType() layers.LinkType { return capture.LinkTypeNetlink }
func (c *chanSource) Close() error              { return nil }

type oneLookup struct{}

func (oneLookup) Lookup(_ uint16, port uint32) (owner.Process, bool) {
	if port == 77 {
		return owner.Process{PID: 77, Comm: "ip"}, true
	}
	return owner.Process{}, false
}
func (oneLookup) Prefetch(uint16, time.Time) {}

func hdrFrame(typ, flags uint16, seq, pid uint32) capture.Frame {
	b := make([]byte, 16)
	binary.NativeEndian.PutUint32(b, 16)
	binary.NativeEndian.PutUint16(b[4:], typ)
	binary.NativeEndian.PutUint16(b[6:], flags)
	binary.NativeEndian.PutUint32(b[8:], seq)
	binary.NativeEndian.PutUint32(b[12:], pid)
	return capture.Frame{Protocol: unix.NETLINK_ROUTE, Data: b, Length: 16}
}

// TestOwnerSource: the map first, then frames tagged and renumbered; a request
// whose answer never comes is handed on after the hold time although the
// capture stays silent.
func TestOwnerSource(t *testing.T) {
	in := &chanSource{ch: make(chan capture.Frame, 8)}
	mapFrames := genlmap.Mark(framesOf(t, "genl-ctrl.pcap", 1, 2))
	s := newOwnerSource(in, mapFrames, oneLookup{}, os.Getpid())
	for i := 1; i <= 2; i++ {
		f, err := s.Next()
		if err != nil || f.Number != i || f.Comment != genlmap.Comment {
			t.Fatalf("frame %d: %+v %v", i, f.Comment, err)
		}
	}
	in.ch <- hdrFrame(unix.RTM_NEWLINK, unix.NLM_F_REQUEST|unix.NLM_F_ACK, 9, 0)
	in.ch <- hdrFrame(unix.NLMSG_ERROR, 0, 9, 77)
	want := "nldump: process ip[77] port 77"
	for i := 3; i <= 4; i++ {
		f, err := s.Next()
		if err != nil || f.Number != i || f.Comment != want {
			t.Fatalf("frame %d: %q %v; want %q", i, f.Comment, err, want)
		}
	}
	in.ch <- hdrFrame(unix.RTM_NEWLINK, unix.NLM_F_REQUEST, 10, 0) // no ACK asked, none comes
	start := time.Now()
	f, err := s.Next()
	if err != nil || f.Number != 5 || f.Comment != "" {
		t.Fatalf("frame 5: %q %v", f.Comment, err)
	}
	if d := time.Since(start); d < owner.DefaultHold/2 || d > 20*owner.DefaultHold {
		t.Errorf("unanswered request handed on after %v, want about %v", d, owner.DefaultHold)
	}
	close(in.ch)
	if _, err := s.Next(); !errors.Is(err, io.EOF) {
		t.Errorf("end: %v", err)
	}
	if st := s.Stats(); st.Frames != 5 {
		t.Errorf("Stats().Frames = %d, want 5", st.Frames)
	}
}
