package route

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// pcapDir holds the real captures made on a Debian 6.1 kernel (testdata/pcaps/README.md).
const pcapDir = "../../testdata/pcaps"

// capturedMsg is a route message of a real capture, decoded.
type capturedMsg struct {
	file    string
	frame   int
	msg     decode.Message
	summary string
}

// readCapture decodes every frame of a capture with one decoder (so that link names
// learned early serve later summaries) and returns its NETLINK_ROUTE messages.
func readCapture(t testing.TB, name string) []capturedMsg {
	t.Helper()
	p := filepath.Join(pcapDir, name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("capture %s not present: %v", name, err)
	}
	src, err := capture.Open(p)
	if err != nil {
		t.Fatalf("open %s: %v", p, err)
	}
	defer src.Close()
	d := decode.NewDecoder()
	var out []capturedMsg
	for {
		fr, err := src.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if fr.Protocol != unix.NETLINK_ROUTE {
			continue
		}
		f := fr
		for _, m := range d.DecodeFrame(&f, nil) {
			out = append(out, capturedMsg{file: name, frame: f.Number, msg: m, summary: m.Summary()})
		}
	}
	return out
}

// routeCaptures lists the captures holding rtnetlink traffic.
func routeCaptures(t testing.TB) []string {
	ms, _ := filepath.Glob(filepath.Join(pcapDir, "*.pcap"))
	var out []string
	for _, m := range ms {
		out = append(out, filepath.Base(m))
	}
	sort.Strings(out)
	if len(out) == 0 {
		t.Skip("no captures in " + pcapDir)
	}
	return out
}
