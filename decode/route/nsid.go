package route

// Network namespace ids (RTM_NEWNSID, RTM_DELNSID, RTM_GETNSID): struct rtgenmsg
// and NETNSA_* attributes (include/uapi/linux/net_namespace.h):
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|  rtgen_family |            padding (NLMSG_ALIGN)              |
//	+---------------+---------------+---------------+---------------+
//	|  NETNSA_* attributes ...                                      |

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

var nsidEnum = decode.NewEnum("nsid", "NETNSA_", map[uint64]string{
	uint64(0xffffffffffffffff): "NETNSA_NSID_NOT_ASSIGNED",
})

// nsidAttrs is the NETNSA_* set.
var nsidAttrs = decode.NewAttrSet("NETNSA", "netnsa",
	enum(s32a(unix.NETNSA_NSID, "NETNSA_NSID"), nsidEnum),
	u32a(unix.NETNSA_PID, "NETNSA_PID"),
	u32a(unix.NETNSA_FD, "NETNSA_FD"),
	enum(s32a(unix.NETNSA_TARGET_NSID, "NETNSA_TARGET_NSID"), nsidEnum),
	enum(s32a(unix.NETNSA_CURRENT_NSID, "NETNSA_CURRENT_NSID"), nsidEnum),
)
