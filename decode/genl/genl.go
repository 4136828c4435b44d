package genl

// Generic netlink message (include/uapi/linux/genetlink.h), after the nlmsghdr whose
// nlmsg_type is the family id:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|      cmd      |    version    |           reserved            |  struct genlmsghdr
//	+---------------+---------------+---------------+---------------+
//	|   family's fixed header (most families have none) ...         |
//	+---------------+---------------+---------------+---------------+
//	|   attributes (struct nlattr) ...                              |
//	+---------------+---------------+---------------+---------------+
//
// Family ids are handed out at run time (0x10, GENL_ID_CTRL, is always nlctrl): the
// decoder names a family by the id -> name map in decode.Session.GenlFamilies,
// learned from nlctrl messages or set by hand.

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

func init() { decode.Register(unix.NETLINK_GENERIC, Protocol{}) }

// Protocol is the decode.Protocol of NETLINK_GENERIC. It is registered for
// unix.NETLINK_GENERIC by this package's init.
type Protocol struct{}

// Name implements decode.Protocol.
func (Protocol) Name() string { return "generic" }

// rawAttrs is the attribute set of families without a decoder: every attribute is
// shown with its type number, nests are walked.
var rawAttrs = decode.NewAttrSet("ATTR", "genl.attr")

var defRawPayload = decode.FieldDef{Name: "genl.payload", Label: "Payload", Kind: decode.KindBinary,
	Desc: "Payload after genlmsghdr of a family nldump has no decoder for, when it does not walk as attributes."}

// familyOf returns the name and decoder of the family with id t in c's session.
func familyOf(c *decode.Context, t uint16) (string, *Family) {
	if t == unix.GENL_ID_CTRL {
		return ctrlFamily.Name, ctrlFamily
	}
	var name string
	if d := c.Decoder(); d != nil && d.Session != nil {
		name = d.Session.GenlFamilies[t]
	}
	if name == "" {
		return "", nil
	}
	return name, LookupFamily(name)
}

// payloadStart returns the offset of the genlmsghdr of the message c decodes, and
// the end of its bytes; ok is false when the message has no genlmsghdr in the frame
// (an echoed request cut to its header by NLM_F_CAPPED).
func payloadStart(c *decode.Context) (off, end int, ok bool) {
	if c.Msg == nil {
		return 0, 0, false
	}
	off = c.Msg.Offset + unix.NLMSG_HDRLEN
	if c.Echoed {
		if c.Msg.Header.Flags&unix.NLM_F_CAPPED != 0 {
			return 0, 0, false
		}
		off += 4 + unix.NLMSG_HDRLEN // error code, echoed nlmsghdr
	}
	end = off - unix.NLMSG_HDRLEN + int(c.Header.Len)
	if end > len(c.Data) {
		end = len(c.Data)
	}
	return off, end, off+unix.GENL_HDRLEN <= end
}

// MessageType implements decode.Protocol: "ethtool LINKINFO_GET", "nlctrl
// NEWFAMILY"; "ethtool CMD_77" for a command the table lacks; "genl-0x1c CMD_3" for
// a family whose id the capture never explained.
func (Protocol) MessageType(c *decode.Context, t uint16) (string, decode.Op) {
	name, fam := familyOf(c, t)
	off, _, ok := payloadStart(c)
	if fam == nil {
		if name == "" {
			name = UnknownTypeName(t)
		}
		if !ok {
			return cmdTypeName(name, -1), decode.OpOther
		}
		return cmdTypeName(name, int(c.Data[off])), decode.OpOther
	}
	if !ok {
		return fam.Name, decode.OpOther
	}
	cmd := c.Data[off]
	if k := fam.commandOf(cmd, c); k != nil {
		return k.typeName, k.Op
	}
	return cmdTypeName(fam.Name, int(cmd)), decode.OpOther
}

