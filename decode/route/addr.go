package route

// Address messages (RTM_NEWADDR, RTM_DELADDR, RTM_GETADDR; also RTM_*MULTICAST and
// RTM_*ANYCAST): struct ifaddrmsg (include/uapi/linux/if_addr.h) and IFA_*
// attributes:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|  ifa_family   | ifa_prefixlen |   ifa_flags   |   ifa_scope   |
//	+---------------+---------------+---------------+---------------+
//	|                          ifa_index                            |
//	+---------------+---------------+---------------+---------------+
//	|  IFA_* attributes ...                                         |

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// ifaddrmsg is struct ifaddrmsg.
var ifaddrmsg = newStruct("ifaddrmsg", "ifa",
	decode.Member{CName: "ifa_family", Kind: decode.KindU8, Enum: afEnum, Desc: "Address family."},
	decode.Member{CName: "ifa_prefixlen", Kind: decode.KindU8, Desc: "Prefix length."},
	decode.Member{CName: "ifa_flags", Name: "ifa.ifa_flags", Kind: decode.KindU8, Flags: ifaFlags, Desc: "Address flags (IFA_F_*, low 8 bits; IFA_FLAGS has all)."},
	decode.Member{CName: "ifa_scope", Kind: decode.KindU8, Enum: scopeEnum, Desc: "Address scope."},
	decode.Member{CName: "ifa_index", Kind: decode.KindU32, Desc: "Interface index."},
)

// ifaCacheinfo is struct ifa_cacheinfo; lifetimes 0xffffffff mean forever.
var ifaCacheinfo = newStruct("ifa_cacheinfo", "ifa.cacheinfo",
	decode.Member{CName: "ifa_prefered", Kind: decode.KindU32, Unit: "s", Desc: "Preferred lifetime (4294967295 = forever)."},
	decode.Member{CName: "ifa_valid", Kind: decode.KindU32, Unit: "s", Desc: "Valid lifetime (4294967295 = forever)."},
	decode.Member{CName: "cstamp", Kind: decode.KindU32, Unit: "cs", Desc: "Creation time, hundredths of a second since boot."},
	decode.Member{CName: "tstamp", Kind: decode.KindU32, Unit: "cs", Desc: "Last update time, hundredths of a second since boot."},
)

var ifaProtoEnum = decode.NewEnum("ifa_proto", "IFAPROT_", map[uint64]string{
	0: "IFAPROT_UNSPEC", ifaprotKernelLO: "IFAPROT_KERNEL_LO", ifaprotKernelRA: "IFAPROT_KERNEL_RA",
	ifaprotKernelLL: "IFAPROT_KERNEL_LL",
})

// addrAttrs is the IFA_* set.
var addrAttrs = decode.NewAttrSet("IFA", "ifa",
	addra(unix.IFA_ADDRESS, "IFA_ADDRESS"),
	addra(unix.IFA_LOCAL, "IFA_LOCAL"),
	stra(unix.IFA_LABEL, "IFA_LABEL"),
	addra(unix.IFA_BROADCAST, "IFA_BROADCAST"),
	addra(unix.IFA_ANYCAST, "IFA_ANYCAST"),
	structa(unix.IFA_CACHEINFO, "IFA_CACHEINFO", ifaCacheinfo),
	addra(unix.IFA_MULTICAST, "IFA_MULTICAST"),
	flags(u32a(unix.IFA_FLAGS, "IFA_FLAGS"), ifaFlags),
	u32a(unix.IFA_RT_PRIORITY, "IFA_RT_PRIORITY"),
	s32a(unix.IFA_TARGET_NETNSID, "IFA_TARGET_NETNSID"),
	enum(u8a(ifaProto, "IFA_PROTO"), ifaProtoEnum),
)
