package route

// Classifiers: TCA_OPTIONS of filters by TCA_KIND (u32, flower, matchall, basic,
// bpf, fw, route; include/uapi/linux/pkt_cls.h), each with its action list
// (TCA_*_ACT, see tc_action.go). The u32 selector is struct tc_u32_sel followed by
// nkeys struct tc_u32_key:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|     flags     |   offshift    |     nkeys     |   (padding)   |
//	+---------------+---------------+---------------+---------------+
//	|        offmask (__be16)       |              off              |
//	+---------------+---------------+---------------+---------------+
//	|            offoff             |             hoff              |
//	+---------------+---------------+---------------+---------------+
//	|                        hmask (__be32)                         |
//	+---------------+---------------+---------------+---------------+
//	|  keys: mask (be32), val (be32), off (int), offmask (int) ...  |

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

var clsFlags = decode.NewFlagSet("tca_cls_flags", "TCA_CLS_FLAGS_", map[uint64]string{
	1: "TCA_CLS_FLAGS_SKIP_HW", 2: "TCA_CLS_FLAGS_SKIP_SW", 4: "TCA_CLS_FLAGS_IN_HW", 8: "TCA_CLS_FLAGS_NOT_IN_HW",
	16: "TCA_CLS_FLAGS_VERBOSE",
})

func classid(t uint16, cname string) decode.Attr { return hex(u32a(t, cname)) }

// actsa is a filter's action list (TCA_*_ACT): an indexed array of actions. Each
// gets its own element description, since the engine names elements after their
// array.
func actsa(t uint16, cname string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Array: true, Elem: &decode.Attr{Nested: actAttrs}}
}

var u32Sel = newStruct("tc_u32_sel", "tca.u32.sel",
	decode.Member{CName: "flags", Kind: decode.KindU8, Flags: decode.NewFlagSet("tc_u32_flags", "TC_U32_",
		map[uint64]string{1: "TC_U32_TERMINAL", 2: "TC_U32_OFFSET", 4: "TC_U32_VAROFFSET", 8: "TC_U32_EAT"})},
	u8m("offshift"), u8m("nkeys"), padm(1),
	decode.Member{CName: "offmask", Kind: decode.KindU16, BigEndian: true, Display: decode.DisplayHex},
	u16m("off"), decode.Member{CName: "offoff", Kind: decode.KindS16}, decode.Member{CName: "hoff", Kind: decode.KindS16},
	decode.Member{CName: "hmask", Kind: decode.KindU32, BigEndian: true, Display: decode.DisplayHex})

var u32Key = newStruct("tc_u32_key", "tca.u32.key",
	decode.Member{CName: "mask", Kind: decode.KindU32, BigEndian: true, Display: decode.DisplayHex},
	decode.Member{CName: "val", Kind: decode.KindU32, BigEndian: true, Display: decode.DisplayHex},
	s32m("off"), decode.Member{CName: "offmask", Kind: decode.KindS32})

var defU32Key = decode.FieldDef{Name: "tca.u32.key", Label: "struct tc_u32_key", CName: "tc_u32_key", Kind: decode.KindStruct}

// u32Selector decodes TCA_U32_SEL: the selector then its keys.
func u32Selector(c *decode.Context, f *decode.Field) {
	vs := f.Offset + 4
	ve := vs + len(f.Bytes)
	mem, _ := c.StructMembers(u32Sel, vs, min(ve, vs+u32Sel.Size))
	n := 0
	if ve > vs+u32Sel.Size {
		n = (ve - vs - u32Sel.Size) / u32Key.Size
	}
	kids := c.Alloc(len(mem) + n)
	copy(kids, mem)
	for i := 0; i < n; i++ {
		o := vs + u32Sel.Size + i*u32Key.Size
		k := &kids[len(mem)+i]
		c.SetBytes(k, &defU32Key, o, o+u32Key.Size)
		k.Children, _ = c.StructMembers(u32Key, o, o+u32Key.Size)
	}
	f.Children = kids
}

var u32Pcnt = newIntArray(decode.KindU64, "tca.u32.pcnt", "", 0, "", "rcnt", "rhit")

