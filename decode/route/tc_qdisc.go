package route

// Queueing disciplines and classes: TCA_OPTIONS by TCA_KIND for the common qdiscs
// (include/uapi/linux/pkt_sched.h). Some options are attribute nests (htb, tbf,
// fq_codel, fq, cake), some a bare struct (prio/pfifo_fast: tc_prio_qopt, pfifo:
// tc_fifo_qopt, sfq: tc_sfq_qopt_v1), and netem and mqprio a struct followed by
// attributes. A rate is struct tc_ratespec:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|   cell_log    |   linklayer   |           overhead            |
//	+---------------+---------------+---------------+---------------+
//	|          cell_align           |              mpu              |
//	+---------------+---------------+---------------+---------------+
//	|                        rate (bytes/s)                         |
//	+---------------+---------------+---------------+---------------+

import (
	"github.com/nldump/nldump/decode"
)

// tcPrioQopt is struct tc_prio_qopt (prio, pfifo_fast).
var tcPrioQopt = newStruct("tc_prio_qopt", "tca.prio",
	s32m("bands"), decode.Member{CName: "priomap", Kind: decode.KindBinary, Size: 16})

// tcFifoQopt is struct tc_fifo_qopt (pfifo: packets, bfifo: bytes).
var tcFifoQopt = newStruct("tc_fifo_qopt", "tca.fifo", u32m("limit"))

// tcSfqQopt is struct tc_sfq_qopt_v1 (the first 20 bytes are struct tc_sfq_qopt).
var tcSfqQopt = newStruct("tc_sfq_qopt_v1", "tca.sfq",
	decode.Member{CName: "quantum", Kind: decode.KindU32, Unit: "bytes"},
	decode.Member{CName: "perturb_period", Kind: decode.KindS32, Unit: "s"},
	u32m("limit"), u32m("divisor"), u32m("flows"),
	u32m("depth"), u32m("headdrop"), decode.Member{CName: "limit", Name: "tca.sfq.red_limit", Kind: decode.KindU32},
	u32m("qth_min"), u32m("qth_max"), u8m("Wlog"), u8m("Plog"), u8m("Scell_log"), u8m("flags"), u32m("max_P"),
	u32m("prob_drop"), u32m("forced_drop"), u32m("prob_mark"), u32m("forced_mark"), u32m("prob_mark_head"),
	u32m("forced_mark_head"))

var htbOpt = newStruct("tc_htb_opt", "tca.htb.parms", append(append(tcRatespecMembers("rate_"), tcRatespecMembers("ceil_")...),
	decode.Member{CName: "buffer", Kind: decode.KindU32, Unit: "ticks"}, decode.Member{CName: "cbuffer", Kind: decode.KindU32, Unit: "ticks"},
	decode.Member{CName: "quantum", Kind: decode.KindU32, Unit: "bytes"}, u32m("level"), u32m("prio"))...)

var htbGlob = newStruct("tc_htb_glob", "tca.htb.init",
	u32m("version"), u32m("rate2quantum"), decode.Member{CName: "defcls", Kind: decode.KindU32, Display: decode.DisplayHex},
	u32m("debug"), u32m("direct_pkts"))

// htbAttrs is TCA_OPTIONS of htb qdiscs and classes (TCA_HTB_*).
var htbAttrs = decode.NewAttrSet("TCA_HTB", "tca.htb",
	structa(1, "TCA_HTB_PARMS", htbOpt),
	structa(2, "TCA_HTB_INIT", htbGlob),
	bina(3, "TCA_HTB_CTAB"),
	bina(4, "TCA_HTB_RTAB"),
	u32a(5, "TCA_HTB_DIRECT_QLEN"),
	unit(u64a(6, "TCA_HTB_RATE64"), "bytes/s"),
	unit(u64a(7, "TCA_HTB_CEIL64"), "bytes/s"),
	pada(8, "TCA_HTB_PAD"),
	flaga(9, "TCA_HTB_OFFLOAD"),
)

