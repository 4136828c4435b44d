package sockdiag

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/internal/nltest"
	"golang.org/x/sys/unix"
)

// pcapDir holds the real captures (testdata/pcaps/README.md); sockdiag.pcap was
// made on a Debian 6.1 kernel while ss ran the commands of sockdiag.log.
var pcapDir = nltest.CapturePath("")

// capturedMsg is a sock_diag message of the real capture, decoded.
type capturedMsg struct {
	frame   int
	index   int
	msg     decode.Message
	summary string
}

// readCapture decodes every frame of a capture with one decoder (requests teach
// their replies the IP protocol) and returns its NETLINK_SOCK_DIAG messages.
func readCapture(t testing.TB, name string) []capturedMsg {
	t.Helper()
	var out []capturedMsg
	nltest.EachMessage(t, name, unix.NETLINK_SOCK_DIAG, func(fr *capture.Frame, m *decode.Message) {
		out = append(out, capturedMsg{frame: fr.Number, index: m.Index, msg: *m, summary: summary(m)})
	})
	return out
}

// tree renders a message's field tree, for failure messages and -v.
func tree(m *decode.Message) string {
	var b strings.Builder
	m.Root.Walk(func(f *decode.Field, depth int) bool {
		fmt.Fprintf(&b, "%s%s [%s]: %s", strings.Repeat("  ", depth), f.AppendLabel(nil), f.Def.Name, f.ValueString())
		if f.Note != "" {
			fmt.Fprintf(&b, "  NOTE: %s", f.Note)
		}
		b.WriteByte('\n')
		return true
	})
	return b.String()
}

// TestDumpCapture prints every message of the capture with SOCKDIAG_DUMP=1 (a
// development aid, like nldump -V).
func TestDumpCapture(t *testing.T) {
	if os.Getenv("SOCKDIAG_DUMP") == "" {
		t.Skip("set SOCKDIAG_DUMP=1 to print the capture's field trees")
	}
	for _, cm := range readCapture(t, "sockdiag.pcap") {
		fmt.Printf("frame %d.%d %s %s\n%s\n", cm.frame, cm.index, cm.msg.TypeName, cm.summary, tree(&cm.msg))
	}
}

// find returns the message at frame.index of the capture.
func find(t *testing.T, msgs []capturedMsg, frame, index int) *capturedMsg {
	t.Helper()
	for i := range msgs {
		if msgs[i].frame == frame && msgs[i].index == index {
			return &msgs[i]
		}
	}
	t.Fatalf("frame %d.%d: no sock_diag message", frame, index)
	return nil
}

// val returns the value of the first field named name in m, failing without it.
func val(t *testing.T, cm *capturedMsg, name string) uint64 {
	t.Helper()
	f := cm.msg.Field(name)
	if f == nil {
		t.Fatalf("frame %d.%d: no field %s\n%s", cm.frame, cm.index, name, tree(&cm.msg))
	}
	return f.Value
}

func str(t *testing.T, cm *capturedMsg, name string) string {
	t.Helper()
	f := cm.msg.Field(name)
	if f == nil {
		t.Fatalf("frame %d.%d: no field %s\n%s", cm.frame, cm.index, name, tree(&cm.msg))
	}
	return f.ValueString()
}

// TestCaptureDecodesCompletely requires every message of the capture to decode
// without a note, an unknown attribute or a malformed mark, every request and
// reply to have a summary, and every dump request to read its flags as a GET.
func TestCaptureDecodesCompletely(t *testing.T) {
	msgs := readCapture(t, "sockdiag.pcap")
	if len(msgs) != 53 {
		t.Errorf("%d sock_diag messages, want 53 (57 in all, 4 route)", len(msgs))
	}
	for i := range msgs {
		cm := &msgs[i]
		m := &cm.msg
		m.Root.Walk(func(f *decode.Field, _ int) bool {
			if f.Unknown {
				t.Errorf("frame %d.%d: unknown attribute type %d at offset %d", cm.frame, cm.index, f.Type, f.Offset)
			}
			if f.Note != "" {
				t.Errorf("frame %d.%d: note on %s: %s", cm.frame, cm.index, f.Def.Name, f.Note)
			}
			return true
		})
		if m.Malformed {
			t.Errorf("frame %d.%d: malformed\n%s", cm.frame, cm.index, tree(m))
		}
		if m.Header.Type == unix.NLMSG_DONE {
			continue
		}
		if m.TypeName != "SOCK_DIAG_BY_FAMILY" {
			t.Errorf("frame %d.%d: type %s", cm.frame, cm.index, m.TypeName)
		}
		if cm.summary == "" {
			t.Errorf("frame %d.%d: no summary", cm.frame, cm.index)
		}
		if isRequest(m) {
			if m.Direction != decode.DirRequest || m.Op != decode.OpGet {
				t.Errorf("frame %d.%d: request with direction %v op %v", cm.frame, cm.index, m.Direction, m.Op)
			}
			if got := m.Field("nlmsg.flags").ValueString(); got != "0x0301 (REQUEST|DUMP)" {
				t.Errorf("frame %d.%d: flags %s, want 0x0301 (REQUEST|DUMP)", cm.frame, cm.index, got)
			}
		} else if m.Direction != decode.DirReply {
			t.Errorf("frame %d.%d: reply with direction %v", cm.frame, cm.index, m.Direction)
		}
	}
}

