package route

// Tunnel links: IFLA_INFO_DATA of kinds "vxlan" (IFLA_VXLAN_*), "geneve"
// (IFLA_GENEVE_*), "gre"/"gretap"/"erspan"/"ip6gre"/"ip6gretap"/"ip6erspan"
// (IFLA_GRE_*), "ipip"/"sit"/"ip6tnl" (IFLA_IPTUN_*) and "vti"/"vti6" (IFLA_VTI_*),
// all in include/uapi/linux/if_link.h or if_tunnel.h. Keys, ports, flow labels and
// GRE flags are in network byte order. The VXLAN source port range is
// struct ifla_vxlan_port_range:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|         low (__be16)          |         high (__be16)         |
//	+---------------+---------------+---------------+---------------+

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

var vxlanPortRange = newStruct("ifla_vxlan_port_range", "ifla.vxlan.port_range",
	decode.Member{CName: "low", Kind: decode.KindU16, BigEndian: true},
	decode.Member{CName: "high", Kind: decode.KindU16, BigEndian: true})

var dfEnum = decode.NewEnum("df", "", map[uint64]string{0: "unset", 1: "set", 2: "inherit"})

// vxlanAttrs is IFLA_INFO_DATA of kind "vxlan".
var vxlanAttrs = decode.NewAttrSet("IFLA_VXLAN", "ifla.vxlan",
	u32a(unix.IFLA_VXLAN_ID, "IFLA_VXLAN_ID"),
	addra(unix.IFLA_VXLAN_GROUP, "IFLA_VXLAN_GROUP"),
	u32a(unix.IFLA_VXLAN_LINK, "IFLA_VXLAN_LINK"),
	addra(unix.IFLA_VXLAN_LOCAL, "IFLA_VXLAN_LOCAL"),
	u8a(unix.IFLA_VXLAN_TTL, "IFLA_VXLAN_TTL"),
	hex(u8a(unix.IFLA_VXLAN_TOS, "IFLA_VXLAN_TOS")),
	enum(u8a(unix.IFLA_VXLAN_LEARNING, "IFLA_VXLAN_LEARNING"), boolEnum),
	unit(u32a(unix.IFLA_VXLAN_AGEING, "IFLA_VXLAN_AGEING"), "s"),
	u32a(unix.IFLA_VXLAN_LIMIT, "IFLA_VXLAN_LIMIT"),
	structa(unix.IFLA_VXLAN_PORT_RANGE, "IFLA_VXLAN_PORT_RANGE", vxlanPortRange),
	enum(u8a(unix.IFLA_VXLAN_PROXY, "IFLA_VXLAN_PROXY"), boolEnum),
	enum(u8a(unix.IFLA_VXLAN_RSC, "IFLA_VXLAN_RSC"), boolEnum),
	enum(u8a(unix.IFLA_VXLAN_L2MISS, "IFLA_VXLAN_L2MISS"), boolEnum),
	enum(u8a(unix.IFLA_VXLAN_L3MISS, "IFLA_VXLAN_L3MISS"), boolEnum),
	be16a(unix.IFLA_VXLAN_PORT, "IFLA_VXLAN_PORT"),
	addra(unix.IFLA_VXLAN_GROUP6, "IFLA_VXLAN_GROUP6"),
	addra(unix.IFLA_VXLAN_LOCAL6, "IFLA_VXLAN_LOCAL6"),
	enum(u8a(unix.IFLA_VXLAN_UDP_CSUM, "IFLA_VXLAN_UDP_CSUM"), boolEnum),
	enum(u8a(unix.IFLA_VXLAN_UDP_ZERO_CSUM6_TX, "IFLA_VXLAN_UDP_ZERO_CSUM6_TX"), boolEnum),
	enum(u8a(unix.IFLA_VXLAN_UDP_ZERO_CSUM6_RX, "IFLA_VXLAN_UDP_ZERO_CSUM6_RX"), boolEnum),
	enum(u8a(unix.IFLA_VXLAN_REMCSUM_TX, "IFLA_VXLAN_REMCSUM_TX"), boolEnum),
	enum(u8a(unix.IFLA_VXLAN_REMCSUM_RX, "IFLA_VXLAN_REMCSUM_RX"), boolEnum),
	flaga(unix.IFLA_VXLAN_GBP, "IFLA_VXLAN_GBP"),
	flaga(unix.IFLA_VXLAN_REMCSUM_NOPARTIAL, "IFLA_VXLAN_REMCSUM_NOPARTIAL"),
	enum(u8a(unix.IFLA_VXLAN_COLLECT_METADATA, "IFLA_VXLAN_COLLECT_METADATA"), boolEnum),
	hex(be32a(unix.IFLA_VXLAN_LABEL, "IFLA_VXLAN_LABEL")),
	flaga(unix.IFLA_VXLAN_GPE, "IFLA_VXLAN_GPE"),
	flagOrU8(unix.IFLA_VXLAN_TTL_INHERIT, "IFLA_VXLAN_TTL_INHERIT", "ifla.vxlan.ttl_inherit"),
	enum(u8a(unix.IFLA_VXLAN_DF, "IFLA_VXLAN_DF"), dfEnum),
	enum(u8a(unix.IFLA_VXLAN_VNIFILTER, "IFLA_VXLAN_VNIFILTER"), boolEnum),
	enum(u8a(unix.IFLA_VXLAN_LOCALBYPASS, "IFLA_VXLAN_LOCALBYPASS"), boolEnum),
	u32a(unix.IFLA_VXLAN_LABEL_POLICY, "IFLA_VXLAN_LABEL_POLICY"),
)