var u32Attrs = decode.NewAttrSet("TCA_U32", "tca.u32",
	classid(1, "TCA_U32_CLASSID"),
	hex(u32a(2, "TCA_U32_HASH")),
	hex(u32a(3, "TCA_U32_LINK")),
	u32a(4, "TCA_U32_DIVISOR"),
	decode.Attr{Type: 5, CName: "TCA_U32_SEL", Kind: decode.KindStruct, Custom: u32Selector},
	nesta(6, "TCA_U32_POLICE", policeAttrs),
	actsa(7, "TCA_U32_ACT"),
	stra(8, "TCA_U32_INDEV"),
	arrayAttr(9, "TCA_U32_PCNT", u32Pcnt),
	structa(10, "TCA_U32_MARK", newStruct("tc_u32_mark", "tca.u32.mark", u32m("val"), u32m("mask"), u32m("success"))),
	flags(u32a(11, "TCA_U32_FLAGS"), clsFlags),
	pada(12, "TCA_U32_PAD"),
)

var fwAttrs = decode.NewAttrSet("TCA_FW", "tca.fw",
	classid(1, "TCA_FW_CLASSID"),
	nesta(2, "TCA_FW_POLICE", policeAttrs),
	stra(3, "TCA_FW_INDEV"),
	actsa(4, "TCA_FW_ACT"),
	hex(u32a(5, "TCA_FW_MASK")),
)

var matchallAttrs = decode.NewAttrSet("TCA_MATCHALL", "tca.matchall",
	classid(1, "TCA_MATCHALL_CLASSID"),
	actsa(2, "TCA_MATCHALL_ACT"),
	flags(u32a(3, "TCA_MATCHALL_FLAGS"), clsFlags),
	structa(4, "TCA_MATCHALL_PCNT", newStruct("tc_matchall_pcnt", "tca.matchall.pcnt", u64m("rhit"))),
	pada(5, "TCA_MATCHALL_PAD"),
)

var ematchTreeAttrs = decode.NewAttrSet("TCA_EMATCH_TREE", "tca.ematch",
	structa(1, "TCA_EMATCH_TREE_HDR", newStruct("tcf_ematch_tree_hdr", "tca.ematch.hdr", u16m("nmatches"), u16m("progid"))),
	decode.Attr{Type: 2, CName: "TCA_EMATCH_TREE_LIST", Array: true, Elem: &decode.Attr{Kind: decode.KindStruct, Custom: ematch}},
)

// ematchHdr is struct tcf_ematch_hdr; the match's own data follows.
var ematchHdr = newStruct("tcf_ematch_hdr", "tca.ematch.match",
	u16m("matchid"),
	decode.Member{CName: "kind", Kind: decode.KindU16, Enum: decode.NewEnum("tcf_em_kind", "TCF_EM_", map[uint64]string{
		0: "TCF_EM_CONTAINER", 1: "TCF_EM_CMP", 2: "TCF_EM_NBYTE", 3: "TCF_EM_U32", 4: "TCF_EM_META", 5: "TCF_EM_TEXT",
		6: "TCF_EM_VLAN", 7: "TCF_EM_CANID", 8: "TCF_EM_IPSET", 9: "TCF_EM_IPT"})},
	decode.Member{CName: "flags", Kind: decode.KindU16, Flags: decode.NewFlagSet("tcf_em_flags", "TCF_EM_", map[uint64]string{
		1: "TCF_EM_REL_AND", 2: "TCF_EM_REL_OR", 4: "TCF_EM_INVERT", 8: "TCF_EM_SIMPLE"})},
	padm(2))

var defEmatchData = decode.FieldDef{Name: "tca.ematch.match.data", Label: "Match data", Kind: decode.KindBinary,
	Desc: "The ematch module's own configuration (meta, cmp, u32, ...), as bytes."}

