package netfilter

// A view of a decoded expression for the summaries: its name and the attributes
// of its NFTA_EXPR_DATA, by their short filter names.

import (
	"strings"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// nftExpr is one decoded expression: its name and its NFTA_EXPR_DATA children.
type nftExpr struct {
	name string
	data *decode.Field
}

// ruleExprs returns the expressions of an NFTA_RULE_EXPRESSIONS field.
func ruleExprs(list *decode.Field) []nftExpr {
	if list == nil {
		return nil
	}
	out := make([]nftExpr, 0, len(list.Children))
	for i := range list.Children {
		e := &list.Children[i]
		out = append(out, nftExpr{name: strOf(e.Child("nft.expr.name")), data: e.Child("nft.expr.data")})
	}
	return out
}

// get returns the expression attribute with filter name prefix+"."+short.
func (e nftExpr) get(short string) *decode.Field {
	if e.data == nil {
		return nil
	}
	for i := range e.data.Children {
		c := &e.data.Children[i]
		n := c.Def.Name
		if j := strings.LastIndexByte(n, '.'); j >= 0 && n[j+1:] == short {
			return c
		}
	}
	return nil
}

// u returns an integer attribute's value and whether it is there.
func (e nftExpr) u(short string) (uint64, bool) {
	f := e.get(short)
	if f == nil || !f.Def.Kind.IsInt() {
		return 0, false
	}
	return f.Value, true
}

// value returns the NFTA_DATA_VALUE bytes inside a data attribute.
func (e nftExpr) value(short string) []byte {
	f := e.get(short)
	if f == nil {
		return nil
	}
	if v := f.Child("nft.data.value"); v != nil {
		return v.Bytes
	}
	return nil
}

// verdict returns the verdict inside a data attribute ("accept", "jump tcp_in").
func (e nftExpr) verdict(short string) (string, bool) {
	f := e.get(short)
	if f == nil {
		return "", false
	}
	v := f.Child("nft.data.verdict")
	if v == nil {
		return "", false
	}
	return verdictString(v), true
}

// verdictString prints an NFTA_DATA_VERDICT or NFTA_TRACE_VERDICT nest.
func verdictString(v *decode.Field) string {
	code := v.Child("nft.verdict.code")
	if code == nil {
		return "verdict"
	}
	s := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(verdictEnum.Short(code.Value), "nf_"), "nft_"))
	if ch := v.Child("nft.verdict.chain"); ch != nil {
		s += " " + strOf(ch)
	}
	return s
}

// regIndex maps NFT_REG_1..4 (16-byte registers) to the 32-bit register they
// start at, so that both numberings index one register file.
func regIndex(r uint64) int {
	if r >= 1 && r <= 4 {
		return int(unix.NFT_REG32_00 + (r-1)*4)
	}
	if r >= unix.NFT_REG32_00 && r <= unix.NFT_REG32_15 {
		return int(r)
	}
	return 0
}
