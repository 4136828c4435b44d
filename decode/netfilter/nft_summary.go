package netfilter

// nftables summaries, in the words of `nft monitor`, without its verb (the type
// name says it): `inet filter input handle 6: ct state established,related accept`.

import (
	"strconv"
	"strings"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// nftFamilies are nft's names of table families.
var nftFamilies = map[uint64]string{
	unix.NFPROTO_UNSPEC: "unspec", unix.NFPROTO_INET: "inet", unix.NFPROTO_IPV4: "ip", unix.NFPROTO_ARP: "arp",
	unix.NFPROTO_NETDEV: "netdev", unix.NFPROTO_BRIDGE: "bridge", unix.NFPROTO_IPV6: "ip6",
}

// msgFamily returns the message's nfgen_family.
func msgFamily(m *decode.Message) uint8 {
	p := m.Payload()
	if len(p) == 0 || len(p[0].Children) == 0 {
		return 0
	}
	return uint8(p[0].Children[0].Value)
}

// familyName returns nft's name of the message's family.
func familyName(m *decode.Message) string {
	f := uint64(msgFamily(m))
	if n, ok := nftFamilies[f]; ok {
		return n
	}
	return strconv.FormatUint(f, 10)
}

// top returns the message's top-level attribute with filter name name.
func top(m *decode.Message, name string) *decode.Field {
	p := m.Payload()
	for i := range p {
		if p[i].Def.Name == name {
			return &p[i]
		}
	}
	return nil
}

// words joins the non-empty parts with spaces.
func words(parts ...string) string {
	out := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

// handle prints "handle N" for a present handle attribute.
func handle(m *decode.Message, name string) string {
	if h := top(m, name); h != nil && h.Def.Kind.IsInt() {
		return "handle " + strconv.FormatUint(h.Value, 10)
	}
	return ""
}

// nftSummary returns the summary function of an NFT_MSG_* type.
func nftSummary(name string) func(*decode.Message) string {
	s := strings.TrimPrefix(name, "NFT_MSG_")
	s = strings.TrimSuffix(s, "_RESET")
	for _, p := range []string{"NEW", "GET", "DESTROY", "DEL"} {
		s = strings.TrimPrefix(s, p)
	}
	switch s {
	case "TABLE":
		return tableSummary
	case "CHAIN":
		return chainSummary
	case "RULE":
		return ruleSummary
	case "SET":
		return setSummary
	case "SETELEM":
		return setElemSummary
	case "GEN":
		return genSummary
	case "OBJ":
		return objSummary
	case "FLOWTABLE":
		return flowtableSummary
	case "TRACE":
		return traceSummary
	}
	return nil
}

// scope prints "family table" when the message names a table, else "family" for
// a request carrying a family, else "".
func scope(m *decode.Message, tableAttr string) string {
	t := top(m, tableAttr)
	if t == nil {
		if msgFamily(m) == unix.NFPROTO_UNSPEC {
			return ""
		}
		return familyName(m)
	}
	return familyName(m) + " " + strOf(t)
}

func tableSummary(m *decode.Message) string {
	s := words(scope(m, "nft.table.name"), handle(m, "nft.table.handle"))
	if c := comment(top(m, "nft.table.userdata")); c != "" {
		s += " comment " + strconv.Quote(c)
	}
	if f := top(m, "nft.table.flags"); f != nil && f.Value != 0 {
		s += " flags " + strings.ToLower(tableFlags.Format(f.Value, ","))
	}
	return s
}

// hookNames are nft's names of hooks by family.
func hookName(family uint8, n uint64) string {
	var e *decode.Enum
	switch family {
	case unix.NFPROTO_ARP:
		e = arpHookEnum
	case unix.NFPROTO_NETDEV:
		e = netdevHookEnum
	case unix.NFPROTO_BRIDGE:
		e = bridgeHookEnum
	default:
		e = inetHookEnum
	}
	s := strings.ToLower(e.Short(n))
	switch s {
	case "pre_routing":
		return "prerouting"
	case "post_routing":
		return "postrouting"
	case "local_in", "in":
		return "input"
	case "local_out", "out":
		return "output"
	}
	return s
}

func chainSummary(m *decode.Message) string {
	s := words(scope(m, "nft.chain.table"), strOf(top(m, "nft.chain.name")), handle(m, "nft.chain.handle"))
	hook := top(m, "nft.chain.hook")
	if hook == nil {
		return s
	}
	var body []string
	typ := strOf(top(m, "nft.chain.type"))
	if typ == "" {
		typ = "filter"
	}
	h := "type " + typ
	if n := hook.Child("nft.hook.hooknum"); n != nil {
		h += " hook " + hookName(msgFamily(m), n.Value)
	}
	if d := hook.Child("nft.hook.dev"); d != nil {
		h += " device " + strconv.Quote(strOf(d))
	}
	if ds := hook.Child("nft.hook.devs"); ds != nil {
		var names []string
		for i := range ds.Children {
			names = append(names, strconv.Quote(strOf(&ds.Children[i])))
		}
		h += " devices = { " + strings.Join(names, ", ") + " }"
	}
	if p := hook.Child("nft.hook.priority"); p != nil {
		h += " priority " + strconv.FormatInt(p.Int(), 10)
	}
	body = append(body, h)
	if p := top(m, "nft.chain.policy"); p != nil {
		body = append(body, "policy "+strings.ToLower(strings.TrimPrefix(verdictEnum.Short(p.Value), "nf_")))
	}
	return s + " { " + strings.Join(body, "; ") + "; }"
}

func ruleSummary(m *decode.Message) string {
	s := words(scope(m, "nft.rule.table"), strOf(top(m, "nft.rule.chain")), handle(m, "nft.rule.handle"))
	if p := top(m, "nft.rule.position"); p != nil && m.Header.Flags&unix.NLM_F_REQUEST != 0 {
		s += " position " + strconv.FormatUint(p.Value, 10)
	}
	list := top(m, "nft.rule.expressions")
	if list == nil {
		return s
	}
	st, _ := m.Info.(*nftState)
	table := strOf(top(m, "nft.rule.table"))
	r := renderRule(ruleExprs(list), msgFamily(m), table, m.BigEndian, st)
	if c := comment(top(m, "nft.rule.userdata")); c != "" {
		r += " comment " + strconv.Quote(c)
	}
	return s + ": " + r
}

func setSummary(m *decode.Message) string {
	s := words(scope(m, "nft.set.table"), strOf(top(m, "nft.set.name")), handle(m, "nft.set.handle"))
	kt := top(m, "nft.set.key_type")
	if kt == nil {
		return s
	}
	var body []string
	key, _ := dataTypeName(uint32(kt.Value))
	t := "type " + key
	if dt := top(m, "nft.set.data_type"); dt != nil {
		data, _ := dataTypeName(uint32(dt.Value))
		t += " : " + data
	}
	body = append(body, t)
	if f := top(m, "nft.set.flags"); f != nil {
		if names := setFlagWords(f.Value); names != "" {
			body = append(body, "flags "+names)
		}
	}
	if p := top(m, "nft.set.policy"); p != nil {
		body = append(body, "policy "+strings.ToLower(setPolicyEnum.Short(p.Value)))
	}
	if t := top(m, "nft.set.timeout"); t != nil {
		body = append(body, "timeout "+strconv.FormatUint(t.Value, 10)+"ms")
	}
	if d := top(m, "nft.set.desc"); d != nil {
		if sz := d.Child("nft.set.desc.size"); sz != nil {
			body = append(body, "size "+strconv.FormatUint(sz.Value, 10))
		}
	}
	return s + " { " + strings.Join(body, "; ") + "; }"
}

// setFlagWords prints the set flags nft shows in a set's body (constant,
// interval, timeout, dynamic); anonymous and map are implied by the syntax.
func setFlagWords(v uint64) string {
	var out []string
	for _, f := range []struct {
		bit  uint64
		name string
	}{
		{unix.NFT_SET_CONSTANT, "constant"}, {unix.NFT_SET_INTERVAL, "interval"},
		{unix.NFT_SET_TIMEOUT, "timeout"}, {unix.NFT_SET_EVAL, "dynamic"},
	} {
		if v&f.bit != 0 {
			out = append(out, f.name)
		}
	}
	return strings.Join(out, ",")
}

func setElemSummary(m *decode.Message) string {
	s := words(scope(m, "nft.setelem.table"), strOf(top(m, "nft.setelem.set")))
	list := top(m, "nft.setelem.elements")
	if list == nil {
		return s
	}
	st, _ := m.Info.(*nftState)
	keyT, dataT := tRaw, tRaw
	set := st.lookup(msgFamily(m), []byte(strOf(top(m, "nft.setelem.table"))), []byte(strOf(top(m, "nft.setelem.set"))))
	if set != nil {
		_, keyT = dataTypeName(set.keyType)
		if set.flags&unix.NFT_SET_MAP != 0 {
			_, dataT = dataTypeName(set.dataType)
		}
	}
	type elem struct {
		key   []byte
		text  string // key_end, data and objref after the key
		end   bool
		catch bool
	}
	var es []elem
	for i := range list.Children {
		e := &list.Children[i]
		var el elem
		if k := e.Find("nft.set.elem.key"); k != nil {
			if v := k.Child("nft.data.value"); v != nil {
				el.key = v.Bytes
			}
		}
		if k := e.Find("nft.set.elem.key_end"); k != nil {
			if v := k.Child("nft.data.value"); v != nil {
				el.text += "-" + renderValue(v.Bytes, keyT, m.BigEndian)
			}
		}
		if f := e.Find("nft.set.elem.flags"); f != nil {
			el.end = f.Value&unix.NFT_SET_ELEM_INTERVAL_END != 0
			el.catch = f.Value&uint64(num("NFT_SET_ELEM_CATCHALL")) != 0
		}
		if d := e.Find("nft.set.elem.data"); d != nil {
			if v := d.Child("nft.data.verdict"); v != nil {
				el.text += " : " + verdictString(v)
			} else if v := d.Child("nft.data.value"); v != nil {
				el.text += " : " + renderValue(v.Bytes, dataT, m.BigEndian)
			}
		}
		if o := e.Find("nft.set.elem.objref"); o != nil {
			el.text += " : " + strconv.Quote(strOf(o))
		}
		es = append(es, el)
	}
	// Interval sets carry a range as a start element and an end element
	// (NFT_SET_ELEM_INTERVAL_END, one past the range): requests list them in
	// order, dumps in reverse. Merge each pair into a prefix or range.
	var elems []string
	for i := 0; i < len(es); i++ {
		el := es[i]
		switch {
		case el.catch:
			elems = append(elems, "*"+el.text)
			continue
		case !el.end && i+1 < len(es) && es[i+1].end && bytesLess(el.key, es[i+1].key):
			elems = append(elems, intervalString(el.key, es[i+1].key, keyT, m.BigEndian)+el.text)
			i++
			continue
		case el.end && i+1 < len(es) && !es[i+1].end && bytesLess(es[i+1].key, el.key):
			elems = append(elems, intervalString(es[i+1].key, el.key, keyT, m.BigEndian)+es[i+1].text)
			i++
			continue
		case el.end && allZero(el.key) && len(es) > 1:
			continue // the end of the gap before the first range
		}
		text := renderValue(el.key, keyT, m.BigEndian) + el.text
		if el.end {
			text += " (interval end)"
		}
		elems = append(elems, text)
	}
	return s + " { " + strings.Join(elems, ", ") + " }"
}

func genSummary(m *decode.Message) string {
	id := top(m, "nft.gen.id")
	if id == nil {
		return ""
	}
	s := "generation " + strconv.FormatUint(id.Value, 10)
	if pid := top(m, "nft.gen.proc_pid"); pid != nil {
		s += " by process " + strconv.FormatUint(pid.Value, 10)
		if n := top(m, "nft.gen.proc_name"); n != nil {
			s += " (" + strOf(n) + ")"
		}
	}
	return s
}

func objSummary(m *decode.Message) string {
	s := scope(m, "nft.obj.table")
	if t := top(m, "nft.obj.type"); t != nil {
		s = words(s, strings.ReplaceAll(strings.ToLower(objTypeEnum.Short(t.Value)), "_", " "))
	}
	return words(s, strOf(top(m, "nft.obj.name")), handle(m, "nft.obj.handle"))
}

func flowtableSummary(m *decode.Message) string {
	return words(scope(m, "nft.flowtable.table"), strOf(top(m, "nft.flowtable.name")), handle(m, "nft.flowtable.handle"))
}

func traceSummary(m *decode.Message) string {
	s := scope(m, "nft.trace.table")
	s = words(s, strOf(top(m, "nft.trace.chain")))
	if t := top(m, "nft.trace.type"); t != nil {
		s = words(s, strings.ToLower(traceTypeEnum.Short(t.Value)))
	}
	if h := top(m, "nft.trace.rule_handle"); h != nil {
		s = words(s, "handle "+strconv.FormatUint(h.Value, 10))
	}
	if v := top(m, "nft.trace.verdict"); v != nil {
		s = words(s, "verdict "+verdictString(v))
	}
	if id := top(m, "nft.trace.id"); id != nil {
		s = words(s, "id "+id.ValueString())
	}
	return s
}

// batchSummary summarizes NFNL_MSG_BATCH_BEGIN/END: the subsystem and, for
// nftables, the generation the batch expects.
func batchSummary(m *decode.Message) string {
	f := m.Field("nfgen.subsys")
	if f == nil {
		return ""
	}
	s := strings.ToLower(subsysEnum.Short(f.Value))
	if g := top(m, "nfnl.batch.genid"); g != nil {
		s += " genid " + strconv.FormatUint(g.Value, 10)
	}
	return s
}

// bytesLess compares two equal-length big-endian keys.
func bytesLess(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}
