package route

// IFLA_LINKINFO: the kind of a link and its kind-specific configuration.
//
//	IFLA_LINKINFO
//	+-- IFLA_INFO_KIND        "vlan", "veth", "bridge", "bond", "vxlan", ...
//	+-- IFLA_INFO_DATA        nest chosen by IFLA_INFO_KIND (IFLA_VLAN_*, ...)
//	+-- IFLA_INFO_XSTATS      driver statistics
//	+-- IFLA_INFO_SLAVE_KIND  "bridge", "bond", "vrf" for a port
//	+-- IFLA_INFO_SLAVE_DATA  nest chosen by IFLA_INFO_SLAVE_KIND (IFLA_BRPORT_*, ...)
//
// Kinds without configuration attributes (dummy, ifb, nlmon, wireguard, team, can
// loopback) carry no IFLA_INFO_DATA. This file holds the simple kinds; bridge.go,
// bond.go and tunnel.go the larger ones.

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// vlanFlags names struct ifla_vlan_flags bits (VLAN_FLAG_*, include/uapi/linux/if_vlan.h).
var vlanFlags = decode.NewFlagSet("vlan_flags", "VLAN_FLAG_", map[uint64]string{
	1: "VLAN_FLAG_REORDER_HDR", 2: "VLAN_FLAG_GVRP", 4: "VLAN_FLAG_LOOSE_BINDING",
	8: "VLAN_FLAG_MVRP", 16: "VLAN_FLAG_BRIDGE_BINDING",
})

var vlanFlagsStruct = newStruct("ifla_vlan_flags", "ifla.vlan.flags",
	decode.Member{CName: "flags", Kind: decode.KindU32, Flags: vlanFlags},
	decode.Member{CName: "mask", Kind: decode.KindU32, Flags: vlanFlags})

var vlanQosMapping = newStruct("ifla_vlan_qos_mapping", "ifla.vlan.qos",
	u32m("from"), u32m("to"))

var vlanQosAttrs = decode.NewAttrSet("IFLA_VLAN_QOS", "ifla.vlan.qos",
	structa(unix.IFLA_VLAN_QOS_MAPPING, "IFLA_VLAN_QOS_MAPPING", vlanQosMapping))

// vlanAttrs is IFLA_INFO_DATA of kind "vlan".
var vlanAttrs = decode.NewAttrSet("IFLA_VLAN", "ifla.vlan",
	u16a(unix.IFLA_VLAN_ID, "IFLA_VLAN_ID"),
	structa(unix.IFLA_VLAN_FLAGS, "IFLA_VLAN_FLAGS", vlanFlagsStruct),
	nesta(unix.IFLA_VLAN_EGRESS_QOS, "IFLA_VLAN_EGRESS_QOS", vlanQosAttrs),
	nesta(unix.IFLA_VLAN_INGRESS_QOS, "IFLA_VLAN_INGRESS_QOS", vlanQosAttrs),
	enum(be16a(unix.IFLA_VLAN_PROTOCOL, "IFLA_VLAN_PROTOCOL"), ethTypeEnum),
)

// vethAttrs is IFLA_INFO_DATA of kind "veth": VETH_INFO_PEER holds an ifinfomsg
// and IFLA_* attributes of the peer (its Custom is set in init).
var vethAttrs = decode.NewAttrSet("VETH_INFO", "ifla.veth")

var macvlanModeEnum = decode.NewEnum("macvlan_mode", "MACVLAN_MODE_", map[uint64]string{
	1: "MACVLAN_MODE_PRIVATE", 2: "MACVLAN_MODE_VEPA", 4: "MACVLAN_MODE_BRIDGE",
	8: "MACVLAN_MODE_PASSTHRU", 16: "MACVLAN_MODE_SOURCE",
})

var macvlanMacaddrModeEnum = decode.NewEnum("macvlan_macaddr_mode", "MACVLAN_MACADDR_", map[uint64]string{
	0: "MACVLAN_MACADDR_ADD", 1: "MACVLAN_MACADDR_DEL", 2: "MACVLAN_MACADDR_FLUSH", 3: "MACVLAN_MACADDR_SET",
})

var macvlanMacData = decode.NewAttrSet("IFLA_MACVLAN", "ifla.macvlan.macaddr_data",
	maca(unix.IFLA_MACVLAN_MACADDR, "IFLA_MACVLAN_MACADDR"))

