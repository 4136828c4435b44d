package sockdiag

// packet_diag (include/uapi/linux/packet_diag.h): AF_PACKET sockets.
//
//	struct packet_diag_req (20 bytes)         struct packet_diag_msg (16 bytes)
//	+--------+----------+---------+           +--------+------+------------------+
//	| family | protocol |   pad   |           | family | type |    pdiag_num     |
//	+--------+----------+---------+           +--------+------+------------------+
//	|         pdiag_ino           |           |            pdiag_ino             |
//	+-----------------------------+           +----------------------------------+
//	|         pdiag_show          |           |         pdiag_cookie[2]          |
//	+-----------------------------+           +----------------------------------+
//	|       pdiag_cookie[2]       |           | PACKET_DIAG_* attributes         |
//	+-----------------------------+
//
// pdiag_num is the socket's protocol, an ethertype, converted to host order by the
// kernel (ETH_P_ALL = 3 captures everything).

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

var packetShowFlags = decode.NewFlagSet("pdiag_show", "PACKET_SHOW_", map[uint64]string{
	packetShowInfo: "PACKET_SHOW_INFO", packetShowMclist: "PACKET_SHOW_MCLIST", packetShowRingCfg: "PACKET_SHOW_RING_CFG",
	packetShowFanout: "PACKET_SHOW_FANOUT", packetShowMeminfo: "PACKET_SHOW_MEMINFO", packetShowFilter: "PACKET_SHOW_FILTER",
})

var ethProtoEnum = decode.NewEnum("pdiag_num", "ETH_P_", map[uint64]string{
	unix.ETH_P_ALL: "ETH_P_ALL", unix.ETH_P_IP: "ETH_P_IP", unix.ETH_P_IPV6: "ETH_P_IPV6", unix.ETH_P_ARP: "ETH_P_ARP",
	unix.ETH_P_8021Q: "ETH_P_8021Q", unix.ETH_P_PAE: "ETH_P_PAE", unix.ETH_P_LLDP: "ETH_P_LLDP", unix.ETH_P_8021AD: "ETH_P_8021AD",
})

var tpacketVersionEnum = decode.NewEnum("tpacket_versions", "TPACKET_", map[uint64]string{
	unix.TPACKET_V1: "TPACKET_V1", unix.TPACKET_V2: "TPACKET_V2", unix.TPACKET_V3: "TPACKET_V3",
})

var pdiFlags = decode.NewFlagSet("pdi_flags", "PDI_", map[uint64]string{
	pdiRunning: "PDI_RUNNING", pdiAuxdata: "PDI_AUXDATA", pdiOrigdev: "PDI_ORIGDEV", pdiVnethdr: "PDI_VNETHDR", pdiLoss: "PDI_LOSS",
})

var packetReq = decode.NewStruct("packet_diag_req", "pdiag", append([]decode.Member{
	{CName: "sdiag_family", Name: "sdiag.family", Kind: decode.KindU8, Enum: familyEnum, Desc: "Address family of the sockets asked for."},
	{CName: "sdiag_protocol", Name: "sdiag.protocol", Kind: decode.KindU8, Desc: "Protocol (0 for packet sockets)."},
	padm(2),
	{CName: "pdiag_ino", Kind: decode.KindU32, Desc: "Inode of the one socket asked for, or 0."},
	{CName: "pdiag_show", Kind: decode.KindU32, Flags: packetShowFlags, Desc: "Attributes asked for (PACKET_SHOW_*)."},
}, cookieMembers("pdiag_cookie", "pdiag.cookie")...)...)

var packetMsg = decode.NewStruct("packet_diag_msg", "pdiag", append([]decode.Member{
	{CName: "pdiag_family", Kind: decode.KindU8, Enum: familyEnum, Desc: "Address family (AF_PACKET)."},
	{CName: "pdiag_type", Kind: decode.KindU8, Enum: sockTypeEnum, Desc: "Socket type (SOCK_RAW: link-layer header included, SOCK_DGRAM: cooked)."},
	{CName: "pdiag_num", Kind: decode.KindU16, Enum: ethProtoEnum, Display: decode.DisplayHex, Desc: "Protocol (ethertype, host order)."},
	{CName: "pdiag_ino", Kind: decode.KindU32, Desc: "Socket inode number."},
}, cookieMembers("pdiag_cookie", "pdiag.cookie")...)...)

var packetInfo = decode.NewStruct("packet_diag_info", "pdi",
	u32m("pdi_index", "Interface index the socket is bound to (0: all)."),
	decode.Member{CName: "pdi_version", Kind: decode.KindU32, Enum: tpacketVersionEnum, Desc: "Ring format (PACKET_VERSION)."},
	unitm(u32m("pdi_reserve", "Headroom reserved in ring frames (PACKET_RESERVE)."), "bytes"),
	unitm(u32m("pdi_copy_thresh", "Copy threshold (PACKET_COPY_THRESH)."), "bytes"),
	u32m("pdi_tstamp", "Timestamp source (PACKET_TIMESTAMP, SOF_TIMESTAMPING_* bits)."),
	decode.Member{CName: "pdi_flags", Kind: decode.KindU32, Flags: pdiFlags, Desc: "Socket flags (PDI_*)."},
)

var packetMclist = decode.NewStruct("packet_diag_mclist", "pdmc",
	u32m("pdmc_index", "Interface index."),
	u32m("pdmc_count", "Times the membership was added."),
	u16m("pdmc_type", "Membership type (PACKET_MR_MULTICAST 0, PROMISC 1, ALLMULTI 2, UNICAST 3)."),
	u16m("pdmc_alen", "Address length."),
	decode.Member{CName: "pdmc_addr", Kind: decode.KindBinary, Size: maxAddrLen, Desc: "Link-layer address (pdmc_alen bytes used)."},
)

