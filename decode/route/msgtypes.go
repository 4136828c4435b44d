package route

// The RTM_* message types (include/uapi/linux/rtnetlink.h): every type
// golang.org/x/sys/unix defines, its family header, attribute set and summary.
// Groups of four starting at RTM_BASE: NEW, DEL, GET, SET; a type the kernel does
// not define in a group (RTM_SETADDR, ...) is absent.

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

func init() {
	def := func(t int, name string, hdr *decode.Struct, set *decode.AttrSet, sum func(*decode.Message) string) *msgDef {
		md := &msgDef{name: name, hdr: hdr, set: set, summary: sum}
		msgTable[t] = md
		return md
	}
	for _, t := range []struct {
		t    int
		name string
	}{{unix.RTM_NEWLINK, "RTM_NEWLINK"}, {unix.RTM_DELLINK, "RTM_DELLINK"}, {unix.RTM_GETLINK, "RTM_GETLINK"},
		{unix.RTM_SETLINK, "RTM_SETLINK"}, {unix.RTM_NEWLINKPROP, "RTM_NEWLINKPROP"},
		{unix.RTM_DELLINKPROP, "RTM_DELLINKPROP"}, {unix.RTM_GETLINKPROP, "RTM_GETLINKPROP"}} {
		def(t.t, t.name, ifinfomsg, linkAttrs, linkSummary).after = learnLink
	}
	for _, t := range []struct {
		t    int
		name string
	}{{unix.RTM_NEWADDR, "RTM_NEWADDR"}, {unix.RTM_DELADDR, "RTM_DELADDR"}, {unix.RTM_GETADDR, "RTM_GETADDR"},
		{unix.RTM_NEWMULTICAST, "RTM_NEWMULTICAST"}, {unix.RTM_DELMULTICAST, "RTM_DELMULTICAST"},
		{unix.RTM_GETMULTICAST, "RTM_GETMULTICAST"}, {unix.RTM_NEWANYCAST, "RTM_NEWANYCAST"},
		{unix.RTM_DELANYCAST, "RTM_DELANYCAST"}, {unix.RTM_GETANYCAST, "RTM_GETANYCAST"}} {
		def(t.t, t.name, ifaddrmsg, addrAttrs, addrSummary)
	}
	def(unix.RTM_NEWROUTE, "RTM_NEWROUTE", rtmsg, routeAttrs, routeSummary)
	def(unix.RTM_DELROUTE, "RTM_DELROUTE", rtmsg, routeAttrs, routeSummary)
	def(unix.RTM_GETROUTE, "RTM_GETROUTE", rtmsg, routeAttrs, routeSummary)
	def(unix.RTM_NEWNEIGH, "RTM_NEWNEIGH", ndmsg, neighAttrs, neighSummary)
	def(unix.RTM_DELNEIGH, "RTM_DELNEIGH", ndmsg, neighAttrs, neighSummary)
	def(unix.RTM_GETNEIGH, "RTM_GETNEIGH", ndmsg, neighAttrs, neighSummary)
	def(unix.RTM_NEWRULE, "RTM_NEWRULE", fibRuleHdr, ruleAttrs, ruleSummary)
	def(unix.RTM_DELRULE, "RTM_DELRULE", fibRuleHdr, ruleAttrs, ruleSummary)
	def(unix.RTM_GETRULE, "RTM_GETRULE", fibRuleHdr, ruleAttrs, ruleSummary)
	for _, t := range []struct {
		t    int
		name string
	}{{unix.RTM_NEWQDISC, "RTM_NEWQDISC"}, {unix.RTM_DELQDISC, "RTM_DELQDISC"}, {unix.RTM_GETQDISC, "RTM_GETQDISC"},
		{unix.RTM_NEWTCLASS, "RTM_NEWTCLASS"}, {unix.RTM_DELTCLASS, "RTM_DELTCLASS"}, {unix.RTM_GETTCLASS, "RTM_GETTCLASS"},
		{unix.RTM_NEWTFILTER, "RTM_NEWTFILTER"}, {unix.RTM_DELTFILTER, "RTM_DELTFILTER"},
		{unix.RTM_GETTFILTER, "RTM_GETTFILTER"}, {unix.RTM_NEWCHAIN, "RTM_NEWCHAIN"},
		{unix.RTM_DELCHAIN, "RTM_DELCHAIN"}, {unix.RTM_GETCHAIN, "RTM_GETCHAIN"}} {
		def(t.t, t.name, tcmsg, tcAttrs, tcSummary)
	}
	def(unix.RTM_NEWACTION, "RTM_NEWACTION", tcamsg, tcaRootAttrs, actionSummary)
	def(unix.RTM_DELACTION, "RTM_DELACTION", tcamsg, tcaRootAttrs, actionSummary)
	def(unix.RTM_GETACTION, "RTM_GETACTION", tcamsg, tcaRootAttrs, actionSummary)
	def(unix.RTM_NEWPREFIX, "RTM_NEWPREFIX", prefixmsg, prefixAttrs, prefixSummary)
	def(unix.RTM_NEWNEIGHTBL, "RTM_NEWNEIGHTBL", ndtmsg, ntableAttrs, ntableSummary)
	def(unix.RTM_GETNEIGHTBL, "RTM_GETNEIGHTBL", ndtmsg, ntableAttrs, ntableSummary)
	def(unix.RTM_SETNEIGHTBL, "RTM_SETNEIGHTBL", ndtmsg, ntableAttrs, ntableSummary)
	def(unix.RTM_NEWNDUSEROPT, "RTM_NEWNDUSEROPT", nduseroptmsg, nduseroptAttrs, familyIfindexSummary).decode = decodeNdUseropt
	def(unix.RTM_NEWADDRLABEL, "RTM_NEWADDRLABEL", ifaddrlblmsg, addrlabelAttrs, addrlabelSummary)
	def(unix.RTM_DELADDRLABEL, "RTM_DELADDRLABEL", ifaddrlblmsg, addrlabelAttrs, addrlabelSummary)
	def(unix.RTM_GETADDRLABEL, "RTM_GETADDRLABEL", ifaddrlblmsg, addrlabelAttrs, addrlabelSummary)
	def(unix.RTM_GETDCB, "RTM_GETDCB", dcbmsg, dcbAttrs, familyIfindexSummary)
	def(unix.RTM_SETDCB, "RTM_SETDCB", dcbmsg, dcbAttrs, familyIfindexSummary)
	def(unix.RTM_NEWNETCONF, "RTM_NEWNETCONF", netconfmsg, netconfAttrs, netconfSummary)
	def(unix.RTM_DELNETCONF, "RTM_DELNETCONF", netconfmsg, netconfAttrs, netconfSummary)
	def(unix.RTM_GETNETCONF, "RTM_GETNETCONF", netconfmsg, netconfAttrs, netconfSummary)
	def(unix.RTM_NEWMDB, "RTM_NEWMDB", brPortMsg, mdbAttrs, mdbSummary).decode = decodeMDB
	def(unix.RTM_DELMDB, "RTM_DELMDB", brPortMsg, mdbAttrs, mdbSummary).decode = decodeMDB
	def(unix.RTM_GETMDB, "RTM_GETMDB", brPortMsg, mdbAttrs, mdbSummary).decode = decodeMDB
	def(unix.RTM_NEWNSID, "RTM_NEWNSID", rtgenmsg, nsidAttrs, nsidSummary)
	def(unix.RTM_DELNSID, "RTM_DELNSID", rtgenmsg, nsidAttrs, nsidSummary)
	def(unix.RTM_GETNSID, "RTM_GETNSID", rtgenmsg, nsidAttrs, nsidSummary)
	def(unix.RTM_NEWSTATS, "RTM_NEWSTATS", ifStatsMsg, statsAttrs, familyIfindexSummary)
	def(unix.RTM_GETSTATS, "RTM_GETSTATS", ifStatsMsg, statsGetAttrs, familyIfindexSummary)
	def(unix.RTM_SETSTATS, "RTM_SETSTATS", ifStatsMsg, statsGetAttrs, familyIfindexSummary)
	def(unix.RTM_NEWCACHEREPORT, "RTM_NEWCACHEREPORT", rtgenmsg, cacheReportAttrs, familyIfindexSummary)
	def(unix.RTM_NEWNEXTHOP, "RTM_NEWNEXTHOP", nhmsg, nexthopAttrs, nexthopSummary)
	def(unix.RTM_DELNEXTHOP, "RTM_DELNEXTHOP", nhmsg, nexthopAttrs, nexthopSummary)
	def(unix.RTM_GETNEXTHOP, "RTM_GETNEXTHOP", nhmsg, nexthopAttrs, nexthopSummary)
	def(unix.RTM_NEWNEXTHOPBUCKET, "RTM_NEWNEXTHOPBUCKET", nhmsg, nexthopAttrs, nexthopSummary)
	def(unix.RTM_DELNEXTHOPBUCKET, "RTM_DELNEXTHOPBUCKET", nhmsg, nexthopAttrs, nexthopSummary)
	def(unix.RTM_GETNEXTHOPBUCKET, "RTM_GETNEXTHOPBUCKET", nhmsg, nexthopAttrs, nexthopSummary)
	def(unix.RTM_NEWVLAN, "RTM_NEWVLAN", brVlanMsg, vlandbAttrs, familyIfindexSummary)
	def(unix.RTM_DELVLAN, "RTM_DELVLAN", brVlanMsg, vlandbAttrs, familyIfindexSummary)
	def(unix.RTM_GETVLAN, "RTM_GETVLAN", brVlanMsg, vlandbDumpAttrs, familyIfindexSummary)
	def(unix.RTM_NEWTUNNEL, "RTM_NEWTUNNEL", tunnelMsg, vnifilterAttrs, familyIfindexSummary)
	def(unix.RTM_DELTUNNEL, "RTM_DELTUNNEL", tunnelMsg, vnifilterAttrs, familyIfindexSummary)
	def(unix.RTM_GETTUNNEL, "RTM_GETTUNNEL", tunnelMsg, vnifilterAttrs, familyIfindexSummary)
}

// MessageTypes returns the rtnetlink message types this package names, by number.
func MessageTypes() map[uint16]string {
	m := make(map[uint16]string)
	for t, md := range msgTable {
		if md != nil {
			m[uint16(t)] = md.name
		}
	}
	return m
}
