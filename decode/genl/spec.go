package genl

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nldump/nldump/decode"
)

// Spec describes a netlink family declaratively, in the shape of a kernel YNL spec
// (Documentation/netlink/specs/*.yaml) after its names and values are resolved.
// Package decode/genl/ynl parses spec files into it; the built-in families are Spec
// literals whose values come from golang.org/x/sys/unix. Build turns a Spec into
// the decode tables of a Family.
type Spec struct {
	// Name is the family name ("ethtool").
	Name string
	// Protocol is the spec's schema: "genetlink", "genetlink-legacy",
	// "genetlink-c" or "netlink-raw".
	Protocol string
	// Protonum is the netlink protocol of a netlink-raw spec.
	Protonum uint16
	// CmdPrefix is the C prefix of the command names, stripped for display
	// ("ETHTOOL_MSG_").
	CmdPrefix string
	// Header names the struct that follows genlmsghdr in every message, if any.
	Header string
	// Enums, Structs, Sets and SubMessages are the definitions.
	Enums       []*SpecEnum
	Structs     []*SpecStruct
	Sets        []*SpecSet
	SubMessages []*SpecSubMessage
	// Ops are the operations (commands / message types).
	Ops []SpecOp
	// File is where the spec came from, for messages.
	File string
}

// SpecEnum is an enum or a set of flags.
type SpecEnum struct {
	// Name is the spec name ("header-flags").
	Name string
	// Prefix is the C prefix common to the entries, stripped for short names.
	Prefix string
	// Flags is true for a flags definition (entries are bit masks).
	Flags bool
	// Entries are the values and their C names.
	Entries []SpecEntry
}

// SpecEntry is one enum value or flag bit (Value is the mask for flags).
type SpecEntry struct {
	Value uint64
	CName string
}

// SpecStruct is a fixed C struct (a family header or a binary attribute's layout).
type SpecStruct struct {
	// Name is the spec name; CName the C name ("ifinfomsg").
	Name, CName string
	// Members in wire order.
	Members []SpecMember
}

// SpecMember is one member of a SpecStruct.
type SpecMember struct {
	// Name is the C member name.
	Name string
	// Type is u8..u64, s8..s64, string, binary or pad.
	Type string
	// Len is the size of binary, string and pad members.
	Len int
	// BigEndian marks network byte order.
	BigEndian bool
	// Enum names a SpecEnum for the value; AsFlags reads an enum as bits.
	Enum    string
	AsFlags bool
	// Hint is the YNL display hint (hex, mac, ipv4, ipv6, uuid).
	Hint string
}

// SpecSet is an attribute set.
type SpecSet struct {
	// Name is the spec name ("linkinfo").
	Name string
	// Prefix is the C prefix of the attributes without the trailing underscore
	// ("ETHTOOL_A_LINKINFO"); Filter the display-filter prefix ("ethtool.linkinfo").
	Prefix, Filter string
	// Attrs are the attributes.
	Attrs []SpecAttr
}

// SpecAttr is one attribute of a SpecSet.
type SpecAttr struct {
	// Value is the attribute type number.
	Value uint16
	// Name is the spec name ("dev-index"); CName the C name.
	Name, CName string
	// Type is the YNL type: u8..u64, s8..s64, uint, sint, flag, string, binary,
	// bitfield32, pad, nest, indexed-array, nest-type-value, sub-message.
	Type string
	// Nested names the SpecSet of nest, indexed-array and nest-type-value
	// attributes; SubType is an indexed array's element type.
	Nested, SubType string
	// Enum names a SpecEnum; AsFlags reads an enum as bits.
	Enum    string
	AsFlags bool
	// BigEndian marks network byte order; Hint is the YNL display hint.
	BigEndian bool
	Hint      string
	// Struct names the SpecStruct of a binary attribute.
	Struct string
	// SubMessage names the SpecSubMessage of a sub-message attribute and Selector
	// the sibling attribute (spec name) that selects the format.
	SubMessage, Selector string
	// MultiAttr marks an attribute that may repeat.
	MultiAttr bool
	// Doc is the spec's documentation of the attribute.
	Doc string
}

