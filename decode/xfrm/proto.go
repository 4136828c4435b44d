package xfrm

import (
	"strconv"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

func init() { decode.Register(unix.NETLINK_XFRM, Proto{}) }

// Proto is the NETLINK_XFRM decoder; init registers it for protocol 6.
type Proto struct{}

// Name implements decode.Protocol.
func (Proto) Name() string { return "xfrm" }

// MessageType implements decode.Protocol: the XFRM_MSG_* name and its kind
// (NEW and UPD types create, DEL and FLUSH delete, GET types get).
func (Proto) MessageType(c *decode.Context, t uint16) (string, decode.Op) {
	md := lookupMsg(t)
	if md == nil {
		return "XFRM_MSG_" + strconv.Itoa(int(t)), decode.OpOther
	}
	return md.name, md.op
}

// rawXFRM walks the payload of a message type this decoder does not know.
var rawXFRM = decode.NewRawProtocol("xfrm")

// DecodePayload implements decode.Protocol: the type's fixed struct, its
// addresses in the message's family, then the attributes.
func (Proto) DecodePayload(c *decode.Context, off, end int) []decode.Field {
	md := lookupMsg(c.Header.Type)
	if md == nil {
		return rawXFRM.DecodePayload(c, off, end)
	}
	c.Family = 0
	if md.hdr == nil || md.dumpAttrs && isDumpRequest(c.Header) && !headerFirst(c, md, off, end) {
		return c.Attrs(md.set, off, end)
	}
	h := md.hdr.decode(c, off, end, 0)
	c.Family = uint8(md.hdr.family(h.Children))
	ao := off + align4(md.hdr.s.Size)
	var attrs []decode.Field
	if ao < end {
		attrs = c.Attrs(md.set, ao, end)
	}
	f := c.Alloc(1 + len(attrs))
	f[0] = h
	copy(f[1:], attrs)
	return f
}

// Summary implements decode.Protocol.
func (Proto) Summary(m *decode.Message) string {
	md := lookupMsg(m.Header.Type)
	if md == nil || md.summary == nil {
		return ""
	}
	defer func() { _ = recover() }() // a summary never takes the printer down
	return md.summary(m, m.Payload())
}

func align4(n int) int { return (n + 3) &^ 3 }

// isDumpRequest reports whether h is a dump request.
func isDumpRequest(h decode.Header) bool {
	return h.Flags&unix.NLM_F_REQUEST != 0 && h.Flags&unix.NLM_F_DUMP == unix.NLM_F_DUMP
}

// headerFirst reports whether a dump request, whose payload the kernel reads as
// attributes only, nonetheless starts with the type's fixed struct: some key
// managers send a zeroed xfrm_usersa_id or xfrm_userpolicy_id, which the kernel's
// attribute parser stops at (nla_len 0). A payload that walks as attributes is
// attributes.
func headerFirst(c *decode.Context, md *msgDef, off, end int) bool {
	if end-off < md.hdr.s.Size {
		return false
	}
	it := decode.NewAttrIter(c.Data, off, end, c.BigEndian)
	for it.Next() {
	}
	return it.Err() != nil
}

// Fields implements decode.FieldLister: the definitions hooks give fields (the
// algorithm key, the security context string, the ESN bitmap), which no attribute
// set or struct lists.
func (Proto) Fields() []*decode.FieldDef { return []*decode.FieldDef{&keyDef, &ctxStrDef, &bmpDef} }
