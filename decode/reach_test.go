package decode

import (
	"testing"

	"golang.org/x/sys/unix"
)

func TestMayContain(t *testing.T) {
	inner := NewAttrSet("IN", "in", Attr{Type: 1, CName: "IN_A", Kind: KindU32})
	st := NewStruct("s", "st", Member{CName: "st_x", Kind: KindU32})
	withProduces := NewStruct("p", "sp", Member{CName: "sp_y", Kind: KindU32})
	withProduces.Produces = []*FieldDef{inner.Lookup(1).Def()}
	variant := NewAttrSet("V", "v", Attr{Type: 1, CName: "V_B", Kind: KindU8})
	custom := NewAttrSet("C", "c", Attr{Type: 1, CName: "C_X", Kind: KindU8})
	leaf := FieldDef{Name: "p.leaf"}
	outer := NewAttrSet("OUT", "out",
		Attr{Type: 1, CName: "OUT_NEST", Nested: inner},
		Attr{Type: 2, CName: "OUT_STRUCT", Struct: st},
		Attr{Type: 3, CName: "OUT_ARRAY", Array: true, Elem: &Attr{Nested: inner}},
		Attr{Type: 4, CName: "OUT_KIND", Kind: KindString},
		Attr{Type: 5, CName: "OUT_DATA", Sub: &SubMessage{Selector: 4, Variants: map[string]*Attr{"v": {Nested: variant}}}},
		Attr{Type: 6, CName: "OUT_CUSTOM", Nested: custom, Custom: func(*Context, *Field) {}},
		Attr{Type: 7, CName: "OUT_PRODUCES", Custom: func(*Context, *Field) {}, Produces: []*FieldDef{&leaf}},
	)
	top := Attr{Nested: outer}
	top.init("TOP", "top")
	closed := Attr{Nested: NewAttrSet("CL", "cl", Attr{Type: 1, CName: "CL_N", Nested: inner})}
	closed.init("TOP", "top")
	def := func(typ uint16) *FieldDef { return outer.Lookup(typ).Def() }
	tests := []struct {
		def  *FieldDef
		name string
		want bool
	}{
		{def(1), "in.a", true},
		{def(1), "in.unknown", true},     // an attribute the table does not know
		{def(1), "nla.unknown", true},    // below an unknown one with NLA_F_NESTED
		{def(1), "in.trailing", true},    // bytes that are not an attribute
		{def(1), "st.x", false},          // another branch's
		{def(1), "out.nest", false},      // not below itself
		{def(2), "st.x", true},           // struct member
		{def(2), "st.extra", true},       // bytes beyond the struct
		{def(2), "in.a", false},          //
		{def(3), "out.array.elem", true}, // element
		{def(3), "in.a", true},           // inside an element
		{def(3), "nla.trailing", true},   // bytes that are no element
		{def(5), "v.b", false},           // a selected variant decodes under its own definition
		{outer.Lookup(5).Sub.Variants["v"].Def(), "v.b", true},
		{def(6), "anything.at.all", true}, // Custom without Produces: anything
		{def(7), "p.leaf", true},          // Custom with Produces: what it lists
		{def(7), "in.a", false},
		{top.Def(), "v.b", true}, // through the sub-message's variant
		{top.Def(), "st.x", true},
		{top.Def(), "q.nothing", true}, // OUT_CUSTOM below it may put anything
		{closed.Def(), "q.nothing", false},
		{closed.Def(), "in.a", true},
		{st.Def(), "st.x", true}, // a struct decoded with Context.Struct: its members
		{st.Def(), "st.extra", true},
		{st.Def(), "in.a", false},
		{withProduces.Def(), "in.a", true}, // and what its Produces lists
		{&defHdr, "nlmsg.seq", true},
		{&defHdr, "ifla.mtu", false},
		{&FieldDef{Name: "built.in.code"}, "ifla.mtu", true}, // no table: anything
	}
	for _, tt := range tests {
		if got := tt.def.MayContain(NameIDOf(tt.name)); got != tt.want {
			t.Errorf("%s.MayContain(%s) = %v, want %v", tt.def.Name, tt.name, got, tt.want)
		}
	}
}

func TestMessageMayContain(t *testing.T) {
	errno, mtu := NameIDOf("nlmsgerr.error"), NameIDOf("ifla.mtu")
	for _, tt := range []struct {
		typ       uint16
		id        NameID
		want      bool
		something string
	}{
		{unix.NLMSG_ERROR, errno, true, "an error's errno"},
		{unix.NLMSG_ERROR, mtu, true, "a field of the echoed request"},
		{unix.NLMSG_DONE, NameIDOf("nlmsgerr.msg"), true, "a DONE's extended ACK"},
		{unix.RTM_NEWLINK, errno, false, "an errno outside an error"},
		{unix.RTM_NEWLINK, mtu, true, "a protocol's field"},
	} {
		m := &Message{Header: Header{Type: tt.typ}}
		if got := m.MayContain(tt.id); got != tt.want {
			t.Errorf("type %d: %s: MayContain = %v, want %v", tt.typ, tt.something, got, tt.want)
		}
	}
}