// SpecSubMessage is a set of formats chosen by a selector attribute.
type SpecSubMessage struct {
	Name    string
	Formats []SpecFormat
}

// SpecFormat is one sub-message format: for selector value Value, an optional
// fixed header then attributes of Set.
type SpecFormat struct {
	Value, Set, Header string
}

// SpecOp is one operation.
type SpecOp struct {
	// Name is the spec name ("linkinfo-get").
	Name string
	// Req and Rsp are the command values of requests and of kernel messages; -1
	// when the operation has none in that direction. Families with one enum give
	// both the same value.
	Req, Rsp int
	// ReqCName and RspCName are the C names in each direction.
	ReqCName, RspCName string
	// Set names the attribute set of the operation's messages.
	Set string
	// Header names a fixed header that overrides the family's, if any.
	Header string
}

// Directional reports whether the spec numbers requests and kernel messages apart.
func (s *Spec) Directional() bool {
	for _, o := range s.Ops {
		if o.Req != o.Rsp && o.Req >= 0 && o.Rsp >= 0 || o.ReqCName != o.RspCName && o.Req >= 0 && o.Rsp >= 0 {
			return true
		}
	}
	return false
}

// builder holds the decode tables made from a spec while they are built.
type builder struct {
	s       *Spec
	enums   map[string]*SpecEnum
	denums  map[string]*decode.Enum
	dflags  map[string]*decode.FlagSet
	structs map[string]*decode.Struct
	sstruct map[string]*SpecStruct
	sets    map[string]*decode.AttrSet
	ssets   map[string]*SpecSet
	subs    map[string]*SpecSubMessage
}

// Build turns the spec into a Family: commands, attribute sets, fixed header. An
// error names the definition that refers to something the spec lacks.
func (s *Spec) Build() (*Family, error) {
	b := &builder{s: s, enums: map[string]*SpecEnum{}, denums: map[string]*decode.Enum{},
		dflags: map[string]*decode.FlagSet{}, structs: map[string]*decode.Struct{},
		sstruct: map[string]*SpecStruct{}, sets: map[string]*decode.AttrSet{},
		ssets: map[string]*SpecSet{}, subs: map[string]*SpecSubMessage{}}
	for _, e := range s.Enums {
		b.enums[e.Name] = e
	}
	for _, st := range s.Structs {
		b.sstruct[st.Name] = st
	}
	for _, m := range s.SubMessages {
		b.subs[m.Name] = m
	}
	// Create every set first so that nests may refer to sets defined later, or
	// to themselves.
	for _, set := range s.Sets {
		b.ssets[set.Name] = set
		b.sets[set.Name] = decode.NewAttrSet(set.Prefix, set.Filter)
	}
	for _, set := range s.Sets {
		ds := b.sets[set.Name]
		for i := range set.Attrs {
			a, err := b.attr(set, &set.Attrs[i])
			if err != nil {
				return nil, err
			}
			if a != nil {
				ds.Add(*a)
			}
		}
	}
	f := &Family{Name: s.Name, Prefix: s.CmdPrefix}
	if s.Header != "" {
		h, err := b.structOf(s.Header)
		if err != nil {
			return nil, fmt.Errorf("family %s: fixed header: %w", s.Name, err)
		}
		f.Header = h
	}
	dir := s.Directional()
	for _, o := range s.Ops {
		var set *decode.AttrSet
		if o.Set != "" {
			set = b.sets[o.Set]
			if set == nil {
				return nil, fmt.Errorf("operation %s: attribute set %q is not defined", o.Name, o.Set)
			}
		}
		var hdr *decode.Struct
		if o.Header != "" {
			h, err := b.structOf(o.Header)
			if err != nil {
				return nil, fmt.Errorf("operation %s: fixed header: %w", o.Name, err)
			}
			hdr = h
		}
		name := strings.ToUpper(strings.ReplaceAll(o.Name, "-", "_"))
		if s.Protocol == "netlink-raw" {
			f.addRawOp(o, name, set, hdr)
			continue
		}
		if o.Req >= 0 && o.Req < 256 {
			f.Commands = append(f.Commands, Command{Cmd: uint8(o.Req), CName: o.ReqCName, Name: name, Attrs: set, Header: hdr})
		}
		if dir && o.Rsp >= 0 && o.Rsp < 256 {
			f.Replies = append(f.Replies, Command{Cmd: uint8(o.Rsp), CName: o.RspCName, Name: name, Attrs: set, Header: hdr})
		} else if !dir && o.Req < 0 && o.Rsp >= 0 && o.Rsp < 256 {
			f.Commands = append(f.Commands, Command{Cmd: uint8(o.Rsp), CName: o.RspCName, Name: name, Attrs: set, Header: hdr})
		}
	}
	if len(s.Sets) > 0 && len(f.Commands) > 0 {
		f.Attrs = f.Commands[0].Attrs
	}
	f.prepare()
	return f, nil
}

