package route

import (
	"strings"

	"github.com/nldump/nldump/decode"
)

// Table-building helpers shared by the attribute tables.

// u8a, u16a, ... build common attribute descriptions tersely.
func u8a(t uint16, cname string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindU8}
}
func u16a(t uint16, cname string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindU16}
}
func u32a(t uint16, cname string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindU32}
}
func u64a(t uint16, cname string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindU64}
}
func s32a(t uint16, cname string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindS32}
}
func stra(t uint16, cname string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindString}
}
func addra(t uint16, cname string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindAddr}
}
func maca(t uint16, cname string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindMAC}
}
func flaga(t uint16, cname string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindFlag}
}
func pada(t uint16, cname string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindPad}
}
func bina(t uint16, cname string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindBinary}
}

// be16a and be32a are integers in network byte order (ports, keys, labels).
func be16a(t uint16, cname string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindU16, BigEndian: true}
}
func be32a(t uint16, cname string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindU32, BigEndian: true}
}

// unit sets an integer attribute's unit.
func unit(a decode.Attr, u string) decode.Attr { a.Unit = u; return a }

// enum sets an integer attribute's enum.
func enum(a decode.Attr, e *decode.Enum) decode.Attr { a.Enum = e; return a }

// flags sets an integer attribute's flag table.
func flags(a decode.Attr, f *decode.FlagSet) decode.Attr { a.Flags = f; return a }

// hex sets hexadecimal display.
func hex(a decode.Attr) decode.Attr { a.Display = decode.DisplayHex; return a }

// structa is an attribute holding a fixed struct.
func structa(t uint16, cname string, s *decode.Struct) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Struct: s}
}

// nesta is an attribute holding a nested set.
func nesta(t uint16, cname string, s *decode.AttrSet) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Nested: s}
}

// u8m ... build struct members tersely.
func u8m(cname string) decode.Member  { return decode.Member{CName: cname, Kind: decode.KindU8} }
func u16m(cname string) decode.Member { return decode.Member{CName: cname, Kind: decode.KindU16} }
func u32m(cname string) decode.Member { return decode.Member{CName: cname, Kind: decode.KindU32} }
func u64m(cname string) decode.Member { return decode.Member{CName: cname, Kind: decode.KindU64} }
func s32m(cname string) decode.Member { return decode.Member{CName: cname, Kind: decode.KindS32} }
func padm(n int) decode.Member        { return decode.Member{Kind: decode.KindPad, Size: n} }

// u32Members returns one u32 member per name.
func u32Members(names ...string) []decode.Member {
	m := make([]decode.Member, len(names))
	for i, n := range names {
		m[i] = u32m(n)
	}
	return m
}

// u64Members returns one u64 member per name.
func u64Members(names ...string) []decode.Member {
	m := make([]decode.Member, len(names))
	for i, n := range names {
		m[i] = u64m(n)
	}
	return m
}

// structMin returns a Custom hook decoding s from the attribute value; a value of at
// least min bytes is whole (an older kernel's shorter struct is not a problem).
func structMin(s *decode.Struct, min int) func(c *decode.Context, f *decode.Field) {
	return func(c *decode.Context, f *decode.Field) {
		vs := f.Offset + 4
		ve := vs + len(f.Bytes)
		kids, short := c.StructMembers(s, vs, ve)
		f.Children = kids
		if short && ve-vs < min {
			c.Note(f, "struct %s needs at least %d bytes, attribute at offset %d holds %d", s.CName, min, f.Offset, ve-vs)
		}
	}
}

// minStruct is an attribute holding a struct whose tail members may be missing on
// older kernels.
func minStruct(t uint16, cname string, s *decode.Struct, min int) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindStruct, Custom: structMin(s, min), Produces: s.FieldDefs()}
}

// intArray describes a value that is a packed array of integers (not attributes),
// such as IFLA_INET_CONF: element i is named names[i-first] when there is a name.
type intArray struct {
	kind  decode.Kind
	size  int
	first int
	defs  []decode.FieldDef
	other decode.FieldDef
}

