package netfilter

// nfnetlink_cttimeout (include/uapi/linux/netfilter/nfnetlink_cttimeout.h),
// subsystem NFNL_SUBSYS_CTNETLINK_TIMEOUT: conntrack timeout policies,
// IPCTNL_MSG_TIMEOUT_*:
//
//	CTA_TIMEOUT_NAME string  CTA_TIMEOUT_L3PROTO be16  CTA_TIMEOUT_L4PROTO u8
//	CTA_TIMEOUT_DATA nested, by CTA_TIMEOUT_L4PROTO: CTA_TIMEOUT_TCP_* ... be32 s
//	CTA_TIMEOUT_USE be32

import (
	"strings"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// timeoutSet builds the CTA_TIMEOUT_<proto>_* set: every attribute a be32 timeout.
func timeoutSet(proto string) *decode.AttrSet {
	prefix := "CTA_TIMEOUT_" + proto + "_"
	var attrs []decode.Attr
	for _, c := range uapiConsts {
		if strings.HasPrefix(c.name, prefix) && !strings.HasSuffix(c.name, "_UNSPEC") && !strings.HasSuffix(c.name, "_MAX") {
			attrs = append(attrs, withUnit(be32(c.name), "s"))
		}
	}
	return decode.NewAttrSet(strings.TrimSuffix(prefix, "_"), "cttimeout."+strings.ToLower(proto), attrs...)
}

// timeoutDataVariants maps CTA_TIMEOUT_L4PROTO (an IPPROTO_*) to its timeouts.
var timeoutDataVariants = map[int64]*decode.AttrSet{
	unix.IPPROTO_TCP:     timeoutSet("TCP"),
	unix.IPPROTO_UDP:     timeoutSet("UDP"),
	unix.IPPROTO_UDPLITE: timeoutSet("UDPLITE"),
	unix.IPPROTO_ICMP:    timeoutSet("ICMP"),
	unix.IPPROTO_DCCP:    timeoutSet("DCCP"),
	unix.IPPROTO_SCTP:    timeoutSet("SCTP"),
	unix.IPPROTO_ICMPV6:  timeoutSet("ICMPV6"),
	unix.IPPROTO_GRE:     timeoutSet("GRE"),
}

var genericTimeout = timeoutSet("GENERIC")

// cttimeoutAttrs is the CTA_TIMEOUT_* set.
var cttimeoutAttrs = decode.NewAttrSet("CTA_TIMEOUT", "cttimeout",
	str("CTA_TIMEOUT_NAME"),
	withEnum(be16("CTA_TIMEOUT_L3PROTO"), nfprotoEnum),
	withEnum(u8("CTA_TIMEOUT_L4PROTO"), ipprotoEnum),
	func() decode.Attr {
		a := at("CTA_TIMEOUT_DATA", decode.KindNone)
		a.Sub = &decode.SubMessage{Selector: uint16(num("CTA_TIMEOUT_L4PROTO")), Variants: map[string]*decode.Attr{},
			Default: &decode.Attr{Nested: genericTimeout}}
		for p, set := range timeoutDataVariants {
			a.Sub.Variants[itoa(p)] = &decode.Attr{Nested: set}
		}
		return a
	}(),
	be32("CTA_TIMEOUT_USE"),
)

func init() {
	addSubsystem(unix.NFNL_SUBSYS_CTNETLINK_TIMEOUT, "IPCTNL_MSG_TIMEOUT_", nil, func(string) *decode.AttrSet { return cttimeoutAttrs }, nameSummary("cttimeout.name"))
}