var tbfQopt = newStruct("tc_tbf_qopt", "tca.tbf.parms", append(append(tcRatespecMembers("rate_"), tcRatespecMembers("peakrate_")...),
	decode.Member{CName: "limit", Kind: decode.KindU32, Unit: "bytes"}, decode.Member{CName: "buffer", Kind: decode.KindU32, Unit: "ticks"},
	decode.Member{CName: "mtu", Kind: decode.KindU32, Unit: "ticks"})...)

// tbfAttrs is TCA_OPTIONS of tbf (TCA_TBF_*).
var tbfAttrs = decode.NewAttrSet("TCA_TBF", "tca.tbf",
	structa(1, "TCA_TBF_PARMS", tbfQopt),
	bina(2, "TCA_TBF_RTAB"),
	bina(3, "TCA_TBF_PTAB"),
	unit(u64a(4, "TCA_TBF_RATE64"), "bytes/s"),
	unit(u64a(5, "TCA_TBF_PRATE64"), "bytes/s"),
	unit(u32a(6, "TCA_TBF_BURST"), "bytes"),
	unit(u32a(7, "TCA_TBF_PBURST"), "bytes"),
	pada(8, "TCA_TBF_PAD"),
)

// fqCodelAttrs is TCA_OPTIONS of fq_codel (TCA_FQ_CODEL_*).
var fqCodelAttrs = decode.NewAttrSet("TCA_FQ_CODEL", "tca.fq_codel",
	unit(u32a(1, "TCA_FQ_CODEL_TARGET"), "us"),
	unit(u32a(2, "TCA_FQ_CODEL_LIMIT"), "packets"),
	unit(u32a(3, "TCA_FQ_CODEL_INTERVAL"), "us"),
	enum(u32a(4, "TCA_FQ_CODEL_ECN"), boolEnum),
	u32a(5, "TCA_FQ_CODEL_FLOWS"),
	unit(u32a(6, "TCA_FQ_CODEL_QUANTUM"), "bytes"),
	unit(u32a(7, "TCA_FQ_CODEL_CE_THRESHOLD"), "us"),
	u32a(8, "TCA_FQ_CODEL_DROP_BATCH_SIZE"),
	unit(u32a(9, "TCA_FQ_CODEL_MEMORY_LIMIT"), "bytes"),
	hex(u8a(10, "TCA_FQ_CODEL_CE_THRESHOLD_SELECTOR")),
	hex(u8a(11, "TCA_FQ_CODEL_CE_THRESHOLD_MASK")),
)

// fqAttrs is TCA_OPTIONS of fq (TCA_FQ_*).
var fqAttrs = decode.NewAttrSet("TCA_FQ", "tca.fq",
	unit(u32a(1, "TCA_FQ_PLIMIT"), "packets"),
	unit(u32a(2, "TCA_FQ_FLOW_PLIMIT"), "packets"),
	unit(u32a(3, "TCA_FQ_QUANTUM"), "bytes"),
	unit(u32a(4, "TCA_FQ_INITIAL_QUANTUM"), "bytes"),
	enum(u32a(5, "TCA_FQ_RATE_ENABLE"), boolEnum),
	unit(u32a(6, "TCA_FQ_FLOW_DEFAULT_RATE"), "bytes/s"),
	unit(u32a(7, "TCA_FQ_FLOW_MAX_RATE"), "bytes/s"),
	u32a(8, "TCA_FQ_BUCKETS_LOG"),
	unit(u32a(9, "TCA_FQ_FLOW_REFILL_DELAY"), "us"),
	hex(u32a(10, "TCA_FQ_ORPHAN_MASK")),
	unit(u32a(11, "TCA_FQ_LOW_RATE_THRESHOLD"), "bytes/s"),
	unit(u32a(12, "TCA_FQ_CE_THRESHOLD"), "us"),
	unit(u32a(13, "TCA_FQ_TIMER_SLACK"), "ns"),
	unit(u32a(14, "TCA_FQ_HORIZON"), "us"),
	enum(u8a(15, "TCA_FQ_HORIZON_DROP"), boolEnum),
	structa(16, "TCA_FQ_PRIOMAP", newStruct("tc_prio_qopt", "tca.fq.priomap",
		s32m("bands"), decode.Member{CName: "priomap", Kind: decode.KindBinary, Size: 16})),
	arrayAttr(17, "TCA_FQ_WEIGHTS", newIntArray(decode.KindS32, "tca.fq.weights", "", 0, "", "band0", "band1", "band2")),
)