// TestCaptureSummaries checks the one-line summary of every request and reply
// kind in the capture against what ss printed (sockdiag.log).
func TestCaptureSummaries(t *testing.T) {
	msgs := readCapture(t, "sockdiag.pcap")
	for _, c := range []struct {
		frame, index int
		want         string
	}{
		{1, 0, "inet tcp states all"},                                                          // ss -tan
		{2, 0, "tcp ESTAB 127.0.0.1:49044 -> 127.0.0.1:8080 ino 11023 uid 0"},                  // ESTAB 127.0.0.1:49044 127.0.0.1:8080
		{4, 0, "inet6 tcp states all"},                                                         // the IPv6 half of ss -tan
		{5, 0, "tcp LISTEN [::]:8081 -> [::]:* ino 1163 uid 0 wq 1"},                           // LISTEN 0 1 *:8081
		{5, 1, "tcp ESTAB [::ffff:127.0.0.1]:8080 -> [::ffff:127.0.0.1]:49044 ino 1167 uid 0"}, // the accepted side
		{7, 0, "inet tcp states all ext info,vegasinfo,cong"},                                  // ss -tanie
		{8, 0, "tcp ESTAB 127.0.0.1:49044 -> 127.0.0.1:8080 ino 11023 uid 0 rtt 18.662/9.331 cwnd 10 cubic"},
		{11, 0, "tcp LISTEN [::]:8081 -> [::]:* ino 1163 uid 0 wq 1 cwnd 10 cubic"},
		{11, 1, "tcp ESTAB [::ffff:127.0.0.1]:8080 -> [::ffff:127.0.0.1]:49044 ino 1167 uid 0 rtt 12.316/6.158 cwnd 10 cubic"},
		{13, 0, "inet tcp states ESTAB ext meminfo,info,vegasinfo,cong,skmeminfo"}, // ss -tinm state established
		{19, 0, "inet udp states all"},                                             // ss -uan
		{20, 0, "udp ESTAB 127.0.0.1:33493 -> 127.0.0.1:5353 ino 1168 uid 0"},
		{24, 0, "unix states all show name,peer,rqlen"}, // ss -xa
		{25, 0, "unix DGRAM UNCONN /dev/log ino 11019"},
		{27, 0, "netlink proto all show meminfo,groups"}, // ss -a -A netlink
		{28, 0, "netlink route RAW pid 2888251424 ino 1173"},
		{28, 2, "netlink route RAW pid 114 ino 1172 groups 1"},
		{28, 4, "netlink sock_diag RAW pid 147 ino 1200 rmem 4352"}, // tcpdiag:ss/147, Recv-Q 4352
		{28, 5, "netlink sock_diag DGRAM kernel ino 10810 rmem 768"},
		{28, 11, "netlink generic DGRAM kernel ino 17"},
		{30, 0, "packet show info,ring_cfg,fanout,meminfo,filter"}, // ss -0 -a
		{31, 0, "packet DGRAM proto ALL ino 11030 ifindex 2 v2 rx_ring 64x262240 filter 1 insns"},
		{36, 0, "inet6 tcp states UNCONN,LISTEN"},                               // ss -tln -6
		{39, 0, "inet tcp states all filter D_COND 127.0.0.1/32 S_COND *:8080"}, // dst 127.0.0.1 sport = :8080
		{42, 0, "tcp ESTAB [::ffff:127.0.0.1]:8080 -> [::ffff:127.0.0.1]:49044 ino 1167 uid 0"},
	} {
		cm := find(t, msgs, c.frame, c.index)
		if cm.summary != c.want {
			t.Errorf("frame %d.%d summary\n got %q\nwant %q", c.frame, c.index, cm.summary, c.want)
		}
	}
}

