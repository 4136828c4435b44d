package sockdiag

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// pcapDir holds the real captures (testdata/pcaps/README.md); sockdiag.pcap was
// made on a Debian 6.1 kernel while ss ran the commands of sockdiag.log.
const pcapDir = "../../testdata/pcaps"

// capturedMsg is a sock_diag message of the real capture, decoded.
type capturedMsg struct {
	frame   int
	index   int
	msg     decode.Message
	summary string
}

// readCapture decodes every frame of a capture with one decoder (requests teach
// their replies the IP protocol) and returns its NETLINK_SOCK_DIAG messages.
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
		if fr.Protocol != unix.NETLINK_SOCK_DIAG {
			continue
		}
		frc := fr
		for i, m := range d.DecodeFrame(&frc, nil) {
			out = append(out, capturedMsg{frame: fr.Number, index: i, msg: m, summary: summary(&m)})
		}
	}
	return out
}

// tree renders a message's field tree, for failure messages and -v.
func tree(m *decode.Message) string {
	var b strings.Builder
	m.Root.Walk(func(f *decode.Field, depth int) bool {
		fmt.Fprintf(&b, "%s%s [%s]: %s", strings.Repeat("  ", depth), f.AppendLabel(nil), f.Def.Name, f.ValueString())
		if f.Note != "" {
			fmt.Fprintf(&b, "  NOTE: %s", f.Note)
		}
		b.WriteByte('\n')
		return true
	})
	return b.String()
}

// TestDumpCapture prints every message of the capture with SOCKDIAG_DUMP=1 (a
// development aid, like nldump -V).
func TestDumpCapture(t *testing.T) {
	if os.Getenv("SOCKDIAG_DUMP") == "" {
		t.Skip("set SOCKDIAG_DUMP=1 to print the capture's field trees")
	}
	for _, cm := range readCapture(t, "sockdiag.pcap") {
		fmt.Printf("frame %d.%d %s %s\n%s\n", cm.frame, cm.index, cm.msg.TypeName, cm.summary, tree(&cm.msg))
	}
}