// cakeAttrs is TCA_OPTIONS of cake (TCA_CAKE_*).
var cakeAttrs = decode.NewAttrSet("TCA_CAKE", "tca.cake",
	pada(1, "TCA_CAKE_PAD"),
	unit(u64a(2, "TCA_CAKE_BASE_RATE64"), "bytes/s"),
	u32a(3, "TCA_CAKE_DIFFSERV_MODE"),
	u32a(4, "TCA_CAKE_ATM"),
	u32a(5, "TCA_CAKE_FLOW_MODE"),
	decode.Attr{Type: 6, CName: "TCA_CAKE_OVERHEAD", Kind: decode.KindS32, Unit: "bytes"},
	unit(u32a(7, "TCA_CAKE_RTT"), "us"),
	unit(u32a(8, "TCA_CAKE_TARGET"), "us"),
	enum(u32a(9, "TCA_CAKE_AUTORATE"), boolEnum),
	unit(u32a(10, "TCA_CAKE_MEMORY"), "bytes"),
	enum(u32a(11, "TCA_CAKE_NAT"), boolEnum),
	enum(u32a(12, "TCA_CAKE_RAW"), boolEnum),
	enum(u32a(13, "TCA_CAKE_WASH"), boolEnum),
	unit(u32a(14, "TCA_CAKE_MPU"), "bytes"),
	enum(u32a(15, "TCA_CAKE_INGRESS"), boolEnum),
	u32a(16, "TCA_CAKE_ACK_FILTER"),
	enum(u32a(17, "TCA_CAKE_SPLIT_GSO"), boolEnum),
	hex(u32a(18, "TCA_CAKE_FWMARK")),
)

// netemQopt is struct tc_netem_qopt; probabilities are fractions of 2^32-1.
var netemQopt = newStruct("tc_netem_qopt", "tca.netem.qopt",
	decode.Member{CName: "latency", Kind: decode.KindU32, Unit: "ticks"}, decode.Member{CName: "limit", Kind: decode.KindU32, Unit: "packets"},
	u32m("loss"), u32m("gap"), u32m("duplicate"), decode.Member{CName: "jitter", Kind: decode.KindU32, Unit: "ticks"})

var netemCorr = newStruct("tc_netem_corr", "tca.netem.corr", u32m("delay_corr"), u32m("loss_corr"), u32m("dup_corr"))
var netemProb = func(f string) *decode.Struct {
	return newStruct("tc_netem_"+f, "tca.netem."+f, u32m("probability"), u32m("correlation"))
}
var netemRate = newStruct("tc_netem_rate", "tca.netem.rate",
	decode.Member{CName: "rate", Kind: decode.KindU32, Unit: "bytes/s"}, s32m("packet_overhead"), u32m("cell_size"), s32m("cell_overhead"))
var netemSlot = newStruct("tc_netem_slot", "tca.netem.slot",
	decode.Member{CName: "min_delay", Kind: decode.KindS64, Unit: "ns"}, decode.Member{CName: "max_delay", Kind: decode.KindS64, Unit: "ns"},
	s32m("max_packets"), s32m("max_bytes"), decode.Member{CName: "dist_delay", Kind: decode.KindS64, Unit: "ns"},
	decode.Member{CName: "dist_jitter", Kind: decode.KindS64, Unit: "ns"})