// geneveAttrs is IFLA_INFO_DATA of kind "geneve".
var geneveAttrs = decode.NewAttrSet("IFLA_GENEVE", "ifla.geneve",
	u32a(unix.IFLA_GENEVE_ID, "IFLA_GENEVE_ID"),
	addra(unix.IFLA_GENEVE_REMOTE, "IFLA_GENEVE_REMOTE"),
	u8a(unix.IFLA_GENEVE_TTL, "IFLA_GENEVE_TTL"),
	hex(u8a(unix.IFLA_GENEVE_TOS, "IFLA_GENEVE_TOS")),
	be16a(unix.IFLA_GENEVE_PORT, "IFLA_GENEVE_PORT"),
	flaga(unix.IFLA_GENEVE_COLLECT_METADATA, "IFLA_GENEVE_COLLECT_METADATA"),
	addra(unix.IFLA_GENEVE_REMOTE6, "IFLA_GENEVE_REMOTE6"),
	enum(u8a(unix.IFLA_GENEVE_UDP_CSUM, "IFLA_GENEVE_UDP_CSUM"), boolEnum),
	enum(u8a(unix.IFLA_GENEVE_UDP_ZERO_CSUM6_TX, "IFLA_GENEVE_UDP_ZERO_CSUM6_TX"), boolEnum),
	enum(u8a(unix.IFLA_GENEVE_UDP_ZERO_CSUM6_RX, "IFLA_GENEVE_UDP_ZERO_CSUM6_RX"), boolEnum),
	hex(be32a(unix.IFLA_GENEVE_LABEL, "IFLA_GENEVE_LABEL")),
	enum(u8a(unix.IFLA_GENEVE_TTL_INHERIT, "IFLA_GENEVE_TTL_INHERIT"), boolEnum),
	enum(u8a(unix.IFLA_GENEVE_DF, "IFLA_GENEVE_DF"), dfEnum),
	flaga(unix.IFLA_GENEVE_INNER_PROTO_INHERIT, "IFLA_GENEVE_INNER_PROTO_INHERIT"),
)

// greFlags names GRE header flags as the tunnel attributes carry them (__be16,
// include/uapi/linux/if_tunnel.h GRE_*).
var greFlagBits = decode.NewFlagSet("gre_flags", "GRE_", map[uint64]string{
	0x8000: "GRE_CSUM", 0x4000: "GRE_ROUTING", 0x2000: "GRE_KEY", 0x1000: "GRE_SEQ",
	0x0800: "GRE_STRICT", 0x0700: "GRE_REC", 0x0080: "GRE_ACK", 0x0078: "GRE_FLAGS", 0x0007: "GRE_VERSION",
})

var encapTypeEnum = decode.NewEnum("tunnel_encap_type", "TUNNEL_ENCAP_", map[uint64]string{
	0: "TUNNEL_ENCAP_NONE", 1: "TUNNEL_ENCAP_FOU", 2: "TUNNEL_ENCAP_GUE", 3: "TUNNEL_ENCAP_MPLS",
})

var encapFlags = decode.NewFlagSet("tunnel_encap_flags", "TUNNEL_ENCAP_FLAG_", map[uint64]string{
	1: "TUNNEL_ENCAP_FLAG_CSUM", 2: "TUNNEL_ENCAP_FLAG_CSUM6", 4: "TUNNEL_ENCAP_FLAG_REMCSUM",
})

var pmtudiscEnum = boolEnum

