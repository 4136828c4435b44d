package sockdiag

import (
	"strconv"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

func init() { decode.Register(unix.NETLINK_SOCK_DIAG, Proto{}) }

// Proto is the NETLINK_SOCK_DIAG decoder; init registers it for protocol 4.
type Proto struct{}

// Name implements decode.Protocol.
func (Proto) Name() string { return "sock_diag" }

// MessageType implements decode.Protocol. Every sock_diag request is a GET (dumps
// carry NLM_F_DUMP) except SOCK_DESTROY, which closes the sockets it matches.
func (Proto) MessageType(c *decode.Context, t uint16) (string, decode.Op) {
	switch t {
	case unix.SOCK_DIAG_BY_FAMILY:
		return "SOCK_DIAG_BY_FAMILY", decode.OpGet
	case unix.SOCK_DESTROY:
		return "SOCK_DESTROY", decode.OpDel
	case tcpdiagGetsock:
		return "TCPDIAG_GETSOCK", decode.OpGet
	case dccpdiagGetsock:
		return "DCCPDIAG_GETSOCK", decode.OpGet
	}
	return "SOCK_DIAG_" + strconv.Itoa(int(t)), decode.OpOther
}

// Field definitions for payloads the tables do not describe.
var (
	defRaw = decode.FieldDef{Name: "sdiag.payload", Label: "Payload", Kind: decode.KindBinary,
		Desc: "Payload of a sock_diag message type or address family nldump does not decode."}
)

// sockDiagReq is struct sock_diag_req, shown for families without a decoder.
var sockDiagReq = decode.NewStruct("sock_diag_req", "sdiag",
	decode.Member{CName: "sdiag_family", Name: "sdiag.family", Kind: decode.KindU8, Enum: familyEnum, Desc: "Address family of the sockets asked for."},
	decode.Member{CName: "sdiag_protocol", Name: "sdiag.protocol", Kind: decode.KindU8, Desc: "Protocol of the sockets asked for (family-specific)."},
)

// DecodePayload implements decode.Protocol: the layout follows the message's
// direction (NLM_F_REQUEST) and the address family in its first byte.
func (Proto) DecodePayload(c *decode.Context, off, end int) []decode.Field {
	t := c.Header.Type
	if t != unix.SOCK_DIAG_BY_FAMILY && t != unix.SOCK_DESTROY && t != tcpdiagGetsock && t != dccpdiagGetsock {
		return raw(c, off, end)
	}
	fam := c.Data[off]
	c.Family = fam
	legacy := t == tcpdiagGetsock || t == dccpdiagGetsock
	if c.Header.Flags&unix.NLM_F_REQUEST != 0 {
		switch {
		case legacy:
			proto := uint16(unix.IPPROTO_TCP)
			if t == dccpdiagGetsock {
				proto = unix.IPPROTO_DCCP
			}
			noteRequest(c, proto)
			return inetRequest(c, off, end, true)
		case fam == unix.AF_INET || fam == unix.AF_INET6:
			if end-off > 1 {
				noteRequest(c, requestProtocol(c, off, end))
			}
			return inetRequest(c, off, end, false)
		case fam == unix.AF_UNIX:
			return headerAttrs(c, unixReq, nil, off, end)
		case fam == unix.AF_NETLINK:
			return headerAttrs(c, netlinkReq, nil, off, end)
		case fam == unix.AF_PACKET:
			return headerAttrs(c, packetReq, nil, off, end)
		case fam == unix.AF_VSOCK:
			return headerAttrs(c, vsockReq, nil, off, end)
		case fam == unix.AF_XDP:
			return headerAttrs(c, xdpReq, nil, off, end)
		}
		return headerRaw(c, off, end)
	}
	switch {
	case legacy || fam == unix.AF_INET || fam == unix.AF_INET6:
		switch {
		case t == dccpdiagGetsock:
			setProtocol(c, unix.IPPROTO_DCCP)
		case t == tcpdiagGetsock:
			setProtocol(c, unix.IPPROTO_TCP)
		default:
			setProtocol(c, replyProtocol(c)) // INET_DIAG_PROTOCOL, if there, overrides it
		}
		return inetReply(c, off, end)
	case fam == unix.AF_UNIX:
		return headerAttrs(c, unixMsg, unixAttrs, off, end)
	case fam == unix.AF_NETLINK:
		return headerAttrs(c, netlinkMsg, netlinkAttrs, off, end)
	case fam == unix.AF_PACKET:
		return headerAttrs(c, packetMsg, packetAttrs, off, end)
	case fam == unix.AF_VSOCK:
		return headerAttrs(c, vsockMsg, nil, off, end)
	case fam == unix.AF_XDP:
		return headerAttrs(c, xdpMsg, xdpAttrs, off, end)
	}
	return raw(c, off, end)
}

// headerAttrs decodes the fixed header s at off and set's attributes after it
// (a set of nil: the bytes after the header are shown raw, with a note).
func headerAttrs(c *decode.Context, s *decode.Struct, set *decode.AttrSet, off, end int) []decode.Field {
	h := c.Struct(s, off, end)
	ao := off + (s.Size+3)&^3
	if ao >= end {
		f := c.Alloc(1)
		f[0] = h
		return f
	}
	var attrs []decode.Field
	if set != nil {
		attrs = c.Attrs(set, ao, end)
	} else {
		attrs = c.Alloc(1)
		c.SetBytes(&attrs[0], &defRaw, ao, end)
		c.Note(&attrs[0], "%d bytes after struct %s at offset %d: this message carries no attributes", end-ao, s.CName, ao)
	}
	f := c.Alloc(1 + len(attrs))
	f[0] = h
	copy(f[1:], attrs)
	return f
}

// headerRaw shows a request of a family without a decoder: struct sock_diag_req
// and the rest raw.
func headerRaw(c *decode.Context, off, end int) []decode.Field {
	if end-off <= sockDiagReq.Size {
		f := c.Alloc(1)
		f[0] = c.Struct(sockDiagReq, off, end)
		return f
	}
	f := c.Alloc(2)
	f[0] = c.Struct(sockDiagReq, off, end)
	c.SetBytes(&f[1], &defRaw, off+sockDiagReq.Size, end)
	return f
}

func raw(c *decode.Context, off, end int) []decode.Field {
	f := c.Alloc(1)
	c.SetBytes(&f[0], &defRaw, off, end)
	return f
}

// Summary implements decode.Protocol.
func (Proto) Summary(m *decode.Message) string {
	defer func() { _ = recover() }() // a summary never takes the printer down
	return summary(m)
}

// Fields implements decode.FieldLister: the definitions no table holds.
func (Proto) Fields() []*decode.FieldDef {
	return append([]*decode.FieldDef{&defRaw, &defBcOp, &defAbstract, &defGroup}, bitFieldDefs()...)
}
