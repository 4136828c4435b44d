package xfrm

// The XFRM_MSG_* types (include/uapi/linux/xfrm.h): for each, the fixed struct
// after the nlmsghdr (the kernel's xfrm_msg_min table), the attribute set after
// it, the operation kind that decides how nlmsg_flags 0x100-0x800 read, and the
// summary.
//
//	+---------------------+---------------------------+---------------------+
//	| nlmsghdr (16 bytes) | fixed struct (per type)   | XFRMA_* attributes  |
//	+---------------------+---------------------------+---------------------+
//
// Two requests differ from the table: a dump of SAs or policies (XFRM_MSG_GETSA,
// XFRM_MSG_GETPOLICY with NLM_F_DUMP) has no fixed struct, only attributes
// (XFRMA_ADDRESS_FILTER, XFRMA_PROTO), as the kernel's xfrm_dump_sa_start parses.

import (
	"github.com/nldump/nldump/decode"
)

// msgDef describes one XFRM_MSG_* type.
type msgDef struct {
	// name is the C name (XFRM_MSG_NEWSA).
	name string
	// op is how the upper nlmsg_flags bits read.
	op decode.Op
	// hdr is the fixed struct; nil when the attributes follow the nlmsghdr.
	hdr *layout
	// set is the attribute set after the struct.
	set *decode.AttrSet
	// dumpAttrs: a dump request carries attributes only.
	dumpAttrs bool
	// summary makes the one-line summary from the decoded payload.
	summary func(m *decode.Message, p []decode.Field) string
}

// msgTable is indexed by nlmsg_type - XFRM_MSG_BASE.
var msgTable = [xfrmMsgMax - xfrmMsgBase + 1]msgDef{
	xfrmMsgNewSA - xfrmMsgBase:       {"XFRM_MSG_NEWSA", decode.OpNew, usersaInfoL, xfrmaAttrs, false, saSummary},
	xfrmMsgDelSA - xfrmMsgBase:       {"XFRM_MSG_DELSA", decode.OpDel, usersaIDL, xfrmaAttrs, false, saIDSummary},
	xfrmMsgGetSA - xfrmMsgBase:       {"XFRM_MSG_GETSA", decode.OpGet, usersaIDL, xfrmaAttrs, true, saIDSummary},
	xfrmMsgNewPolicy - xfrmMsgBase:   {"XFRM_MSG_NEWPOLICY", decode.OpNew, userpolicyInfoL, xfrmaAttrs, false, policySummary},
	xfrmMsgDelPolicy - xfrmMsgBase:   {"XFRM_MSG_DELPOLICY", decode.OpDel, userpolicyIDL, xfrmaAttrs, false, policyIDSummary},
	xfrmMsgGetPolicy - xfrmMsgBase:   {"XFRM_MSG_GETPOLICY", decode.OpGet, userpolicyIDL, xfrmaAttrs, true, policyIDSummary},
	xfrmMsgAllocSPI - xfrmMsgBase:    {"XFRM_MSG_ALLOCSPI", decode.OpOther, userspiInfoL, xfrmaAttrs, false, allocSPISummary},
	xfrmMsgAcquire - xfrmMsgBase:     {"XFRM_MSG_ACQUIRE", decode.OpOther, userAcquireL, xfrmaAttrs, false, acquireSummary},
	xfrmMsgExpire - xfrmMsgBase:      {"XFRM_MSG_EXPIRE", decode.OpOther, userExpireL, xfrmaAttrs, false, expireSummary},
	xfrmMsgUpdPolicy - xfrmMsgBase:   {"XFRM_MSG_UPDPOLICY", decode.OpNew, userpolicyInfoL, xfrmaAttrs, false, policySummary},
	xfrmMsgUpdSA - xfrmMsgBase:       {"XFRM_MSG_UPDSA", decode.OpNew, usersaInfoL, xfrmaAttrs, false, saSummary},
	xfrmMsgPolExpire - xfrmMsgBase:   {"XFRM_MSG_POLEXPIRE", decode.OpOther, userPolexpireL, xfrmaAttrs, false, polExpireSummary},
	xfrmMsgFlushSA - xfrmMsgBase:     {"XFRM_MSG_FLUSHSA", decode.OpDel, usersaFlushL, xfrmaAttrs, false, flushSASummary},
	xfrmMsgFlushPolicy - xfrmMsgBase: {"XFRM_MSG_FLUSHPOLICY", decode.OpDel, nil, xfrmaAttrs, false, flushPolicySummary},
	xfrmMsgNewAE - xfrmMsgBase:       {"XFRM_MSG_NEWAE", decode.OpNew, aeventIDL, xfrmaAttrs, false, aeSummary},
	xfrmMsgGetAE - xfrmMsgBase:       {"XFRM_MSG_GETAE", decode.OpGet, aeventIDL, xfrmaAttrs, false, aeSummary},
	xfrmMsgReport - xfrmMsgBase:      {"XFRM_MSG_REPORT", decode.OpOther, userReportL, xfrmaAttrs, false, reportSummary},
	xfrmMsgMigrate - xfrmMsgBase:     {"XFRM_MSG_MIGRATE", decode.OpOther, userpolicyIDL, xfrmaAttrs, false, migrateSummary},
	xfrmMsgNewSADInfo - xfrmMsgBase:  {"XFRM_MSG_NEWSADINFO", decode.OpNew, infoFlagsL, sadAttrs, false, sadInfoSummary},
	xfrmMsgGetSADInfo - xfrmMsgBase:  {"XFRM_MSG_GETSADINFO", decode.OpGet, infoFlagsL, sadAttrs, false, nil},
	xfrmMsgNewSPDInfo - xfrmMsgBase:  {"XFRM_MSG_NEWSPDINFO", decode.OpNew, infoFlagsL, spdAttrs, false, spdInfoSummary},
	xfrmMsgGetSPDInfo - xfrmMsgBase:  {"XFRM_MSG_GETSPDINFO", decode.OpGet, infoFlagsL, spdAttrs, false, nil},
	xfrmMsgMapping - xfrmMsgBase:     {"XFRM_MSG_MAPPING", decode.OpOther, userMappingL, xfrmaAttrs, false, mappingSummary},
	xfrmMsgSetDefault - xfrmMsgBase:  {"XFRM_MSG_SETDEFAULT", decode.OpOther, userpolicyDefaultL, xfrmaAttrs, false, defaultSummary},
	xfrmMsgGetDefault - xfrmMsgBase:  {"XFRM_MSG_GETDEFAULT", decode.OpGet, userpolicyDefaultL, xfrmaAttrs, false, defaultSummary},
}

// lookupMsg returns the description of message type t, or nil.
func lookupMsg(t uint16) *msgDef {
	if t < xfrmMsgBase || t > xfrmMsgMax {
		return nil
	}
	return &msgTable[t-xfrmMsgBase]
}
