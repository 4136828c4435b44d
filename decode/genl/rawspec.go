package genl

// Protocols decoded from netlink-raw YNL specs (rt-link.yaml, nftables.yaml,
// ovs_*.yaml describe whole netlink protocols, not generic netlink families):
// the spec's message types take the place of the protocol's built-in decoding,
// and every other message type is still decoded as before.
//
//	+----------------------------------------------------------------+
//	| nlmsghdr (type = one of the spec's operation values)            |
//	+----------------------------------------------------------------+
//	| the operation's fixed header (or the spec's), if any            |
//	+----------------------------------------------------------------+
//	| attributes of the operation's attribute set ...                |
//	+----------------------------------------------------------------+

import (
	"fmt"

	"github.com/nldump/nldump/decode"
)

// rawOp is one message type of a netlink-raw spec.
type rawOp struct {
	cname string
	op    decode.Op
	set   *decode.AttrSet
	hdr   *decode.Struct
}

// addRawOp records the request and reply message types of a netlink-raw
// operation (the same value for both in most specs).
func (f *Family) addRawOp(o SpecOp, name string, set *decode.AttrSet, hdr *decode.Struct) {
	if f.raw == nil {
		f.raw = map[uint16]*rawOp{}
	}
	add := func(v int, cname string) {
		if v < 0 || v > 0xffff {
			return
		}
		if cname == "" {
			cname = f.Prefix + name
		}
		if _, dup := f.raw[uint16(v)]; !dup {
			f.raw[uint16(v)] = &rawOp{cname: cname, op: opFromName(name), set: set, hdr: hdr}
		}
	}
	add(o.Req, o.ReqCName)
	add(o.Rsp, o.RspCName)
}

// RawSpecProtocol decodes a netlink protocol from a netlink-raw spec: the
// message types the spec describes by its tables, the others by the decoder
// that was registered before (Next).
type RawSpecProtocol struct {
	// Family holds the spec's tables.
	Family *Family
	// Next decodes the message types the spec does not describe.
	Next decode.Protocol
}

// NewRawSpecProtocol builds the decoder of a netlink-raw spec, falling back to
// next for the message types the spec does not describe.
func NewRawSpecProtocol(s *Spec, next decode.Protocol) (*RawSpecProtocol, error) {
	if s.Protocol != "netlink-raw" {
		return nil, fmt.Errorf("%s: protocol %q is not netlink-raw", s.Name, s.Protocol)
	}
	f, err := s.Build()
	if err != nil {
		return nil, err
	}
	if len(f.raw) == 0 {
		return nil, fmt.Errorf("%s: the spec describes no message types (operations with values)", s.Name)
	}
	return &RawSpecProtocol{Family: f, Next: next}, nil
}

// Name implements decode.Protocol: the protocol keeps its name (nl.protocol
// filters are unchanged by loading a spec).
func (p *RawSpecProtocol) Name() string { return p.Next.Name() }

// MessageType implements decode.Protocol.
func (p *RawSpecProtocol) MessageType(c *decode.Context, t uint16) (string, decode.Op) {
	if o := p.Family.raw[t]; o != nil {
		return o.cname, o.op
	}
	return p.Next.MessageType(c, t)
}

// DecodePayload implements decode.Protocol: the operation's fixed header, then
// its attributes.
func (p *RawSpecProtocol) DecodePayload(c *decode.Context, off, end int) []decode.Field {
	o := p.Family.raw[c.Header.Type]
	if o == nil {
		return p.Next.DecodePayload(c, off, end)
	}
	hdr, set := o.hdr, o.set
	if hdr == nil {
		hdr = p.Family.Header
	}
	if set == nil {
		set = rawAttrs
	}
	var fixed decode.Field
	n, ao := 0, off
	if hdr != nil && off < end {
		fixed = c.Struct(hdr, off, end)
		ao += hdr.Size
		n++
	}
	var attrs []decode.Field
	if ao < end {
		attrs = c.Attrs(set, ao, end)
	}
	f := c.Alloc(n + len(attrs))
	if n > 0 {
		f[0] = fixed
	}
	copy(f[n:], attrs)
	return f
}

// Summary implements decode.Protocol: the built-in decoder's summary for the
// types the spec leaves to it; the spec's types have none (a spec has no
// notion of one).
func (p *RawSpecProtocol) Summary(m *decode.Message) string {
	if p.Family.raw[m.Header.Type] != nil {
		return ""
	}
	return p.Next.Summary(m)
}
