package decode

import (
	"strconv"
	"sync"
)

// Registry maps netlink protocol numbers to their decoders.
type Registry struct {
	mu     sync.RWMutex
	protos map[uint16]Protocol
	// gen counts Register calls; fields caches Fields() for one gen.
	gen    uint64
	fields *fieldCache
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{protos: make(map[uint16]Protocol)} }

// DefaultRegistry is the registry protocol packages register into from their init
// functions (import them for their side effect, as cmd/nldump does).
var DefaultRegistry = NewRegistry()

// Register adds a protocol decoder to DefaultRegistry.
func Register(proto uint16, p Protocol) { DefaultRegistry.Register(proto, p) }

// Register adds a protocol decoder, replacing any earlier one for proto.
func (r *Registry) Register(proto uint16, p Protocol) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.protos[proto] = p
	r.gen++
}

// Lookup returns the decoder of proto, or a raw decoder that names the protocol and
// walks its payload as attributes.
func (r *Registry) Lookup(proto uint16) Protocol {
	r.mu.RLock()
	p, ok := r.protos[proto]
	r.mu.RUnlock()
	if ok {
		return p
	}
	return rawProtocol(proto)
}

// rawProtocols caches the raw decoders of protocols without a decoder of their own.
var rawProtocols sync.Map // uint16 -> *RawProtocol

func rawProtocol(proto uint16) Protocol {
	if p, ok := rawProtocols.Load(proto); ok {
		return p.(*RawProtocol)
	}
	p, _ := rawProtocols.LoadOrStore(proto, NewRawProtocol(ProtocolName(proto)))
	return p.(*RawProtocol)
}

// RawProtocol decodes a protocol that has no decoder of its own: its message types are
// numbers, its fixed header is shown as bytes and the attributes after it are
// walked (see DecodePayload); a payload that does not parse so is shown as bytes.
type RawProtocol struct {
	names   sync.Map // uint16 -> string, "type-N"
	name    string
	set     *AttrSet
	payload FieldDef
	header  FieldDef
}

// NewRawProtocol returns a raw decoder for the protocol called name.
func NewRawProtocol(name string) *RawProtocol {
	return &RawProtocol{
		name: name,
		set:  NewAttrSet("ATTR", name+".attr"),
		payload: FieldDef{Name: name + ".payload", Label: "Payload", Kind: KindBinary,
			Desc: "Message payload of a protocol nldump has no decoder for."},
		header: FieldDef{Name: name + ".header", Label: "Fixed header (not decoded)", Kind: KindBinary,
			Desc: "The bytes before the attributes of a protocol nldump has no decoder for: its fixed header."},
	}
}

// Name implements Protocol.
func (p *RawProtocol) Name() string { return p.name }

// MessageType implements Protocol: the type as a number.
func (p *RawProtocol) MessageType(c *Context, t uint16) (string, Op) {
	if n, ok := p.names.Load(t); ok {
		return n.(string), OpOther
	}
	n := "type-" + strconv.Itoa(int(t))
	p.names.Store(t, n)
	return n, OpOther
}

// maxRawHeader bounds the fixed header RawProtocol looks for before attributes
// (struct xfrm_usersa_info, the largest of the tapped protocols', is 224 bytes).
const maxRawHeader = 256

// DecodePayload implements Protocol. Most protocols put a fixed header before
// their attributes (nfgenmsg, inet_diag_msg, xfrm_usersa_info), so the payload is
// shown as the shortest 4-aligned header after which the rest walks exactly as
// attributes, and the attributes walked; a payload with no such split is bytes.
func (p *RawProtocol) DecodePayload(c *Context, off, end int) []Field {
	if off >= end {
		return nil
	}
	for h := off; h < end && h-off <= maxRawHeader; h += 4 {
		n, stopped := countAttrs(c.Data, h, end, c.BigEndian)
		if n == 0 || stopped {
			continue
		}
		attrs := c.Attrs(p.set, h, end)
		if h == off {
			return attrs
		}
		f := c.Alloc(1 + len(attrs))
		c.SetBytes(&f[0], &p.header, off, h)
		copy(f[1:], attrs)
		return f
	}
	f := c.Alloc(1)
	c.SetBytes(&f[0], &p.payload, off, end)
	return f
}

// Summary implements Protocol.
func (p *RawProtocol) Summary(m *Message) string { return "" }

func itoa(n int) string { return strconv.Itoa(n) }
