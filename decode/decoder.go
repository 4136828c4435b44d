package decode

import (
	"fmt"

	"github.com/nldump/nldump/capture"
	unix "github.com/nldump/nldump/internal/abi"
)

// Decoder decodes frames into messages. It is not safe for concurrent use; use one
// per goroutine. The zero value is not ready: use NewDecoder.
type Decoder struct {
	// Order chooses the byte order of frames.
	Order ByteOrderMode
	// Registry supplies the protocol decoders.
	Registry *Registry
	// Reuse lets the decoder reuse its field memory at every DecodeFrame call: the
	// messages of one call become invalid at the next. Streaming printers set it;
	// holders of messages (the TUI, the session) do not.
	Reuse bool
	// Session holds per-capture state (generic netlink family ids, ...), shared
	// with the protocol decoders.
	Session *Session

	arena    arena
	lastBE   bool
	typeDefs map[typeKey]*FieldDef
	ctx      Context // the message being decoded (reused: it must not escape per message)
	echo     Context // the request echoed in an NLMSG_ERROR
}

type typeKey struct {
	proto Protocol
	typ   uint16
	name  string
}

// NewDecoder returns a decoder with automatic byte order, the default registry and
// a new session.
func NewDecoder() *Decoder {
	return &Decoder{Registry: DefaultRegistry, Session: NewSession(), typeDefs: make(map[typeKey]*FieldDef)}
}

// frameBE chooses the byte order of a frame.
func (d *Decoder) frameBE(b []byte) bool {
	switch d.Order {
	case LittleEndian:
		return false
	case BigEndian:
		return true
	}
	d.lastBE = detectOrder(b, d.lastBE)
	return d.lastBE
}

// DecodeFrame decodes every message of fr and appends them to out[:0]. Messages
// and their fields point into fr.Data.
func (d *Decoder) DecodeFrame(fr *capture.Frame, out []Message) []Message {
	if d.Reuse {
		d.arena.reset()
	} else {
		d.arena.drop()
	}
	out = out[:0]
	data := fr.Data
	be := d.frameBE(data)
	proto := d.Registry.Lookup(fr.Protocol)
	off := 0
	for off < len(data) {
		rem := len(data) - off
		if rem < unix.NLMSG_HDRLEN || u32(data[off:], be) == 0 && allZero(data[off:]) {
			out = d.trailer(fr, out, off, be, proto)
			break
		}
		out = append(out, Message{})
		m := &out[len(out)-1]
		next := d.message(m, fr, off, be, proto)
		m.Index = len(out) - 1
		if next <= off {
			break
		}
		off = next
	}
	return out
}

// trailer shows the bytes after the last message: zero padding attached to the
// last message, anything else as a malformed message of its own.
func (d *Decoder) trailer(fr *capture.Frame, out []Message, off int, be bool, proto Protocol) []Message {
	data := fr.Data
	if allZero(data[off:]) && len(out) > 0 {
		last := &out[len(out)-1]
		kids := d.arena.alloc(len(last.Root.Children) + 1)
		copy(kids, last.Root.Children)
		p := &kids[len(kids)-1]
		p.Def, p.Offset, p.Length, p.Bytes = &defPadding, off, len(data)-off, data[off:]
		last.Root.Children = kids
		return out
	}
	out = append(out, Message{Frame: fr, Index: len(out), Offset: off, Data: data[off:], BigEndian: be,
		Protocol: proto, TypeName: "(malformed)", Malformed: true})
	m := &out[len(out)-1]
	m.Root = Field{Def: &defMsg, Offset: off, Length: len(data) - off}
	kids := d.arena.alloc(1)
	kids[0] = Field{Def: &defGarbage, Offset: off, Length: len(data) - off, Bytes: data[off:]}
	if allZero(data[off:]) {
		kids[0].Def = &defPadding
		m.Malformed = false
		m.TypeName = "(padding)"
	} else {
		kids[0].Note = fmt.Sprintf("%d bytes at offset %d are too short for a %d-byte nlmsghdr", len(data)-off, off, unix.NLMSG_HDRLEN)
	}
	m.Root.Children = kids
	return out
}

