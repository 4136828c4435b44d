package netfilter

// ipset (include/uapi/linux/netfilter/ipset/ip_set.h), subsystem NFNL_SUBSYS_IPSET,
// commands IPSET_CMD_*. Integers carry NLA_F_NET_BYTEORDER (big-endian); the
// attribute numbers after 16 mean one thing in a set's creation data
// (IPSET_ATTR_HASHSIZE...) and another in an element's (IPSET_ATTR_ETHER...), so
// IPSET_ATTR_DATA reads by the command:
//
//	IPSET_ATTR_PROTOCOL u8  IPSET_ATTR_SETNAME string  IPSET_ATTR_TYPENAME string
//	IPSET_ATTR_REVISION u8  IPSET_ATTR_FAMILY u8       IPSET_ATTR_FLAGS be32
//	IPSET_ATTR_DATA nested  creation data (CREATE, LIST header) or element (ADD/DEL/TEST)
//	IPSET_ATTR_ADT  nested  list of IPSET_ATTR_DATA elements (LIST)
//	IPSET_ATTR_LINENO be32  IPSET_ATTR_PROTOCOL_MIN u8  IPSET_ATTR_INDEX be16

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

var (
	ipsetCmdFlags  = flagsOf("ipset_cmd_flags", "IPSET_FLAG_", "IPSET_FLAG_EXIST", "IPSET_FLAG_LIST_SETNAME", "IPSET_FLAG_LIST_HEADER", "IPSET_FLAG_SKIP_COUNTER_UPDATE", "IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE", "IPSET_FLAG_MATCH_COUNTERS", "IPSET_FLAG_RETURN_NOMATCH", "IPSET_FLAG_MAP_SKBMARK", "IPSET_FLAG_MAP_SKBPRIO", "IPSET_FLAG_MAP_SKBQUEUE")
	ipsetCadtFlags = flagsOf("ipset_cadt_flags", "IPSET_FLAG_", "IPSET_FLAG_BEFORE", "IPSET_FLAG_PHYSDEV", "IPSET_FLAG_NOMATCH", "IPSET_FLAG_WITH_COUNTERS", "IPSET_FLAG_WITH_COMMENT", "IPSET_FLAG_WITH_FORCEADD", "IPSET_FLAG_WITH_SKBINFO", "IPSET_FLAG_IFACE_WILDCARD")
)

// ipsetAddrAttrs is the IPSET_ATTR_IPADDR_* set inside IPSET_ATTR_IP and friends.
var ipsetAddrAttrs = decode.NewAttrSet("IPSET_ATTR_IPADDR", "ipset.ipaddr",
	addr("IPSET_ATTR_IPADDR_IPV4"), addr("IPSET_ATTR_IPADDR_IPV6"))

// ipsetCommonData are the data attributes below IPSET_ATTR_CADT_MAX.
func ipsetCommonData() []decode.Attr {
	return []decode.Attr{
		nest("IPSET_ATTR_IP", ipsetAddrAttrs),
		nest("IPSET_ATTR_IP_TO", ipsetAddrAttrs),
		u8("IPSET_ATTR_CIDR"),
		be16("IPSET_ATTR_PORT"),
		be16("IPSET_ATTR_PORT_TO"),
		withUnit(be32("IPSET_ATTR_TIMEOUT"), "s"),
		withEnum(u8("IPSET_ATTR_PROTO"), ipprotoEnum),
		withFlags(be32("IPSET_ATTR_CADT_FLAGS"), ipsetCadtFlags),
		be32("IPSET_ATTR_CADT_LINENO"),
		hex32("IPSET_ATTR_MARK"),
		hex32("IPSET_ATTR_MARKMASK"),
		nest("IPSET_ATTR_BITMASK", ipsetAddrAttrs),
	}
}

// ipsetCreateData is IPSET_ATTR_DATA of CREATE and of a LIST reply's header.
var ipsetCreateData = decode.NewAttrSet("IPSET_ATTR", "ipset.create", append(ipsetCommonData(),
	hex32("IPSET_ATTR_INITVAL"),
	be32("IPSET_ATTR_HASHSIZE"),
	be32("IPSET_ATTR_MAXELEM"),
	u8("IPSET_ATTR_NETMASK"),
	u8("IPSET_ATTR_BUCKETSIZE"),
	u8("IPSET_ATTR_RESIZE"),
	be32("IPSET_ATTR_SIZE"),
	be32("IPSET_ATTR_ELEMENTS"),
	be32("IPSET_ATTR_REFERENCES"),
	withUnit(be32("IPSET_ATTR_MEMSIZE"), "bytes"),
)...)

// ipsetADTData is IPSET_ATTR_DATA of one element (ADD, DEL, TEST, LIST's ADT).
var ipsetADTData = decode.NewAttrSet("IPSET_ATTR", "ipset.adt", append(ipsetCommonData(),
	at("IPSET_ATTR_ETHER", decode.KindMAC),
	str("IPSET_ATTR_NAME"),
	str("IPSET_ATTR_NAMEREF"),
	nest("IPSET_ATTR_IP2", ipsetAddrAttrs),
	u8("IPSET_ATTR_CIDR2"),
	nest("IPSET_ATTR_IP2_TO", ipsetAddrAttrs),
	str("IPSET_ATTR_IFACE"),
	withUnit(be64("IPSET_ATTR_BYTES"), "bytes"),
	be64("IPSET_ATTR_PACKETS"),
	str("IPSET_ATTR_COMMENT"),
	be64("IPSET_ATTR_SKBMARK"),
	be32("IPSET_ATTR_SKBPRIO"),
	be16("IPSET_ATTR_SKBQUEUE"),
	pad("IPSET_ATTR_PAD"),
)...)

// ipsetADTList is IPSET_ATTR_ADT: IPSET_ATTR_DATA elements.
var ipsetADTList = decode.NewAttrSet("IPSET_ATTR", "ipset.adtlist", nest("IPSET_ATTR_DATA", ipsetADTData))

func ipsetTop(filter string, data *decode.AttrSet) *decode.AttrSet {
	return decode.NewAttrSet("IPSET_ATTR", filter,
		u8("IPSET_ATTR_PROTOCOL"),
		str("IPSET_ATTR_SETNAME"),
		withDesc(str("IPSET_ATTR_TYPENAME"), "Set type (hash:ip ...), or the second set name of RENAME and SWAP (IPSET_ATTR_SETNAME2)."),
		u8("IPSET_ATTR_REVISION"),
		withEnum(u8("IPSET_ATTR_FAMILY"), nfprotoEnum),
		withFlags(be32("IPSET_ATTR_FLAGS"), ipsetCmdFlags),
		nest("IPSET_ATTR_DATA", data),
		nest("IPSET_ATTR_ADT", ipsetADTList),
		be32("IPSET_ATTR_LINENO"),
		u8("IPSET_ATTR_PROTOCOL_MIN"),
		be16("IPSET_ATTR_INDEX"),
	)
}

var (
	ipsetAttrs     = ipsetTop("ipset", ipsetCreateData)
	ipsetElemAttrs = ipsetTop("ipset", ipsetADTData)
)

func init() {
	addSubsystem(unix.NFNL_SUBSYS_IPSET, "IPSET_CMD_", nil, func(name string) *decode.AttrSet {
		switch name {
		case "IPSET_CMD_ADD", "IPSET_CMD_DEL", "IPSET_CMD_TEST":
			return ipsetElemAttrs
		}
		return ipsetAttrs
	}, nameSummary("ipset.setname", "ipset.typename"))
}
