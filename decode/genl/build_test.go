package genl

import (
	"encoding/binary"
	"strconv"
	"strings"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// wire builds netlink bytes in one byte order, for tests that run in both orders.
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

func str(s string) []byte { return append([]byte(s), 0) }

// msg builds an nlmsghdr (nlmsg_len computed) followed by the payload, padded.
func (w wire) msg(typ, flags uint16, seq, pid uint32, payload ...[]byte) []byte {
	p := cat(payload...)
	return pad4(cat(w.u32(uint32(16+len(p))), w.u16(typ), w.u16(flags), w.u32(seq), w.u32(pid), p))
}

// genl builds a genlmsghdr.
func genlhdr(cmd, version uint8) []byte { return []byte{cmd, version, 0, 0} }

// attr builds an nlattr (nla_len computed) with its value, padded.
func (w wire) attr(typ uint16, value ...[]byte) []byte {
	v := cat(value...)
	return pad4(cat(w.u16(uint16(4+len(v))), w.u16(typ), v))
}

// nest builds a nested attribute (NLA_F_NESTED set).
func (w wire) nest(typ uint16, value ...[]byte) []byte {
	return w.attr(typ|unix.NLA_F_NESTED, value...)
}

func frame(data []byte) *capture.Frame {
	return &capture.Frame{Number: 1, Protocol: unix.NETLINK_GENERIC, Data: data, Length: len(data)}
}

var orders = []struct {
	name string
	w    wire
}{{"little", wire{false}}, {"big", wire{true}}}

// treeText renders a message tree as "name=value" lines, indented by depth.
func treeText(m *decode.Message) string {
	var b strings.Builder
	m.Root.Walk(func(f *decode.Field, depth int) bool {
		b.WriteString(strings.Repeat(" ", depth))
		b.WriteString(f.Def.Name)
		if v := f.ValueString(); v != "" {
			b.WriteString("=" + v)
		}
		if f.Unknown {
			b.WriteString(" unknown type " + strconv.Itoa(int(f.Type)))
		}
		if f.Note != "" {
			b.WriteString(" !" + f.Note)
		}
		b.WriteString("\n")
		return true
	})
	return b.String()
}

// unknownAttrs lists the unknown attributes of m as "parent>type" strings.
func unknownAttrs(m *decode.Message) []string {
	var out []string
	var walk func(parent string, fs []decode.Field)
	walk = func(parent string, fs []decode.Field) {
		for i := range fs {
			f := &fs[i]
			if f.Unknown {
				out = append(out, parent+">"+strconv.Itoa(int(f.Type)))
			}
			walk(f.Def.Name, f.Children)
		}
	}
	walk(m.TypeName, m.Root.Children)
	return out
}
