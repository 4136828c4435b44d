package netfilter

import (
	"github.com/nldump/nldump/decode"
)

// nftSummary returns the summary function of an NFT_MSG_* type.
func nftSummary(name string) func(*decode.Message) string { return nil }

// batchSummary summarizes NFNL_MSG_BATCH_BEGIN/END: the subsystem and generation.
func batchSummary(m *decode.Message) string {
	if f := m.Field("nfgen.subsys"); f != nil {
		return f.ValueString()
	}
	return ""
}
