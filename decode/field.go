package decode

import "unsafe"

// Kind says how a field's value is stored and shown.
type Kind uint8

// The value kinds. Integer kinds keep their value in Field.Value (already in host
// order); the others keep it in Field.Bytes, a slice of the frame.
const (
	// KindNone is a container or label without a value of its own.
	KindNone Kind = iota
	// KindU8 to KindU64 are unsigned integers.
	KindU8
	KindU16
	KindU32
	KindU64
	// KindS8 to KindS64 are signed integers (Value holds the sign-extended bits).
	KindS8
	KindS16
	KindS32
	KindS64
	// KindString is a string, NUL-terminated on the wire or not.
	KindString
	// KindBinary is opaque bytes, shown as hex.
	KindBinary
	// KindAddr is a network address whose family follows from its length
	// (4 bytes IPv4, 16 bytes IPv6, 6 bytes MAC, anything else hex).
	KindAddr
	// KindMAC is a link-layer address shown as colon-separated hex.
	KindMAC
	// KindFlag is an attribute whose presence is its value (NLA_FLAG).
	KindFlag
	// KindNested is an attribute set nested in an attribute.
	KindNested
	// KindStruct is a fixed C struct with member children.
	KindStruct
	// KindPad is padding or unused bytes.
	KindPad
)

var kindNames = [...]string{
	KindNone: "none", KindU8: "u8", KindU16: "u16", KindU32: "u32", KindU64: "u64",
	KindS8: "s8", KindS16: "s16", KindS32: "s32", KindS64: "s64", KindString: "string",
	KindBinary: "binary", KindAddr: "address", KindMAC: "mac", KindFlag: "flag",
	KindNested: "nested", KindStruct: "struct", KindPad: "pad",
}

// String returns the kind's name as used by `nldump --fields`.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Size returns the wire size of a fixed-size integer kind, or 0.
func (k Kind) Size() int {
	switch k {
	case KindU8, KindS8:
		return 1
	case KindU16, KindS16:
		return 2
	case KindU32, KindS32:
		return 4
	case KindU64, KindS64:
		return 8
	}
	return 0
}

// IsInt reports whether the kind is an integer kind.
func (k Kind) IsInt() bool { return k >= KindU8 && k <= KindS64 }

// Signed reports whether the kind is a signed integer kind.
func (k Kind) Signed() bool { return k >= KindS8 && k <= KindS64 }

// Display selects how an integer is printed.
type Display uint8

// Integer display bases.
const (
	// DisplayDec prints decimal.
	DisplayDec Display = iota
	// DisplayHex prints 0x-prefixed hexadecimal.
	DisplayHex
)

// FieldDef is the static description of a field: what it is called, what its value
// means and how to print it. Defs live in package-level tables and are shared by every
// field decoded from them.
type FieldDef struct {
	// Name is the display-filter name, e.g. "nlmsg.type" or "ifla.mtu".
	Name string
	// Label is the short human label, e.g. "Type" or "MTU".
	Label string
	// CName is the C name, e.g. "IFLA_MTU" or "nlmsg_type", when there is one.
	CName string
	// Desc explains the field in a sentence, for `--fields` and the TUI.
	Desc string
	// Kind is the value kind.
	Kind Kind
	// Display is the integer base.
	Display Display
	// Enum names integer values, if set.
	Enum *Enum
	// Flags names the bits of an integer value, if set.
	Flags *FlagSet
	// Unit is appended to integer values when printed ("bytes", "s", "ms").
	Unit string

	// attr and strct are the table entry this definition belongs to, set by
	// the attribute and struct builders; they let MayContain work out what can
	// appear below a field of this definition.
	attr  *Attr
	strct *Struct
	// reach caches MayContain's answer set (*reachSet), built on first use.
	reach unsafe.Pointer
}

// Field is one decoded element of a frame.
type Field struct {
	// Def is the static description.
	Def *FieldDef
	// Offset and Length locate the field's bytes in the frame.
	Offset, Length int
	// Value is the integer value (integer, enum and flag kinds).
	Value uint64
	// Bytes is the value's bytes as a slice of the frame: the whole attribute
	// payload for attributes, the member bytes for struct members.
	Bytes []byte
	// Children are the field's sub-fields.
	Children []Field
	// Note is a problem note ("attribute length 12 exceeds its parent at offset
	// 96"); empty when all is well.
	Note string
	// Type is the attribute type number (without NLA_F_* bits) for attributes.
	Type uint16
	// Attr is non-zero for fields that are netlink attributes; it holds the
	// attribute's NLA_F_NESTED and NLA_F_NET_BYTEORDER bits plus attrMark.
	Attr uint16
	// Unknown is true for attributes no table describes.
	Unknown bool
}

// attrMark marks a field as an attribute in Field.Attr.
const attrMark = 1

// IsAttr reports whether the field is a netlink attribute.
func (f *Field) IsAttr() bool { return f.Attr != 0 }

// Name returns the filter name.
func (f *Field) Name() string { return f.Def.Name }

// Int returns the value as a signed integer, for signed kinds.
func (f *Field) Int() int64 { return int64(f.Value) }

// Find returns the first field in the subtree (depth-first, the field itself first)
// whose filter name is name, or nil.
func (f *Field) Find(name string) *Field {
	if f.Def != nil && f.Def.Name == name {
		return f
	}
	for i := range f.Children {
		if r := f.Children[i].Find(name); r != nil {
			return r
		}
	}
	return nil
}

// Child returns the first direct child with the filter name, or nil.
func (f *Field) Child(name string) *Field {
	for i := range f.Children {
		if f.Children[i].Def.Name == name {
			return &f.Children[i]
		}
	}
	return nil
}

// Walk calls fn for the field and every descendant, depth-first; depth is 0 for f.
// Returning false from fn skips the node's children.
func (f *Field) Walk(fn func(f *Field, depth int) bool) { f.walk(fn, 0) }

func (f *Field) walk(fn func(*Field, int) bool, depth int) {
	if !fn(f, depth) {
		return
	}
	for i := range f.Children {
		f.Children[i].walk(fn, depth+1)
	}
}
