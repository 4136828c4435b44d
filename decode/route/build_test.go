package route

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// wire builds netlink bytes in one byte order, so that each table test runs in both.
type wire struct{ be bool }

func (w wire) order() binary.AppendByteOrder {
	if w.be {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

func (w wire) u16(v uint16) []byte { return w.order().AppendUint16(nil, v) }
func (w wire) u32(v uint32) []byte { return w.order().AppendUint32(nil, v) }
func (w wire) u64(v uint64) []byte { return w.order().AppendUint64(nil, v) }

// be16 and be32 are network-order values, the same in both orders.
func be16(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }
func be32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

func pad4(b []byte) []byte {
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// msg builds an nlmsghdr (nlmsg_len computed, counting the payload without padding)
// followed by the payload, padded to 4.
func (w wire) msg(typ, flags uint16, payload ...[]byte) []byte {
	p := cat(payload...)
	return pad4(cat(w.u32(uint32(16+len(p))), w.u16(typ), w.u16(flags), w.u32(1), w.u32(0), p))
}

// attr builds an nlattr (nla_len computed) with its value, padded.
func (w wire) attr(typ uint16, value ...[]byte) []byte {
	v := cat(value...)
	return pad4(cat(w.u16(uint16(4+len(v))), w.u16(typ), v))
}

// nest builds a nested attribute (NLA_F_NESTED set, as the kernel sets it).
func (w wire) nest(typ uint16, value ...[]byte) []byte {
	return w.attr(typ|unix.NLA_F_NESTED, value...)
}

var orders = []struct {
	name string
	w    wire
}{{"little", wire{false}}, {"big", wire{true}}}

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
