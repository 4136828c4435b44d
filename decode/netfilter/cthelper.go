package netfilter

// nfnetlink_cthelper (include/uapi/linux/netfilter/nfnetlink_cthelper.h),
// subsystem NFNL_SUBSYS_CTHELPER: user-space conntrack helpers,
// NFNL_MSG_CTHELPER_*:
//
//	NFCTH_NAME string  NFCTH_TUPLE nested { NFCTH_TUPLE_L3PROTONUM be16, L4PROTONUM u8 }
//	NFCTH_QUEUE_NUM be32  NFCTH_POLICY nested { NFCTH_POLICY_SET_NUM be32,
//	NFCTH_POLICY_SET1.. nested { NFCTH_POLICY_NAME, EXPECT_MAX be32, EXPECT_TIMEOUT be32 } }
//	NFCTH_PRIV_DATA_LEN be32  NFCTH_STATUS be32

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

var cthStatusEnum = enumOf("nfnl_cthelper_status", "NFCT_HELPER_STATUS_")

var cthTupleAttrs = decode.NewAttrSet("NFCTH_TUPLE", "nfcth.tuple",
	withEnum(be16("NFCTH_TUPLE_L3PROTONUM"), nfprotoEnum),
	withEnum(u8("NFCTH_TUPLE_L4PROTONUM"), ipprotoEnum),
)

var cthPolicyAttrs = decode.NewAttrSet("NFCTH_POLICY", "nfcth.policy",
	str("NFCTH_POLICY_NAME"),
	be32("NFCTH_POLICY_EXPECT_MAX"),
	withUnit(be32("NFCTH_POLICY_EXPECT_TIMEOUT"), "s"),
)

var cthPolicySetAttrs = decode.NewAttrSet("NFCTH_POLICY_SET", "nfcth.policy_set",
	be32("NFCTH_POLICY_SET_NUM"),
	nest("NFCTH_POLICY_SET1", cthPolicyAttrs),
	nest("NFCTH_POLICY_SET2", cthPolicyAttrs),
	nest("NFCTH_POLICY_SET3", cthPolicyAttrs),
	nest("NFCTH_POLICY_SET4", cthPolicyAttrs),
)

// cthelperAttrs is the NFCTH_* set.
var cthelperAttrs = decode.NewAttrSet("NFCTH", "nfcth",
	str("NFCTH_NAME"),
	nest("NFCTH_TUPLE", cthTupleAttrs),
	be32("NFCTH_QUEUE_NUM"),
	nest("NFCTH_POLICY", cthPolicySetAttrs),
	withUnit(be32("NFCTH_PRIV_DATA_LEN"), "bytes"),
	withEnum(be32("NFCTH_STATUS"), cthStatusEnum),
)

func init() {
	addSubsystem(unix.NFNL_SUBSYS_CTHELPER, "NFNL_MSG_CTHELPER_", nil, func(string) *decode.AttrSet { return cthelperAttrs }, nameSummary("nfcth.name"))
}