// ematch decodes one TCA_EMATCH_TREE_LIST element: tcf_ematch_hdr then data.
func ematch(c *decode.Context, f *decode.Field) {
	vs := f.Offset + 4
	ve := vs + len(f.Bytes)
	mem, short := c.StructMembers(ematchHdr, vs, min(ve, vs+ematchHdr.Size))
	if short {
		c.Note(f, "ematch at offset %d is too short for struct tcf_ematch_hdr", f.Offset)
	}
	n := len(mem)
	if vs+ematchHdr.Size < ve {
		n++
	}
	kids := c.Alloc(n)
	copy(kids, mem)
	if n > len(mem) {
		c.SetBytes(&kids[len(mem)], &defEmatchData, vs+ematchHdr.Size, ve)
	}
	f.Children = kids
}

var basicAttrs = decode.NewAttrSet("TCA_BASIC", "tca.basic",
	classid(1, "TCA_BASIC_CLASSID"),
	nesta(2, "TCA_BASIC_EMATCHES", ematchTreeAttrs),
	actsa(3, "TCA_BASIC_ACT"),
	nesta(4, "TCA_BASIC_POLICE", policeAttrs),
	structa(5, "TCA_BASIC_PCNT", newStruct("tc_basic_pcnt", "tca.basic.pcnt", u64m("rcnt"), u64m("rhit"))),
	pada(6, "TCA_BASIC_PAD"),
)

var bpfAttrs = decode.NewAttrSet("TCA_BPF", "tca.bpf",
	actsa(1, "TCA_BPF_ACT"),
	nesta(2, "TCA_BPF_POLICE", policeAttrs),
	classid(3, "TCA_BPF_CLASSID"),
	u16a(4, "TCA_BPF_OPS_LEN"),
	bina(5, "TCA_BPF_OPS"),
	u32a(6, "TCA_BPF_FD"),
	stra(7, "TCA_BPF_NAME"),
	flags(u32a(8, "TCA_BPF_FLAGS"), decode.NewFlagSet("tca_bpf_flags", "TCA_BPF_FLAG_", map[uint64]string{1: "TCA_BPF_FLAG_ACT_DIRECT"})),
	flags(u32a(9, "TCA_BPF_FLAGS_GEN"), clsFlags),
	bina(10, "TCA_BPF_TAG"),
	u32a(11, "TCA_BPF_ID"),
)

var route4Attrs = decode.NewAttrSet("TCA_ROUTE4", "tca.route4",
	classid(1, "TCA_ROUTE4_CLASSID"),
	u32a(2, "TCA_ROUTE4_TO"),
	u32a(3, "TCA_ROUTE4_FROM"),
	u32a(4, "TCA_ROUTE4_IIF"),
	nesta(5, "TCA_ROUTE4_POLICE", policeAttrs),
	actsa(6, "TCA_ROUTE4_ACT"),
)

// flowerKeyFlags names TCA_FLOWER_KEY_FLAGS bits (TCA_FLOWER_KEY_FLAGS_*).
var flowerKeyFlags = decode.NewFlagSet("flower_key_flags", "TCA_FLOWER_KEY_FLAGS_", map[uint64]string{
	1: "TCA_FLOWER_KEY_FLAGS_IS_FRAGMENT", 2: "TCA_FLOWER_KEY_FLAGS_FRAG_IS_FIRST",
	4: "TCA_FLOWER_KEY_FLAGS_TUNNEL_CSUM", 8: "TCA_FLOWER_KEY_FLAGS_TUNNEL_DONT_FRAGMENT",
	16: "TCA_FLOWER_KEY_FLAGS_TUNNEL_OAM", 32: "TCA_FLOWER_KEY_FLAGS_TUNNEL_CRIT_OPT",
})