// message decodes the message at fr.Data[off:] into m and returns the offset of
// the next message.
func (d *Decoder) message(m *Message, fr *capture.Frame, off int, be bool, proto Protocol) int {
	data := fr.Data
	h := readHeader(data[off:], be)
	*m = Message{Frame: fr, Offset: off, Header: h, BigEndian: be, Protocol: proto}
	d.ctx = Context{Data: data, BigEndian: be, Header: h, Msg: m, d: d}
	c := &d.ctx

	// nlmsg_len is compared as an unsigned number before it becomes an offset:
	// on a 32-bit host int(h.Len) of a length above 2 GiB would be negative.
	end, next := len(data), len(data)
	var lenNote string
	switch {
	case h.Len < unix.NLMSG_HDRLEN:
		lenNote = fmt.Sprintf("nlmsg_len %d at offset %d is below the %d-byte header; the rest of the frame (%d bytes) is shown raw", h.Len, off, unix.NLMSG_HDRLEN, len(data)-off-unix.NLMSG_HDRLEN)
	case uint64(h.Len) <= uint64(len(data)-off):
		end, next = off+int(h.Len), off+align4(int(h.Len))
	default:
		cut := "the frame ends"
		if fr.Truncated() {
			cut = "the capture cut the frame short"
		}
		lenNote = fmt.Sprintf("nlmsg_len %d at offset %d exceeds the %d bytes left in the frame (%s); decoded what is there", h.Len, off, len(data)-off, cut)
	}
	if next > len(data) {
		next = len(data)
	}
	m.Data = data[off:end]

	name, op := d.typeName(c, proto, h.Type)
	if op == OpOther && h.Flags&unix.NLM_F_REQUEST != 0 && h.Flags&unix.NLM_F_DUMP == unix.NLM_F_DUMP {
		op = OpGet // a dump request of a protocol whose types do not say their kind
	}
	m.TypeName, m.Op = name, op
	m.Direction = direction(h)
	if d.Session != nil {
		m.Direction = d.Session.refineDirection(fr.Protocol, h, op, m.Direction)
	}

	// The payload.
	var payload []Field
	po := off + unix.NLMSG_HDRLEN
	switch {
	case h.Type == unix.NLMSG_ERROR:
		payload = d.errorPayload(c, m, po, end)
	case h.Type == unix.NLMSG_DONE:
		payload = d.donePayload(c, m, po, end)
	case h.Type < unix.NLMSG_MIN_TYPE:
		if po < end {
			payload = c.Alloc(1)
			c.SetBytes(&payload[0], &defPayload, po, end)
		}
	default:
		payload = d.safePayload(c, proto, po, end)
	}

	kids := d.arena.alloc(1 + len(payload))
	d.headerField(c, &kids[0], off, h, op, proto, name)
	copy(kids[1:], payload)
	m.Root = Field{Def: &defMsg, Offset: off, Length: end - off, Children: kids}
	if lenNote != "" {
		c.Note(&m.Root, "%s", lenNote)
	}
	return next
}

// safePayload runs a protocol decoder, turning a panic (a decoder bug) into a note
// on the raw payload so that one bad message never stops a capture.
func (d *Decoder) safePayload(c *Context, proto Protocol, off, end int) (fields []Field) {
	if off >= end {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			fields = c.Alloc(1)
			c.SetBytes(&fields[0], &defPayload, off, end)
			c.Note(&fields[0], "decoder error in %s payload at offset %d: %v", proto.Name(), off, r)
		}
	}()
	return proto.DecodePayload(c, off, end)
}

// readHeader reads an nlmsghdr from b (at least 16 bytes).
func readHeader(b []byte, be bool) Header {
	return Header{
		Len:   u32(b, be),
		Type:  u16(b[4:], be),
		Flags: u16(b[6:], be),
		Seq:   u32(b[8:], be),
		Pid:   u32(b[12:], be),
	}
}

// headerField fills f with the nlmsghdr node and its five members.
func (d *Decoder) headerField(c *Context, f *Field, off int, h Header, op Op, proto Protocol, name string) {
	f.Def, f.Offset, f.Length, f.Bytes = &defHdr, off, unix.NLMSG_HDRLEN, c.Data[off:off+unix.NLMSG_HDRLEN]
	k := d.arena.alloc(5)
	c.SetUint(&k[0], &defLen, off, 4, false)
	c.SetUint(&k[1], d.typeDef(proto, h.Type, name), off+4, 2, false)
	c.SetUint(&k[2], &flagDefs[op], off+6, 2, false)
	c.SetUint(&k[3], &defSeq, off+8, 4, false)
	c.SetUint(&k[4], &defPid, off+12, 4, false)
	f.Children = k
}

// typeName names a message type and says how its flags read.
func (d *Decoder) typeName(c *Context, proto Protocol, t uint16) (string, Op) {
	if t < unix.NLMSG_MIN_TYPE {
		if n, ok := controlTypes[t]; ok {
			if t == unix.NLMSG_ERROR || t == unix.NLMSG_DONE {
				return n, OpAck
			}
			return n, OpOther
		}
		return fmt.Sprintf("NLMSG_RESERVED_%d", t), OpOther
	}
	return proto.MessageType(c, t)
}

// typeDef returns a cached nlmsg.type definition whose enum names this type.
func (d *Decoder) typeDef(proto Protocol, t uint16, name string) *FieldDef {
	if d.typeDefs == nil {
		d.typeDefs = make(map[typeKey]*FieldDef)
	}
	k := typeKey{proto, t, name}
	if def, ok := d.typeDefs[k]; ok {
		return def
	}
	def := new(FieldDef)
	*def = defType
	def.Enum = &Enum{Name: "nlmsg_type", Values: map[uint64]string{uint64(t): name}}
	d.typeDefs[k] = def
	return def
}

// direction judges a message's direction from its header. The session refines
// DirNotify to DirReply when it pairs the message with a request.
func direction(h Header) Direction {
	switch {
	case h.Type == unix.NLMSG_ERROR:
		return DirAck // errorPayload sets DirError when the errno is not 0
	case h.Flags&unix.NLM_F_REQUEST != 0:
		return DirRequest
	case h.Type == unix.NLMSG_DONE:
		return DirReply
	case h.Flags&unix.NLM_F_MULTI != 0 && h.Pid != 0:
		// A dump part goes to the requester's port; a kernel message with
		// NLM_F_MULTI to port 0 is a multicast notification (psample's).
		return DirReply
	}
	return DirNotify
}
