package netfilter

import (
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/internal/nlwire"
	"golang.org/x/sys/unix"
)

// wire builds frames in one host byte order: nlmsghdr and nlattr headers follow
// it, while netfilter's values are big-endian whatever the host (be16v, be32v).
type wire struct{ nlwire.Wire }

// msg is an nlmsghdr (seq 1, pid 0) followed by the payload parts.
func (w wire) msg(typ, flags uint16, parts ...[]byte) []byte {
	return w.Msg(typ, flags, 1, 0, parts...)
}

// nested is an attribute with NLA_F_NESTED, as libnftnl sends nests.
func (w wire) nested(typ uint16, parts ...[]byte) []byte { return w.Nest(typ, parts...) }

func nfgen(family uint8, resID uint16) []byte {
	return []byte{family, 0, byte(resID >> 8), byte(resID)}
}

var (
	be16v = nlwire.BE16
	be32v = nlwire.BE32
)

func cstr(s string) []byte { return append([]byte(s), 0) }
func nftType(t int) uint16 { return uint16(unix.NFNL_SUBSYS_NFTABLES<<8 | t) }

// expr is an NFTA_LIST_ELEM holding one expression.
func (w wire) expr(name string, data ...[]byte) []byte {
	return w.nested(unix.NFTA_LIST_ELEM, w.Attr(unix.NFTA_EXPR_NAME, cstr(name)), w.nested(unix.NFTA_EXPR_DATA, data...))
}

// rule is an NFT_MSG_NEWRULE request for table "filter", chain "input".
func (w wire) rule(family uint8, exprs ...[]byte) []byte {
	return w.msg(nftType(unix.NFT_MSG_NEWRULE), unix.NLM_F_REQUEST|unix.NLM_F_CREATE|unix.NLM_F_APPEND,
		nfgen(family, 0),
		w.Attr(unix.NFTA_RULE_TABLE, cstr("filter")), // NFTA_RULE_TABLE "filter"
		w.Attr(unix.NFTA_RULE_CHAIN, cstr("input")),  // NFTA_RULE_CHAIN "input"
		w.nested(unix.NFTA_RULE_EXPRESSIONS, exprs...))
}

// decodeOne decodes one frame in the wire's byte order and returns its first
// message and summary.
func decodeOne(t testing.TB, w wire, data []byte) (decode.Message, string) {
	t.Helper()
	d := decode.NewDecoder()
	d.Order = decode.LittleEndian
	if w.BE {
		d.Order = decode.BigEndian
	}
	fr := &capture.Frame{Number: 1, Protocol: unix.NETLINK_NETFILTER, Data: data, Length: len(data)}
	msgs := d.DecodeFrame(fr, nil)
	if len(msgs) == 0 {
		t.Fatal("no message decoded")
	}
	m := msgs[0]
	s := ""
	if m.Error == nil {
		s = summary(&m)
	}
	return m, s
}

// byteCase is a frame built in both byte orders and what must come out of it.
type byteCase struct {
	name    string
	frame   func(w wire) []byte
	typ     string
	summary string
	// fields maps filter names to the ValueString they must show.
	fields map[string]string
	// notes maps filter names to a fragment of their note.
	notes     map[string]string
	malformed bool
}