// macvlanAttrs is IFLA_INFO_DATA of kinds "macvlan" and "macvtap".
var macvlanAttrs = decode.NewAttrSet("IFLA_MACVLAN", "ifla.macvlan",
	enum(u32a(unix.IFLA_MACVLAN_MODE, "IFLA_MACVLAN_MODE"), macvlanModeEnum),
	flags(u16a(unix.IFLA_MACVLAN_FLAGS, "IFLA_MACVLAN_FLAGS"), decode.NewFlagSet("macvlan_flags", "MACVLAN_FLAG_",
		map[uint64]string{1: "MACVLAN_FLAG_NOPROMISC", 2: "MACVLAN_FLAG_NODST"})),
	enum(u32a(unix.IFLA_MACVLAN_MACADDR_MODE, "IFLA_MACVLAN_MACADDR_MODE"), macvlanMacaddrModeEnum),
	maca(unix.IFLA_MACVLAN_MACADDR, "IFLA_MACVLAN_MACADDR"),
	nesta(unix.IFLA_MACVLAN_MACADDR_DATA, "IFLA_MACVLAN_MACADDR_DATA", macvlanMacData),
	u32a(unix.IFLA_MACVLAN_MACADDR_COUNT, "IFLA_MACVLAN_MACADDR_COUNT"),
	u32a(unix.IFLA_MACVLAN_BC_QUEUE_LEN, "IFLA_MACVLAN_BC_QUEUE_LEN"),
	u32a(unix.IFLA_MACVLAN_BC_QUEUE_LEN_USED, "IFLA_MACVLAN_BC_QUEUE_LEN_USED"),
	decode.Attr{Type: unix.IFLA_MACVLAN_BC_CUTOFF, CName: "IFLA_MACVLAN_BC_CUTOFF", Kind: decode.KindS32},
)

// ipvlanAttrs is IFLA_INFO_DATA of kinds "ipvlan" and "ipvtap".
var ipvlanAttrs = decode.NewAttrSet("IFLA_IPVLAN", "ifla.ipvlan",
	enum(u16a(unix.IFLA_IPVLAN_MODE, "IFLA_IPVLAN_MODE"), decode.NewEnum("ipvlan_mode", "IPVLAN_MODE_",
		map[uint64]string{0: "IPVLAN_MODE_L2", 1: "IPVLAN_MODE_L3", 2: "IPVLAN_MODE_L3S"})),
	flags(u16a(unix.IFLA_IPVLAN_FLAGS, "IFLA_IPVLAN_FLAGS"), decode.NewFlagSet("ipvlan_flags", "IPVLAN_F_",
		map[uint64]string{1: "IPVLAN_F_PRIVATE", 2: "IPVLAN_F_VEPA"})),
)

// vrfAttrs is IFLA_INFO_DATA of kind "vrf"; vrfPortAttrs its slave data.
var vrfAttrs = decode.NewAttrSet("IFLA_VRF", "ifla.vrf",
	enum(u32a(unix.IFLA_VRF_TABLE, "IFLA_VRF_TABLE"), tableEnum))

var vrfPortAttrs = decode.NewAttrSet("IFLA_VRF_PORT", "ifla.vrf_port",
	enum(u32a(unix.IFLA_VRF_PORT_TABLE, "IFLA_VRF_PORT_TABLE"), tableEnum))

// tunAttrs is IFLA_INFO_DATA of kind "tun".
var tunAttrs = decode.NewAttrSet("IFLA_TUN", "ifla.tun",
	u32a(unix.IFLA_TUN_OWNER, "IFLA_TUN_OWNER"),
	u32a(unix.IFLA_TUN_GROUP, "IFLA_TUN_GROUP"),
	enum(u8a(unix.IFLA_TUN_TYPE, "IFLA_TUN_TYPE"), decode.NewEnum("tun_type", "IFF_",
		map[uint64]string{unix.IFF_TUN: "IFF_TUN", unix.IFF_TAP: "IFF_TAP"})),
	enum(u8a(unix.IFLA_TUN_PI, "IFLA_TUN_PI"), boolEnum),
	enum(u8a(unix.IFLA_TUN_VNET_HDR, "IFLA_TUN_VNET_HDR"), boolEnum),
	enum(u8a(unix.IFLA_TUN_PERSIST, "IFLA_TUN_PERSIST"), boolEnum),
	enum(u8a(unix.IFLA_TUN_MULTI_QUEUE, "IFLA_TUN_MULTI_QUEUE"), boolEnum),
	u32a(unix.IFLA_TUN_NUM_QUEUES, "IFLA_TUN_NUM_QUEUES"),
	u32a(unix.IFLA_TUN_NUM_DISABLED_QUEUES, "IFLA_TUN_NUM_DISABLED_QUEUES"),
)

