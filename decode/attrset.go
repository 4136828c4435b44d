package decode

import (
	"fmt"
	"strings"
)

// Attr describes one attribute type of an AttrSet. Only Type and CName are needed;
// everything else has a default (Kind binary, label and filter name derived from the
// C name).
type Attr struct {
	// Type is the attribute type number (IFLA_MTU).
	Type uint16
	// CName is the C name ("IFLA_MTU").
	CName string
	// Name overrides the derived filter name ("ifla.mtu").
	Name string
	// Label overrides the derived label ("MTU").
	Label string
	// Desc explains the attribute in a sentence.
	Desc string
	// Kind is the value kind. Nested, Array, Struct and Sub imply their own kinds.
	Kind Kind
	// Display, Enum, Flags and Unit qualify integer values.
	Display Display
	Enum    *Enum
	Flags   *FlagSet
	Unit    string
	// BigEndian marks a value that is in network byte order whatever the host
	// (ports, some tunnel keys), like NLA_F_NET_BYTEORDER does on the wire.
	BigEndian bool
	// Nested is the attribute set nested inside this attribute.
	Nested *AttrSet
	// Array makes the value an indexed array: each nested attribute's type is an
	// index and its value is decoded as Elem describes.
	Array bool
	// Elem describes each element of an indexed array (Type and CName unused).
	Elem *Attr
	// Struct is the fixed layout of the value.
	Struct *Struct
	// Sub chooses the value's layout from a sibling attribute (a sub-message).
	Sub *SubMessage
	// Custom, if set, is called after the standard decoding of the value and may
	// add children, notes or a different value.
	Custom func(c *Context, f *Field)
	// Produces, if set, lists every definition Custom puts anywhere below the
	// field; without it, a Custom hook may put anything there, and a display
	// filter searching for a field walks every field below this one.
	Produces []*FieldDef

	def FieldDef
}

// Def returns the attribute's field definition.
func (a *Attr) Def() *FieldDef { return &a.def }

// AttrSet is a table of the attributes that may appear together (IFLA_*, RTA_*, one
// nest's attributes). Decoding by table, not by code per attribute, is what lets
// the same engine serve every protocol and the YNL spec loader.
type AttrSet struct {
	// Name is the set's name, e.g. "IFLA" (also the C-name prefix without '_').
	Name string
	// Filter is the filter-name prefix of the set's attributes, e.g. "ifla".
	Filter string

	byType  []*Attr // dense index for small types
	byMap   map[uint16]*Attr
	unknown FieldDef
	trail   FieldDef
}

// SubMessage chooses how to decode an attribute from the value of a sibling
// attribute in the same nest: IFLA_INFO_DATA by IFLA_INFO_KIND, TCA_OPTIONS by
// TCA_KIND, RTA_ENCAP by RTA_ENCAP_TYPE.
type SubMessage struct {
	// Selector is the sibling attribute's type.
	Selector uint16
	// Variants maps the selector's value (a string without its NUL, or an integer
	// in decimal) to the layout of the value. The variant's Type, CName, Name and
	// Label are unused: the attribute keeps its own.
	Variants map[string]*Attr
	// Default, if set, is used for a selector value with no variant.
	Default *Attr
}

// NewAttrSet builds an attribute set. name is the C-name prefix without the trailing
// underscore ("IFLA_INFO"), filter the filter-name prefix ("ifla.info").
func NewAttrSet(name, filter string, attrs ...Attr) *AttrSet {
	s := &AttrSet{Name: name, Filter: filter}
	s.unknown = FieldDef{Name: filter + ".unknown", Label: "Unknown attribute", Kind: KindBinary,
		Desc: fmt.Sprintf("An attribute of the %s set that no table describes; shown with its type number and raw bytes.", name)}
	s.trail = FieldDef{Name: filter + ".trailing", Label: "Undecoded bytes", Kind: KindBinary,
		Desc: "Bytes after the last whole attribute that could not be decoded."}
	for i := range attrs {
		s.Add(attrs[i])
	}
	registerSet(s)
	return s
}

// Add adds an attribute description to the set, deriving its filter name and label.
func (s *AttrSet) Add(a Attr) {
	p := new(Attr)
	*p = a
	p.init(s.Name, s.Filter)
	if int(p.Type) < 256 {
		for len(s.byType) <= int(p.Type) {
			s.byType = append(s.byType, nil)
		}
		s.byType[p.Type] = p
		return
	}
	if s.byMap == nil {
		s.byMap = make(map[uint16]*Attr)
	}
	s.byMap[p.Type] = p
}

// Lookup returns the description of attribute type t, or nil.
func (s *AttrSet) Lookup(t uint16) *Attr {
	if s == nil {
		return nil
	}
	if int(t) < len(s.byType) {
		return s.byType[t]
	}
	return s.byMap[t]
}

// Attrs returns every attribute description, in type order.
func (s *AttrSet) Attrs() []*Attr {
	var out []*Attr
	for _, a := range s.byType {
		if a != nil {
			out = append(out, a)
		}
	}
	for t := 256; len(s.byMap) > 0 && t < 1<<14; t++ {
		if a := s.byMap[uint16(t)]; a != nil {
			out = append(out, a)
		}
	}
	return out
}

// UnknownDef returns the definition used for attributes of the set no table
// describes.
func (s *AttrSet) UnknownDef() *FieldDef { return &s.unknown }