func byteCases() []byteCase {
	return []byteCase{{
		name: "truncated nfgenmsg",
		frame: func(w wire) []byte {
			return w.msg(nftType(unix.NFT_MSG_NEWTABLE), unix.NLM_F_REQUEST, []byte{unix.NFPROTO_INET, 0}) // 2 of 4 bytes
		},
		typ:       "NFT_MSG_NEWTABLE",
		fields:    map[string]string{"nfgen.family": "NFPROTO_INET (1)"},
		notes:     map[string]string{"nfgen": "needs 4 bytes"},
		malformed: true,
	}, {
		name: "unknown expression name",
		frame: func(w wire) []byte {
			return w.rule(unix.NFPROTO_IPV4, w.expr("frobnicate", w.Attr(1, be32v(5))))
		},
		typ:       "NFT_MSG_NEWRULE",
		summary:   "ip filter input: [ frobnicate ]",
		fields:    map[string]string{"nft.expr.name": "frobnicate"},
		notes:     map[string]string{"nft.expr.data": "expression name unknown to nldump"},
		malformed: true,
	}, {
		name: "unknown subsystem",
		frame: func(w wire) []byte {
			return w.msg(99<<8|2, unix.NLM_F_REQUEST, nfgen(unix.NFPROTO_IPV4, 0), w.Attr(1, be32v(1)))
		},
		typ:       "NFNL_SUBSYS_99_MSG_2",
		notes:     map[string]string{"nfnl.payload": "subsystem 99 unknown to nldump"},
		malformed: true,
	}, {
		name: "unknown nftables message type",
		frame: func(w wire) []byte {
			return w.msg(nftType(200), 0, nfgen(unix.NFPROTO_INET, 7), w.Attr(1, cstr("x")))
		},
		typ:       "NFT_MSG_200",
		fields:    map[string]string{"nfgen.res_id": "7"},
		notes:     map[string]string{"nfnl.payload": "NFNL_SUBSYS_NFTABLES message type 200 unknown"},
		malformed: true,
	}, {
		name: "jump verdict: negative big-endian code",
		frame: func(w wire) []byte {
			return w.rule(unix.NFPROTO_IPV4, w.expr("immediate",
				w.Attr(unix.NFTA_IMMEDIATE_DREG, be32v(unix.NFT_REG_VERDICT)),
				w.nested(unix.NFTA_IMMEDIATE_DATA, w.nested(unix.NFTA_DATA_VERDICT,
					w.Attr(unix.NFTA_VERDICT_CODE, []byte{0xff, 0xff, 0xff, 0xfd}), // NFT_JUMP = -3
					w.Attr(unix.NFTA_VERDICT_CHAIN, cstr("tcp_in"))))))
		},
		typ:     "NFT_MSG_NEWRULE",
		summary: "ip filter input: jump tcp_in",
		fields: map[string]string{"nft.verdict.code": "NFT_JUMP (-3)", "nft.verdict.chain": "tcp_in",
			"nft.immediate.dreg": "NFT_REG_VERDICT (0)", "nlmsg.flags": "0x0c01 (REQUEST|CREATE|APPEND)"},
	}, {
		name: "ip saddr match, payload and cmp",
		frame: func(w wire) []byte {
			return w.rule(unix.NFPROTO_IPV4,
				w.expr("payload", w.Attr(unix.NFTA_PAYLOAD_DREG, be32v(unix.NFT_REG_1)),
					w.Attr(unix.NFTA_PAYLOAD_BASE, be32v(unix.NFT_PAYLOAD_NETWORK_HEADER)),
					w.Attr(unix.NFTA_PAYLOAD_OFFSET, be32v(12)), w.Attr(unix.NFTA_PAYLOAD_LEN, be32v(4))),
				w.expr("cmp", w.Attr(unix.NFTA_CMP_SREG, be32v(unix.NFT_REG_1)), w.Attr(unix.NFTA_CMP_OP, be32v(unix.NFT_CMP_NEQ)),
					w.nested(unix.NFTA_CMP_DATA, w.Attr(unix.NFTA_DATA_VALUE, []byte{10, 0, 0, 1}))),
				w.expr("counter"),
				w.expr("immediate", w.Attr(unix.NFTA_IMMEDIATE_DREG, be32v(0)),
					w.nested(unix.NFTA_IMMEDIATE_DATA, w.nested(unix.NFTA_DATA_VERDICT, w.Attr(unix.NFTA_VERDICT_CODE, be32v(0))))))
		},
		typ:     "NFT_MSG_NEWRULE",
		summary: "ip filter input: ip saddr != 10.0.0.1 counter drop",
		fields: map[string]string{"nft.payload.base": "NFT_PAYLOAD_NETWORK_HEADER (1)", "nft.payload.offset": "12 bytes",
			"nft.cmp.op": "NFT_CMP_NEQ (1)", "nft.data.value": "0a000001", "nft.verdict.code": "NF_DROP (0)"},
	}, {
		name: "unknown-protocol transport fields read as th",
		frame: func(w wire) []byte {
			return w.rule(unix.NFPROTO_INET,
				w.expr("payload", w.Attr(unix.NFTA_PAYLOAD_DREG, be32v(unix.NFT_REG32_00)),
					w.Attr(unix.NFTA_PAYLOAD_BASE, be32v(unix.NFT_PAYLOAD_TRANSPORT_HEADER)),
					w.Attr(unix.NFTA_PAYLOAD_OFFSET, be32v(2)), w.Attr(unix.NFTA_PAYLOAD_LEN, be32v(2))),
				w.expr("cmp", w.Attr(unix.NFTA_CMP_SREG, be32v(unix.NFT_REG32_00)), w.Attr(unix.NFTA_CMP_OP, be32v(unix.NFT_CMP_EQ)),
					w.nested(unix.NFTA_CMP_DATA, w.Attr(unix.NFTA_DATA_VALUE, be16v(53)))),
				w.expr("reject", w.Attr(unix.NFTA_REJECT_TYPE, be32v(unix.NFT_REJECT_TCP_RST))))
		},
		typ:     "NFT_MSG_NEWRULE",
		summary: "inet filter input: th dport 53 reject with tcp reset",
		fields:  map[string]string{"nft.payload.dreg": "NFT_REG32_00 (8)", "nft.reject.type": "NFT_REJECT_TCP_RST (1)"},
	}, {
		name: "expression without a simple nft form prints as nft --debug",
		frame: func(w wire) []byte {
			return w.rule(unix.NFPROTO_IPV4,
				w.expr("payload", w.Attr(unix.NFTA_PAYLOAD_DREG, be32v(unix.NFT_REG_1)),
					w.Attr(unix.NFTA_PAYLOAD_BASE, be32v(unix.NFT_PAYLOAD_TRANSPORT_HEADER)),
					w.Attr(unix.NFTA_PAYLOAD_OFFSET, be32v(2)), w.Attr(unix.NFTA_PAYLOAD_LEN, be32v(2))),
				w.expr("numgen", w.Attr(unix.NFTA_NG_DREG, be32v(unix.NFT_REG_2)), w.Attr(unix.NFTA_NG_MODULUS, be32v(2)),
					w.Attr(unix.NFTA_NG_TYPE, be32v(unix.NFT_NG_RANDOM))))
		},
		typ:     "NFT_MSG_NEWRULE",
		summary: "ip filter input: [ payload load 2b @ transport header + 2 => reg 1 ] [ numgen dreg nft_reg_2 (2) modulus 2 type nft_ng_random (1) ]",
		fields:  map[string]string{"nft.ng.type": "NFT_NG_RANDOM (1)"},
	}, {
		name: "netdev base chain: hook by family, negative priority",
		frame: func(w wire) []byte {
			return w.msg(nftType(unix.NFT_MSG_NEWCHAIN), unix.NLM_F_REQUEST|unix.NLM_F_CREATE, nfgen(unix.NFPROTO_NETDEV, 0),
				w.Attr(unix.NFTA_CHAIN_TABLE, cstr("t")), w.Attr(unix.NFTA_CHAIN_NAME, cstr("c")),
				w.nested(unix.NFTA_CHAIN_HOOK, w.Attr(unix.NFTA_HOOK_HOOKNUM, be32v(unix.NF_NETDEV_INGRESS)),
					w.Attr(unix.NFTA_HOOK_PRIORITY, be32v(0xffffff9c)), // -100
					w.Attr(unix.NFTA_HOOK_DEV, cstr("eth0"))),
				w.Attr(unix.NFTA_CHAIN_POLICY, be32v(0)), w.Attr(unix.NFTA_CHAIN_TYPE, cstr("filter")))
		},
		typ:     "NFT_MSG_NEWCHAIN",
		summary: `netdev t c { type filter hook ingress device "eth0" priority -100; policy drop; }`,
		fields:  map[string]string{"nft.hook.hooknum": "NF_NETDEV_INGRESS (0)", "nft.hook.priority": "-100"},
	}, {
		name: "batch begin names the subsystem in res_id",
		frame: func(w wire) []byte {
			return w.msg(unix.NFNL_MSG_BATCH_BEGIN, unix.NLM_F_REQUEST, nfgen(unix.NFPROTO_UNSPEC, unix.NFNL_SUBSYS_NFTABLES),
				w.Attr(unix.NFNL_BATCH_GENID, be32v(42)))
		},
		typ:     "NFNL_MSG_BATCH_BEGIN",
		summary: "nftables genid 42",
		fields:  map[string]string{"nfgen.subsys": "NFNL_SUBSYS_NFTABLES (10)", "nfnl.batch.genid": "42"},
	}, {
		name: "conntrack event: tuple, status, timeout, TCP state",
		frame: func(w wire) []byte {
			return w.msg(unix.NFNL_SUBSYS_CTNETLINK<<8, unix.NLM_F_CREATE|unix.NLM_F_EXCL, nfgen(unix.NFPROTO_IPV4, 0),
				w.nested(uint16(num("CTA_TUPLE_ORIG")),
					w.nested(uint16(num("CTA_TUPLE_IP")),
						w.Attr(uint16(num("CTA_IP_V4_SRC")), []byte{10, 0, 0, 1}),
						w.Attr(uint16(num("CTA_IP_V4_DST")), []byte{10, 0, 0, 2})),
					w.nested(uint16(num("CTA_TUPLE_PROTO")),
						w.Attr(uint16(num("CTA_PROTO_NUM")), []byte{unix.IPPROTO_TCP}),
						w.Attr(uint16(num("CTA_PROTO_SRC_PORT")), be16v(40000)),
						w.Attr(uint16(num("CTA_PROTO_DST_PORT")), be16v(80)))),
				w.Attr(uint16(num("CTA_STATUS")), be32v(uint32(num("IPS_CONFIRMED")))),
				w.Attr(uint16(num("CTA_TIMEOUT")), be32v(120)),
				w.nested(uint16(num("CTA_PROTOINFO")), w.nested(uint16(num("CTA_PROTOINFO_TCP")),
					w.Attr(uint16(num("CTA_PROTOINFO_TCP_STATE")), []byte{byte(num("TCP_CONNTRACK_SYN_SENT"))}))))
		},
		typ:     "IPCTNL_MSG_CT_NEW",
		summary: "NEW tcp 10.0.0.1:40000 -> 10.0.0.2:80 [SYN_SENT] timeout 120 [UNREPLIED]",
		fields: map[string]string{"ct.proto.src_port": "40000", "ct.ip.v4_dst": "10.0.0.2", "ct.status": "0x00000008 (CONFIRMED)",
			"ct.timeout": "120 s", "nlmsg.flags": "0x0600 (EXCL|CREATE)"},
	}, {
		name: "nfqueue verdict",
		frame: func(w wire) []byte {
			return w.msg(unix.NFNL_SUBSYS_QUEUE<<8|uint16(num("NFQNL_MSG_VERDICT")), unix.NLM_F_REQUEST, nfgen(unix.NFPROTO_UNSPEC, 3),
				w.Attr(uint16(num("NFQA_VERDICT_HDR")), be32v(uint32(num("NF_ACCEPT"))), be32v(7)),
				w.Attr(uint16(num("NFQA_MARK")), be32v(0x10)))
		},
		typ:     "NFQNL_MSG_VERDICT",
		summary: "queue 3 id 7 accept mark 0x00000010",
		fields:  map[string]string{"nfq.verdict.verdict": "NF_ACCEPT (1)", "nfq.verdict.id": "7", "nfgen.res_id": "3"},
	}, {
		name: "ipset add: element data by the command",
		frame: func(w wire) []byte {
			return w.msg(unix.NFNL_SUBSYS_IPSET<<8|uint16(num("IPSET_CMD_ADD")), unix.NLM_F_REQUEST|unix.NLM_F_ACK, nfgen(unix.NFPROTO_IPV4, 0),
				w.Attr(uint16(num("IPSET_ATTR_PROTOCOL")), []byte{byte(num("IPSET_PROTOCOL"))}),
				w.Attr(uint16(num("IPSET_ATTR_SETNAME")), cstr("blocklist")),
				w.nested(uint16(num("IPSET_ATTR_DATA")),
					w.nested(uint16(num("IPSET_ATTR_IP")), w.Attr(uint16(num("IPSET_ATTR_IPADDR_IPV4"))|unix.NLA_F_NET_BYTEORDER, []byte{192, 0, 2, 7})),
					w.Attr(uint16(num("IPSET_ATTR_TIMEOUT"))|unix.NLA_F_NET_BYTEORDER, be32v(600)),
					w.Attr(uint16(num("IPSET_ATTR_ETHER")), []byte{2, 0, 0, 0, 0, 1})))
		},
		typ:     "IPSET_CMD_ADD",
		summary: "blocklist",
		fields: map[string]string{"ipset.ipaddr.ipv4": "192.0.2.7", "ipset.adt.timeout": "600 s",
			"ipset.adt.ether": "02:00:00:00:00:01", "ipset.protocol": "7"},
	}, {
		name: "ipset create: creation data",
		frame: func(w wire) []byte {
			return w.msg(unix.NFNL_SUBSYS_IPSET<<8|uint16(num("IPSET_CMD_CREATE")), unix.NLM_F_REQUEST, nfgen(unix.NFPROTO_IPV4, 0),
				w.Attr(uint16(num("IPSET_ATTR_SETNAME")), cstr("blocklist")),
				w.Attr(uint16(num("IPSET_ATTR_TYPENAME")), cstr("hash:ip")),
				w.nested(uint16(num("IPSET_ATTR_DATA")),
					w.Attr(uint16(num("IPSET_ATTR_HASHSIZE"))|unix.NLA_F_NET_BYTEORDER, be32v(1024)),
					w.Attr(uint16(num("IPSET_ATTR_MAXELEM"))|unix.NLA_F_NET_BYTEORDER, be32v(65536))))
		},
		typ:     "IPSET_CMD_CREATE",
		summary: "blocklist hash:ip",
		fields:  map[string]string{"ipset.create.hashsize": "1024", "ipset.create.maxelem": "65536"},
	}, {
		name: "nfacct counter",
		frame: func(w wire) []byte {
			return w.msg(unix.NFNL_SUBSYS_ACCT<<8|uint16(num("NFNL_MSG_ACCT_NEW")), 0, nfgen(unix.NFPROTO_UNSPEC, 0),
				w.Attr(uint16(num("NFACCT_NAME")), cstr("web")),
				w.Attr(uint16(num("NFACCT_PKTS")), []byte{0, 0, 0, 0, 0, 0, 0, 9}),
				w.Attr(uint16(num("NFACCT_BYTES")), []byte{0, 0, 0, 0, 0, 0, 1, 0}))
		},
		typ:     "NFNL_MSG_ACCT_NEW",
		summary: "web",
		fields:  map[string]string{"nfacct.pkts": "9", "nfacct.bytes": "256 bytes"},
	}, {
		name: "cttimeout policy: data by layer-4 protocol",
		frame: func(w wire) []byte {
			return w.msg(unix.NFNL_SUBSYS_CTNETLINK_TIMEOUT<<8|uint16(num("IPCTNL_MSG_TIMEOUT_NEW")), unix.NLM_F_REQUEST, nfgen(unix.NFPROTO_UNSPEC, 0),
				w.Attr(uint16(num("CTA_TIMEOUT_NAME")), cstr("short")),
				w.Attr(uint16(num("CTA_TIMEOUT_L3PROTO")), be16v(unix.NFPROTO_IPV4)),
				w.Attr(uint16(num("CTA_TIMEOUT_L4PROTO")), []byte{unix.IPPROTO_TCP}),
				w.nested(uint16(num("CTA_TIMEOUT_DATA")), w.Attr(uint16(num("CTA_TIMEOUT_TCP_ESTABLISHED")), be32v(300))))
		},
		typ:     "IPCTNL_MSG_TIMEOUT_NEW",
		summary: "short",
		fields:  map[string]string{"cttimeout.tcp.established": "300 s", "cttimeout.l4proto": "IPPROTO_TCP (6)"},
	}, {
		name: "cthelper",
		frame: func(w wire) []byte {
			return w.msg(unix.NFNL_SUBSYS_CTHELPER<<8|uint16(num("NFNL_MSG_CTHELPER_NEW")), unix.NLM_F_REQUEST, nfgen(unix.NFPROTO_UNSPEC, 0),
				w.Attr(uint16(num("NFCTH_NAME")), cstr("ftp")),
				w.nested(uint16(num("NFCTH_TUPLE")), w.Attr(uint16(num("NFCTH_TUPLE_L3PROTONUM")), be16v(unix.NFPROTO_IPV4)),
					w.Attr(uint16(num("NFCTH_TUPLE_L4PROTONUM")), []byte{unix.IPPROTO_TCP})),
				w.Attr(uint16(num("NFCTH_QUEUE_NUM")), be32v(1)))
		},
		typ:     "NFNL_MSG_CTHELPER_NEW",
		summary: "ftp",
		fields:  map[string]string{"nfcth.tuple.l4protonum": "IPPROTO_TCP (6)", "nfcth.queue_num": "1"},
	}, {
		name: "hook list reply names the nftables chain",
		frame: func(w wire) []byte {
			return w.msg(unix.NFNL_SUBSYS_HOOK<<8|uint16(num("NFNL_MSG_HOOK_GET")), unix.NLM_F_MULTI, nfgen(unix.NFPROTO_INET, 0),
				w.Attr(uint16(num("NFNLA_HOOK_HOOKNUM")), be32v(unix.NF_INET_LOCAL_IN)),
				w.Attr(uint16(num("NFNLA_HOOK_PRIORITY")), be32v(0)),
				w.Attr(uint16(num("NFNLA_HOOK_FUNCTION_NAME")), cstr("nft_do_chain_inet")),
				w.nested(uint16(num("NFNLA_HOOK_CHAIN_INFO")),
					w.nested(uint16(num("NFNLA_HOOK_INFO_DESC")), w.Attr(uint16(num("NFNLA_CHAIN_TABLE")), cstr("filter")),
						w.Attr(uint16(num("NFNLA_CHAIN_NAME")), cstr("input"))),
					w.Attr(uint16(num("NFNLA_HOOK_INFO_TYPE")), be32v(uint32(num("NFNL_HOOK_TYPE_NFTABLES"))))))
		},
		typ:    "NFNL_MSG_HOOK_GET",
		fields: map[string]string{"nfhook.chain.name": "input", "nfhook.hooknum": "NF_INET_LOCAL_IN (1)"},
	}, {
		name: "nftables counter object",
		frame: func(w wire) []byte {
			return w.msg(nftType(unix.NFT_MSG_NEWOBJ), 0, nfgen(unix.NFPROTO_INET, 3),
				w.Attr(unix.NFTA_OBJ_TABLE, cstr("filter")), w.Attr(unix.NFTA_OBJ_NAME, cstr("hits")),
				w.Attr(unix.NFTA_OBJ_TYPE, be32v(unix.NFT_OBJECT_COUNTER)),
				w.nested(unix.NFTA_OBJ_DATA, w.Attr(unix.NFTA_COUNTER_BYTES, []byte{0, 0, 0, 0, 0, 0, 0, 64}),
					w.Attr(unix.NFTA_COUNTER_PACKETS, []byte{0, 0, 0, 0, 0, 0, 0, 1})))
		},
		typ:     "NFT_MSG_NEWOBJ",
		summary: "inet filter counter hits",
		fields:  map[string]string{"nft.counter.bytes": "64 bytes", "nft.counter.packets": "1", "nft.obj.type": "NFT_OBJECT_COUNTER (1)"},
	}, {
		name: "rule comment in libnftnl user data",
		frame: func(w wire) []byte {
			return w.msg(nftType(unix.NFT_MSG_NEWRULE), unix.NLM_F_REQUEST|unix.NLM_F_CREATE, nfgen(unix.NFPROTO_IPV4, 0),
				w.Attr(unix.NFTA_RULE_TABLE, cstr("filter")), w.Attr(unix.NFTA_RULE_CHAIN, cstr("input")),
				w.nested(unix.NFTA_RULE_EXPRESSIONS, w.expr("counter")),
				w.Attr(unix.NFTA_RULE_USERDATA, []byte{udataComment, 6}, cstr("hello"))) // TLV type 0, len 6
		},
		typ:     "NFT_MSG_NEWRULE",
		summary: `ip filter input: counter comment "hello"`,
		fields:  map[string]string{"nft.udata.comment": "hello"},
	}, {
		name: "dnat to address and port from immediates",
		frame: func(w wire) []byte {
			return w.rule(unix.NFPROTO_IPV4,
				w.expr("immediate", w.Attr(unix.NFTA_IMMEDIATE_DREG, be32v(unix.NFT_REG_1)),
					w.nested(unix.NFTA_IMMEDIATE_DATA, w.Attr(unix.NFTA_DATA_VALUE, []byte{10, 0, 0, 5}))),
				w.expr("immediate", w.Attr(unix.NFTA_IMMEDIATE_DREG, be32v(unix.NFT_REG_2)),
					w.nested(unix.NFTA_IMMEDIATE_DATA, w.Attr(unix.NFTA_DATA_VALUE, be16v(8080)))),
				w.expr("nat", w.Attr(unix.NFTA_NAT_TYPE, be32v(unix.NFT_NAT_DNAT)), w.Attr(unix.NFTA_NAT_FAMILY, be32v(unix.NFPROTO_IPV4)),
					w.Attr(unix.NFTA_NAT_REG_ADDR_MIN, be32v(unix.NFT_REG_1)), w.Attr(unix.NFTA_NAT_REG_PROTO_MIN, be32v(unix.NFT_REG_2))),
				w.expr("masq", w.Attr(unix.NFTA_MASQ_FLAGS, be32v(uint32(num("NF_NAT_RANGE_PERSISTENT"))))))
		},
		typ:     "NFT_MSG_NEWRULE",
		summary: "ip filter input: dnat to 10.0.0.5:8080 masquerade persistent",
		fields:  map[string]string{"nft.nat.type": "NFT_NAT_DNAT (1)", "nft.nat.reg_proto_min": "NFT_REG_2 (2)"},
	}, {
		name: "conntrack expectation",
		frame: func(w wire) []byte {
			tup := func(t uint16, sport, dport uint16) []byte {
				return w.nested(t,
					w.nested(uint16(num("CTA_TUPLE_IP")), w.Attr(uint16(num("CTA_IP_V4_SRC")), []byte{10, 0, 0, 1}),
						w.Attr(uint16(num("CTA_IP_V4_DST")), []byte{10, 0, 0, 2})),
					w.nested(uint16(num("CTA_TUPLE_PROTO")), w.Attr(uint16(num("CTA_PROTO_NUM")), []byte{unix.IPPROTO_TCP}),
						w.Attr(uint16(num("CTA_PROTO_SRC_PORT")), be16v(sport)), w.Attr(uint16(num("CTA_PROTO_DST_PORT")), be16v(dport))))
			}
			return w.msg(unix.NFNL_SUBSYS_CTNETLINK_EXP<<8|uint16(num("IPCTNL_MSG_EXP_NEW")), unix.NLM_F_CREATE, nfgen(unix.NFPROTO_IPV4, 0),
				tup(uint16(num("CTA_EXPECT_MASTER")), 40000, 21),
				tup(uint16(num("CTA_EXPECT_TUPLE")), 0, 50000),
				tup(uint16(num("CTA_EXPECT_MASK")), 0, 0xffff),
				w.Attr(uint16(num("CTA_EXPECT_TIMEOUT")), be32v(300)),
				w.Attr(uint16(num("CTA_EXPECT_FLAGS")), be32v(uint32(num("NF_CT_EXPECT_PERMANENT")))),
				w.Attr(uint16(num("CTA_EXPECT_HELP_NAME")), cstr("ftp")))
		},
		typ:     "IPCTNL_MSG_EXP_NEW",
		summary: "tcp 10.0.0.1:0 -> 10.0.0.2:50000 master tcp 10.0.0.1:40000 -> 10.0.0.2:21 timeout 300 helper ftp",
		fields:  map[string]string{"ct.expect.flags": "0x00000001 (PERMANENT)", "ct.expect.timeout": "300 s"},
	}, {
		name: "nfqueue packet: IPv6 TCP",
		frame: func(w wire) []byte {
			pkt := make([]byte, 60)
			pkt[0], pkt[6] = 0x60, unix.IPPROTO_TCP
			copy(pkt[8:], []byte{0x20, 0x01, 0x0d, 0xb8, 15: 1})
			copy(pkt[24:], []byte{0x20, 0x01, 0x0d, 0xb8, 15: 2})
			copy(pkt[40:], []byte{0x04, 0xd2, 0x00, 0x50}) // ports 1234 -> 80
			return w.msg(unix.NFNL_SUBSYS_QUEUE<<8|uint16(num("NFQNL_MSG_PACKET")), 0, nfgen(unix.NFPROTO_IPV6, 0),
				w.Attr(uint16(num("NFQA_PACKET_HDR")), be32v(1), be16v(unix.ETH_P_IPV6), []byte{unix.NF_INET_LOCAL_IN, 0}),
				w.Attr(uint16(num("NFQA_IFINDEX_INDEV")), be32v(2)),
				w.Attr(uint16(num("NFQA_PAYLOAD")), pkt))
		},
		typ:     "NFQNL_MSG_PACKET",
		summary: "queue 0 id 1 hook input in 2 tcp [2001:db8::1]:1234 -> [2001:db8::2]:80 len 60",
		fields:  map[string]string{"nfq.hdr.packet_id": "1", "nfq.hdr.hw_protocol": "ETH_P_IPV6 (0x86dd)", "nfq.hdr.hook": "NF_INET_LOCAL_IN (1)"},
	}, {
		name: "nftables trace",
		frame: func(w wire) []byte {
			return w.msg(nftType(unix.NFT_MSG_TRACE), 0, nfgen(unix.NFPROTO_INET, 0),
				w.Attr(unix.NFTA_TRACE_TABLE, cstr("filter")), w.Attr(unix.NFTA_TRACE_CHAIN, cstr("input")),
				w.Attr(unix.NFTA_TRACE_ID, be32v(0xdeadbeef)), w.Attr(unix.NFTA_TRACE_TYPE, be32v(unix.NFT_TRACETYPE_RULE)),
				w.Attr(unix.NFTA_TRACE_RULE_HANDLE, []byte{0, 0, 0, 0, 0, 0, 0, 4}),
				w.nested(unix.NFTA_TRACE_VERDICT, w.Attr(unix.NFTA_VERDICT_CODE, be32v(1))),
				w.Attr(unix.NFTA_TRACE_NFPROTO, be32v(unix.NFPROTO_IPV4)))
		},
		typ:     "NFT_MSG_TRACE",
		summary: "inet filter input rule handle 4 verdict accept id 0xdeadbeef",
		fields:  map[string]string{"nft.trace.type": "NFT_TRACETYPE_RULE (3)", "nft.trace.nfproto": "NFPROTO_IPV4 (2)"},
	}, {
		name: "conntrack dump entry with source NAT: the reply tuple shows",
		frame: func(w wire) []byte {
			tup := func(t uint16, src, dst []byte, sport, dport uint16) []byte {
				return w.nested(t,
					w.nested(uint16(num("CTA_TUPLE_IP")), w.Attr(uint16(num("CTA_IP_V4_SRC")), src), w.Attr(uint16(num("CTA_IP_V4_DST")), dst)),
					w.nested(uint16(num("CTA_TUPLE_PROTO")), w.Attr(uint16(num("CTA_PROTO_NUM")), []byte{unix.IPPROTO_UDP}),
						w.Attr(uint16(num("CTA_PROTO_SRC_PORT")), be16v(sport)), w.Attr(uint16(num("CTA_PROTO_DST_PORT")), be16v(dport))))
			}
			// A dump part goes to the requesting port (here 4242), as conntrack -L's do.
			return w.Msg(unix.NFNL_SUBSYS_CTNETLINK<<8|uint16(num("IPCTNL_MSG_CT_NEW")), unix.NLM_F_MULTI, 1, 4242, nfgen(unix.NFPROTO_IPV4, 0),
				tup(uint16(num("CTA_TUPLE_ORIG")), []byte{10, 0, 0, 1}, []byte{198, 51, 100, 7}, 5000, 53),
				tup(uint16(num("CTA_TUPLE_REPLY")), []byte{198, 51, 100, 7}, []byte{192, 0, 2, 1}, 53, 5000),
				w.Attr(uint16(num("CTA_STATUS")), be32v(uint32(num("IPS_SRC_NAT")|num("IPS_SEEN_REPLY")|num("IPS_CONFIRMED")))),
				w.Attr(uint16(num("CTA_TIMEOUT")), be32v(30)),
				w.nested(uint16(num("CTA_COUNTERS_ORIG")), w.Attr(uint16(num("CTA_COUNTERS_PACKETS")), []byte{0, 0, 0, 0, 0, 0, 0, 2}),
					w.Attr(uint16(num("CTA_COUNTERS_BYTES")), []byte{0, 0, 0, 0, 0, 0, 0, 120})))
		},
		typ:     "IPCTNL_MSG_CT_NEW",
		summary: "udp 10.0.0.1:5000 -> 198.51.100.7:53 timeout 30 reply 198.51.100.7:53 -> 192.0.2.1:5000",
		fields:  map[string]string{"ct.status": "0x0000001a (SEEN_REPLY|CONFIRMED|SRC_NAT)", "ct.counters.bytes": "120 bytes"},
	}, {
		name: "an l4proto test stays before a network header match",
		frame: func(w wire) []byte {
			return w.rule(unix.NFPROTO_INET,
				w.expr("meta", w.Attr(unix.NFTA_META_KEY, be32v(unix.NFT_META_L4PROTO)), w.Attr(unix.NFTA_META_DREG, be32v(unix.NFT_REG_1))),
				w.expr("cmp", w.Attr(unix.NFTA_CMP_SREG, be32v(unix.NFT_REG_1)), w.Attr(unix.NFTA_CMP_OP, be32v(unix.NFT_CMP_EQ)),
					w.nested(unix.NFTA_CMP_DATA, w.Attr(unix.NFTA_DATA_VALUE, []byte{unix.IPPROTO_UDP}))),
				w.expr("meta", w.Attr(unix.NFTA_META_KEY, be32v(unix.NFT_META_NFPROTO)), w.Attr(unix.NFTA_META_DREG, be32v(unix.NFT_REG_1))),
				w.expr("cmp", w.Attr(unix.NFTA_CMP_SREG, be32v(unix.NFT_REG_1)), w.Attr(unix.NFTA_CMP_OP, be32v(unix.NFT_CMP_EQ)),
					w.nested(unix.NFTA_CMP_DATA, w.Attr(unix.NFTA_DATA_VALUE, []byte{unix.NFPROTO_IPV4}))),
				w.expr("payload", w.Attr(unix.NFTA_PAYLOAD_DREG, be32v(unix.NFT_REG_1)),
					w.Attr(unix.NFTA_PAYLOAD_BASE, be32v(unix.NFT_PAYLOAD_NETWORK_HEADER)),
					w.Attr(unix.NFTA_PAYLOAD_OFFSET, be32v(16)), w.Attr(unix.NFTA_PAYLOAD_LEN, be32v(4))),
				w.expr("cmp", w.Attr(unix.NFTA_CMP_SREG, be32v(unix.NFT_REG_1)), w.Attr(unix.NFTA_CMP_OP, be32v(unix.NFT_CMP_EQ)),
					w.nested(unix.NFTA_CMP_DATA, w.Attr(unix.NFTA_DATA_VALUE, []byte{192, 0, 2, 9}))),
				w.expr("payload", w.Attr(unix.NFTA_PAYLOAD_DREG, be32v(unix.NFT_REG_1)),
					w.Attr(unix.NFTA_PAYLOAD_BASE, be32v(unix.NFT_PAYLOAD_TRANSPORT_HEADER)),
					w.Attr(unix.NFTA_PAYLOAD_OFFSET, be32v(2)), w.Attr(unix.NFTA_PAYLOAD_LEN, be32v(2))),
				w.expr("cmp", w.Attr(unix.NFTA_CMP_SREG, be32v(unix.NFT_REG_1)), w.Attr(unix.NFTA_CMP_OP, be32v(unix.NFT_CMP_GTE)),
					w.nested(unix.NFTA_CMP_DATA, w.Attr(unix.NFTA_DATA_VALUE, be16v(1024)))))
		},
		typ:     "NFT_MSG_NEWRULE",
		summary: "inet filter input: meta l4proto udp ip daddr 192.0.2.9 udp dport >= 1024",
	}}
}