// TestCaptureTCPInfo checks struct tcp_info of the established connection
// against the numbers ss -tanie printed from the same bytes.
func TestCaptureTCPInfo(t *testing.T) {
	msgs := readCapture(t, "sockdiag.pcap")
	cm := find(t, msgs, 8, 0)
	for _, c := range []struct {
		name string
		want uint64
	}{
		{"tcpi.state", unix.BPF_TCP_ESTABLISHED},
		{"tcpi.options", tcpiOptTimestamps | tcpiOptSack | tcpiOptWscale}, // ts sack wscale
		{"tcpi.wscale", 0x77},                                             // wscale:7,7
		{"tcpi.rto", 220000},                                              // rto:220
		{"tcpi.rtt", 18662},                                               // rtt:18.662/9.331
		{"tcpi.rttvar", 9331},                                             //
		{"tcpi.snd_mss", 32741},                                           // mss:32741
		{"tcpi.pmtu", 65535},                                              // pmtu:65535
		{"tcpi.rcv_mss", 536},                                             // rcvmss:536
		{"tcpi.advmss", 65483},                                            // advmss:65483
		{"tcpi.snd_cwnd", 10},                                             // cwnd:10
		{"tcpi.bytes_acked", 1},                                           // bytes_acked:1
		{"tcpi.segs_out", 2},                                              // segs_out:2
		{"tcpi.segs_in", 1},                                               // segs_in:1
		{"tcpi.pacing_rate", 280707312 / 8},                               // pacing_rate 280707312bps
		{"tcpi.delivered", 1},                                             // delivered:1
		{"tcpi.app_limited", 1},                                           // app_limited
		{"tcpi.rcv_space", 65495},                                         // rcv_space:65495
		{"tcpi.rcv_ssthresh", 65495},                                      // rcv_ssthresh:65495
		{"tcpi.min_rtt", 18662},                                           // minrtt:18.662
		{"tcpi.snd_wnd", 65483},                                           // snd_wnd:65483
		{"tcpi.max_pacing_rate", ^uint64(0)},                              // unlimited
		{"tcpi.snd_ssthresh", 2147483647},                                 // TCP_INFINITE_SSTHRESH
		{"idiag.cookie0", 1},                                              // sk:1
	} {
		if got := val(t, cm, c.name); got != c.want {
			t.Errorf("%s = %d, want %d", c.name, got, c.want)
		}
	}
	// ss -tanie runs on a 6.1 kernel: its tcp_info is 232 bytes, ending with
	// tcpi_snd_wnd; the members after it are absent, not zero.
	if f := cm.msg.Field("inet_diag.info"); len(f.Bytes) != 232 {
		t.Errorf("INET_DIAG_INFO holds %d bytes, want 232", len(f.Bytes))
	} else if cm.msg.Field("tcpi.rcv_wnd") != nil {
		t.Error("tcpi_rcv_wnd decoded beyond the 232 bytes")
	}
	if got := str(t, cm, "inet_diag.cong"); got != "cubic" {
		t.Errorf("INET_DIAG_CONG %q", got)
	}
	// ss -tinm: skmem:(r0,rb131072,t0,tb2626560,f0,w0,o0,bl0,d0)
	cm = find(t, msgs, 14, 0)
	for name, want := range map[string]uint64{"sk_meminfo.rmem_alloc": 0, "sk_meminfo.rcvbuf": 131072, "sk_meminfo.sndbuf": 2626560, "sk_meminfo.drops": 0} {
		if got := val(t, cm, name); got != want {
			t.Errorf("frame 14 %s = %d, want %d", name, got, want)
		}
	}
	if got := str(t, cm, "inet_diag.sockopt.flags1"); got != "0x52 (is_icsk|mc_loop|mc_all)" {
		t.Errorf("INET_DIAG_SOCKOPT %s", got)
	}
	if val(t, cm, "inet_diag.sockopt.is_icsk") != 1 || val(t, cm, "inet_diag.sockopt.transparent") != 0 {
		t.Errorf("INET_DIAG_SOCKOPT bit fields:\n%s", tree(&cm.msg))
	}
}

