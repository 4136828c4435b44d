package netfilter

// nfnetlink_acct (include/uapi/linux/netfilter/nfnetlink_acct.h), subsystem
// NFNL_SUBSYS_ACCT: named packet/byte counters (nfacct), NFNL_MSG_ACCT_*:
//
//	NFACCT_NAME string  NFACCT_PKTS/BYTES/QUOTA be64  NFACCT_USE/FLAGS be32
//	NFACCT_FILTER nested { NFACCT_FILTER_MASK, NFACCT_FILTER_VALUE be32 }

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

var acctFlags = flagsByPrefix("nfacct_flags", "NFACCT_F_")

var acctFilterAttrs = decode.NewAttrSet("NFACCT_FILTER", "nfacct.filter",
	withFlags(be32("NFACCT_FILTER_MASK"), acctFlags), withFlags(be32("NFACCT_FILTER_VALUE"), acctFlags))

// acctAttrs is the NFACCT_* set.
var acctAttrs = decode.NewAttrSet("NFACCT", "nfacct",
	str("NFACCT_NAME"),
	be64("NFACCT_PKTS"),
	withUnit(be64("NFACCT_BYTES"), "bytes"),
	be32("NFACCT_USE"),
	withFlags(be32("NFACCT_FLAGS"), acctFlags),
	be64("NFACCT_QUOTA"),
	nest("NFACCT_FILTER", acctFilterAttrs),
	pad("NFACCT_PAD"),
)

func init() {
	addSubsystem(unix.NFNL_SUBSYS_ACCT, "NFNL_MSG_ACCT_", nil, func(string) *decode.AttrSet { return acctAttrs }, nameSummary("nfacct.name"))
}