// TestMessageTypeNames names one message type of every subsystem and checks the
// operation kind that decides how NLM_F_* upper flags read.
func TestMessageTypeNames(t *testing.T) {
	for _, c := range []struct {
		t    uint16
		name string
		op   decode.Op
	}{
		{unix.NFNL_MSG_BATCH_BEGIN, "NFNL_MSG_BATCH_BEGIN", decode.OpOther},
		{unix.NFNL_SUBSYS_CTNETLINK<<8 | uint16(num("IPCTNL_MSG_CT_NEW")), "IPCTNL_MSG_CT_NEW", decode.OpNew},
		{unix.NFNL_SUBSYS_CTNETLINK<<8 | 2, "IPCTNL_MSG_CT_DELETE", decode.OpDel},
		{unix.NFNL_SUBSYS_CTNETLINK<<8 | 4, "IPCTNL_MSG_CT_GET_STATS_CPU", decode.OpGet},
		{unix.NFNL_SUBSYS_CTNETLINK_EXP<<8 | 1, "IPCTNL_MSG_EXP_GET", decode.OpGet},
		{unix.NFNL_SUBSYS_QUEUE<<8 | 1, "NFQNL_MSG_VERDICT", decode.OpOther},
		{unix.NFNL_SUBSYS_ULOG<<8 | uint16(num("NFULNL_MSG_PACKET")), "NFULNL_MSG_PACKET", decode.OpOther},
		{unix.NFNL_SUBSYS_OSF<<8 | uint16(num("OSF_MSG_ADD")), "OSF_MSG_ADD", decode.OpNew},
		{unix.NFNL_SUBSYS_IPSET<<8 | 2, "IPSET_CMD_CREATE", decode.OpNew},
		{unix.NFNL_SUBSYS_IPSET<<8 | 3, "IPSET_CMD_DESTROY", decode.OpDel},
		{unix.NFNL_SUBSYS_IPSET<<8 | 7, "IPSET_CMD_LIST", decode.OpGet},
		{unix.NFNL_SUBSYS_ACCT<<8 | 3, "NFNL_MSG_ACCT_DEL", decode.OpDel},
		{unix.NFNL_SUBSYS_CTNETLINK_TIMEOUT<<8 | uint16(num("IPCTNL_MSG_TIMEOUT_NEW")), "IPCTNL_MSG_TIMEOUT_NEW", decode.OpNew},
		{unix.NFNL_SUBSYS_CTHELPER<<8 | 1, "NFNL_MSG_CTHELPER_GET", decode.OpGet},
		{unix.NFNL_SUBSYS_NFTABLES<<8 | unix.NFT_MSG_NEWRULE, "NFT_MSG_NEWRULE", decode.OpNew},
		{unix.NFNL_SUBSYS_NFTABLES<<8 | unix.NFT_MSG_GETOBJ_RESET, "NFT_MSG_GETOBJ_RESET", decode.OpGet},
		{unix.NFNL_SUBSYS_NFTABLES<<8 | 28, "NFT_MSG_DESTROYRULE", decode.OpDel},
		{unix.NFNL_SUBSYS_NFT_COMPAT<<8 | uint16(num("NFNL_MSG_COMPAT_GET")), "NFNL_MSG_COMPAT_GET", decode.OpGet},
		{unix.NFNL_SUBSYS_HOOK<<8 | uint16(num("NFNL_MSG_HOOK_GET")), "NFNL_MSG_HOOK_GET", decode.OpGet},
		{unix.NFNL_SUBSYS_NFTABLES<<8 | 250, "NFT_MSG_250", decode.OpOther},
		{77<<8 | 1, "NFNL_SUBSYS_77_MSG_1", decode.OpOther},
	} {
		name, op := Proto{}.MessageType(nil, c.t)
		if name != c.name || op != c.op {
			t.Errorf("type %#04x: %s %v, want %s %v", c.t, name, op, c.name, c.op)
		}
	}
}