// netemLossAttrs is TCA_NETEM_LOSS: the Gilbert-Intuitive (4-state) or
// Gilbert-Elliot loss model; probabilities are fractions of 2^32-1.
var netemLossAttrs = decode.NewAttrSet("NETEM_LOSS", "tca.netem.loss",
	structa(1, "NETEM_LOSS_GI", newStruct("tc_netem_gimodel", "tca.netem.loss.gi", u32m("p13"), u32m("p31"), u32m("p32"), u32m("p14"), u32m("p23"))),
	structa(2, "NETEM_LOSS_GE", newStruct("tc_netem_gemodel", "tca.netem.loss.ge", u32m("p"), u32m("r"), u32m("h"), u32m("k1"))),
)

var netemAttrs = decode.NewAttrSet("TCA_NETEM", "tca.netem",
	structa(1, "TCA_NETEM_CORR", netemCorr),
	bina(2, "TCA_NETEM_DELAY_DIST"),
	structa(3, "TCA_NETEM_REORDER", netemProb("reorder")),
	structa(4, "TCA_NETEM_CORRUPT", netemProb("corrupt")),
	nesta(5, "TCA_NETEM_LOSS", netemLossAttrs),
	structa(6, "TCA_NETEM_RATE", netemRate),
	u32a(7, "TCA_NETEM_ECN"),
	unit(u64a(8, "TCA_NETEM_RATE64"), "bytes/s"),
	pada(9, "TCA_NETEM_PAD"),
	unit(decode.Attr{Type: 10, CName: "TCA_NETEM_LATENCY64", Kind: decode.KindS64}, "ns"),
	unit(decode.Attr{Type: 11, CName: "TCA_NETEM_JITTER64", Kind: decode.KindS64}, "ns"),
	structa(12, "TCA_NETEM_SLOT", netemSlot),
	bina(13, "TCA_NETEM_SLOT_DIST"),
	hex(u64a(14, "TCA_NETEM_PRNG_SEED")),
)

// mqprioQopt is struct tc_mqprio_qopt (82 bytes; attributes follow at 84).
var mqprioQopt = newStruct("tc_mqprio_qopt", "tca.mqprio",
	u8m("num_tc"), decode.Member{CName: "prio_tc_map", Kind: decode.KindBinary, Size: 16}, u8m("hw"),
	decode.Member{CName: "count", Kind: decode.KindBinary, Size: 32}, decode.Member{CName: "offset", Kind: decode.KindBinary, Size: 32})

var mqprioAttrs = decode.NewAttrSet("TCA_MQPRIO", "tca.mqprio",
	u16a(1, "TCA_MQPRIO_MODE"),
	u16a(2, "TCA_MQPRIO_SHAPER"),
	nesta(3, "TCA_MQPRIO_MIN_RATE64", decode.NewAttrSet("TCA_MQPRIO", "tca.mqprio.min_rate",
		unit(u64a(3, "TCA_MQPRIO_MIN_RATE64"), "bytes/s"))), // one per traffic class
	nesta(4, "TCA_MQPRIO_MAX_RATE64", decode.NewAttrSet("TCA_MQPRIO", "tca.mqprio.max_rate",
		unit(u64a(4, "TCA_MQPRIO_MAX_RATE64"), "bytes/s"))),
	bina(5, "TCA_MQPRIO_TC_ENTRY"),
)

// structThenAttrs returns a Custom hook for options that are a struct followed by
// attributes at NLA_ALIGN(struct size).
func structThenAttrs(s *decode.Struct, set *decode.AttrSet) func(c *decode.Context, f *decode.Field) {
	return func(c *decode.Context, f *decode.Field) {
		vs := f.Offset + 4
		ve := vs + len(f.Bytes)
		h := c.Struct(s, vs, ve)
		var attrs []decode.Field
		if ao := vs + align4(s.Size); ao < ve {
			attrs = c.Attrs(set, ao, ve)
		}
		kids := c.Alloc(1 + len(attrs))
		kids[0] = h
		copy(kids[1:], attrs)
		f.Children = kids
	}
}

