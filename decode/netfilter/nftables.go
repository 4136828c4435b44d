package netfilter

import (
	"strings"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// nftables messages: NFNL_SUBSYS_NFTABLES, types NFT_MSG_* (nft_objects.go has the
// attribute sets, nft_summary.go the summaries).
func init() {
	addSubsystem(unix.NFNL_SUBSYS_NFTABLES, "NFT_MSG_", nil, nftSetAttrs, nftSummary)
}

// nftSetAttrs returns the attribute set of an NFT_MSG_* type by the object its name ends
// with.
func nftSetAttrs(name string) *decode.AttrSet {
	s := strings.TrimPrefix(name, "NFT_MSG_")
	s = strings.TrimSuffix(s, "_RESET")
	for _, p := range []string{"NEW", "GET", "DESTROY", "DEL"} {
		s = strings.TrimPrefix(s, p)
	}
	switch s {
	case "TABLE":
		return tableAttrs
	case "CHAIN":
		return chainAttrs
	case "RULE":
		return ruleAttrs
	case "SET":
		return setAttrs
	case "SETELEM":
		return setElemListAttrs
	case "GEN":
		return genAttrs
	case "OBJ":
		return objAttrs
	case "FLOWTABLE":
		return flowtableAttrs
	case "TRACE":
		return traceAttrs
	}
	return nil
}
