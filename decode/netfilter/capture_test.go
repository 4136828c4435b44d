package netfilter

import (
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/internal/nltest"
	"golang.org/x/sys/unix"
)

// pcapDir holds the real captures made on a Debian 6.1 kernel (testdata/pcaps/README.md).
var pcapDir = nltest.CapturePath("")

// capturedMsg is a netfilter message of a real capture, decoded, with the summary
// made right after decoding (as the printer does).
type capturedMsg struct {
	frame   int
	msg     decode.Message
	summary string
}

// readCapture decodes a capture's NETLINK_NETFILTER frames with one decoder.
func readCapture(t testing.TB, name string) []capturedMsg {
	t.Helper()
	var out []capturedMsg
	nltest.EachMessage(t, name, unix.NETLINK_NETFILTER, func(fr *capture.Frame, m *decode.Message) {
		cm := capturedMsg{frame: fr.Number, msg: *m}
		if m.Header.Type >= unix.NLMSG_MIN_TYPE && m.Error == nil {
			cm.summary = summary(&cm.msg) // without Summary's recover: a panic fails
		} else {
			cm.summary = m.Summary()
		}
		out = append(out, cm)
	})
	return out
}

// TestCapturesDecodeClean requires every message of the netfilter captures to
// decode with no unknown attribute, no note and no malformed mark.
func TestCapturesDecodeClean(t *testing.T) {
	for _, c := range []struct {
		name string
		msgs int
	}{{"nftables.pcap", 619}, {"conntrack.pcap", 65}, {"nflog.pcap", 12}} {
		msgs := readCapture(t, c.name)
		if len(msgs) != c.msgs {
			t.Errorf("%s: %d messages, want %d", c.name, len(msgs), c.msgs)
		}
		for _, cm := range msgs {
			m := &cm.msg
			if m.Malformed {
				t.Errorf("%s frame %d %s: malformed", c.name, cm.frame, m.TypeName)
			}
			m.Root.Walk(func(f *decode.Field, _ int) bool {
				if f.Unknown || f.Note != "" {
					t.Errorf("%s frame %d %s: %s unknown=%v note %q", c.name, cm.frame, m.TypeName, f.Def.Name, f.Unknown, f.Note)
				}
				return true
			})
			if n := m.TypeName; n == "" || n[len(n)-1] >= '0' && n[len(n)-1] <= '9' {
				t.Errorf("%s frame %d: unnamed type %s", c.name, cm.frame, m.TypeName)
			}
		}
	}
}

// find returns the first message of msgs of type typeName whose summary contains
// sub and whose direction is dir (any if DirUnknown).
func find(t *testing.T, msgs []capturedMsg, typeName string, dir decode.Direction, sub string) *capturedMsg {
	t.Helper()
	for i := range msgs {
		cm := &msgs[i]
		if cm.msg.TypeName == typeName && (dir == decode.DirUnknown || cm.msg.Direction == dir) && strings.Contains(cm.summary, sub) {
			return cm
		}
	}
	t.Fatalf("no %s %v message with %q in its summary", typeName, dir, sub)
	return nil
}

// exprs returns the expressions of a rule message.
func exprsOf(t *testing.T, m *decode.Message) []nftExpr {
	t.Helper()
	l := top(m, "nft.rule.expressions")
	if l == nil {
		t.Fatalf("%s: no NFTA_RULE_EXPRESSIONS", m.TypeName)
	}
	return ruleExprs(l)
}