var packetRing = decode.NewStruct("packet_diag_ring", "pdr",
	unitm(u32m("pdr_block_size", "Ring block size."), "bytes"),
	u32m("pdr_block_nr", "Ring blocks."),
	unitm(u32m("pdr_frame_size", "Ring frame size."), "bytes"),
	u32m("pdr_frame_nr", "Ring frames."),
	unitm(u32m("pdr_retire_tmo", "TPACKET_V3 block retire timeout."), "ms"),
	unitm(u32m("pdr_sizeof_priv", "TPACKET_V3 private area per block."), "bytes"),
	hexm(u32m("pdr_features", "TPACKET_V3 features (TP_FT_REQ_FILL_RXHASH).")),
)

// sockFilter is struct sock_filter (include/uapi/linux/filter.h), one classic BPF
// instruction of PACKET_DIAG_FILTER.
var sockFilter = decode.NewStruct("sock_filter", "sock_filter",
	decode.Member{CName: "code", Name: "sock_filter.code", Kind: decode.KindU16, Display: decode.DisplayHex, Desc: "Instruction (BPF_CLASS | size | mode or op | source)."},
	decode.Member{CName: "jt", Name: "sock_filter.jt", Kind: decode.KindU8, Desc: "Jump if true."},
	decode.Member{CName: "jf", Name: "sock_filter.jf", Kind: decode.KindU8, Desc: "Jump if false."},
	decode.Member{CName: "k", Name: "sock_filter.k", Kind: decode.KindU32, Display: decode.DisplayHex, Desc: "Operand."},
)

var fanoutTypeEnum = decode.NewEnum("packet_fanout_type", "PACKET_FANOUT_", map[uint64]string{
	unix.PACKET_FANOUT_HASH: "PACKET_FANOUT_HASH", unix.PACKET_FANOUT_LB: "PACKET_FANOUT_LB", unix.PACKET_FANOUT_CPU: "PACKET_FANOUT_CPU",
	unix.PACKET_FANOUT_ROLLOVER: "PACKET_FANOUT_ROLLOVER", unix.PACKET_FANOUT_RND: "PACKET_FANOUT_RND", unix.PACKET_FANOUT_QM: "PACKET_FANOUT_QM",
	unix.PACKET_FANOUT_CBPF: "PACKET_FANOUT_CBPF", unix.PACKET_FANOUT_EBPF: "PACKET_FANOUT_EBPF",
})

// packetFanout is the PACKET_DIAG_FANOUT u32 (net/packet/diag.c, pdiag_put_fanout):
// the group id in the low 16 bits, the type in bits 16-23, the flags in 24-31.
var packetFanout = decode.NewStruct("packet_diag_fanout", "pdiag_fanout",
	decode.Member{CName: "id", Name: "pdiag_fanout.id", Kind: decode.KindU16, Desc: "Fanout group id."},
	decode.Member{CName: "type", Name: "pdiag_fanout.type", Kind: decode.KindU8, Enum: fanoutTypeEnum, Desc: "Fanout mode."},
	decode.Member{CName: "flags", Name: "pdiag_fanout.flags", Kind: decode.KindU8, Display: decode.DisplayHex, Desc: "PACKET_FANOUT_FLAG_* bits shifted right 8 (as getsockopt(PACKET_FANOUT) reports them; 0 from kernels whose diag reply holds only id and type)."},
)

// decodeFanout splits the fanout word; its parts are read from the u32 value, so
// they are right in both byte orders.
func decodeFanout(c *decode.Context, f *decode.Field) {
	if len(f.Bytes) != 4 {
		return
	}
	vs := f.Offset + 4
	kids, _ := c.StructMembers(packetFanout, vs, vs+4)
	v := f.Value
	kids[0].Value, kids[1].Value, kids[2].Value = v&0xffff, v>>16&0xff, v>>24
	if c.BigEndian {
		kids[0].Offset, kids[0].Bytes = vs+2, c.Data[vs+2:vs+4]
		kids[1].Offset, kids[1].Bytes = vs+1, c.Data[vs+1:vs+2]
		kids[2].Offset, kids[2].Bytes = vs, c.Data[vs:vs+1]
	}
	f.Children = kids
}

var packetAttrs = decode.NewAttrSet("PACKET_DIAG", "packet_diag",
	structa(packetDiagInfo, "PACKET_DIAG_INFO", packetInfo, "Socket settings."),
	decode.Attr{Type: packetDiagMclist, CName: "PACKET_DIAG_MCLIST", Kind: decode.KindBinary, Custom: structArray(packetMclist), Desc: "Memberships (struct packet_diag_mclist each)."},
	structa(packetDiagRxRing, "PACKET_DIAG_RX_RING", packetRing, "Receive ring (PACKET_RX_RING)."),
	structa(packetDiagTxRing, "PACKET_DIAG_TX_RING", packetRing, "Transmit ring (PACKET_TX_RING)."),
	decode.Attr{Type: packetDiagFanout, CName: "PACKET_DIAG_FANOUT", Kind: decode.KindU32, Display: decode.DisplayHex, Custom: decodeFanout, Desc: "Fanout group: id | type << 16 | flags << 24."},
	u32a(packetDiagUID, "PACKET_DIAG_UID", "Owner's user id."),
	memAttr(packetDiagMeminfo, "PACKET_DIAG_MEMINFO"),
	decode.Attr{Type: packetDiagFilter, CName: "PACKET_DIAG_FILTER", Kind: decode.KindBinary, Custom: structArray(sockFilter), Desc: "Attached classic BPF filter (struct sock_filter each)."},
)