// attr turns one spec attribute into a decode.Attr (nil for unused values).
func (b *builder) attr(set *SpecSet, sa *SpecAttr) (*decode.Attr, error) {
	where := func(format string, args ...any) error {
		return fmt.Errorf("attribute %s of set %s: %s", sa.Name, set.Name, fmt.Sprintf(format, args...))
	}
	a := &decode.Attr{Type: sa.Value, CName: sa.CName, Desc: sa.Doc, BigEndian: sa.BigEndian}
	if err := b.scalar(sa.Type, sa.Hint, sa.Enum, sa.AsFlags, &a.Kind, &a.Display, &a.Enum, &a.Flags); err != nil {
		return nil, where("%v", err)
	}
	switch sa.Type {
	case "unused":
		return nil, nil
	case "binary":
		if sa.Struct != "" {
			st, err := b.structOf(sa.Struct)
			if err != nil {
				return nil, where("%v", err)
			}
			a.Struct = st
		}
	case "bitfield32":
		a.Struct = bitfield32
	case "nest":
		if sa.Nested == "" {
			// A nest without a set: walked raw.
			a.Nested = decode.NewAttrSet(set.Prefix+"_"+strings.ToUpper(sa.Name), set.Filter+"."+filterWord(sa.Name))
			break
		}
		n := b.sets[sa.Nested]
		if n == nil {
			return nil, where("nested-attributes %q names no attribute set", sa.Nested)
		}
		a.Nested = n
	case "indexed-array", "nest-type-value":
		a.Array = true
		elem := &decode.Attr{}
		st := sa.SubType
		if sa.Type == "nest-type-value" || st == "" {
			st = "nest"
		}
		if st == "nest" {
			if sa.Nested == "" {
				return nil, where("%s needs nested-attributes", sa.Type)
			}
			n := b.sets[sa.Nested]
			if n == nil {
				return nil, where("nested-attributes %q names no attribute set", sa.Nested)
			}
			elem.Nested = n
		} else if err := b.scalar(st, sa.Hint, sa.Enum, sa.AsFlags, &elem.Kind, &elem.Display, &elem.Enum, &elem.Flags); err != nil {
			return nil, where("sub-type: %v", err)
		}
		a.Elem = elem
	case "sub-message":
		sm, err := b.subMessage(set, sa)
		if err != nil {
			return nil, where("%v", err)
		}
		a.Sub = sm
		if sm == nil {
			a.Desc = strings.TrimSpace(a.Desc + " (Sub-message selected by an attribute outside this nest: shown raw.)")
		}
	}
	return a, nil
}