// init derives the attribute's field definition.
func (a *Attr) init(prefix, filter string) {
	short := strings.TrimPrefix(a.CName, prefix+"_")
	if a.CName == "" {
		short = fmt.Sprintf("attr%d", a.Type)
	}
	name := a.Name
	if name == "" {
		name = filter + "." + strings.ToLower(short)
	}
	label := a.Label
	if label == "" {
		label = short
	}
	kind := a.Kind
	switch {
	case a.Nested != nil || a.Array:
		kind = KindNested
	case a.Struct != nil:
		kind = KindStruct
	case a.Sub != nil && kind == KindNone:
		kind = KindBinary
	case kind == KindNone:
		kind = KindBinary
	}
	a.def = FieldDef{Name: name, Label: label, CName: a.CName, Desc: a.Desc, Kind: kind,
		Display: a.Display, Enum: a.Enum, Flags: a.Flags, Unit: a.Unit, attr: a}
	if a.Array && a.Elem != nil {
		// Copy, so that an element shared by several arrays keeps each one's name.
		e := *a.Elem
		a.Elem = &e
		e.CName = a.CName
		e.init(prefix, filter)
		e.def.Name = name + ".elem"
		e.def.Label = "Element"
	}
	if a.Sub != nil {
		// Copy the sub-message and its variants: they take this attribute's name,
		// and the same variant may serve other attributes under other names.
		sub := &SubMessage{Selector: a.Sub.Selector, Variants: make(map[string]*Attr, len(a.Sub.Variants))}
		for key, v := range a.Sub.Variants {
			c := *v
			c.Name, c.Label, c.CName = name, label, a.CName
			c.init(prefix, filter)
			sub.Variants[key] = &c
		}
		if d := a.Sub.Default; d != nil {
			c := *d
			c.Name, c.Label, c.CName = name, label, a.CName
			c.init(prefix, filter)
			sub.Default = &c
		}
		a.Sub = sub
	}
}

// Member is one member of a fixed struct.
type Member struct {
	// CName is the C member name ("ifi_index"); empty for padding.
	CName string
	// Name overrides the derived filter name.
	Name string
	// Label overrides the derived label.
	Label string
	// Desc explains the member.
	Desc string
	// Kind is the value kind; Size is needed for non-integer kinds.
	Kind Kind
	Size int
	// Display, Enum, Flags, Unit qualify integer members.
	Display Display
	Enum    *Enum
	Flags   *FlagSet
	Unit    string
	// BigEndian marks a member in network byte order (ports, addresses as u32).
	BigEndian bool

	def    FieldDef
	offset int
}

// Def returns the member's field definition.
func (m *Member) Def() *FieldDef { return &m.def }

// Offset returns the member's offset within the struct.
func (m *Member) Offset() int { return m.offset }

// Struct is a fixed C structure: a message's family header (ifinfomsg, rtmsg) or an
// attribute's value (rtnl_link_stats64, rta_cacheinfo).
type Struct struct {
	// CName is the C struct name ("ifinfomsg").
	CName string
	// Filter is the filter-name prefix of the members ("ifi").
	Filter string
	// Members in wire order.
	Members []Member
	// Size is the struct's size in bytes.
	Size int
	// Produces lists every definition a protocol's code puts below the
	// members of a field decoded with Context.Struct (xfrm shows the selector
	// nested in xfrm_usersa_info as its members): a display filter skips the
	// struct's subtree for any other field.
	Produces []*FieldDef

	def   FieldDef
	extra FieldDef
}

// NewStruct builds a struct layout. Member filter names are filter + "." + the C
// name, without the part up to its first underscore when that part is the last
// component of filter (filter "ifi": ifi_index -> ifi.index; filter "stats":
// rx_packets -> stats.rx_packets).
func NewStruct(cname, filter string, members ...Member) *Struct {
	s := &Struct{CName: cname, Filter: filter, Members: members}
	last := filter[strings.LastIndexByte(filter, '.')+1:]
	off := 0
	for i := range s.Members {
		m := &s.Members[i]
		size := m.Kind.Size()
		if size == 0 {
			size = m.Size
		}
		m.Size = size
		m.offset = off
		off += size
		short := m.CName
		if j := strings.IndexByte(short, '_'); j > 0 && j+1 < len(short) && short[:j] == last {
			short = short[j+1:]
		}
		name := m.Name
		if name == "" {
			name = filter + "." + strings.ToLower(short)
		}
		label := m.Label
		if label == "" {
			label = short
		}
		kind := m.Kind
		if m.CName == "" {
			kind = KindPad
			name = filter + ".pad"
			label = "Padding"
		}
		m.def = FieldDef{Name: name, Label: label, CName: m.CName, Desc: m.Desc, Kind: kind,
			Display: m.Display, Enum: m.Enum, Flags: m.Flags, Unit: m.Unit}
	}
	s.Size = off
	defer registerStruct(s)
	s.def = FieldDef{Name: filter, Label: "struct " + cname, CName: cname, Kind: KindStruct, strct: s}
	s.extra = FieldDef{Name: filter + ".extra", Label: "Bytes beyond struct " + cname, Kind: KindBinary,
		Desc: "Bytes after the end of the struct as this decoder knows it (a newer kernel may have extended it)."}
	return s
}

// Def returns the definition of a field holding the whole struct.
func (s *Struct) Def() *FieldDef { return &s.def }

// FieldDefs returns the definitions of the fields Context.StructMembers makes:
// the members and the bytes beyond the struct (for Attr.Produces).
func (s *Struct) FieldDefs() []*FieldDef {
	defs := make([]*FieldDef, 0, len(s.Members)+1)
	for i := range s.Members {
		defs = append(defs, &s.Members[i].def)
	}
	return append(defs, &s.extra)
}

// Member returns the member with C name cname, or nil.
func (s *Struct) Member(cname string) *Member {
	for i := range s.Members {
		if s.Members[i].CName == cname {
			return &s.Members[i]
		}
	}
	return nil
}