// emptyOptions is the (empty) TCA_OPTIONS nest of ingress and clsact.
var emptyOptions = decode.NewAttrSet("TCA_OPTIONS", "tca.options")

// qdiscOptions maps a qdisc or class kind to its TCA_OPTIONS layout.
var qdiscOptions = map[string]*decode.Attr{
	"htb":             {Nested: htbAttrs},
	"tbf":             {Nested: tbfAttrs},
	"fq_codel":        {Nested: fqCodelAttrs},
	"fq":              {Nested: fqAttrs},
	"cake":            {Nested: cakeAttrs},
	"prio":            {Struct: tcPrioQopt},
	"pfifo_fast":      {Struct: tcPrioQopt},
	"pfifo":           {Struct: tcFifoQopt},
	"bfifo":           {Struct: tcFifoQopt},
	"pfifo_head_drop": {Struct: tcFifoQopt},
	"sfq":             {Kind: decode.KindStruct, Custom: structMin(tcSfqQopt, 20)},
	"netem":           {Kind: decode.KindStruct, Custom: structThenAttrs(netemQopt, netemAttrs)},
	"mqprio":          {Kind: decode.KindStruct, Custom: structThenAttrs(mqprioQopt, mqprioAttrs)},
	"ingress":         {Nested: emptyOptions},
	"clsact":          {Nested: emptyOptions},
}

// xstats layouts (TCA_XSTATS by kind).
var htbXstats = newStruct("tc_htb_xstats", "tca.xstats.htb",
	u32m("lends"), u32m("borrows"), u32m("giants"), s32m("tokens"), s32m("ctokens"))
var sfqXstats = newStruct("tc_sfq_xstats", "tca.xstats.sfq", s32m("allot"))
var fqCodelXstats = newStruct("tc_fq_codel_xstats", "tca.xstats.fq_codel",
	decode.Member{CName: "type", Kind: decode.KindU32, Enum: decode.NewEnum("fq_codel_xstats_type", "TCA_FQ_CODEL_XSTATS_",
		map[uint64]string{0: "TCA_FQ_CODEL_XSTATS_QDISC", 1: "TCA_FQ_CODEL_XSTATS_CLASS"})},
	u32m("maxpacket"), u32m("drop_overlimit"), u32m("ecn_mark"), u32m("new_flow_count"), u32m("new_flows_len"),
	u32m("old_flows_len"), u32m("ce_mark"), u32m("memory_usage"), u32m("drop_overmemory"))
var fqXstats = newStruct("tc_fq_qd_stats", "tca.xstats.fq", u64Members("gc_flows", "highprio_packets", "tcp_retrans",
	"throttled", "flows_plimit", "pkts_too_long", "allocation_errors", "time_next_delayed_flow", "flows",
	"inactive_flows", "throttled_flows", "unthrottle_latency_ns", "ce_mark", "horizon_drops", "horizon_caps",
	"fastpath_packets", "band_drops0", "band_drops1", "band_drops2", "band_pkt_count0", "band_pkt_count1", "band_pkt_count2")...)

// qdiscXstats maps a kind to its TCA_XSTATS layout; other kinds are shown as bytes.
var qdiscXstats = map[string]*decode.Attr{
	"htb":      {Kind: decode.KindStruct, Custom: structMin(htbXstats, 20)},
	"sfq":      {Kind: decode.KindStruct, Custom: structMin(sfqXstats, 4)},
	"fq_codel": {Kind: decode.KindStruct, Custom: structMin(fqCodelXstats, 4)},
	"fq":       {Kind: decode.KindStruct, Custom: structMin(fqXstats, 8)},
}