func TestNftablesCapture(t *testing.T) {
	msgs := readCapture(t, "nftables.pcap")

	// nft add rule inet filter input tcp dport '{ 80, 443 }' ct state new limit
	// rate 10/second log prefix '"http "' accept: the request, then the kernel's
	// notification with the handle.
	req := find(t, msgs, "NFT_MSG_NEWRULE", decode.DirRequest, "tcp dport")
	if want := `inet filter input: tcp dport { 80, 443 } ct state new limit rate 10/second log prefix "http " accept`; req.summary != want {
		t.Errorf("NEWRULE request summary\n got %s\nwant %s", req.summary, want)
	}
	if f := req.msg.Header.Flags; f != unix.NLM_F_REQUEST|unix.NLM_F_CREATE|unix.NLM_F_APPEND {
		t.Errorf("NEWRULE flags %#x, want REQUEST|CREATE|APPEND", f)
	}
	if req.msg.Op != decode.OpNew {
		t.Errorf("NEWRULE op %v, want OpNew", req.msg.Op)
	}
	ex := exprsOf(t, &req.msg)
	var names []string
	for _, e := range ex {
		names = append(names, e.name)
	}
	if got := strings.Join(names, " "); got != "meta cmp payload lookup ct bitwise cmp limit log immediate" {
		t.Errorf("expressions %s", got)
	}
	p := ex[2]
	for short, want := range map[string]uint64{"base": unix.NFT_PAYLOAD_TRANSPORT_HEADER, "offset": 2, "len": 2, "dreg": unix.NFT_REG_1} {
		if v, ok := p.u(short); !ok || v != want {
			t.Errorf("payload %s = %d (present %v), want %d", short, v, ok, want)
		}
	}
	if v, _ := ex[7].u("rate"); v != 10 {
		t.Errorf("limit rate %d, want 10", v)
	}
	if s := strOf(ex[8].get("prefix")); s != "http " {
		t.Errorf("log prefix %q", s)
	}
	if v := ex[0].get("key"); v == nil || v.ValueString() != "NFT_META_L4PROTO (16)" {
		t.Errorf("meta key %v", v)
	}

	for _, c := range []struct {
		typ     string
		dir     decode.Direction
		sub     string
		summary string
	}{
		{"NFT_MSG_NEWRULE", decode.DirNotify, "handle 12", `inet filter input handle 12: tcp dport { 80, 443 } ct state new limit rate 10/second log prefix "http " accept`},
		{"NFT_MSG_NEWRULE", decode.DirNotify, "handle 16", "inet filter input handle 16: ip6 saddr 2001:db8::/32 drop"},
		{"NFT_MSG_NEWRULE", decode.DirReply, "handle 6", "inet filter input handle 6: ct state established,related counter packets 0 bytes 0 accept"},
		{"NFT_MSG_NEWRULE", decode.DirReply, "handle 7", `inet filter input handle 7: iifname "lo" accept`},
		{"NFT_MSG_NEWRULE", decode.DirReply, "handle 8", "inet filter input handle 8: ip saddr @blocked counter packets 0 bytes 0 drop"},
		{"NFT_MSG_NEWRULE", decode.DirReply, "handle 13", "inet filter input handle 13: meta l4proto tcp jump tcp_in"},
		{"NFT_MSG_NEWRULE", decode.DirReply, "handle 14", "inet filter tcp_in handle 14: tcp dport vmap @portmap"},
		{"NFT_MSG_NEWRULE", decode.DirReply, "handle 15", "inet filter output handle 15: meta mark set 0x00000010 counter packets 0 bytes 0"},
		{"NFT_MSG_NEWCHAIN", decode.DirRequest, "input", "inet filter input { type filter hook input priority 0; policy accept; }"},
		{"NFT_MSG_NEWTABLE", decode.DirNotify, "", "inet filter handle 1"},
		{"NFT_MSG_NEWSET", decode.DirRequest, "blocked", "inet filter blocked { type ipv4_addr; flags interval; }"},
		{"NFT_MSG_NEWSET", decode.DirReply, "portmap", "inet filter portmap handle 5 { type inet_service : verdict; }"},
		{"NFT_MSG_NEWSETELEM", decode.DirReply, "198.51", "inet filter blocked { 198.51.100.0/24, 192.0.2.1, 10.0.0.0/8 }"},
		{"NFT_MSG_NEWSETELEM", decode.DirRequest, "portmap", "inet filter portmap { 22 : accept, 23 : drop }"},
		{"NFT_MSG_NEWGEN", decode.DirNotify, "generation 15 by process 164", "generation 15 by process 164 (nft)"},
		{"NFT_MSG_DELRULE", decode.DirRequest, "handle", "inet filter input handle 8"},
		{"NFNL_MSG_BATCH_BEGIN", decode.DirRequest, "", "nftables"},
	} {
		cm := find(t, msgs, c.typ, c.dir, c.sub)
		if cm.summary != c.summary {
			t.Errorf("%s %v %q\n got %s\nwant %s", c.typ, c.dir, c.sub, cm.summary, c.summary)
		}
	}

	b := find(t, msgs, "NFNL_MSG_BATCH_END", decode.DirRequest, "")
	if f := b.msg.Field("nfgen.subsys"); f == nil || f.Value != unix.NFNL_SUBSYS_NFTABLES {
		t.Errorf("batch res_id %v, want NFNL_SUBSYS_NFTABLES", f)
	}
	gen := find(t, msgs, "NFT_MSG_NEWGEN", decode.DirNotify, "generation 15 by process 164")
	if f := gen.msg.Field("nft.gen.id"); f == nil || f.Value != 15 {
		t.Errorf("NFTA_GEN_ID %v, want 15", f)
	}
	if f := gen.msg.Field("nfgen.res_id"); f == nil || f.Value != 15 {
		t.Errorf("res_id %v, want the generation 15", f)
	}
	ch := find(t, msgs, "NFT_MSG_NEWCHAIN", decode.DirRequest, "input")
	if f := ch.msg.Field("nft.hook.hooknum"); f == nil || f.ValueString() != "NF_INET_LOCAL_IN (1)" {
		t.Errorf("hooknum %v", f)
	}
	if f := ch.msg.Field("nft.chain.policy"); f == nil || f.ValueString() != "NF_ACCEPT (1)" {
		t.Errorf("policy %v", f)
	}

	// nft add rule inet filter nosuchchain counter fails with ENOENT.
	var enoent bool
	for _, cm := range msgs {
		if e := cm.msg.Error; e != nil && e.Errno == -int32(unix.ENOENT) && e.RequestType == "NFT_MSG_NEWRULE" {
			enoent = true
		}
	}
	if !enoent {
		t.Error("no ENOENT error answering NFT_MSG_NEWRULE")
	}
}

