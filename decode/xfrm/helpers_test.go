package xfrm

import (
	"os"
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/internal/nltest"
	"golang.org/x/sys/unix"
)

// pcapDir holds the real captures made on a Debian 6.1 kernel (testdata/pcaps/README.md).
var pcapDir = nltest.CapturePath("")

// capMsg is one decoded message of a real capture.
type capMsg struct {
	frame   int
	msg     decode.Message
	summary string
}

// loadCapture decodes every NETLINK_XFRM message of a capture (the decoder keeps
// its memory: the capture is small).
func loadCapture(t testing.TB, name string) []capMsg {
	t.Helper()
	var out []capMsg
	nltest.EachMessage(t, name, unix.NETLINK_XFRM, func(fr *capture.Frame, m *decode.Message) {
		out = append(out, capMsg{frame: fr.Number, msg: *m, summary: m.Summary()})
	})
	return out
}

// tree renders a field tree as `nldump -V` does, for failure messages.
func tree(f *decode.Field) string {
	var b strings.Builder
	f.Walk(func(f *decode.Field, depth int) bool {
		b.WriteString(strings.Repeat("  ", depth))
		b.Write(f.AppendLabel(nil))
		if v := f.ValueString(); v != "" {
			b.WriteString(": " + v)
		}
		b.WriteString("  [" + f.Def.Name + "]")
		if f.Note != "" {
			b.WriteString("  [problem: " + f.Note + "]")
		}
		b.WriteByte('\n')
		return true
	})
	return b.String()
}

// decodeBytes decodes one frame of protocol proto in the given byte order.
func decodeBytes(t testing.TB, proto uint16, data []byte, be bool) []decode.Message {
	t.Helper()
	d := decode.NewDecoder()
	d.Order = decode.LittleEndian
	if be {
		d.Order = decode.BigEndian
	}
	fr := &capture.Frame{Number: 1, Protocol: proto, Data: data, Length: len(data)}
	return d.DecodeFrame(fr, nil)
}

// TestShowCapture prints the capture's summaries and trees with
// XFRM_SHOW=1 go test -run TestShowCapture -v (a reading aid, asserts nothing).
func TestShowCapture(t *testing.T) {
	if os.Getenv("XFRM_SHOW") == "" {
		t.Skip("set XFRM_SHOW=1 to print the capture")
	}
	for _, cm := range loadCapture(t, "xfrm.pcap") {
		t.Logf("%d %s %s", cm.frame, cm.msg.TypeName, cm.summary)
		if os.Getenv("XFRM_SHOW") == "tree" {
			t.Logf("\n%s", tree(&cm.msg.Root))
		}
	}
}