// flowerAttrs is TCA_OPTIONS of flower (TCA_FLOWER_*); keys and masks in network
// order, addresses by length.
var flowerAttrs = func() *decode.AttrSet {
	s := decode.NewAttrSet("TCA_FLOWER", "tca.flower",
		classid(1, "TCA_FLOWER_CLASSID"),
		stra(2, "TCA_FLOWER_INDEV"),
		actsa(3, "TCA_FLOWER_ACT"),
		flags(u32a(22, "TCA_FLOWER_FLAGS"), clsFlags),
		flags(be32a(47, "TCA_FLOWER_KEY_FLAGS"), flowerKeyFlags),
		flags(be32a(48, "TCA_FLOWER_KEY_FLAGS_MASK"), flowerKeyFlags),
		u32a(86, "TCA_FLOWER_IN_HW_COUNT"),
	)
	type k struct {
		t    uint16
		name string
		kind byte // m MAC/address, 2 be16, 4 be32, 1 u8, s u16 (host), b bytes, n nested
	}
	for _, x := range []k{
		{4, "KEY_ETH_DST", 'm'}, {5, "KEY_ETH_DST_MASK", 'm'}, {6, "KEY_ETH_SRC", 'm'}, {7, "KEY_ETH_SRC_MASK", 'm'},
		{8, "KEY_ETH_TYPE", 'e'}, {9, "KEY_IP_PROTO", 'p'}, {10, "KEY_IPV4_SRC", 'm'}, {11, "KEY_IPV4_SRC_MASK", 'm'},
		{12, "KEY_IPV4_DST", 'm'}, {13, "KEY_IPV4_DST_MASK", 'm'}, {14, "KEY_IPV6_SRC", 'm'}, {15, "KEY_IPV6_SRC_MASK", 'm'},
		{16, "KEY_IPV6_DST", 'm'}, {17, "KEY_IPV6_DST_MASK", 'm'}, {18, "KEY_TCP_SRC", '2'}, {19, "KEY_TCP_DST", '2'},
		{20, "KEY_UDP_SRC", '2'}, {21, "KEY_UDP_DST", '2'}, {23, "KEY_VLAN_ID", 's'}, {24, "KEY_VLAN_PRIO", '1'},
		{25, "KEY_VLAN_ETH_TYPE", 'e'}, {26, "KEY_ENC_KEY_ID", '4'}, {27, "KEY_ENC_IPV4_SRC", 'm'},
		{28, "KEY_ENC_IPV4_SRC_MASK", 'm'}, {29, "KEY_ENC_IPV4_DST", 'm'}, {30, "KEY_ENC_IPV4_DST_MASK", 'm'},
		{31, "KEY_ENC_IPV6_SRC", 'm'}, {32, "KEY_ENC_IPV6_SRC_MASK", 'm'}, {33, "KEY_ENC_IPV6_DST", 'm'},
		{34, "KEY_ENC_IPV6_DST_MASK", 'm'}, {35, "KEY_TCP_SRC_MASK", 'x'}, {36, "KEY_TCP_DST_MASK", 'x'},
		{37, "KEY_UDP_SRC_MASK", 'x'}, {38, "KEY_UDP_DST_MASK", 'x'}, {39, "KEY_SCTP_SRC_MASK", 'x'},
		{40, "KEY_SCTP_DST_MASK", 'x'}, {41, "KEY_SCTP_SRC", '2'}, {42, "KEY_SCTP_DST", '2'},
		{43, "KEY_ENC_UDP_SRC_PORT", '2'}, {44, "KEY_ENC_UDP_SRC_PORT_MASK", 'x'}, {45, "KEY_ENC_UDP_DST_PORT", '2'},
		{46, "KEY_ENC_UDP_DST_PORT_MASK", 'x'}, {49, "KEY_ICMPV4_CODE", '1'}, {50, "KEY_ICMPV4_CODE_MASK", 'h'},
		{51, "KEY_ICMPV4_TYPE", '1'}, {52, "KEY_ICMPV4_TYPE_MASK", 'h'}, {53, "KEY_ICMPV6_CODE", '1'},
		{54, "KEY_ICMPV6_CODE_MASK", 'h'}, {55, "KEY_ICMPV6_TYPE", '1'}, {56, "KEY_ICMPV6_TYPE_MASK", 'h'},
		{57, "KEY_ARP_SIP", 'm'}, {58, "KEY_ARP_SIP_MASK", 'm'}, {59, "KEY_ARP_TIP", 'm'}, {60, "KEY_ARP_TIP_MASK", 'm'},
		{61, "KEY_ARP_OP", '1'}, {62, "KEY_ARP_OP_MASK", 'h'}, {63, "KEY_ARP_SHA", 'm'}, {64, "KEY_ARP_SHA_MASK", 'm'},
		{65, "KEY_ARP_THA", 'm'}, {66, "KEY_ARP_THA_MASK", 'm'}, {67, "KEY_MPLS_TTL", '1'}, {68, "KEY_MPLS_BOS", '1'},
		{69, "KEY_MPLS_TC", '1'}, {70, "KEY_MPLS_LABEL", '4'}, {71, "KEY_TCP_FLAGS", 'x'}, {72, "KEY_TCP_FLAGS_MASK", 'x'},
		{73, "KEY_IP_TOS", 'h'}, {74, "KEY_IP_TOS_MASK", 'h'}, {75, "KEY_IP_TTL", '1'}, {76, "KEY_IP_TTL_MASK", 'h'},
		{77, "KEY_CVLAN_ID", 's'}, {78, "KEY_CVLAN_PRIO", '1'}, {79, "KEY_CVLAN_ETH_TYPE", 'e'},
		{80, "KEY_ENC_IP_TOS", 'h'}, {81, "KEY_ENC_IP_TOS_MASK", 'h'}, {82, "KEY_ENC_IP_TTL", '1'},
		{83, "KEY_ENC_IP_TTL_MASK", 'h'}, {84, "KEY_ENC_OPTS", 'b'}, {85, "KEY_ENC_OPTS_MASK", 'b'},
		{87, "KEY_PORT_SRC_MIN", '2'}, {88, "KEY_PORT_SRC_MAX", '2'}, {89, "KEY_PORT_DST_MIN", '2'},
		{90, "KEY_PORT_DST_MAX", '2'}, {91, "KEY_CT_STATE", 'S'}, {92, "KEY_CT_STATE_MASK", 'S'},
		{93, "KEY_CT_ZONE", 's'}, {94, "KEY_CT_ZONE_MASK", 'S'}, {95, "KEY_CT_MARK", 'H'}, {96, "KEY_CT_MARK_MASK", 'H'},
		{97, "KEY_CT_LABELS", 'b'}, {98, "KEY_CT_LABELS_MASK", 'b'}, {99, "KEY_MPLS_OPTS", 'b'},
		{100, "KEY_HASH", 'H'}, {101, "KEY_HASH_MASK", 'H'}, {102, "KEY_NUM_OF_VLANS", '1'},
		{103, "KEY_PPPOE_SID", '2'}, {104, "KEY_PPP_PROTO", '2'}, {105, "KEY_L2TPV3_SID", '4'},
	} {
		cname := "TCA_FLOWER_" + x.name
		var a decode.Attr
		switch x.kind {
		case 'm':
			a = addra(x.t, cname)
		case 'e':
			a = enum(be16a(x.t, cname), ethTypeEnum)
		case 'p':
			a = enum(u8a(x.t, cname), ipProtoEnum)
		case '2':
			a = be16a(x.t, cname)
		case 'x':
			a = hex(be16a(x.t, cname))
		case '4':
			a = be32a(x.t, cname)
		case '1':
			a = u8a(x.t, cname)
		case 'h':
			a = hex(u8a(x.t, cname))
		case 's':
			a = u16a(x.t, cname)
		case 'S':
			a = hex(u16a(x.t, cname))
		case 'H':
			a = hex(u32a(x.t, cname))
		default:
			a = bina(x.t, cname)
		}
		s.Add(a)
	}
	return s
}()