func TestConntrackCapture(t *testing.T) {
	msgs := readCapture(t, "conntrack.pcap")
	first := &msgs[0]
	if want := "NEW tcp 127.0.0.1:40074 -> 127.0.0.1:9000 [SYN_SENT] timeout 120 [UNREPLIED]"; first.summary != want {
		t.Errorf("first event\n got %s\nwant %s", first.summary, want)
	}
	m := &first.msg
	if m.TypeName != "IPCTNL_MSG_CT_NEW" || m.Header.Flags != unix.NLM_F_CREATE|unix.NLM_F_EXCL {
		t.Errorf("type %s flags %#x", m.TypeName, m.Header.Flags)
	}
	for name, want := range map[string]string{
		"ct.status":                        "0x00000008 (CONFIRMED)",
		"ct.timeout":                       "120 s",
		"ct.id":                            "0x9f3d85f4",
		"ct.ip.v4_src":                     "127.0.0.1",
		"ct.proto.num":                     "IPPROTO_TCP (6)",
		"ct.proto.src_port":                "40074",
		"ct.proto.dst_port":                "9000",
		"ct.protoinfo.tcp.state":           "TCP_CONNTRACK_SYN_SENT (1)",
		"ct.protoinfo.tcp.wscale_original": "7",
		"ct.protoinfo.tcp.flags.flags":     "0x03 (WINDOW_SCALE|SACK_PERM)",
		"nfgen.family":                     "NFPROTO_IPV4 (2)",
	} {
		f := m.Field(name)
		if f == nil || f.ValueString() != want {
			t.Errorf("%s = %s, want %s", name, valueOf(f), want)
		}
	}
	for _, c := range []struct {
		typ, sub, summary string
	}{
		{"IPCTNL_MSG_CT_NEW", "ESTABLISHED] timeout 432000", "UPDATE tcp 127.0.0.1:40074 -> 127.0.0.1:9000 [ESTABLISHED] timeout 432000 [ASSURED]"},
		{"IPCTNL_MSG_CT_NEW", "icmp", "NEW icmp 127.0.0.1 -> 127.0.0.1 type 8 code 0 id 231 timeout 30 [UNREPLIED]"},
		{"IPCTNL_MSG_CT_NEW", "192.0.2.1", "tcp 192.0.2.1:1000 -> 192.0.2.2:80 [ESTABLISHED] timeout 120 [UNREPLIED] [ASSURED]"},
		{"IPCTNL_MSG_CT_DELETE", "DESTROY udp", "DESTROY udp 127.0.0.1:45961 -> 127.0.0.1:9001 timeout 25 [UNREPLIED]"},
		{"IPCTNL_MSG_CT_GET_STATS", "entries", "entries=3 max_entries=65536"},
		{"IPCTNL_MSG_CT_GET_STATS_CPU", "cpu=1", "cpu=1 found=0 invalid=0 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=0 clash_resolve=0 chain_toolong=0"},
	} {
		cm := find(t, msgs, c.typ, decode.DirUnknown, c.sub)
		if cm.summary != c.summary {
			t.Errorf("%s %q\n got %s\nwant %s", c.typ, c.sub, cm.summary, c.summary)
		}
	}
	upd := find(t, msgs, "IPCTNL_MSG_CT_NEW", decode.DirRequest, "mark 7")
	if f := upd.msg.Field("ct.mark"); f == nil || f.Value != 7 {
		t.Errorf("conntrack -U -m 7: CTA_MARK %v", f)
	}
	exp := find(t, msgs, "IPCTNL_MSG_EXP_GET", decode.DirRequest, "")
	if exp.msg.Op != decode.OpGet {
		t.Errorf("IPCTNL_MSG_EXP_GET op %v", exp.msg.Op)
	}
}

