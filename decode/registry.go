package decode

import (
	"strconv"
	"sync"
)

// Registry maps netlink protocol numbers to their decoders.
type Registry struct {
	mu     sync.RWMutex
	protos map[uint16]Protocol
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
// numbers and its payload is walked as attributes when it parses as attributes, and
// shown as bytes otherwise.
type RawProtocol struct {
	names   sync.Map // uint16 -> string, "type-N"
	name    string
	set     *AttrSet
	payload FieldDef
}

// NewRawProtocol returns a raw decoder for the protocol called name.
func NewRawProtocol(name string) *RawProtocol {
	return &RawProtocol{
		name: name,
		set:  NewAttrSet("ATTR", name+".attr"),
		payload: FieldDef{Name: name + ".payload", Label: "Payload", Kind: KindBinary,
			Desc: "Message payload of a protocol nldump has no decoder for."},
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

// DecodePayload implements Protocol: the payload as attributes if it walks as
// attributes exactly, else as bytes.
func (p *RawProtocol) DecodePayload(c *Context, off, end int) []Field {
	if off >= end {
		return nil
	}
	if n, stopped := countAttrs(c.Data, off, end, c.BigEndian); n > 0 && !stopped {
		return c.Attrs(p.set, off, end)
	}
	f := c.Alloc(1)
	c.SetBytes(&f[0], &p.payload, off, end)
	return f
}

// Summary implements Protocol.
func (p *RawProtocol) Summary(m *Message) string { return "" }

func itoa(n int) string { return strconv.Itoa(n) }
