package owner

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nldump/nldump/capture"
)

func TestCommentFormat(t *testing.T) {
	for _, tc := range []struct {
		p    Process
		port uint32
		want string
	}{
		{Process{PID: 1234, Comm: "ip"}, 1234, "nldump: process ip[1234] port 1234"},
		{Process{}, 2718938, "nldump: process ? port 2718938"},
		{Process{PID: 7, Comm: "kworker/u4:1"}, 4294967295, "nldump: process kworker/u4:1[7] port 4294967295"},
		{Process{PID: 9, Comm: "a b[1] port 3"}, 12, "nldump: process a b[1] port 3[9] port 12"},
		{Process{PID: 10, Comm: "x\ny\\z\xff"}, 5, `nldump: process x\x0ay\x5cz\xff[10] port 5`},
	} {
		got := Comment(tc.p, tc.port)
		if got != tc.want {
			t.Errorf("Comment(%+v, %d) = %q, want %q", tc.p, tc.port, got, tc.want)
		}
		p, port, ok := ParseComment(got)
		if !ok || p != tc.p || port != tc.port {
			t.Errorf("ParseComment(%q) = %+v, %d, %v; want %+v, %d", got, p, port, ok, tc.p, tc.port)
		}
	}
}

func TestParseCommentRejects(t *testing.T) {
	for _, c := range []string{
		"",
		"nldump: generic netlink families at capture start",
		"nldump: process ip[1234]",                 // no port
		"nldump: process ip[1234] port x",          // port not a number
		"nldump: process ip[1234] port 4294967296", // port over 32 bits
		"nldump: process ip1234] port 5",           // no [
		"nldump: process ip[0] port 5",             // pid 0
		`nldump: process ip\x4[1] port 5`,          // cut escape
		"process ip[1234] port 5",                  // no prefix
	} {
		if p, port, ok := ParseComment(c); ok {
			t.Errorf("ParseComment(%q) = %+v, %d, true; want false", c, p, port)
		}
	}
	// Another comment line before ours (pcapng comments are joined by newlines).
	p, port, ok := ParseComment("edited in Wireshark\nnldump: process ss[42] port 42")
	if !ok || p.PID != 42 || p.Comm != "ss" || port != 42 {
		t.Errorf("second line: %+v %d %v", p, port, ok)
	}
}

// TestCommentThroughPcapng writes tagged frames with capture.Writer and reads them
// back with capture.Open's reader: the comment survives; pcap drops it.
func TestCommentThroughPcapng(t *testing.T) {
	want := Comment(Process{PID: 31337, Comm: "ip"}, 31337)
	// RTM_NEWLINK ACK: NLMSG_ERROR, len 36, error 0, little-endian.
	data := []byte{
		36, 0, 0, 0, 2, 0, 0, 1, 1, 0, 0, 0, 0x69, 0x7a, 0, 0, // nlmsghdr: len 36, NLMSG_ERROR, CAPPED, seq 1, pid 31337
		0, 0, 0, 0, // error 0
		16, 0, 0, 0, 16, 0, 5, 6, 1, 0, 0, 0, 0, 0, 0, 0, // echoed RTM_NEWLINK header
	}
	for _, ng := range []bool{true, false} {
		var buf bytes.Buffer
		var w *capture.Writer
		var err error
		if ng {
			w, err = capture.NewPcapngWriter(&buf)
		} else {
			w, err = capture.NewWriter(&buf)
		}
		if err != nil {
			t.Fatal(err)
		}
		frames := []capture.Frame{
			{Time: time.Unix(1, 0), Protocol: 0, ARPHRD: 824, PacketType: 4, Data: data, Length: len(data), Comment: want},
			{Time: time.Unix(2, 0), Protocol: 0, ARPHRD: 824, PacketType: 4, Data: data, Length: len(data)},
		}
		for i := range frames {
			if err := w.WriteFrame(&frames[i]); err != nil {
				t.Fatal(err)
			}
		}
		w.Flush()
		raw := append([]byte(nil), buf.Bytes()...)
		src, err := capture.NewReader(&buf, "test")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for {
			f, err := src.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, f.Comment)
		}
		wantFirst := want
		if !ng {
			wantFirst = ""
		}
		if len(got) != 2 || got[0] != wantFirst || got[1] != "" {
			t.Fatalf("pcapng=%v: comments %q, want [%q \"\"]", ng, got, wantFirst)
		}
		if ng {
			if p, port, ok := ParseComment(got[0]); !ok || p.PID != 31337 || p.Comm != "ip" || port != 31337 {
				t.Errorf("read back %+v %d %v", p, port, ok)
			}
			tsharkComments(t, raw, want)
		}
	}
}

// tsharkComments checks that Wireshark shows the comment on the first frame of a
// pcapng file and none on the second.
func tsharkComments(t *testing.T, pcapng []byte, want string) {
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Log("tshark not installed: not checked with Wireshark")
		return
	}
	p := filepath.Join(t.TempDir(), "c.pcapng")
	if err := os.WriteFile(p, pcapng, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("tshark", "-r", p, "-T", "fields", "-e", "frame.comment").Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	if got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n"); len(got) != 2 || got[0] != want || got[1] != "" {
		t.Errorf("tshark comments %q, want [%q \"\"]", got, want)
	}
}