// macsecAttrs is IFLA_INFO_DATA of kind "macsec".
var macsecAttrs = decode.NewAttrSet("IFLA_MACSEC", "ifla.macsec",
	decode.Attr{Type: unix.IFLA_MACSEC_SCI, CName: "IFLA_MACSEC_SCI", Kind: decode.KindU64, BigEndian: true, Display: decode.DisplayHex},
	be16a(unix.IFLA_MACSEC_PORT, "IFLA_MACSEC_PORT"),
	unit(u8a(unix.IFLA_MACSEC_ICV_LEN, "IFLA_MACSEC_ICV_LEN"), "bytes"),
	hex(u64a(unix.IFLA_MACSEC_CIPHER_SUITE, "IFLA_MACSEC_CIPHER_SUITE")),
	u32a(unix.IFLA_MACSEC_WINDOW, "IFLA_MACSEC_WINDOW"),
	u8a(unix.IFLA_MACSEC_ENCODING_SA, "IFLA_MACSEC_ENCODING_SA"),
	enum(u8a(unix.IFLA_MACSEC_ENCRYPT, "IFLA_MACSEC_ENCRYPT"), boolEnum),
	enum(u8a(unix.IFLA_MACSEC_PROTECT, "IFLA_MACSEC_PROTECT"), boolEnum),
	enum(u8a(unix.IFLA_MACSEC_INC_SCI, "IFLA_MACSEC_INC_SCI"), boolEnum),
	enum(u8a(unix.IFLA_MACSEC_ES, "IFLA_MACSEC_ES"), boolEnum),
	enum(u8a(unix.IFLA_MACSEC_SCB, "IFLA_MACSEC_SCB"), boolEnum),
	enum(u8a(unix.IFLA_MACSEC_REPLAY_PROTECT, "IFLA_MACSEC_REPLAY_PROTECT"), boolEnum),
	enum(u8a(unix.IFLA_MACSEC_VALIDATION, "IFLA_MACSEC_VALIDATION"), decode.NewEnum("macsec_validation", "MACSEC_VALIDATE_",
		map[uint64]string{0: "MACSEC_VALIDATE_DISABLED", 1: "MACSEC_VALIDATE_CHECK", 2: "MACSEC_VALIDATE_STRICT"})),
	pada(unix.IFLA_MACSEC_PAD, "IFLA_MACSEC_PAD"),
	enum(u8a(unix.IFLA_MACSEC_OFFLOAD, "IFLA_MACSEC_OFFLOAD"), decode.NewEnum("macsec_offload", "MACSEC_OFFLOAD_",
		map[uint64]string{0: "MACSEC_OFFLOAD_OFF", 1: "MACSEC_OFFLOAD_PHY", 2: "MACSEC_OFFLOAD_MAC"})),
)

// xfrmAttrs is IFLA_INFO_DATA of kind "xfrm".
var xfrmAttrs = decode.NewAttrSet("IFLA_XFRM", "ifla.xfrm",
	u32a(unix.IFLA_XFRM_LINK, "IFLA_XFRM_LINK"),
	u32a(unix.IFLA_XFRM_IF_ID, "IFLA_XFRM_IF_ID"),
	flaga(unix.IFLA_XFRM_COLLECT_METADATA, "IFLA_XFRM_COLLECT_METADATA"),
)

// netkitAttrs is IFLA_INFO_DATA of kind "netkit" (peer info completed in init).
var netkitAttrs = decode.NewAttrSet("IFLA_NETKIT", "ifla.netkit",
	u8a(unix.IFLA_NETKIT_PRIMARY, "IFLA_NETKIT_PRIMARY"),
	u32a(unix.IFLA_NETKIT_POLICY, "IFLA_NETKIT_POLICY"),
	u32a(unix.IFLA_NETKIT_PEER_POLICY, "IFLA_NETKIT_PEER_POLICY"),
	u32a(unix.IFLA_NETKIT_MODE, "IFLA_NETKIT_MODE"),
)

