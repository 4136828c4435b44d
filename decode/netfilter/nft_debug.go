package netfilter

// Expressions as `nft --debug=netlink` prints them, for rules that have no simple
// nft reading:
//
//	[ payload load 2b @ transport header + 2 => reg 1 ]
//	[ cmp eq reg 1 0x00001600 ]
//	[ immediate reg 0 accept ]

import (
	"strconv"
	"strings"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// payloadBaseNames are nft --debug's names of payload bases.
var payloadBaseNames = map[uint64]string{
	unix.NFT_PAYLOAD_LL_HEADER: "link", unix.NFT_PAYLOAD_NETWORK_HEADER: "network",
	unix.NFT_PAYLOAD_TRANSPORT_HEADER: "transport", unix.NFT_PAYLOAD_INNER_HEADER: "inner",
}

// debugExpr prints one expression as nft --debug=netlink does, or, for
// expressions it has no special form for, as its name and attributes.
func debugExpr(e nftExpr, be bool) string {
	u := func(s string) string { v, _ := e.u(s); return strconv.FormatUint(v, 10) }
	has := func(s string) bool { _, ok := e.u(s); return ok }
	switch e.name {
	case "payload":
		base, _ := e.u("base")
		where := u("len") + "b @ " + payloadBaseNames[base] + " header + " + u("offset")
		if has("sreg") {
			return "[ payload write reg " + u("sreg") + " => " + where + " csum_type " + u("csum_type") +
				" csum_off " + u("csum_offset") + " csum_flags 0x" + hexU(e, "csum_flags") + " ]"
		}
		return "[ payload load " + where + " => reg " + u("dreg") + " ]"
	case "meta", "ct", "rt", "socket", "fib", "osf", "xfrm", "tunnel", "numgen", "hash", "exthdr":
		if e.name == "meta" || e.name == "ct" {
			key, _ := e.u("key")
			kn := ""
			if e.name == "meta" {
				kn = strings.ToLower(metaKeyEnum.Short(key))
			} else {
				kn = strings.ToLower(ctKeyEnum.Short(key))
			}
			if has("sreg") {
				return "[ " + e.name + " set " + kn + " with reg " + u("sreg") + " ]"
			}
			return "[ " + e.name + " load " + kn + " => reg " + u("dreg") + " ]"
		}
	case "cmp":
		op, _ := e.u("op")
		return "[ cmp " + strings.ToLower(cmpOpEnum.Short(op)) + " reg " + u("sreg") + " " + debugWords(e.value("data"), be) + " ]"
	case "bitwise":
		return "[ bitwise reg " + u("dreg") + " = ( reg " + u("sreg") + " & " + debugWords(e.value("mask"), be) +
			" ) ^ " + debugWords(e.value("xor"), be) + " ]"
	case "immediate":
		if v, ok := e.verdict("data"); ok {
			return "[ immediate reg " + u("dreg") + " " + strings.Replace(v, " ", " -> ", 1) + " ]"
		}
		return "[ immediate reg " + u("dreg") + " " + debugWords(e.value("data"), be) + " ]"
	case "lookup":
		s := "[ lookup reg " + u("sreg") + " set " + strOf(e.get("set"))
		if has("dreg") {
			s += " dreg " + u("dreg")
		}
		return s + " ]"
	case "counter":
		return "[ counter pkts " + u("packets") + " bytes " + u("bytes") + " ]"
	}
	return genericExpr(e, be)
}

func hexU(e nftExpr, s string) string { v, _ := e.u(s); return strconv.FormatUint(v, 16) }

// genericExpr prints an expression as "[ name attr value ... ]".
func genericExpr(e nftExpr, be bool) string {
	var sb strings.Builder
	sb.WriteString("[ ")
	sb.WriteString(e.name)
	if e.data != nil {
		for i := range e.data.Children {
			c := &e.data.Children[i]
			if c.Def.Kind == decode.KindPad {
				continue
			}
			sb.WriteByte(' ')
			sb.WriteString(strings.ToLower(c.Def.Label))
			sb.WriteByte(' ')
			if len(c.Children) > 0 {
				if v := c.Child("nft.data.value"); v != nil {
					sb.WriteString(debugWords(v.Bytes, be))
					continue
				}
				sb.WriteString("{...}")
				continue
			}
			sb.WriteString(strings.ToLower(c.ValueString()))
		}
	}
	sb.WriteString(" ]")
	return sb.String()
}
