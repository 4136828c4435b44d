package route

// IPv6 address labels (RTM_NEWADDRLABEL, RTM_DELADDRLABEL, RTM_GETADDRLABEL):
// struct ifaddrlblmsg (include/uapi/linux/if_addrlabel.h) and IFAL_* attributes:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|  ifal_family  |   reserved    | ifal_prefixlen|  ifal_flags   |
//	+---------------+---------------+---------------+---------------+
//	|                          ifal_index                           |
//	+---------------+---------------+---------------+---------------+
//	|                           ifal_seq                            |
//	+---------------+---------------+---------------+---------------+
//	|  IFAL_* attributes ...                                        |

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// ifaddrlblmsg is struct ifaddrlblmsg.
var ifaddrlblmsg = newStruct("ifaddrlblmsg", "ifal",
	decode.Member{CName: "ifal_family", Kind: decode.KindU8, Enum: afEnum}, padm(1),
	u8m("ifal_prefixlen"), u8m("ifal_flags"), u32m("ifal_index"), u32m("ifal_seq"))

// addrlabelAttrs is the IFAL_* set.
var addrlabelAttrs = decode.NewAttrSet("IFAL", "ifal",
	addra(unix.IFAL_ADDRESS, "IFAL_ADDRESS"),
	u32a(unix.IFAL_LABEL, "IFAL_LABEL"),
)