// scalar sets kind, display and names for a scalar YNL type.
func (b *builder) scalar(typ, hint, enum string, asFlags bool, kind *decode.Kind, disp *decode.Display, en **decode.Enum, fl **decode.FlagSet) error {
	switch typ {
	case "u8":
		*kind = decode.KindU8
	case "u16":
		*kind = decode.KindU16
	case "u32":
		*kind = decode.KindU32
	case "u64", "uint":
		*kind = decode.KindU64
	case "s8":
		*kind = decode.KindS8
	case "s16":
		*kind = decode.KindS16
	case "s32":
		*kind = decode.KindS32
	case "s64", "sint":
		*kind = decode.KindS64
	case "flag":
		*kind = decode.KindFlag
	case "string":
		*kind = decode.KindString
	case "binary", "bitfield32", "nest", "indexed-array", "nest-type-value", "sub-message", "unused":
		*kind = decode.KindBinary
	case "pad":
		*kind = decode.KindPad
	default:
		return fmt.Errorf("unknown type %q", typ)
	}
	switch hint {
	case "hex":
		*disp = decode.DisplayHex
	case "mac":
		if *kind == decode.KindBinary {
			*kind = decode.KindMAC
		}
	case "ipv4", "ipv6", "ipv4-or-v6":
		if *kind == decode.KindBinary || kind.IsInt() && (typ == "u32") {
			*kind = decode.KindAddr
		}
	case "", "fddi", "uuid":
	default:
		return fmt.Errorf("unknown display-hint %q", hint)
	}
	if enum == "" {
		return nil
	}
	e := b.enums[enum]
	if e == nil {
		return fmt.Errorf("enum %q is not defined", enum)
	}
	if !kindIsInt(*kind) {
		return nil
	}
	if e.Flags || asFlags {
		*fl = b.flagSet(e, asFlags && !e.Flags)
	} else {
		*en = b.enum(e)
	}
	return nil
}

func kindIsInt(k decode.Kind) bool { return k.IsInt() }

func (b *builder) enum(e *SpecEnum) *decode.Enum {
	if d := b.denums[e.Name]; d != nil {
		return d
	}
	vals := make(map[uint64]string, len(e.Entries))
	for _, x := range e.Entries {
		vals[x.Value] = x.CName
	}
	d := decode.NewEnum(e.Name, e.Prefix, vals)
	b.denums[e.Name] = d
	return d
}

// flagSet returns the FlagSet of a flags definition, or of an enum read as bit
// numbers (enum-as-flags: value n is bit 1<<n).
func (b *builder) flagSet(e *SpecEnum, shift bool) *decode.FlagSet {
	key := e.Name
	if shift {
		key += "#bits"
	}
	if d := b.dflags[key]; d != nil {
		return d
	}
	bits := make(map[uint64]string, len(e.Entries))
	for _, x := range e.Entries {
		v := x.Value
		if shift {
			if v >= 64 {
				continue
			}
			v = 1 << v
		}
		bits[v] = x.CName
	}
	d := decode.NewFlagSet(e.Name, e.Prefix, bits)
	b.dflags[key] = d
	return d
}

// structOf builds (once) the decode.Struct of the spec struct called name.
func (b *builder) structOf(name string) (*decode.Struct, error) {
	if d := b.structs[name]; d != nil {
		return d, nil
	}
	st := b.sstruct[name]
	if st == nil {
		return nil, fmt.Errorf("struct %q is not defined", name)
	}
	members := make([]decode.Member, 0, len(st.Members))
	for _, m := range st.Members {
		dm := decode.Member{CName: m.Name, Size: m.Len, BigEndian: m.BigEndian}
		if m.Type == "pad" {
			dm.CName = ""
		}
		var kind decode.Kind
		if err := b.scalar(m.Type, m.Hint, m.Enum, m.AsFlags, &kind, &dm.Display, &dm.Enum, &dm.Flags); err != nil {
			return nil, fmt.Errorf("struct %s member %s: %v", name, m.Name, err)
		}
		dm.Kind = kind
		if n := intSize(m.Type); n > 0 {
			dm.Size = n
			if !kind.IsInt() {
				dm.Kind = kind // an address or MAC shown from an integer's bytes
			}
		} else if m.Len <= 0 {
			return nil, fmt.Errorf("struct %s member %s: a %s member needs len", name, m.Name, m.Type)
		}
		// A member name without '_' would lose nothing; keep C names as given and
		// give every member the struct's filter prefix.
		dm.Name = filterWord(st.CName) + "." + filterWord(m.Name)
		members = append(members, dm)
	}
	cname := st.CName
	if cname == "" {
		cname = st.Name
	}
	d := decode.NewStruct(cname, b.s.filterPrefix()+"."+filterWord(cname), members...)
	for i := range d.Members {
		d.Members[i].Def().Name = d.Filter + "." + filterWord(st.Members[i].Name)
	}
	b.structs[name] = d
	return d, nil
}

