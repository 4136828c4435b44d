package xfrm

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// A layout is a fixed xfrm struct as the kernel header nests it: xfrm_usersa_info
// holds an xfrm_selector, an xfrm_id and lifetimes, and each of those shows as a
// node with its own members (so that xfrm.sel.daddr names the selector's address
// in every message that carries a selector). Its xfrm_address_t members are 16
// bytes on the wire whatever the family; an IPv4 address fills the first 4, so
// each address is shown in the family that applies to it: the struct's own family
// member, else the family of the struct that holds it (a selector with family 0
// belongs to its SA), else, when nothing says, IPv4 if the last 12 bytes are zero.
type layout struct {
	s *decode.Struct
	// nested holds, by member index, the layout of a struct member (nil if none).
	nested []*layout
	// addr marks, by member index, the xfrm_address_t members.
	addr []bool
	// famOf holds, by member index, the index of the family member that applies
	// to an address member (-1: the struct's family).
	famOf []int
	// famIdx is the index of the struct's own family member, or -1.
	famIdx int
}

// mem is one member of a layout being built.
type mem struct {
	m     decode.Member
	sub   *layout // a nested struct
	addr  bool    // an xfrm_address_t
	famOf string  // the C name of the family member of this address, if not the struct's
	fam   bool    // the struct's family member
}

// newLayout builds a layout and its decode.Struct (C name cname, filter prefix
// filter).
func newLayout(cname, filter string, mems ...mem) *layout {
	ms := make([]decode.Member, len(mems))
	for i, m := range mems {
		ms[i] = m.m
	}
	l := &layout{
		s:      decode.NewStruct(cname, filter, ms...),
		nested: make([]*layout, len(mems)),
		addr:   make([]bool, len(mems)),
		famOf:  make([]int, len(mems)),
		famIdx: -1,
	}
	for i, m := range mems {
		if m.sub != nil {
			// The nested struct's members show below this struct's member.
			l.s.Produces = append(l.s.Produces, m.sub.s.FieldDefs()...)
			l.s.Produces = append(l.s.Produces, m.sub.s.Produces...)
		}
		l.nested[i], l.addr[i], l.famOf[i] = m.sub, m.addr, -1
		if m.fam {
			l.famIdx = i
		}
		if m.famOf != "" {
			for j := range mems {
				if mems[j].m.CName == m.famOf {
					l.famOf[i] = j
				}
			}
		}
	}
	return l
}

// Member constructors. Each takes the C member name and a sentence of description.
func u8m(cname, desc string) mem {
	return mem{m: decode.Member{CName: cname, Kind: decode.KindU8, Desc: desc}}
}
func u16m(cname, desc string) mem {
	return mem{m: decode.Member{CName: cname, Kind: decode.KindU16, Desc: desc}}
}
func u32m(cname, desc string) mem {
	return mem{m: decode.Member{CName: cname, Kind: decode.KindU32, Desc: desc}}
}
func s32m(cname, desc string) mem {
	return mem{m: decode.Member{CName: cname, Kind: decode.KindS32, Desc: desc}}
}
func u64m(cname, desc string) mem {
	return mem{m: decode.Member{CName: cname, Kind: decode.KindU64, Desc: desc}}
}
func be16m(cname, desc string) mem {
	return mem{m: decode.Member{CName: cname, Kind: decode.KindU16, BigEndian: true, Desc: desc}}
}
func strm(cname string, size int, desc string) mem {
	return mem{m: decode.Member{CName: cname, Kind: decode.KindString, Size: size, Desc: desc}}
}
func padm(n int) mem { return mem{m: decode.Member{Kind: decode.KindPad, Size: n}} }

// addrm is an xfrm_address_t member.
func addrm(cname, desc string) mem {
	return mem{m: decode.Member{CName: cname, Kind: decode.KindAddr, Size: 16, Desc: desc}, addr: true}
}

// famm is the struct's address family member (__u16).
func famm(cname, desc string) mem {
	return mem{m: decode.Member{CName: cname, Kind: decode.KindU16, Enum: familyEnum, Desc: desc}, fam: true}
}

// subm is a member that is itself a struct.
func subm(cname string, l *layout, desc string) mem {
	return mem{m: decode.Member{CName: cname, Label: "struct " + l.s.CName + " " + cname,
		Kind: decode.KindStruct, Size: l.s.Size, Desc: desc}, sub: l}
}

// with* qualify a member.
func (m mem) enum(e *decode.Enum) mem     { m.m.Enum = e; return m }
func (m mem) flags(f *decode.FlagSet) mem { m.m.Flags = f; return m }
func (m mem) hex() mem                    { m.m.Display = decode.DisplayHex; return m }
func (m mem) unit(u string) mem           { m.m.Unit = u; return m }
func (m mem) familyFrom(cname string) mem { m.famOf = cname; return m }
func (m mem) named(name string) mem       { m.m.Name = name; return m }

