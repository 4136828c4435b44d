package netfilter

// nftables data (include/uapi/linux/netfilter/nf_tables.h, enum nft_data_attributes):
// a register value or a verdict, each nested:
//
//	NFTA_DATA_VALUE   binary, the value's bytes as the packet holds them
//	NFTA_DATA_VERDICT nested:
//	    NFTA_VERDICT_CODE  s32, big-endian: NF_DROP 0, NF_ACCEPT 1, ... or
//	                       NFT_CONTINUE -1, NFT_BREAK -2, NFT_JUMP -3, NFT_GOTO -4,
//	                       NFT_RETURN -5
//	    NFTA_VERDICT_CHAIN string, the chain of a jump or goto

import (
	"github.com/nldump/nldump/decode"
)

// verdictEnum names verdict codes: NF_* (netfilter.h) and NFT_* (nf_tables.h).
var verdictEnum = func() *decode.Enum {
	vals := map[uint64]string{}
	for _, n := range []string{"NF_DROP", "NF_ACCEPT", "NF_STOLEN", "NF_QUEUE", "NF_REPEAT", "NF_STOP",
		"NFT_CONTINUE", "NFT_BREAK", "NFT_JUMP", "NFT_GOTO", "NFT_RETURN"} {
		vals[uint64(num(n))] = n
	}
	return decode.NewEnum("nft_verdict", "", vals)
}()

// verdictAttrs is the NFTA_VERDICT_* set.
var verdictAttrs = decode.NewAttrSet("NFTA_VERDICT", "nft.verdict",
	withEnum(be("NFTA_VERDICT_CODE", decode.KindS32), verdictEnum),
	withDesc(str("NFTA_VERDICT_CHAIN"), "Chain to jump to or go to."),
	withDesc(be32("NFTA_VERDICT_CHAIN_ID"), "Transaction id of a chain created in the same batch."),
)

// dataAttrs is the NFTA_DATA_* set (struct nft_data).
var dataAttrs = decode.NewAttrSet("NFTA_DATA", "nft.data",
	withDesc(bin("NFTA_DATA_VALUE"), "Value, in the byte order the packet or register holds it."),
	nest("NFTA_DATA_VERDICT", verdictAttrs),
)
