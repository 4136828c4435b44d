package route

import (
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/internal/nlwire"
	"golang.org/x/sys/unix"
)

// wire builds netlink bytes in one byte order, so that each table test runs in both.
type wire struct{ nlwire.Wire }

var (
	cat  = nlwire.Cat
	be16 = nlwire.BE16
	be32 = nlwire.BE32
)

// msg builds a message with seq 1 from port 0.
func (w wire) msg(typ, flags uint16, payload ...[]byte) []byte {
	return w.Msg(typ, flags, 1, 0, payload...)
}

var orders = []struct {
	name string
	w    wire
}{{"little", wire{}}, {"big", wire{nlwire.Wire{BE: true}}}}

// decodeAll decodes frames (NETLINK_ROUTE) with one decoder in the given order and
// returns the messages of the last frame.
func decodeAll(t *testing.T, be bool, frames ...[]byte) []decode.Message {
	t.Helper()
	d := decode.NewDecoder()
	d.Order = decode.LittleEndian
	if be {
		d.Order = decode.BigEndian
	}
	var msgs []decode.Message
	for i, data := range frames {
		fr := &capture.Frame{Number: i + 1, Protocol: unix.NETLINK_ROUTE, Data: data, Length: len(data)}
		msgs = d.DecodeFrame(fr, nil)
	}
	return msgs
}

// fieldValue returns the ValueString of the first field with the filter name.
func fieldValue(m *decode.Message, name string) (string, bool) {
	f := m.Field(name)
	if f == nil {
		return "", false
	}
	return f.ValueString(), true
}

// checkMsg checks a message's summary, the values of named fields, and that no
// field is unknown or noted (unless the test expects a malformed message).
func checkMsg(t *testing.T, m *decode.Message, summary string, fields map[string]string, malformed bool) {
	t.Helper()
	if summary != "" && m.Summary() != summary {
		t.Errorf("%s summary:\n got %q\nwant %q", m.TypeName, m.Summary(), summary)
	}
	for name, want := range fields {
		got, ok := fieldValue(m, name)
		if !ok {
			t.Errorf("%s: no field %s\n%s", m.TypeName, name, tree(m))
			continue
		}
		if got != want {
			t.Errorf("%s: %s = %q, want %q", m.TypeName, name, got, want)
		}
	}
	if m.Malformed != malformed {
		t.Errorf("%s: malformed %v, want %v\n%s", m.TypeName, m.Malformed, malformed, tree(m))
	}
	if !malformed {
		m.Root.Walk(func(f *decode.Field, _ int) bool {
			if f.Unknown {
				t.Errorf("%s: unknown attribute %s type %d", m.TypeName, f.Def.Name, f.Type)
			}
			return true
		})
	}
}

// tree renders a message for failure output.
func tree(m *decode.Message) string {
	var b strings.Builder
	m.Root.Walk(func(f *decode.Field, depth int) bool {
		b.WriteString(strings.Repeat("  ", depth) + f.Def.Name)
		if f.Def.Kind != decode.KindNested && f.Def.Kind != decode.KindStruct && f.Def.Kind != decode.KindNone {
			b.WriteString(" = " + f.ValueString())
		}
		if f.Note != "" {
			b.WriteString(" !" + f.Note)
		}
		b.WriteString("\n")
		return true
	})
	return b.String()
}
