package decode

import (
	"fmt"
	"strconv"

	unix "github.com/nldump/nldump/internal/abi"
)

// Context is what a protocol decoder works with while it decodes one message: the
// frame's bytes (every offset indexes them), the frame's byte order, the header of
// the message being decoded (for an echoed request inside NLMSG_ERROR, the echoed
// header), and the decoder's allocator and session state.
type Context struct {
	// Data is the whole frame; offsets are positions in it.
	Data []byte
	// BigEndian is the frame's byte order.
	BigEndian bool
	// Header is the nlmsghdr of the message whose payload is being decoded.
	Header Header
	// Msg is the top-level message being decoded.
	Msg *Message
	// Echoed is true while decoding a request echoed inside NLMSG_ERROR.
	Echoed bool
	// Family is an address family a protocol sets from its fixed header
	// (rtm_family, ifa_family) for address attributes that depend on it.
	Family uint8
	// Selector, if set, is a value a protocol decoder passes down to Custom hooks.
	Selector any

	d *Decoder
}

// Decoder returns the decoder running this context.
func (c *Context) Decoder() *Decoder { return c.d }

// Alloc returns n zeroed fields from the decoder's arena.
func (c *Context) Alloc(n int) []Field {
	if c.d == nil {
		return make([]Field, n)
	}
	return c.d.arena.alloc(n)
}

// Note records a problem on f and marks the message malformed.
func (c *Context) Note(f *Field, format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	if f.Note != "" {
		f.Note += "; " + s
	} else {
		f.Note = s
	}
	if c.Msg != nil {
		c.Msg.Malformed = true
	}
}

// SetBytes makes f a field of def over Data[off:end].
func (c *Context) SetBytes(f *Field, def *FieldDef, off, end int) {
	f.Def, f.Offset, f.Length, f.Bytes = def, off, end-off, c.Data[off:end]
}

// SetUint makes f an integer field of def over Data[off:off+size], read in the
// frame's byte order (or big-endian if be).
func (c *Context) SetUint(f *Field, def *FieldDef, off, size int, be bool) {
	c.SetBytes(f, def, off, off+size)
	f.Value = readUint(f.Bytes, be || c.BigEndian)
	if def.Kind.Signed() {
		f.Value = signExtend(f.Value, size)
	}
}

// U16 reads a 16-bit value at off in the frame's byte order.
func (c *Context) U16(off int) uint16 { return u16(c.Data[off:], c.BigEndian) }

// U32 reads a 32-bit value at off in the frame's byte order.
func (c *Context) U32(off int) uint32 { return u32(c.Data[off:], c.BigEndian) }

// Attrs decodes the attributes in Data[off:end] with set. An attribute the set does
// not describe is shown with its type number and raw bytes; bytes that do not form
// an attribute are shown raw with a note naming their offset.
func (c *Context) Attrs(set *AttrSet, off, end int) []Field {
	if end > len(c.Data) {
		end = len(c.Data)
	}
	if off >= end {
		return nil
	}
	n, stopped := countAttrs(c.Data, off, end, c.BigEndian)
	if stopped {
		n++
	}
	fields := c.Alloc(n)
	it := NewAttrIter(c.Data, off, end, c.BigEndian)
	i := 0
	for it.Next() {
		c.attr(set, &fields[i], &it, off, end)
		i++
	}
	if e := it.Err(); e != nil {
		f := &fields[i]
		c.SetBytes(f, &set.trail, e.Offset, end)
		c.Note(f, "%s; %d bytes shown raw", e.Error(), end-e.Offset)
		i++
	}
	return fields[:i]
}

// attr decodes the iterator's current attribute into f.
func (c *Context) attr(set *AttrSet, f *Field, it *AttrIter, parentOff, parentEnd int) {
	vs, ve := it.Value()
	f.Offset, f.Length, f.Bytes = it.Offset, it.Len, c.Data[vs:ve]
	f.Type, f.Attr = it.Type, it.Bits|attrMark
	a := set.Lookup(it.Type)
	if a == nil {
		f.Def, f.Unknown = &set.unknown, true
		if it.Bits&unix.NLA_F_NESTED != 0 {
			f.Children = c.Attrs(rawNested, vs, ve)
		}
		return
	}
	c.value(a, f, set, vs, ve, parentOff, parentEnd)
}

// value decodes an attribute value Data[vs:ve] as a describes it.
func (c *Context) value(a *Attr, f *Field, set *AttrSet, vs, ve, parentOff, parentEnd int) {
	f.Def = &a.def
	switch {
	case a.Sub != nil:
		if v := c.variant(a.Sub, set, vs, parentOff, parentEnd); v != nil {
			c.value(v, f, set, vs, ve, parentOff, parentEnd)
			return
		}
	case a.Array:
		c.array(a, f, vs, ve)
	case a.Nested != nil:
		f.Children = c.Attrs(a.Nested, vs, ve)
	case a.Struct != nil:
		var short bool
		f.Children, short = c.StructMembers(a.Struct, vs, ve)
		if short {
			c.Note(f, "struct %s needs %d bytes, attribute at offset %d holds %d", a.Struct.CName, a.Struct.Size, f.Offset, ve-vs)
		}
	case a.def.Kind.IsInt():
		size := a.def.Kind.Size()
		n := ve - vs
		if n != size {
			if n == 1 || n == 2 || n == 4 || n == 8 {
				// Keep the value of an integer of another size, with a note; a
				// 64-bit value in 4 bytes is no problem (NLA_UINT is 4 or 8 bytes).
				if n > size || size < 8 {
					c.Note(f, "%s is %d bytes, expected %d", a.CName, n, size)
				}
				size = n
			} else {
				c.Note(f, "%s is %d bytes, expected %d; shown raw", a.CName, n, size)
				return
			}
		}
		be := c.BigEndian || a.BigEndian || f.Attr&unix.NLA_F_NET_BYTEORDER != 0
		f.Value = readUint(f.Bytes, be)
		if a.def.Kind.Signed() {
			f.Value = signExtend(f.Value, size)
		}
	case a.def.Kind == KindFlag:
		if ve > vs {
			c.Note(f, "flag attribute %s carries %d bytes", a.CName, ve-vs)
		}
	}
	if a.Custom != nil {
		a.Custom(c, f)
	}
}