// decode decodes the layout at Data[off:end] into one field; fam is the address
// family that applies when the struct says none.
func (l *layout) decode(c *decode.Context, off, end int, fam uint16) decode.Field {
	f := c.Struct(l.s, off, end)
	l.fill(c, f.Children, fam)
	return f
}

// fill decodes the nested structs among fields (what c.StructMembers returned for
// l.s) and shows each address in its family: the struct's own, else fam, else
// the first family a nested struct gives (an acquire's selector).
func (l *layout) fill(c *decode.Context, fields []decode.Field, fam uint16) {
	l.nest(c, fields)
	if fam == 0 {
		fam = l.family(fields)
	}
	l.families(fields, fam)
}

// nest decodes the nested structs among fields, recursively.
func (l *layout) nest(c *decode.Context, fields []decode.Field) {
	n := l.present(fields)
	for i := 0; i < n; i++ {
		if sub := l.nested[i]; sub != nil {
			f := &fields[i]
			f.Children, _ = c.StructMembers(sub.s, f.Offset, f.Offset+f.Length)
			sub.nest(c, f.Children)
		}
	}
}

// families shows the addresses among fields in their family, recursively; fam
// applies where a struct has no family of its own (or its family is 0).
func (l *layout) families(fields []decode.Field, fam uint16) {
	n := l.present(fields)
	if i := l.famIdx; i >= 0 && i < n && fields[i].Value != 0 {
		fam = uint16(fields[i].Value)
	}
	for i := 0; i < n; i++ {
		f := &fields[i]
		switch {
		case l.nested[i] != nil:
			l.nested[i].families(f.Children, fam)
		case l.addr[i]:
			a := fam
			if j := l.famOf[i]; j >= 0 && j < n {
				a = uint16(fields[j].Value)
			}
			setFamily(f, a)
		}
	}
}

// present returns how many of fields are whole members of l: c.StructMembers
// returns the members that fit, in order, then at most one extra field (the bytes
// of a cut member, or bytes beyond the struct).
func (l *layout) present(fields []decode.Field) int {
	k := min(len(fields), len(l.s.Members))
	if k > 0 && fields[k-1].Def != l.s.Members[k-1].Def() {
		k--
	}
	return k
}

// family returns the first non-zero address family found in fields (the struct's
// own family member, else a nested struct's), or 0.
func (l *layout) family(fields []decode.Field) uint16 {
	n := l.present(fields)
	if i := l.famIdx; i >= 0 && i < n && fields[i].Value != 0 {
		return uint16(fields[i].Value)
	}
	for i := 0; i < n; i++ {
		if sub := l.nested[i]; sub != nil {
			if fam := sub.family(fields[i].Children); fam != 0 {
				return fam
			}
		}
	}
	return 0
}

// setFamily shows a 16-byte xfrm_address_t as an IPv4 address when it is one: the
// field keeps its 16 bytes' offset and length (the hex view marks them all) while
// its value is the first 4.
func setFamily(f *decode.Field, fam uint16) {
	if len(f.Bytes) != 16 {
		return
	}
	switch fam {
	case unix.AF_INET6:
		return
	case unix.AF_INET:
		f.Bytes = f.Bytes[:4]
		return
	}
	for _, b := range f.Bytes[4:] {
		if b != 0 {
			return
		}
	}
	f.Bytes = f.Bytes[:4]
}

// attrHook returns a Custom hook for an attribute holding the layout: the nested
// structs and address families, with c.Family (the message's family) as default.
func (l *layout) attrHook() func(c *decode.Context, f *decode.Field) {
	return func(c *decode.Context, f *decode.Field) {
		l.fill(c, f.Children, uint16(c.Family))
	}
}

// arrayHook returns a Custom hook for an attribute holding an array of the layout
// (XFRMA_TMPL, XFRMA_MIGRATE): one child per struct, a short last one noted.
func (l *layout) arrayHook() func(c *decode.Context, f *decode.Field) {
	return func(c *decode.Context, f *decode.Field) {
		vs := f.Offset + 4
		ve := vs + len(f.Bytes)
		size := l.s.Size
		n, rest := (ve-vs)/size, (ve-vs)%size
		k := n
		if rest != 0 {
			k++
		}
		kids := c.Alloc(k)
		for i := 0; i < n; i++ {
			o := vs + i*size
			kids[i] = l.decode(c, o, o+size, uint16(c.Family))
		}
		if rest != 0 {
			kids[n] = l.decode(c, ve-rest, ve, uint16(c.Family))
		}
		f.Children = kids
	}
}

// addrAttrHook shows an xfrm_address_t attribute (XFRMA_SRCADDR, XFRMA_COADDR) in
// the message's family.
func addrAttrHook(c *decode.Context, f *decode.Field) { setFamily(f, uint16(c.Family)) }
