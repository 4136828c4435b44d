package capture

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// writerFrames are frames that exercise every field the writers keep.
func writerFrames() []Frame {
	f1 := nlFrame(1, 1, 100)
	f2 := nlFrame(2, 2, 30000)
	snapped := nlFrame(3, 3, 200)
	snapped.Data = snapped.Data[:50] // truncated
	user := nlFrame(4, 4, 36)
	user.PacketType, user.Protocol, user.Comment = unix.PACKET_USER, unix.NETLINK_GENERIC, "genl request"
	empty := nlFrame(5, 5, 16)
	empty.Data, empty.Length = []byte{}, 0
	huge := nlFrame(6, 6, 300000) // longer than the snap length
	return []Frame{f1, f2, snapped, user, empty, huge}
}

// writeFrames writes frames with a pcap (ng false) or pcapng Writer.
func writeFrames(t testing.TB, ng bool, frames []Frame) []byte {
	t.Helper()
	var buf bytes.Buffer
	newWriter := NewWriter
	if ng {
		newWriter = NewPcapngWriter
	}
	w, err := newWriter(&buf)
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
	return buf.Bytes()
}

// TestWriterRoundTrip writes frames in both formats and reads them back.
func TestWriterRoundTrip(t *testing.T) {
	for _, ng := range []bool{false, true} {
		name := map[bool]string{false: "pcap", true: "pcapng"}[ng]
		t.Run(name, func(t *testing.T) {
			frames := writerFrames()
			src, err := NewReader(bytes.NewReader(writeFrames(t, ng, frames)), name)
			if err != nil {
				t.Fatal(err)
			}
			got, err := readAll(t, src)
			if err != nil {
				t.Fatal(err)
			}
			want := writerFrames()
			huge := &want[len(want)-1]
			huge.Data = huge.Data[:MaxSnapLen-netlinkHeaderLen]
			if !ng {
				for i := range want {
					want[i].Comment = "" // pcap has no comments
				}
			}
			diffFrames(t, got, want)
			st := src.Stats()
			if st.Truncated != 2 || st.Frames != len(want) || src.LinkType() != LinkTypeNetlink {
				t.Errorf("Stats() = %+v, LinkType() = %v", st, src.LinkType())
			}
		})
	}
}

// TestWriterTools checks that tshark and tcpdump read what the Writer writes.
func TestWriterTools(t *testing.T) {
	frames := writerFrames()
	for _, ng := range []bool{false, true} {
		name := map[bool]string{false: "x.pcap", true: "x.pcapng"}[ng]
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, writeFrames(t, ng, frames), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Run("tshark/"+name, func(t *testing.T) {
			if _, err := exec.LookPath("tshark"); err != nil {
				t.Skip("tshark is not installed")
			}
			out, err := exec.Command("tshark", "-r", path, "-T", "fields", "-e", "frame.number", "-e", "frame.protocols").Output()
			if err != nil {
				t.Fatalf("tshark -r %s: %v", name, err)
			}
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			if len(lines) != len(frames) {
				t.Fatalf("tshark read %d frames, want %d:\n%s", len(lines), len(frames), out)
			}
			if !strings.Contains(lines[0], "netlink") {
				t.Errorf("tshark did not see netlink in frame 1: %q", lines[0])
			}
		})
		t.Run("tcpdump/"+name, func(t *testing.T) {
			if _, err := exec.LookPath("tcpdump"); err != nil {
				t.Skip("tcpdump is not installed")
			}
			out, err := exec.Command("tcpdump", "-nr", path).Output()
			if err != nil {
				t.Fatalf("tcpdump -r %s: %v", name, err)
			}
			// tcpdump 4.99 prints a line per frame (a timestamp and UNSUPPORTED), then
			// a hex dump; for the frame longer than 262144 bytes it prints
			// "[Invalid header: len(300016) > 262144]" instead, as it does for such
			// frames captured by libpcap itself.
			n := 0
			for _, line := range strings.Split(string(out), "\n") {
				if line != "" && (line[0] >= '0' && line[0] <= '9' || strings.HasPrefix(line, "[Invalid header")) {
					n++
				}
			}
			if n != len(frames) {
				t.Fatalf("tcpdump read %d frames, want %d:\n%s", n, len(frames), out)
			}
		})
	}
}