// filterOptions maps a filter kind to its TCA_OPTIONS layout.
var filterOptions = map[string]*decode.Attr{
	"u32":      {Nested: u32Attrs},
	"flower":   {Nested: flowerAttrs},
	"matchall": {Nested: matchallAttrs},
	"basic":    {Nested: basicAttrs},
	"bpf":      {Nested: bpfAttrs},
	"fw":       {Nested: fwAttrs},
	"route":    {Nested: route4Attrs},
}

var defTCOptions = decode.FieldDef{Name: "tca.options", Label: "OPTIONS", CName: "TCA_OPTIONS", Kind: decode.KindNested}

// tcOptions decodes TCA_OPTIONS by TCA_KIND, with the filter or the qdisc table
// chosen by the message type (a class shares its qdisc's kind).
func tcOptions(c *decode.Context, f *decode.Field) {
	kind := siblingKind(c, f)
	t := c.Header.Type
	table := qdiscOptions
	if t >= unix.RTM_NEWTFILTER && t <= unix.RTM_GETTFILTER || t >= unix.RTM_NEWCHAIN && t <= unix.RTM_GETCHAIN {
		table = filterOptions
	}
	v, ok := table[string(kind)] // no allocation: the conversion is in the index
	if !ok || len(f.Bytes) == 0 {
		return
	}
	vs := f.Offset + 4
	switch {
	case v.Nested != nil:
		f.Children = c.Attrs(v.Nested, vs, vs+len(f.Bytes))
	case v.Struct != nil:
		f.Children, _ = c.StructMembers(v.Struct, vs, vs+len(f.Bytes))
	case v.Custom != nil:
		v.Custom(c, f)
	}
}

