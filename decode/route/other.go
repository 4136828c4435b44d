package route

// Rare message types: DCB (RTM_GETDCB/RTM_SETDCB, struct dcbmsg and DCB_ATTR_*,
// include/uapi/linux/dcbnl.h) and multicast routing cache reports
// (RTM_NEWCACHEREPORT, struct rtgenmsg with family RTNL_FAMILY_IPMR/IP6MR and
// IPMRA_CREPORT_* attributes, include/uapi/linux/mroute.h):
//
//	dcbmsg
//	+---------------+---------------+---------------+---------------+
//	|  dcb_family   |      cmd      |            dcb_pad            |
//	+---------------+---------------+---------------+---------------+

import (
	"github.com/nldump/nldump/decode"
)

// dcbmsg is struct dcbmsg.
var dcbmsg = newStruct("dcbmsg", "dcb",
	decode.Member{CName: "dcb_family", Kind: decode.KindU8, Enum: afEnum},
	decode.Member{CName: "cmd", Kind: decode.KindU8, Enum: decode.NewEnum("dcb_cmd", "DCB_CMD_", map[uint64]string{
		1: "DCB_CMD_GSTATE", 2: "DCB_CMD_SSTATE", 3: "DCB_CMD_PGTX_GCFG", 4: "DCB_CMD_PGTX_SCFG",
		5: "DCB_CMD_PGRX_GCFG", 6: "DCB_CMD_PGRX_SCFG", 7: "DCB_CMD_PFC_GCFG", 8: "DCB_CMD_PFC_SCFG",
		9: "DCB_CMD_SET_ALL", 10: "DCB_CMD_GPERM_HWADDR", 11: "DCB_CMD_GCAP", 12: "DCB_CMD_GNUMTCS",
		13: "DCB_CMD_SNUMTCS", 14: "DCB_CMD_PFC_GSTATE", 15: "DCB_CMD_PFC_SSTATE", 16: "DCB_CMD_BCN_GCFG",
		17: "DCB_CMD_BCN_SCFG", 18: "DCB_CMD_GAPP", 19: "DCB_CMD_SAPP", 20: "DCB_CMD_IEEE_SET",
		21: "DCB_CMD_IEEE_GET", 22: "DCB_CMD_GDCBX", 23: "DCB_CMD_SDCBX", 24: "DCB_CMD_GFEATCFG",
		25: "DCB_CMD_SFEATCFG", 26: "DCB_CMD_CEE_GET", 27: "DCB_CMD_IEEE_DEL"})},
	padm(2))

// dcbAttrs is the DCB_ATTR_* set; its deeper nests (PG, PFC, IEEE, CEE
// configuration) are shown as bytes.
var dcbAttrs = decode.NewAttrSet("DCB_ATTR", "dcb",
	stra(dcbAttrIfname, "DCB_ATTR_IFNAME"),
	u8a(dcbAttrState, "DCB_ATTR_STATE"),
	bina(3, "DCB_ATTR_PFC_STATE"), bina(4, "DCB_ATTR_PFC_CFG"), bina(5, "DCB_ATTR_NUM_TC"),
	bina(6, "DCB_ATTR_PG_CFG"), bina(7, "DCB_ATTR_SET_ALL"), maca(8, "DCB_ATTR_PERM_HWADDR"),
	bina(9, "DCB_ATTR_CAP"), bina(10, "DCB_ATTR_NUMTCS"), bina(11, "DCB_ATTR_BCN"), bina(12, "DCB_ATTR_APP"),
	bina(13, "DCB_ATTR_IEEE"), u8a(14, "DCB_ATTR_DCBX"), bina(15, "DCB_ATTR_FEATCFG"), bina(16, "DCB_ATTR_CEE"),
)

// cacheReportAttrs is the IPMRA_CREPORT_* set.
var cacheReportAttrs = decode.NewAttrSet("IPMRA_CREPORT", "ipmra.creport",
	enum(u8a(ipmraCreportMsgtype, "IPMRA_CREPORT_MSGTYPE"), decode.NewEnum("igmpmsg_type", "IGMPMSG_",
		map[uint64]string{1: "IGMPMSG_NOCACHE", 2: "IGMPMSG_WRONGVIF", 3: "IGMPMSG_WHOLEPKT", 4: "IGMPMSG_WRVIFWHOLE"})),
	u32a(ipmraCreportVifID, "IPMRA_CREPORT_VIF_ID"),
	addra(ipmraCreportSrcAddr, "IPMRA_CREPORT_SRC_ADDR"),
	addra(ipmraCreportDstAddr, "IPMRA_CREPORT_DST_ADDR"),
	bina(ipmraCreportPkt, "IPMRA_CREPORT_PKT"),
	enum(u32a(ipmraCreportTableID, "IPMRA_CREPORT_TABLE"), tableEnum),
)
