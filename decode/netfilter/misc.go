package netfilter

// The small subsystems:
//
//	NFNL_SUBSYS_OSF (nfnetlink_osf.h): OSF_MSG_ADD/REMOVE, OSF_ATTR_FINGER
//	    struct nf_osf_user_finger, shown as bytes.
//	NFNL_SUBSYS_NFT_COMPAT (nf_tables_compat.h): NFNL_MSG_COMPAT_GET asks whether
//	    an xtables match or target exists: NFTA_COMPAT_NAME, _REV, _TYPE be32.
//	NFNL_SUBSYS_HOOK (nfnetlink_hook.h): NFNL_MSG_HOOK_GET lists the functions on
//	    a hook: NFNLA_HOOK_* with NFNLA_HOOK_CHAIN_INFO naming the nftables chain.

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

var osfMsgAttrs = decode.NewAttrSet("OSF_ATTR", "osf",
	withDesc(bin("OSF_ATTR_FINGER"), "struct nf_osf_user_finger: an OS fingerprint (genre, TTL, window, TCP options)."))

var compatAttrs = decode.NewAttrSet("NFTA_COMPAT", "nft.compat",
	str("NFTA_COMPAT_NAME"),
	be32("NFTA_COMPAT_REV"),
	withDesc(be32("NFTA_COMPAT_TYPE"), "1 for a target, 0 for a match."),
)

var hookTypeEnum = enumOf("nfnl_hook_type", "NFNL_HOOK_TYPE_")

var hookChainAttrs = decode.NewAttrSet("NFNLA_CHAIN", "nfhook.chain",
	str("NFNLA_CHAIN_TABLE"),
	withEnum(at("NFNLA_CHAIN_FAMILY", decode.KindU8), nfprotoEnum),
	str("NFNLA_CHAIN_NAME"),
)

var hookBPFAttrs = decode.NewAttrSet("NFNLA_HOOK_BPF", "nfhook.bpf", be32("NFNLA_HOOK_BPF_ID"))

var hookInfoAttrs = decode.NewAttrSet("NFNLA_HOOK_INFO", "nfhook.info",
	func() decode.Attr {
		a := at("NFNLA_HOOK_INFO_DESC", decode.KindNone)
		a.Sub = &decode.SubMessage{Selector: uint16(num("NFNLA_HOOK_INFO_TYPE")), Variants: map[string]*decode.Attr{
			itoa(num("NFNL_HOOK_TYPE_NFTABLES")): {Nested: hookChainAttrs},
			itoa(num("NFNL_HOOK_TYPE_BPF")):      {Nested: hookBPFAttrs},
		}}
		return a
	}(),
	withEnum(be32("NFNLA_HOOK_INFO_TYPE"), hookTypeEnum),
)

var nfHookAttrs = decode.NewAttrSet("NFNLA_HOOK", "nfhook",
	withEnum(be32("NFNLA_HOOK_HOOKNUM"), inetHookEnum),
	be("NFNLA_HOOK_PRIORITY", decode.KindS32),
	str("NFNLA_HOOK_DEV"),
	str("NFNLA_HOOK_FUNCTION_NAME"),
	str("NFNLA_HOOK_MODULE_NAME"),
	nest("NFNLA_HOOK_CHAIN_INFO", hookInfoAttrs),
)

func init() {
	addSubsystem(unix.NFNL_SUBSYS_OSF, "OSF_MSG_", nil, func(string) *decode.AttrSet { return osfMsgAttrs }, nil)
	addSubsystem(unix.NFNL_SUBSYS_NFT_COMPAT, "NFNL_MSG_COMPAT_", nil, func(string) *decode.AttrSet { return compatAttrs }, nil)
	addSubsystem(unix.NFNL_SUBSYS_HOOK, "NFNL_MSG_HOOK_", nil, func(string) *decode.AttrSet { return nfHookAttrs }, nil)
}