func TestByteLiterals(t *testing.T) {
	for _, c := range byteCases() {
		for _, w := range []wire{{}, {nlwire.Wire{BE: true}}} {
			name := c.name + map[bool]string{false: " (little-endian)", true: " (big-endian)"}[w.BE]
			t.Run(name, func(t *testing.T) {
				m, s := decodeOne(t, w, c.frame(w))
				if m.TypeName != c.typ {
					t.Errorf("type %s, want %s", m.TypeName, c.typ)
				}
				if c.summary != "" && s != c.summary {
					t.Errorf("summary\n got %s\nwant %s", s, c.summary)
				}
				if m.Malformed != c.malformed {
					t.Errorf("malformed %v, want %v", m.Malformed, c.malformed)
				}
				for name, want := range c.fields {
					if f := m.Field(name); f == nil || f.ValueString() != want {
						t.Errorf("%s = %s, want %s", name, valueOf(f), want)
					}
				}
				for name, want := range c.notes {
					if f := m.Field(name); f == nil || !strings.Contains(f.Note, want) {
						t.Errorf("%s note %q, want it to contain %q", name, noteOf(f), want)
					}
				}
				if !c.malformed {
					m.Root.Walk(func(f *decode.Field, _ int) bool {
						if f.Unknown || f.Note != "" {
							t.Errorf("%s: unknown=%v note %q", f.Def.Name, f.Unknown, f.Note)
						}
						return true
					})
				}
			})
		}
	}
}

func noteOf(f *decode.Field) string {
	if f == nil {
		return "<no field>"
	}
	return f.Note
}