func TestNflogCapture(t *testing.T) {
	msgs := readCapture(t, "nflog.pcap")
	pkt := find(t, msgs, "NFULNL_MSG_PACKET", decode.DirNotify, "39891")
	if want := `group 5 prefix "nflog-test " hook output out 1 udp 127.0.0.1:39891 -> 127.0.0.1:9999 len 30`; pkt.summary != want {
		t.Errorf("packet\n got %s\nwant %s", pkt.summary, want)
	}
	m := &pkt.msg
	for name, want := range map[string]string{
		"nfgen.res_id":          "5",
		"nflog.prefix":          "nflog-test ",
		"nflog.hdr.hw_protocol": "ETH_P_IP (0x0800)",
		"nflog.hdr.hook":        "NF_INET_LOCAL_OUT (3)",
		"nflog.ifindex_outdev":  "1",
	} {
		if f := m.Field(name); f == nil || f.ValueString() != want {
			t.Errorf("%s = %s, want %s", name, valueOf(f), want)
		}
	}
	if f := m.Field("nflog.payload"); f == nil || len(f.Bytes) != 30 {
		t.Errorf("payload %v", f)
	}
	// The batch of packets ends with an NLMSG_DONE holding struct nfgenmsg (the
	// group in res_id), not a status.
	last := &msgs[len(msgs)-1]
	if last.msg.TypeName != "NLMSG_DONE" || last.msg.Error == nil || last.msg.Error.Errno != 0 {
		t.Errorf("last message %s, error %+v: want NLMSG_DONE without error", last.msg.TypeName, last.msg.Error)
	}
	if f := last.msg.Field("nfgen.res_id"); f == nil || f.Value != 5 {
		t.Errorf("NLMSG_DONE res_id %s, want the group 5", valueOf(f))
	}
	cfg := find(t, msgs, "NFULNL_MSG_CONFIG", decode.DirRequest, "mode")
	if cfg.summary != "group 5 mode packet range 262144" {
		t.Errorf("config %s", cfg.summary)
	}
	if f := cfg.msg.Field("nflog.cfg.mode.copy_range"); f == nil || f.Value != 262144 {
		t.Errorf("copy_range %v", f)
	}
}

// valueOf prints a field's value for test messages, or <nil>.
func valueOf(f *decode.Field) string {
	if f == nil {
		return "<nil>"
	}
	return f.ValueString()
}
