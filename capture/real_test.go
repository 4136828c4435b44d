package capture

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRealCaptures reads the captures made on a real kernel under testdata/pcaps
// (owned by the decoder's tests) and, when tshark is installed, checks that it finds
// as many frames as tshark (not with -short: tshark takes half a second a file).
func TestRealCaptures(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "pcaps", "*.pcap*"))
	if len(paths) == 0 {
		t.Skip("no captures under ../testdata/pcaps")
	}
	_, tsharkErr := exec.LookPath("tshark")
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			frames, err := readAll(t, src)
			if err != nil {
				t.Fatal(err)
			}
			st := src.Stats()
			// Captures on the "any" device (LINUX_SLL, SLL2) also hold other
			// interfaces' packets: those are skipped and counted, nothing else is.
			sll := strings.Contains(filepath.Base(path), "-sll")
			if len(frames) == 0 || st.Malformed != 0 || (st.SkippedTotal() != 0) != (sll && st.SkippedTotal() != 0) ||
				len(frames)+st.SkippedTotal() != st.Records {
				t.Errorf("Stats() = %+v", st)
			}
			if tsharkErr != nil || testing.Short() {
				return
			}
			out, err := exec.Command("tshark", "-r", path, "-T", "fields", "-e", "frame.number").Output()
			if err != nil {
				t.Fatalf("tshark: %v", err)
			}
			if n := len(strings.Fields(string(out))); n != st.Records {
				t.Errorf("read %d records (%d netlink frames), tshark %d", st.Records, len(frames), n)
			}
		})
	}
}