// newIntArray builds an intArray; filter is the filter-name prefix of the elements,
// prefix the C-name prefix stripped from names to make filter names.
func newIntArray(kind decode.Kind, filter, prefix string, first int, unitName string, names ...string) *intArray {
	a := &intArray{kind: kind, size: kind.Size(), first: first}
	a.defs = make([]decode.FieldDef, len(names))
	for i, n := range names {
		short := strings.ToLower(strings.TrimPrefix(n, prefix))
		a.defs[i] = decode.FieldDef{Name: filter + "." + short, Label: strings.TrimPrefix(n, prefix), CName: n, Kind: kind, Unit: unitName}
	}
	a.other = decode.FieldDef{Name: filter + ".elem", Label: "Element", Kind: kind, Unit: unitName,
		Desc: "An element beyond the ones this decoder names (a newer kernel's)."}
	return a
}

// fieldDefs returns the definitions of the elements custom makes.
func (a *intArray) fieldDefs() []*decode.FieldDef {
	defs := make([]*decode.FieldDef, 0, len(a.defs)+1)
	for i := range a.defs {
		defs = append(defs, &a.defs[i])
	}
	return append(defs, &a.other)
}

// custom returns the Custom hook that splits the value into elements.
func (a *intArray) custom(c *decode.Context, f *decode.Field) {
	vs := f.Offset + 4
	n := len(f.Bytes) / a.size
	kids := c.Alloc(n)
	for i := 0; i < n; i++ {
		def := &a.other
		if j := i + a.first; j >= 0 && j < len(a.defs) {
			def = &a.defs[j]
		}
		c.SetUint(&kids[i], def, vs+i*a.size, a.size, false)
	}
	f.Children = kids
	if len(f.Bytes)%a.size != 0 {
		c.Note(f, "%d bytes are not a whole number of %d-byte elements", len(f.Bytes), a.size)
	}
}

// arrayAttr is an attribute whose value is an intArray.
func arrayAttr(t uint16, cname string, a *intArray) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindStruct, Custom: a.custom, Produces: a.fieldDefs()}
}

// newStruct builds a struct layout whose member filter names follow the rule
// "filter + C name, without the C name's prefix up to its first underscore when that
// prefix is a component of filter" (ifi_index in "ifi" -> ifi.index, rx_packets in
// "ifla.stats" -> ifla.stats.rx_packets). decode.NewStruct strips the prefix
// unconditionally, which would name rx_packets and tx_packets both "packets".
func newStruct(cname, filter string, members ...decode.Member) *decode.Struct {
	comps := strings.Split(filter, ".")
	for i := range members {
		m := &members[i]
		if m.Name != "" || m.CName == "" {
			continue
		}
		short := strings.ToLower(m.CName)
		if j := strings.IndexByte(m.CName, '_'); j > 0 && j+1 < len(m.CName) {
			for _, c := range comps {
				if c == m.CName[:j] {
					short = strings.ToLower(m.CName[j+1:])
				}
			}
		}
		m.Name = filter + "." + short
		if m.Label == "" {
			m.Label = m.CName
		}
	}
	return decode.NewStruct(cname, filter, members...)
}

// flagOrU8 describes an attribute that requests send as NLA_FLAG (no value) and the
// kernel dumps as a u8 (IFLA_VXLAN_TTL_INHERIT): the value's length decides.
func flagOrU8(t uint16, cname, filter string) decode.Attr {
	u8def := &decode.FieldDef{Name: filter, Label: strings.TrimPrefix(cname, "IFLA_"), CName: cname, Kind: decode.KindU8, Enum: boolEnum}
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindBinary, Custom: func(c *decode.Context, f *decode.Field) {
		switch len(f.Bytes) {
		case 0:
			f.Def = &flagDefTrue
		case 1:
			f.Def, f.Value = u8def, uint64(f.Bytes[0])
		}
	}}
}

var flagDefTrue = decode.FieldDef{Name: "ifla.vxlan.ttl_inherit", Label: "TTL_INHERIT", CName: "IFLA_VXLAN_TTL_INHERIT", Kind: decode.KindFlag}