// array decodes an indexed array: each nested attribute's type is its index.
func (c *Context) array(a *Attr, f *Field, vs, ve int) {
	n, stopped := countAttrs(c.Data, vs, ve, c.BigEndian)
	if stopped {
		n++
	}
	kids := c.Alloc(n)
	it := NewAttrIter(c.Data, vs, ve, c.BigEndian)
	i := 0
	elem := a.Elem
	for it.Next() {
		k := &kids[i]
		es, ee := it.Value()
		k.Offset, k.Length, k.Bytes = it.Offset, it.Len, c.Data[es:ee]
		k.Type, k.Attr = it.Type, it.Bits|attrMark
		if elem == nil {
			k.Def = &rawElem
			if it.Bits&unix.NLA_F_NESTED != 0 {
				k.Children = c.Attrs(rawNested, es, ee)
			}
		} else {
			c.value(elem, k, nil, es, ee, vs, ve)
		}
		i++
	}
	if e := it.Err(); e != nil {
		k := &kids[i]
		c.SetBytes(k, &rawTrail, e.Offset, ve)
		c.Note(k, "%s; %d bytes shown raw", e.Error(), ve-e.Offset)
		i++
	}
	f.Children = kids[:i]
}

// variant finds the sub-message variant selected by the sibling attribute. The
// selector's value is a string or an integer as the set describes the selector;
// for a selector the set does not describe, a value ending in NUL (or not 1, 2, 4
// or 8 bytes long) is a string.
func (c *Context) variant(s *SubMessage, set *AttrSet, self, parentOff, parentEnd int) *Attr {
	var selKind Kind
	selBE := false
	if sel := set.Lookup(s.Selector); sel != nil {
		selKind, selBE = sel.def.Kind, sel.BigEndian
	}
	it := NewAttrIter(c.Data, parentOff, parentEnd, c.BigEndian)
	for it.Next() {
		if it.Type != s.Selector || it.Offset+4 == self {
			continue
		}
		vs, ve := it.Value()
		b := c.Data[vs:ve]
		var v *Attr
		var ok bool
		switch {
		case selKind == KindString,
			!selKind.IsInt() && (len(b) > 0 && b[len(b)-1] == 0 || !isIntLen(len(b))):
			v, ok = s.Variants[string(TrimNUL(b))] // no allocation: converted in the index
		default:
			var num [20]byte
			n := strconv.AppendUint(num[:0], readUint(b, c.BigEndian || selBE || it.Bits&unix.NLA_F_NET_BYTEORDER != 0), 10)
			v, ok = s.Variants[string(n)]
		}
		if ok {
			return v
		}
		break
	}
	return s.Default
}

func isIntLen(n int) bool { return n == 1 || n == 2 || n == 4 || n == 8 }

// StructMembers decodes the members of s that fit in Data[off:end]. Bytes beyond the
// struct are shown as one extra field; short reports that the struct did not fit.
func (c *Context) StructMembers(s *Struct, off, end int) (fields []Field, short bool) {
	avail := end - off
	n := 0
	for n < len(s.Members) && s.Members[n].offset+s.Members[n].Size <= avail {
		n++
	}
	extra := avail > s.Size
	short = n < len(s.Members)
	k := n
	if extra || (short && off+s.Members[n].offset < end) {
		k++
	}
	fields = c.Alloc(k)
	for i := 0; i < n; i++ {
		m := &s.Members[i]
		f := &fields[i]
		mo := off + m.offset
		if m.def.Kind.IsInt() {
			c.SetUint(f, &m.def, mo, m.Size, m.BigEndian)
		} else {
			c.SetBytes(f, &m.def, mo, mo+m.Size)
		}
	}
	switch {
	case extra:
		c.SetBytes(&fields[n], &s.extra, off+s.Size, end)
	case k > n:
		c.SetBytes(&fields[n], &s.extra, off+s.Members[n].offset, end)
		c.Note(&fields[n], "struct %s cut short at member %s", s.CName, s.Members[n].CName)
	}
	return fields, short
}

// Struct decodes s at Data[off:end] into one field holding the members.
func (c *Context) Struct(s *Struct, off, end int) Field {
	if end > off+s.Size {
		end = off + s.Size
	}
	f := Field{Def: &s.def, Offset: off, Length: end - off, Bytes: c.Data[off:end]}
	var short bool
	f.Children, short = c.StructMembers(s, off, end)
	if short {
		c.Note(&f, "struct %s needs %d bytes, %d left at offset %d", s.CName, s.Size, end-off, off)
	}
	return f
}

// rawNested is the set used for the children of attributes that carry
// NLA_F_NESTED but that no table describes.
var rawNested = NewAttrSet("NLA", "nla")

var (
	rawElem  = FieldDef{Name: "nla.elem", Label: "Element", Kind: KindBinary}
	rawTrail = FieldDef{Name: "nla.trailing", Label: "Undecoded bytes", Kind: KindBinary}
)