// TestCaptureFamilies checks header values of the unix, netlink and packet
// replies and of the bytecode request.
func TestCaptureFamilies(t *testing.T) {
	msgs := readCapture(t, "sockdiag.pcap")
	cm := find(t, msgs, 25, 0) // u_dgr UNCONN /dev/log 11019
	if got := str(t, cm, "unix_diag.name"); got != "/dev/log" {
		t.Errorf("UNIX_DIAG_NAME %q", got)
	}
	if val(t, cm, "udiag.ino") != 11019 || val(t, cm, "udiag.type") != unix.SOCK_DGRAM || val(t, cm, "udiag.state") != unix.BPF_TCP_CLOSE {
		t.Errorf("unix_diag_msg:\n%s", tree(&cm.msg))
	}
	// ss -a -A netlink: rtnl x4, tcpdiag x2, selinux, audit, fiblookup, connector, uevent, genl.
	var protos, portids []uint64
	for i := 0; i < 12; i++ {
		cm := find(t, msgs, 28, i)
		protos = append(protos, val(t, cm, "ndiag.protocol"))
		portids = append(portids, val(t, cm, "ndiag.portid"))
	}
	wantProtos := []uint64{unix.NETLINK_ROUTE, unix.NETLINK_ROUTE, unix.NETLINK_ROUTE, unix.NETLINK_ROUTE,
		unix.NETLINK_SOCK_DIAG, unix.NETLINK_SOCK_DIAG, unix.NETLINK_SELINUX, unix.NETLINK_AUDIT,
		unix.NETLINK_FIB_LOOKUP, unix.NETLINK_CONNECTOR, unix.NETLINK_KOBJECT_UEVENT, unix.NETLINK_GENERIC}
	if fmt.Sprint(protos) != fmt.Sprint(wantProtos) {
		t.Errorf("netlink protocols %v, want %v", protos, wantProtos)
	}
	// rtnl:-1406715872 (ss prints the port id signed), rtnl:kernel, ip/114 twice, ss/147, then kernel sockets.
	if want := []uint64{2888251424, 0, 114, 114, 147, 0, 0, 0, 0, 0, 0, 0}; fmt.Sprint(portids) != fmt.Sprint(want) {
		t.Errorf("netlink port ids %v, want %v", portids, want)
	}
	cm = find(t, msgs, 31, 0) // p_dgr UNCONN *:nlmon0
	for name, want := range map[string]uint64{"pdiag.num": unix.ETH_P_ALL, "pdiag.type": unix.SOCK_DGRAM, "pdiag.ino": 11030,
		"pdi.index": 2, "pdi.version": unix.TPACKET_V2, "pdi.flags": pdiRunning | pdiAuxdata, "pdr.frame_nr": 64,
		"sock_filter.code": 0x06, "sock_filter.k": 262144} { // BPF_RET|BPF_K 262144: tcpdump's snap length
		if got := val(t, cm, name); got != want {
			t.Errorf("frame 31 %s = %d, want %d", name, got, want)
		}
	}
	cm = find(t, msgs, 39, 0) // ss -tan dst 127.0.0.1 sport = :8080
	bc := cm.msg.Field("inet_diag.req.bytecode")
	if bc == nil || len(bc.Children) != 2 {
		t.Fatalf("bytecode:\n%s", tree(&cm.msg))
	}
	d, s := &bc.Children[0], &bc.Children[1]
	if d.Find("inet_diag.bc.code").Value != bcDCond || d.Find("inet_diag.bc.addr").ValueString() != "127.0.0.1" ||
		d.Find("inet_diag.bc.prefix_len").Value != 32 || d.Find("inet_diag.bc.port").Int() != -1 || d.Find("inet_diag.bc.no").Value != 36 {
		t.Errorf("first op:\n%s", tree(&cm.msg))
	}
	if s.Find("inet_diag.bc.code").Value != bcSCond || s.Find("inet_diag.bc.family").Value != unix.AF_UNSPEC ||
		s.Find("inet_diag.bc.port").Int() != 8080 || s.Find("inet_diag.bc.addr") != nil {
		t.Errorf("second op:\n%s", tree(&cm.msg))
	}
}
