package genl

import (
	"strconv"
	"strings"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/internal/nlwire"
	"golang.org/x/sys/unix"
)

// wire builds netlink bytes in one byte order, for tests that run in both orders.
type wire struct{ nlwire.Wire }

var cat = nlwire.Cat

func str(s string) []byte { return append([]byte(s), 0) }

// msg builds an nlmsghdr (nlmsg_len computed) followed by the payload, padded.
func (w wire) msg(typ, flags uint16, seq, pid uint32, payload ...[]byte) []byte {
	return w.Msg(typ, flags, seq, pid, payload...)
}

// genl builds a genlmsghdr.
func genlhdr(cmd, version uint8) []byte { return []byte{cmd, version, 0, 0} }

func frame(data []byte) *capture.Frame {
	return &capture.Frame{Number: 1, Protocol: unix.NETLINK_GENERIC, Data: data, Length: len(data)}
}

var orders = []struct {
	name string
	w    wire
}{{"little", wire{}}, {"big", wire{nlwire.Wire{BE: true}}}}

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