// DecodePayload implements decode.Protocol: genlmsghdr, the family's fixed header,
// then its attributes.
func (Protocol) DecodePayload(c *decode.Context, off, end int) []decode.Field {
	name, fam := familyOf(c, c.Header.Type)
	if end-off < unix.GENL_HDRLEN {
		h := c.Struct(rawHeader, off, end)
		f := c.Alloc(1)
		f[0] = h
		return f
	}
	cmd := c.Data[off]
	if fam == nil {
		return decodeRaw(c, name, off, end)
	}
	hdr := c.Struct(fam.headerOf(c), off, off+unix.GENL_HDRLEN)
	if fam.DumpReply != nil && !c.Echoed && c.Msg != nil && c.Msg.Direction == decode.DirNotify &&
		c.Header.Seq == 0 && fam.DumpReply(c, off, end) {
		c.Msg.Direction = decode.DirReply // a dump reply that looks like a notification
	}
	ao := off + unix.GENL_HDRLEN
	set, fh := fam.Attrs, fam.Header
	if k := fam.commandOf(cmd, c); k != nil {
		if k.Attrs != nil {
			set = k.Attrs
		}
		if k.Header != nil {
			fh = k.Header
		}
	}
	var fixed decode.Field
	n := 1
	if fh != nil {
		fixed = c.Struct(fh, ao, end)
		ao += fh.Size
		n++
	}
	if set == nil {
		set = rawAttrs
	}
	var attrs []decode.Field
	if ao < end {
		attrs = c.Attrs(set, ao, end)
	}
	f := c.Alloc(n + len(attrs))
	f[0] = hdr
	if n > 1 {
		f[1] = fixed
	}
	copy(f[n:], attrs)
	if !c.Echoed && c.Msg != nil {
		c.Msg.Family = fam.Name
		if d := c.Decoder(); d != nil {
			c.Msg.Info = d.Session
		}
		if fam.Learn != nil {
			fam.Learn(c, attrs, cmd)
		}
	}
	return f
}

// decodeRaw decodes the payload of a family without a decoder: genlmsghdr, then
// the rest walked as attributes when it walks exactly, else shown as bytes.
func decodeRaw(c *decode.Context, name string, off, end int) []decode.Field {
	hdr := c.Struct(rawHeader, off, off+unix.GENL_HDRLEN)
	ao := off + unix.GENL_HDRLEN
	var attrs []decode.Field
	if ao < end {
		if walksExactly(c, ao, end) {
			attrs = c.Attrs(rawAttrs, ao, end)
		} else {
			attrs = c.Alloc(1)
			c.SetBytes(&attrs[0], &defRawPayload, ao, end)
		}
	}
	f := c.Alloc(1 + len(attrs))
	f[0] = hdr
	copy(f[1:], attrs)
	if !c.Echoed && c.Msg != nil {
		if name == "" {
			name = UnknownTypeName(c.Header.Type)
		}
		c.Msg.Family = name
	}
	return f
}

// walksExactly reports whether Data[off:end] is a sequence of whole attributes.
func walksExactly(c *decode.Context, off, end int) bool {
	it := decode.NewAttrIter(c.Data, off, end, c.BigEndian)
	n := 0
	for it.Next() {
		n++
	}
	return n > 0 && it.Err() == nil
}

// Summary implements decode.Protocol: the family's own summary, or for a family
// without one the number of attributes.
func (Protocol) Summary(m *decode.Message) string {
	p := m.Payload()
	if len(p) == 0 || len(p[0].Children) == 0 {
		return ""
	}
	cmd := uint8(p[0].Children[0].Value)
	fam := familyByName(m)
	if fam != nil && fam.Summary != nil {
		return fam.Summary(m, cmd, isReply(m.Header.Flags))
	}
	return attrCount(m)
}

// attrCount describes a message by its number of top-level attributes.
func attrCount(m *decode.Message) string {
	n := 0
	for _, f := range m.Payload() {
		if f.IsAttr() {
			n++
		}
	}
	switch n {
	case 0:
		return ""
	case 1:
		return "1 attribute"
	}
	return itoa(n) + " attributes"
}

// familyByName returns the decoder of m's family (m.Family), or nil.
func familyByName(m *decode.Message) *Family {
	if m.Family == "" {
		return nil
	}
	if m.Header.Type == unix.GENL_ID_CTRL {
		return ctrlFamily
	}
	return LookupFamily(m.Family)
}

// sessionOf returns the session m was decoded in (genl messages carry it in Info).
func sessionOf(m *decode.Message) *decode.Session {
	s, _ := m.Info.(*decode.Session)
	return s
}

// addFieldWord appends to a summary the field named name with its label
// ("tunnel 1"), space-separated, when the message has the field.
func addFieldWord(s string, m *decode.Message, label, name string) string {
	f := m.Field(name)
	if f == nil {
		return s
	}
	if s != "" {
		s += " "
	}
	return s + label + f.ValueString()
}