// tcXstats decodes TCA_XSTATS by TCA_KIND.
func tcXstats(c *decode.Context, f *decode.Field) {
	if v, ok := qdiscXstats[string(siblingKind(c, f))]; ok && v.Custom != nil {
		v.Custom(c, f)
	}
}

// siblingKind finds TCA_KIND among the message's top-level attributes. TCA_KIND
// comes first in every kernel message and request, so the walk is short.
func siblingKind(c *decode.Context, f *decode.Field) []byte {
	start := c.Msg.Offset + unix.NLMSG_HDRLEN + tcmsg.Size
	if c.Echoed {
		start = echoedTCStart(c, f)
	}
	it := decode.NewAttrIter(c.Data, start, f.Offset, c.BigEndian)
	for it.Next() {
		if it.Type == unix.TCA_KIND {
			vs, ve := it.Value()
			return decode.TrimNUL(c.Data[vs:ve])
		}
	}
	return nil
}

// echoedTCStart finds the attributes of a tc request echoed inside NLMSG_ERROR: the
// echoed nlmsghdr follows the 4-byte error code.
func echoedTCStart(c *decode.Context, f *decode.Field) int {
	return c.Msg.Offset + unix.NLMSG_HDRLEN + 4 + unix.NLMSG_HDRLEN + tcmsg.Size
}

func init() {
	tcAttrs.Add(decode.Attr{Type: unix.TCA_OPTIONS, CName: "TCA_OPTIONS", Kind: decode.KindBinary, Custom: tcOptionsHook})
	tcAttrs.Add(decode.Attr{Type: unix.TCA_XSTATS, CName: "TCA_XSTATS", Kind: decode.KindBinary, Custom: tcXstats})
	actOptions["csum"] = &decode.Attr{Nested: csumAttrs}
}

// tcOptionsHook marks decoded options as a nest for display.
func tcOptionsHook(c *decode.Context, f *decode.Field) {
	tcOptions(c, f)
	if f.Children != nil {
		f.Def = &defTCOptions
	}
}

var csumAttrs = decode.NewAttrSet("TCA_CSUM", "tca.csum",
	structa(1, "TCA_CSUM_PARMS", newStruct("tc_csum", "tca.csum.parms",
		tcGen(decode.Member{CName: "update_flags", Kind: decode.KindU32, Flags: decode.NewFlagSet("csum_update_flags", "TCA_CSUM_UPDATE_FLAG_",
			map[uint64]string{1: "TCA_CSUM_UPDATE_FLAG_IPV4HDR", 2: "TCA_CSUM_UPDATE_FLAG_ICMP", 4: "TCA_CSUM_UPDATE_FLAG_IGMP",
				8: "TCA_CSUM_UPDATE_FLAG_TCP", 16: "TCA_CSUM_UPDATE_FLAG_UDP", 32: "TCA_CSUM_UPDATE_FLAG_UDPLITE",
				64: "TCA_CSUM_UPDATE_FLAG_SCTP"})})...)),
	structa(2, "TCA_CSUM_TM", tcfT),
	pada(3, "TCA_CSUM_PAD"),
)
