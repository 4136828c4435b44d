package route

import (
	"strconv"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

func init() { decode.Register(unix.NETLINK_ROUTE, Proto{}) }

// Proto is the NETLINK_ROUTE decoder; init registers it for protocol 0.
type Proto struct{}

// Name implements decode.Protocol.
func (Proto) Name() string { return "route" }

// MessageType implements decode.Protocol: the RTM_* name, and the operation kind
// from (type - RTM_BASE) & 3 (0 NEW, 1 DEL, 2 GET, 3 SET). SET types have no fixed
// reading of the upper flag bits.
func (Proto) MessageType(c *decode.Context, t uint16) (string, decode.Op) {
	md := lookupMsg(t)
	if md == nil {
		return "RTM_" + strconv.Itoa(int(t)), decode.OpOther
	}
	return md.name, opOf(t)
}

// opOf returns the operation kind of an rtnetlink message type.
func opOf(t uint16) decode.Op {
	switch (t - unix.RTM_BASE) & 3 {
	case 0:
		return decode.OpNew
	case 1:
		return decode.OpDel
	case 2:
		return decode.OpGet
	}
	return decode.OpOther
}

// DecodePayload implements decode.Protocol: the family header chosen by type and
// length, then the type's attributes.
func (Proto) DecodePayload(c *decode.Context, off, end int) []decode.Field {
	md := lookupMsg(c.Header.Type)
	if md == nil {
		return rawPayload(c, off, end)
	}
	if c.Msg != nil {
		c.Msg.Info = c.Decoder().Session
	}
	if md.decode != nil {
		return md.decode(c, md, off, end)
	}
	return decodeStd(c, md, off, end)
}

// Summary implements decode.Protocol.
func (Proto) Summary(m *decode.Message) string {
	md := lookupMsg(m.Header.Type)
	if md == nil || md.summary == nil {
		return ""
	}
	defer func() { _ = recover() }() // a summary never takes the printer down
	return md.summary(m)
}

// msgDef describes one RTM_* message type.
type msgDef struct {
	// name is the C name (RTM_NEWLINK).
	name string
	// hdr is the family header.
	hdr *decode.Struct
	// set is the attribute set after the header.
	set *decode.AttrSet
	// decode, if set, replaces the standard header-then-attributes decoding.
	decode func(c *decode.Context, md *msgDef, off, end int) []decode.Field
	// after, if set, runs after standard decoding (learning link names).
	after func(c *decode.Context, fields []decode.Field)
	// summary makes the one-line summary.
	summary func(m *decode.Message) string
}

// msgTable is indexed by nlmsg_type; filled by init in msgtypes.go.
var msgTable [unix.RTM_MAX + 1]*msgDef

func lookupMsg(t uint16) *msgDef {
	if int(t) < len(msgTable) {
		return msgTable[t]
	}
	return nil
}

var rawDef = decode.FieldDef{Name: "rtnl.payload", Label: "Payload", Kind: decode.KindBinary,
	Desc: "Payload of an rtnetlink message type nldump does not know."}

func rawPayload(c *decode.Context, off, end int) []decode.Field {
	f := c.Alloc(1)
	c.SetBytes(&f[0], &rawDef, off, end)
	return f
}

func align4(n int) int { return (n + 3) &^ 3 }

// decodeStd decodes the family header (or the short form the request carries) and
// the attributes after it.
func decodeStd(c *decode.Context, md *msgDef, off, end int) []decode.Field {
	hdr, set := chooseHeader(c, md, off, end)
	return headerAndAttrs(c, md, hdr, set, off, end)
}

// headerAndAttrs decodes hdr at off and set's attributes after it.
func headerAndAttrs(c *decode.Context, md *msgDef, hdr *decode.Struct, set *decode.AttrSet, off, end int) []decode.Field {
	if off < end {
		c.Family = c.Data[off]
	}
	h := c.Struct(hdr, off, end)
	ao := off + align4(hdr.Size)
	var attrs []decode.Field
	if ao < end && set != nil {
		attrs = c.Attrs(set, ao, end)
	} else if ao < end {
		attrs = rawPayload(c, ao, end)
	}
	f := c.Alloc(1 + len(attrs))
	f[0] = h
	copy(f[1:], attrs)
	if md.after != nil {
		md.after(c, f)
	}
	return f
}
