package netfilter

import "github.com/nldump/nldump/decode"

func ctSummary(name string) func(*decode.Message) string  { return nil }
func expSummary(name string) func(*decode.Message) string { return nil }

func nflogSummary(name string) func(*decode.Message) string { return nil }