// dataNone describes IFLA_INFO_DATA of kinds that define none: shown as bytes.
var dataNone = &decode.Attr{Kind: decode.KindBinary}

// infoData maps IFLA_INFO_KIND to the layout of IFLA_INFO_DATA.
var infoData = map[string]*decode.Attr{
	"vlan":      {Nested: vlanAttrs},
	"veth":      {Nested: vethAttrs},
	"vxcan":     {Nested: vethAttrs},
	"macvlan":   {Nested: macvlanAttrs},
	"macvtap":   {Nested: macvlanAttrs},
	"ipvlan":    {Nested: ipvlanAttrs},
	"ipvtap":    {Nested: ipvlanAttrs},
	"vrf":       {Nested: vrfAttrs},
	"tun":       {Nested: tunAttrs},
	"macsec":    {Nested: macsecAttrs},
	"xfrm":      {Nested: xfrmAttrs},
	"netkit":    {Nested: netkitAttrs},
	"bridge":    {Nested: bridgeAttrs},
	"bond":      {Nested: bondAttrs},
	"vxlan":     {Nested: vxlanAttrs},
	"geneve":    {Nested: geneveAttrs},
	"gre":       {Nested: greAttrs},
	"gretap":    {Nested: greAttrs},
	"erspan":    {Nested: greAttrs},
	"ip6gre":    {Nested: greAttrs},
	"ip6gretap": {Nested: greAttrs},
	"ip6erspan": {Nested: greAttrs},
	"ipip":      {Nested: iptunAttrs},
	"sit":       {Nested: iptunAttrs},
	"ip6tnl":    {Nested: iptunAttrs},
	"vti":       {Nested: vtiAttrs},
	"vti6":      {Nested: vtiAttrs},
}

// infoSlaveData maps IFLA_INFO_SLAVE_KIND to the layout of IFLA_INFO_SLAVE_DATA.
var infoSlaveData = map[string]*decode.Attr{
	"bridge": {Nested: brportAttrs},
	"bond":   {Nested: bondSlaveAttrs},
	"vrf":    {Nested: vrfPortAttrs},
}

// linkInfoAttrs is the IFLA_LINKINFO nest.
var linkInfoAttrs = decode.NewAttrSet("IFLA_INFO", "ifla.info",
	stra(unix.IFLA_INFO_KIND, "IFLA_INFO_KIND"),
	decode.Attr{Type: unix.IFLA_INFO_DATA, CName: "IFLA_INFO_DATA",
		Sub: &decode.SubMessage{Selector: unix.IFLA_INFO_KIND, Variants: infoData, Default: dataNone}},
	bina(unix.IFLA_INFO_XSTATS, "IFLA_INFO_XSTATS"),
	stra(unix.IFLA_INFO_SLAVE_KIND, "IFLA_INFO_SLAVE_KIND"),
	decode.Attr{Type: unix.IFLA_INFO_SLAVE_DATA, CName: "IFLA_INFO_SLAVE_DATA",
		Sub: &decode.SubMessage{Selector: unix.IFLA_INFO_SLAVE_KIND, Variants: infoSlaveData, Default: &decode.Attr{Kind: decode.KindBinary}}},
)

// peerInfo decodes VETH_INFO_PEER / IFLA_NETKIT_PEER_INFO: an ifinfomsg followed by
// the peer's IFLA_* attributes.
func peerInfo(c *decode.Context, f *decode.Field) {
	vs := f.Offset + 4
	ve := vs + len(f.Bytes)
	h := c.Struct(ifinfomsg, vs, ve)
	var attrs []decode.Field
	if vs+ifinfomsg.Size < ve {
		attrs = c.Attrs(linkAttrs, vs+ifinfomsg.Size, ve)
	}
	kids := c.Alloc(1 + len(attrs))
	kids[0] = h
	copy(kids[1:], attrs)
	f.Children = kids
}

func init() {
	vethAttrs.Add(decode.Attr{Type: vethInfoPeer, CName: "VETH_INFO_PEER", Kind: decode.KindStruct, Custom: peerInfo})
	netkitAttrs.Add(decode.Attr{Type: unix.IFLA_NETKIT_PEER_INFO, CName: "IFLA_NETKIT_PEER_INFO", Kind: decode.KindStruct, Custom: peerInfo})
	linkAttrs.Add(nesta(unix.IFLA_LINKINFO, "IFLA_LINKINFO", linkInfoAttrs))
}