// subMessage builds the SubMessage of a sub-message attribute.
func (b *builder) subMessage(set *SpecSet, sa *SpecAttr) (*decode.SubMessage, error) {
	sm := b.subs[sa.SubMessage]
	if sm == nil {
		return nil, fmt.Errorf("sub-message %q is not defined", sa.SubMessage)
	}
	var sel *SpecAttr
	for i := range set.Attrs {
		if set.Attrs[i].Name == sa.Selector {
			sel = &set.Attrs[i]
		}
	}
	if sel == nil {
		// The selector lives in an enclosing nest (tc's stats "app" by the
		// message's TCA_KIND); the engine selects by siblings only, so the value
		// is shown raw.
		return nil, nil
	}
	out := &decode.SubMessage{Selector: sel.Value, Variants: map[string]*decode.Attr{}}
	for _, f := range sm.Formats {
		key := f.Value
		if sel.Enum != "" {
			if e := b.enums[sel.Enum]; e != nil {
				for _, x := range e.Entries {
					if strings.EqualFold(strings.TrimPrefix(x.CName, e.Prefix), strings.ReplaceAll(f.Value, "-", "_")) {
						key = strconv.FormatUint(x.Value, 10)
					}
				}
			}
		}
		v := &decode.Attr{}
		var hdr *decode.Struct
		if f.Header != "" {
			h, err := b.structOf(f.Header)
			if err != nil {
				return nil, fmt.Errorf("sub-message %s format %q: %v", sm.Name, f.Value, err)
			}
			hdr = h
		}
		var attrs *decode.AttrSet
		if f.Set != "" {
			attrs = b.sets[f.Set]
			if attrs == nil {
				return nil, fmt.Errorf("sub-message %s format %q: attribute set %q is not defined", sm.Name, f.Value, f.Set)
			}
		}
		switch {
		case hdr != nil && attrs != nil:
			v.Kind = decode.KindBinary
			v.Custom = headerThenAttrs(hdr, attrs)
		case hdr != nil:
			v.Struct = hdr
		case attrs != nil:
			v.Nested = attrs
		default:
			v.Kind = decode.KindBinary
		}
		out.Variants[key] = v
	}
	return out, nil
}

// headerThenAttrs decodes a value made of a fixed struct followed by attributes.
func headerThenAttrs(hdr *decode.Struct, set *decode.AttrSet) func(c *decode.Context, f *decode.Field) {
	return func(c *decode.Context, f *decode.Field) {
		vs := f.Offset + 4
		ve := f.Offset + f.Length
		h := c.Struct(hdr, vs, ve)
		var attrs []decode.Field
		if vs+hdr.Size < ve {
			attrs = c.Attrs(set, vs+hdr.Size, ve)
		}
		kids := c.Alloc(1 + len(attrs))
		kids[0] = h
		copy(kids[1:], attrs)
		f.Children = kids
	}
}

// bitfield32 is struct nla_bitfield32 (include/uapi/linux/netlink.h).
var bitfield32 = decode.NewStruct("nla_bitfield32", "bitfield32",
	decode.Member{CName: "value", Kind: decode.KindU32, Display: decode.DisplayHex},
	decode.Member{CName: "selector", Kind: decode.KindU32, Display: decode.DisplayHex})

// filterPrefix is the family's display-filter prefix.
func (s *Spec) filterPrefix() string { return filterWord(s.Name) }

// filterWord turns a spec or C name into a display-filter word ("dev-index" ->
// "dev_index").
func filterWord(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(s, "-", "_"), " ", "_"))
}

// intSize returns the size of a YNL integer type, or 0.
func intSize(typ string) int {
	switch typ {
	case "u8", "s8":
		return 1
	case "u16", "s16":
		return 2
	case "u32", "s32":
		return 4
	case "u64", "s64":
		return 8
	}
	return 0
}
