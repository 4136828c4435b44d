package netfilter

// Statements of a rule in nft syntax: limit, log, reject, snat/dnat, masquerade,
// redirect.

import (
	"strconv"
	"strings"

	unix "github.com/nldump/nldump/internal/abi"
)

// limitUnits are nft's names of NFTA_LIMIT_UNIT seconds.
var limitUnits = map[uint64]string{1: "second", 60: "minute", 3600: "hour", 86400: "day", 604800: "week"}

func limitString(e nftExpr) string {
	rate, _ := e.u("rate")
	unit, _ := e.u("unit")
	burst, _ := e.u("burst")
	typ, _ := e.u("type")
	fl, _ := e.u("flags")
	s := "limit rate "
	if fl&unix.NFT_LIMIT_F_INV != 0 {
		s += "over "
	}
	u, ok := limitUnits[unit]
	if !ok {
		u = strconv.FormatUint(unit, 10) + "s"
	}
	if typ == unix.NFT_LIMIT_PKT_BYTES {
		s += strconv.FormatUint(rate, 10) + " bytes/" + u
		if burst != 0 {
			s += " burst " + strconv.FormatUint(burst, 10) + " bytes"
		}
		return s
	}
	s += strconv.FormatUint(rate, 10) + "/" + u
	if burst != 0 && burst != 5 {
		s += " burst " + strconv.FormatUint(burst, 10) + " packets"
	}
	return s
}

func logString(e nftExpr) string {
	s := "log"
	if p := e.get("prefix"); p != nil {
		s += " prefix " + strconv.Quote(strOf(p))
	}
	if g, ok := e.u("group"); ok {
		s += " group " + strconv.FormatUint(g, 10)
	}
	if n, ok := e.u("snaplen"); ok {
		s += " snaplen " + strconv.FormatUint(n, 10)
	}
	if l, ok := e.u("level"); ok && l != uint64(num("NFT_LOGLEVEL_WARNING")) {
		s += " level " + strings.ToLower(logLevelEnum.Short(l))
	}
	return s
}

func rejectString(e nftExpr) string {
	t, ok := e.u("type")
	if !ok {
		return "reject"
	}
	code, _ := e.u("icmp_code")
	switch t {
	case unix.NFT_REJECT_TCP_RST:
		return "reject with tcp reset"
	case unix.NFT_REJECT_ICMPX_UNREACH:
		return "reject with icmpx " + strings.ReplaceAll(strings.ToLower(strings.TrimPrefix(icmpxCodes.Short(code), "icmpx_")), "_", "-")
	}
	return "reject with icmp " + strconv.FormatUint(code, 10)
}

var icmpxCodes = enumOf("nft_reject_icmpx_code", "NFT_REJECT_ICMPX_", "NFT_REJECT_ICMPX_UNREACH")

// nat prints snat and dnat: `dnat to 10.0.0.1:8080`, with the family in inet
// tables (`dnat ip to ...`), address and port ranges as min-max.
func (r *ruleRenderer) nat(e nftExpr) error {
	typ, ok := e.u("type")
	if !ok {
		return errNoSyntax
	}
	s := strings.ToLower(natTypeEnum.Short(typ))
	fam, _ := e.u("family")
	addrT := tIP4
	if fam == unix.NFPROTO_IPV6 {
		addrT = tIP6
	}
	if r.family == unix.NFPROTO_INET {
		s += map[bool]string{true: " ip6", false: " ip"}[addrT == tIP6]
	}
	to := ""
	if _, ok := e.u("reg_addr_min"); ok {
		a, err := r.immRange(e, "reg_addr_min", "reg_addr_max", addrT)
		if err != nil {
			return err
		}
		if addrT == tIP6 {
			a = "[" + a + "]"
		}
		to = a
	}
	if _, ok := e.u("reg_proto_min"); ok {
		p, err := r.immRange(e, "reg_proto_min", "reg_proto_max", tPort)
		if err != nil {
			return err
		}
		to += ":" + p
	}
	if to == "" {
		return errNoSyntax
	}
	s += " to " + to
	if fl, _ := e.u("flags"); fl != 0 {
		s += natFlagWords(fl)
	}
	r.emit(s)
	return nil
}

// redirect prints masquerade and redirect, with a port range when registers
// hold one.
func (r *ruleRenderer) redirect(e nftExpr, word string) error {
	s := word
	if _, ok := e.u("reg_proto_min"); ok {
		p, err := r.immRange(e, "reg_proto_min", "reg_proto_max", tPort)
		if err != nil {
			return err
		}
		s += " to :" + p
	}
	if fl, _ := e.u("flags"); fl != 0 {
		s += natFlagWords(fl)
	}
	r.emit(s)
	return nil
}

// immRange prints the immediate values of a min register and an optional max
// register as "v" or "min-max".
func (r *ruleRenderer) immRange(e nftExpr, minReg, maxReg string, t valType) (string, error) {
	lo, err := r.sreg(e, minReg)
	if err != nil || lo.imm == nil {
		return "", errNoSyntax
	}
	s := renderValue(lo.imm, t, r.be)
	if _, ok := e.u(maxReg); ok {
		hi, err := r.sreg(e, maxReg)
		if err != nil || hi.imm == nil {
			return "", errNoSyntax
		}
		if h := renderValue(hi.imm, t, r.be); h != s {
			s += "-" + h
		}
	}
	return s, nil
}

// natFlagWords prints the NAT flags nft shows after the target.
func natFlagWords(fl uint64) string {
	var out []string
	if fl&uint64(num("NF_NAT_RANGE_PROTO_RANDOM")) != 0 {
		out = append(out, "random")
	}
	if fl&uint64(num("NF_NAT_RANGE_PROTO_RANDOM_FULLY")) != 0 {
		out = append(out, "fully-random")
	}
	if fl&uint64(num("NF_NAT_RANGE_PERSISTENT")) != 0 {
		out = append(out, "persistent")
	}
	if len(out) == 0 {
		return ""
	}
	return " " + strings.Join(out, ",")
}