// greAttrs is IFLA_INFO_DATA of the GRE kinds.
var greAttrs = decode.NewAttrSet("IFLA_GRE", "ifla.gre",
	u32a(greLink, "IFLA_GRE_LINK"),
	flags(be16a(greIflags, "IFLA_GRE_IFLAGS"), greFlagBits),
	flags(be16a(greOflags, "IFLA_GRE_OFLAGS"), greFlagBits),
	be32a(greIkey, "IFLA_GRE_IKEY"),
	be32a(greOkey, "IFLA_GRE_OKEY"),
	addra(greLocal, "IFLA_GRE_LOCAL"),
	addra(greRemote, "IFLA_GRE_REMOTE"),
	u8a(greTTL, "IFLA_GRE_TTL"),
	hex(u8a(greTOS, "IFLA_GRE_TOS")),
	enum(u8a(grePmtudisc, "IFLA_GRE_PMTUDISC"), pmtudiscEnum),
	u8a(greEncapLimit, "IFLA_GRE_ENCAP_LIMIT"),
	hex(be32a(greFlowinfo, "IFLA_GRE_FLOWINFO")),
	hex(u32a(greFlags, "IFLA_GRE_FLAGS")),
	enum(u16a(greEncapType, "IFLA_GRE_ENCAP_TYPE"), encapTypeEnum),
	flags(u16a(greEncapFlags, "IFLA_GRE_ENCAP_FLAGS"), encapFlags),
	be16a(greEncapSport, "IFLA_GRE_ENCAP_SPORT"),
	be16a(greEncapDport, "IFLA_GRE_ENCAP_DPORT"),
	flaga(greCollectMetadata, "IFLA_GRE_COLLECT_METADATA"),
	enum(u8a(greIgnoreDF, "IFLA_GRE_IGNORE_DF"), boolEnum),
	u32a(greFwmark, "IFLA_GRE_FWMARK"),
	u32a(greErspanIndex, "IFLA_GRE_ERSPAN_INDEX"),
	u8a(greErspanVer, "IFLA_GRE_ERSPAN_VER"),
	u8a(greErspanDir, "IFLA_GRE_ERSPAN_DIR"),
	u16a(greErspanHwid, "IFLA_GRE_ERSPAN_HWID"),
)

// iptunAttrs is IFLA_INFO_DATA of kinds "ipip", "sit" and "ip6tnl".
var iptunAttrs = decode.NewAttrSet("IFLA_IPTUN", "ifla.iptun",
	u32a(iptunLink, "IFLA_IPTUN_LINK"),
	addra(iptunLocal, "IFLA_IPTUN_LOCAL"),
	addra(iptunRemote, "IFLA_IPTUN_REMOTE"),
	u8a(iptunTTL, "IFLA_IPTUN_TTL"),
	hex(u8a(iptunTOS, "IFLA_IPTUN_TOS")),
	u8a(iptunEncapLimit, "IFLA_IPTUN_ENCAP_LIMIT"),
	hex(be32a(iptunFlowinfo, "IFLA_IPTUN_FLOWINFO")),
	hex(u32a(iptunFlags, "IFLA_IPTUN_FLAGS")),
	enum(u8a(iptunProto, "IFLA_IPTUN_PROTO"), ipProtoEnum),
	enum(u8a(iptunPmtudisc, "IFLA_IPTUN_PMTUDISC"), pmtudiscEnum),
	addra(iptun6rdPrefix, "IFLA_IPTUN_6RD_PREFIX"),
	addra(iptun6rdRelayPrefix, "IFLA_IPTUN_6RD_RELAY_PREFIX"),
	u16a(iptun6rdPrefixlen, "IFLA_IPTUN_6RD_PREFIXLEN"),
	u16a(iptun6rdRelayPrefixlen, "IFLA_IPTUN_6RD_RELAY_PREFIXLEN"),
	enum(u16a(iptunEncapType, "IFLA_IPTUN_ENCAP_TYPE"), encapTypeEnum),
	flags(u16a(iptunEncapFlags, "IFLA_IPTUN_ENCAP_FLAGS"), encapFlags),
	be16a(iptunEncapSport, "IFLA_IPTUN_ENCAP_SPORT"),
	be16a(iptunEncapDport, "IFLA_IPTUN_ENCAP_DPORT"),
	flaga(iptunCollectMetadata, "IFLA_IPTUN_COLLECT_METADATA"),
	u32a(iptunFwmark, "IFLA_IPTUN_FWMARK"),
)

// vtiAttrs is IFLA_INFO_DATA of kinds "vti" and "vti6".
var vtiAttrs = decode.NewAttrSet("IFLA_VTI", "ifla.vti",
	u32a(vtiLink, "IFLA_VTI_LINK"),
	be32a(vtiIkey, "IFLA_VTI_IKEY"),
	be32a(vtiOkey, "IFLA_VTI_OKEY"),
	addra(vtiLocal, "IFLA_VTI_LOCAL"),
	addra(vtiRemote, "IFLA_VTI_REMOTE"),
	u32a(vtiFwmark, "IFLA_VTI_FWMARK"),
)
