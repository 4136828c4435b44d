package netfilter

// Cross-check against Wireshark: tshark (4.0) decodes ctnetlink and nfnetlink_log
// messages (not nftables). For every frame of conntrack.pcap and nflog.pcap, each
// field both decoders show is compared, in order. The test skips when tshark is
// not installed (CI installs it).

import (
	"bytes"
	"net/netip"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// xfield is one tshark field and how to read the same values from a message.
type xfield struct {
	tshark string
	ours   func(m *decode.Message) []string
}

// collect returns the normalized values of the fields named in the message's
// tree, depth-first.
func collect(names ...string) func(m *decode.Message) []string {
	return func(m *decode.Message) []string {
		var out []string
		m.Root.Walk(func(f *decode.Field, _ int) bool {
			for _, n := range names {
				if f.Def.Name == n {
					out = append(out, normalize(f))
				}
			}
			return true
		})
		return out
	}
}

// normalize prints a field's value as the comparison reads it: decimal integers,
// addresses, strings.
func normalize(f *decode.Field) string {
	if f.Def.Kind.IsInt() {
		return strconv.FormatUint(f.Value, 10)
	}
	if a, ok := netip.AddrFromSlice(f.Bytes); ok && f.Def.Kind == decode.KindAddr {
		return a.String()
	}
	return string(decode.TrimNUL(f.Bytes))
}

// normalizeTshark prints a tshark value the same way (hex and decimal integers to
// decimal).
func normalizeTshark(s string) string {
	if v, err := strconv.ParseUint(s, 0, 64); err == nil {
		return strconv.FormatUint(v, 10)
	}
	return s
}

// topTypes lists the message's top-level attribute types.
func topTypes(m *decode.Message) []string {
	var out []string
	for _, f := range m.Payload() {
		if f.IsAttr() {
			out = append(out, strconv.Itoa(int(f.Type)))
		}
	}
	return out
}

// only restricts a field to messages of one subsystem and, if types is not empty,
// of those message types.
func only(subsys uint16, types []uint16, fn func(m *decode.Message) []string) func(m *decode.Message) []string {
	return func(m *decode.Message) []string {
		if m.Error != nil || m.Header.Type < unix.NLMSG_MIN_TYPE || m.Header.Type>>8 != subsys {
			return nil
		}
		if len(types) > 0 {
			ok := false
			for _, t := range types {
				ok = ok || m.Header.Type&0xff == t
			}
			if !ok {
				return nil
			}
		}
		return fn(m)
	}
}

// tsharkFields runs tshark on path and returns, per frame number, each field's
// values in order.
func tsharkFields(t *testing.T, path string, fields []xfield) map[int][][]string {
	args := []string{"-r", path, "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=|", "-e", "frame.number"}
	for _, f := range fields {
		args = append(args, "-e", f.tshark)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("tshark", args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("tshark: %v: %s", err, stderr.String())
	}
	out := map[int][][]string{}
	for _, line := range strings.Split(strings.TrimRight(stdout.String(), "\n"), "\n") {
		cols := strings.Split(line, "\t")
		n, err := strconv.Atoi(cols[0])
		if err != nil {
			t.Fatalf("tshark line %q", line)
		}
		vals := make([][]string, len(fields))
		for i := range fields {
			if i+1 < len(cols) && cols[i+1] != "" {
				for _, v := range strings.Split(cols[i+1], "|") {
					vals[i] = append(vals[i], normalizeTshark(v))
				}
			}
		}
		out[n] = vals
	}
	return out
}

// crossCheck compares every field of every frame and returns the number of values
// compared.
func crossCheck(t *testing.T, name string, fields []xfield, skipFrame func(ms []capturedMsg) string) int {
	path := filepath.Join(pcapDir, name)
	msgs := readCapture(t, name)
	theirs := tsharkFields(t, path, fields)
	byFrame := map[int][]capturedMsg{}
	var frames []int
	for _, cm := range msgs {
		if _, ok := byFrame[cm.frame]; !ok {
			frames = append(frames, cm.frame)
		}
		byFrame[cm.frame] = append(byFrame[cm.frame], cm)
	}
	compared, skipped := 0, 0
	for _, fr := range frames {
		ms := byFrame[fr]
		if why := skipFrame(ms); why != "" {
			skipped++
			continue
		}
		for i, f := range fields {
			var ours []string
			for j := range ms {
				ours = append(ours, f.ours(&ms[j].msg)...)
			}
			var th []string
			if v, ok := theirs[fr]; ok {
				th = v[i]
			}
			if strings.Join(ours, ",") != strings.Join(th, ",") {
				t.Errorf("%s frame %d %s: nldump %v, tshark %v", name, fr, f.tshark, ours, th)
			}
			compared += len(ours)
		}
	}
	t.Logf("%s: %d frames, %d values compared, %d frames skipped", name, len(frames), compared, skipped)
	return compared
}

func TestTsharkCrossCheck(t *testing.T) {
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Skip("tshark not on PATH: skipping the cross-check against Wireshark (CI installs it; apt-get install tshark)")
	}
	ctEntry := []uint16{uint16(num("IPCTNL_MSG_CT_NEW")), uint16(num("IPCTNL_MSG_CT_GET")), uint16(num("IPCTNL_MSG_CT_DELETE"))}
	ct := func(fn func(m *decode.Message) []string) func(m *decode.Message) []string {
		return only(unix.NFNL_SUBSYS_CTNETLINK, ctEntry, fn)
	}
	anyNfnl := func(fn func(m *decode.Message) []string) func(m *decode.Message) []string {
		return func(m *decode.Message) []string {
			if m.Error != nil || m.Header.Type < unix.NLMSG_MIN_TYPE {
				return nil
			}
			return fn(m)
		}
	}
	t.Run("conntrack", func(t *testing.T) {
		n := crossCheck(t, "conntrack.pcap", []xfield{
			{"netlink-netfilter.family", anyNfnl(collect("nfgen.family"))},
			{"netlink-netfilter.version", anyNfnl(collect("nfgen.version"))},
			{"netlink-netfilter.res_id", anyNfnl(collect("nfgen.res_id"))},
			{"netlink-netfilter.ct.attr", ct(topTypes)},
			{"netlink-netfilter.nfct_tuple.proto.num", ct(collect("ct.proto.num"))},
			{"netlink-netfilter.nfct_tuple.proto.src_port", ct(collect("ct.proto.src_port"))},
			{"netlink-netfilter.nfct_tuple.proto.dst_port", ct(collect("ct.proto.dst_port"))},
			{"netlink-netfilter.nfct_tuple.ip.ip_addr", ct(collect("ct.ip.v4_src", "ct.ip.v4_dst"))},
			{"netlink-netfilter.nfct_tuple.ip.ip6_addr", ct(collect("ct.ip.v6_src", "ct.ip.v6_dst"))},
			{"netlink-netfilter.ct_attr.timeout", ct(collect("ct.timeout"))},
			{"netlink-netfilter.ct_attr.status", ct(collect("ct.status"))},
			{"netlink-netfilter.ct_attr.id", ct(collect("ct.id"))},
		}, func(ms []capturedMsg) string {
			for _, cm := range ms {
				if cm.msg.Header.Type>>8 == unix.NFNL_SUBSYS_CTNETLINK && cm.msg.Header.Type&0xff >= uint16(num("IPCTNL_MSG_CT_GET_STATS_CPU")) {
					// tshark 4.0 reads CTA_STATS_* (statistics replies) as CTA_*
					// attributes: CTA_STATS_ERROR (12) shows as a conntrack id.
					return "statistics"
				}
			}
			return ""
		})
		if n < 300 {
			t.Errorf("only %d values compared", n)
		}
	})
	t.Run("nflog", func(t *testing.T) {
		pkt := []uint16{uint16(num("NFULNL_MSG_PACKET"))}
		ulog := func(fn func(m *decode.Message) []string) func(m *decode.Message) []string {
			return only(unix.NFNL_SUBSYS_ULOG, pkt, fn)
		}
		n := crossCheck(t, "nflog.pcap", []xfield{
			{"netlink-netfilter.ulog_type", only(unix.NFNL_SUBSYS_ULOG, nil, func(m *decode.Message) []string {
				return []string{strconv.Itoa(int(m.Header.Type & 0xff))}
			})},
			{"nflog.tlv_type", ulog(topTypes)},
			{"nflog.prefix", ulog(collect("nflog.prefix"))},
			{"nflog.hook", ulog(collect("nflog.hdr.hook"))},
			{"nflog.protocol", ulog(collect("nflog.hdr.hw_protocol"))},
			{"nflog.ifindex_outdev", ulog(collect("nflog.ifindex_outdev"))},
			{"nflog.uid", ulog(collect("nflog.uid"))},
			{"nflog.gid", ulog(collect("nflog.gid"))},
		}, func([]capturedMsg) string { return "" })
		if n < 30 {
			t.Errorf("only %d values compared", n)
		}
	})
}
