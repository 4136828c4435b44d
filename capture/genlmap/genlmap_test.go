package genlmap_test

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/capture/genlmap"
	"github.com/nldump/nldump/decode"
	_ "github.com/nldump/nldump/decode/genl"
	"golang.org/x/sys/unix"
)

var pcaps = filepath.Join("..", "..", "testdata", "pcaps")

// readFrames returns the frames numbered in nums (1-based) of a real capture.
func readFrames(t *testing.T, name string, nums ...int) []capture.Frame {
	t.Helper()
	src, err := capture.Open(filepath.Join(pcaps, name))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	want := map[int]bool{}
	for _, n := range nums {
		want[n] = true
	}
	var out []capture.Frame
	for {
		f, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if want[f.Number] {
			out = append(out, f)
		}
	}
	if len(out) != len(nums) {
		t.Fatalf("%s: found %d of frames %v", name, len(out), nums)
	}
	return out
}

// writeFile writes frames with a pcap or pcapng Writer and returns the file's path.
func writeFile(t *testing.T, ng bool, frames ...capture.Frame) string {
	t.Helper()
	var buf bytes.Buffer
	var w *capture.Writer
	var err error
	name := "x.pcap"
	if ng {
		w, err = capture.NewPcapngWriter(&buf)
		name = "x.pcapng"
	} else {
		w, err = capture.NewWriter(&buf)
	}
	if err != nil {
		t.Fatal(err)
	}
	for i := range frames {
		if err := w.WriteFrame(&frames[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// decodeFile decodes a file in one pass with a fresh decoder (no first pass over
// the file: the family map must come before the messages it names) and returns
// each message's frame comment and type name.
func decodeFile(t *testing.T, path string) (comments, types []string) {
	t.Helper()
	src, err := capture.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dec := decode.NewDecoder()
	for {
		f, err := src.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range dec.DecodeFrame(&f, nil) {
			comments = append(comments, f.Comment)
			types = append(types, m.TypeName)
		}
	}
}

// ctrlDump is the CTRL_CMD_GETFAMILY dump of genl-ctrl.pcap (request, three
// datagrams of 11 + 7 + more CTRL_CMD_NEWFAMILY replies, NLMSG_DONE), and
// ethtoolGet an ethtool LINKMODES_GET exchange of ethtool.pcap whose family id
// (20, the same boot's) only the dump names.
func ctrlDump(t *testing.T) []capture.Frame {
	return genlmap.Mark(readFrames(t, "genl-ctrl.pcap", 1, 2, 3, 4, 5))
}

func ethtoolGet(t *testing.T) []capture.Frame {
	return readFrames(t, "ethtool.pcap", 4, 5, 6)
}

func TestMapNamesFamiliesInFile(t *testing.T) {
	for _, tc := range []struct {
		name     string
		ng       bool
		withMap  bool
		wantType string
	}{
		{"pcapng with map", true, true, "ethtool LINKMODES_GET"},
		{"pcap with map", false, true, "ethtool LINKMODES_GET"},
		{"pcapng without map", true, false, "genl-0x14 CMD_4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var frames []capture.Frame
			if tc.withMap {
				frames = append(frames, ctrlDump(t)...)
			}
			frames = append(frames, ethtoolGet(t)...)
			comments, types := decodeFile(t, writeFile(t, tc.ng, frames...))
			n := len(types)
			if n < 3 {
				t.Fatalf("decoded %d messages", n)
			}
			// The ethtool request and its reply are named only through the map.
			if types[n-3] != tc.wantType || types[n-2] != tc.wantType {
				t.Errorf("ethtool request/reply decoded as %q, %q; want %q", types[n-3], types[n-2], tc.wantType)
			}
			if !tc.withMap {
				return
			}
			if types[0] != "nlctrl GETFAMILY" || types[1] != "nlctrl NEWFAMILY" || types[n-4] != "NLMSG_DONE" {
				t.Errorf("map messages decoded as %q, %q ... %q", types[0], types[1], types[n-4])
			}
			wantComment := ""
			if tc.ng {
				wantComment = genlmap.Comment
			}
			if comments[0] != wantComment || comments[n-4] != wantComment || comments[n-1] != "" {
				t.Errorf("comments %q ... %q, %q; want %q on the map frames only", comments[0], comments[n-4], comments[n-1], wantComment)
			}
		})
	}
}

// TestTsharkReadsMap checks that Wireshark reads a file with the map: the
// comment, and the map messages as nlctrl replies naming ethtool.
func TestTsharkReadsMap(t *testing.T) {
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Skip("tshark not installed")
	}
	p := writeFile(t, true, append(ctrlDump(t), ethtoolGet(t)...)...)
	out, err := exec.Command("tshark", "-r", p, "-T", "fields", "-E", "separator=|",
		"-e", "frame.number", "-e", "frame.comment", "-e", "genl.ctrl.family_name").Output()
	if err != nil {
		t.Fatalf("tshark: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 8 {
		t.Fatalf("tshark printed %d lines, want 8 frames:\n%s", len(lines), out)
	}
	if !strings.HasPrefix(lines[0], "1|"+genlmap.Comment) || !strings.HasPrefix(lines[4], "5|"+genlmap.Comment) {
		t.Errorf("tshark does not show the map comment on frames 1 and 5:\n%s", out)
	}
	if !strings.Contains(lines[1], "ethtool") || !strings.Contains(lines[1], "nlctrl") {
		t.Errorf("tshark frame 2 has no nlctrl/ethtool family names: %q", lines[1])
	}
	if lines[5] != "6||" {
		t.Errorf("tshark frame 6 (captured, not the map) = %q", lines[5])
	}
}

// TestQuery asks this host's controller: the exchange is a request, datagrams of
// CTRL_CMD_NEWFAMILY replies naming nlctrl, and NLMSG_DONE last; decoding it
// learns nlctrl (id 16) and the families it lists.
func TestQuery(t *testing.T) {
	frames, err := genlmap.Query()
	if err != nil {
		t.Skipf("no generic netlink here: %v", err)
	}
	if len(frames) < 2 {
		t.Fatalf("Query returned %d frames", len(frames))
	}
	dec := decode.NewDecoder()
	var types []string
	for i := range frames {
		f := &frames[i]
		if !genlmap.IsMapFrame(f) || f.Protocol != unix.NETLINK_GENERIC || f.Time.IsZero() {
			t.Errorf("frame %d: comment %q protocol %d time %v", i, f.Comment, f.Protocol, f.Time)
		}
		for _, m := range dec.DecodeFrame(f, nil) {
			if m.Malformed {
				t.Errorf("frame %d: malformed %s", i, m.TypeName)
			}
			types = append(types, m.TypeName)
		}
	}
	if types[0] != "nlctrl GETFAMILY" || types[len(types)-1] != "NLMSG_DONE" {
		t.Errorf("exchange %q ... %q", types[0], types[len(types)-1])
	}
	fams := dec.Session.GenlFamilies
	if fams[unix.GENL_ID_CTRL] != "nlctrl" || len(fams) != len(types)-2 {
		t.Errorf("learned %d families (%v) from %d replies", len(fams), fams, len(types)-2)
	}
	t.Logf("%d frames, %d families, %d groups", len(frames), len(fams), len(dec.Session.GenlGroups))
}
