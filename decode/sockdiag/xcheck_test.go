package sockdiag

// Cross-check against an independent decoder: Wireshark's netlink-sock_diag
// dissector, through tshark -T fields, on every frame of the real capture. For each
// field tshark exposes, the values of every message of a frame (tshark lists them
// in order, separated by ';') are compared with ours.

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// tsharkField is one netlink-sock_diag field and how to read it from our tree:
// ours returns the field's values in one message, in wire order.
type tsharkField struct {
	name string
	ours func(m *decode.Message) []string
}

// hdr returns the message's fixed header (struct inet_diag_msg, ...), or nil.
func hdr(m *decode.Message) *decode.Field {
	p := m.Payload()
	if len(p) == 0 || m.Header.Type < unix.NLMSG_MIN_TYPE {
		return nil
	}
	return &p[0]
}

func isRequest(m *decode.Message) bool { return m.Header.Flags&unix.NLM_F_REQUEST != 0 }

// members returns the formatted values of the header members named names.
func members(format string, names ...string) func(m *decode.Message) []string {
	return func(m *decode.Message) []string {
		h := hdr(m)
		if h == nil {
			return nil
		}
		var out []string
		for _, n := range names {
			if f := h.Child(n); f != nil {
				out = append(out, fmtValue(format, f))
			}
		}
		return out
	}
}

// attrValues returns the formatted values of every field named name under the
// message's attributes (not the header), depth-first.
func attrValues(format string, names ...string) func(m *decode.Message) []string {
	return func(m *decode.Message) []string {
		p := m.Payload()
		if len(p) < 2 || m.Header.Type < unix.NLMSG_MIN_TYPE {
			return nil
		}
		var out []string
		for i := range p[1:] {
			p[1+i].Walk(func(f *decode.Field, _ int) bool {
				for _, n := range names {
					if f.Def.Name == n {
						out = append(out, fmtValue(format, f))
					}
				}
				return true
			})
		}
		return out
	}
}

func fmtValue(format string, f *decode.Field) string {
	switch format {
	case "addr":
		return f.ValueString()
	case "str":
		return f.ValueString()
	}
	return fmt.Sprintf(format, f.Value)
}

// onlyIf restricts a field to messages for which keep is true.
func onlyIf(keep func(m *decode.Message) bool, fn func(m *decode.Message) []string) func(m *decode.Message) []string {
	return func(m *decode.Message) []string {
		if !keep(m) {
			return nil
		}
		return fn(m)
	}
}

func family(m *decode.Message) uint64 {
	if h := hdr(m); h != nil && len(h.Children) > 0 {
		return h.Children[0].Value
	}
	return 0
}

func isFamily(fams ...uint64) func(m *decode.Message) bool {
	return func(m *decode.Message) bool {
		for _, f := range fams {
			if family(m) == f {
				return true
			}
		}
		return false
	}
}

// cookie joins the two cookie words as tshark shows them (a u64 read in the
// frame's order: cookie[0] is the low word).
func cookie(m *decode.Message) []string {
	h := hdr(m)
	if h == nil {
		return nil
	}
	for _, p := range []string{"idiag", "udiag", "ndiag", "pdiag"} {
		lo, hi := h.Child(p+".cookie0"), h.Child(p+".cookie1")
		if lo != nil && hi != nil {
			return []string{fmt.Sprintf("0x%016x", hi.Value<<32|lo.Value)}
		}
	}
	return nil
}

// attrTypes lists the types of the message's top-level attributes.
func attrTypes(m *decode.Message) []string {
	p := m.Payload()
	if len(p) < 2 || m.Header.Type < unix.NLMSG_MIN_TYPE {
		return nil
	}
	var out []string
	for i := range p[1:] {
		if p[1+i].IsAttr() {
			out = append(out, strconv.Itoa(int(p[1+i].Type)))
		}
	}
	return out
}

// statesSwapped is idiag_states as tshark 4.0 shows it: its dissector
// (epan/dissectors/packet-netlink-sock_diag.c, dissect_sock_diag_inet_request)
// adds the host-order u32 with ENC_NA, which reads it big-endian, so on a
// little-endian capture 0x00000fff shows as 4279173120.
func statesSwapped(m *decode.Message) []string {
	h := hdr(m)
	if h == nil || !isRequest(m) {
		return nil
	}
	f := h.Child("idiag.states")
	if f == nil {
		return nil
	}
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], uint32(f.Value))
	if m.BigEndian {
		binary.BigEndian.PutUint32(b[:], uint32(f.Value))
	}
	return []string{strconv.FormatUint(uint64(binary.BigEndian.Uint32(b[:])), 10)}
}

var (
	inet    = isFamily(unix.AF_INET, unix.AF_INET6)
	inet4   = isFamily(unix.AF_INET)
	inet6   = isFamily(unix.AF_INET6)
	unixFam = isFamily(unix.AF_UNIX)
	nlFam   = isFamily(unix.AF_NETLINK)
	pktFam  = isFamily(unix.AF_PACKET)
	reply   = func(m *decode.Message) bool { return !isRequest(m) }
	request = isRequest
)

func both(a, b func(m *decode.Message) bool) func(m *decode.Message) bool {
	return func(m *decode.Message) bool { return a(m) && b(m) }
}

var tsharkFields = []tsharkField{
	{"netlink-sock_diag.family", func(m *decode.Message) []string {
		if hdr(m) == nil {
			return nil
		}
		return []string{strconv.FormatUint(family(m), 10)}
	}},
	{"netlink-sock_diag.state", onlyIf(reply, members("%d", "idiag.state", "udiag.state", "ndiag.state"))},
	{"netlink-sock_diag.inet_sport", members("%d", "idiag.sport")},
	{"netlink-sock_diag.inet_dport", members("%d", "idiag.dport")},
	{"netlink-sock_diag.inet_src_ip4", onlyIf(inet4, members("addr", "idiag.src"))},
	{"netlink-sock_diag.inet_dest_ip4", onlyIf(inet4, members("addr", "idiag.dst"))},
	{"netlink-sock_diag.inet_src_ip6", onlyIf(inet6, members("addr", "idiag.src"))},
	{"netlink-sock_diag.inet_dest_ip6", onlyIf(inet6, members("addr", "idiag.dst"))},
	{"netlink-sock_diag.inet_interface", members("%d", "idiag.if")},
	{"netlink-sock_diag.inode", members("%d", "idiag.inode", "udiag.ino", "ndiag.ino", "pdiag.ino")},
	{"netlink-sock_diag.cookie", cookie},
	{"netlink-sock_diag.recv_queue", onlyIf(reply, func(m *decode.Message) []string {
		return append(members("%d", "idiag.rqueue")(m), attrValues("%d", "unix_diag.rqlen.rqueue")(m)...)
	})},
	{"netlink-sock_diag.send_queue", onlyIf(reply, func(m *decode.Message) []string {
		return append(members("%d", "idiag.wqueue")(m), attrValues("%d", "unix_diag.rqlen.wqueue")(m)...)
	})},
	{"netlink-sock_diag.rcvbuf", attrValues("%d", "sk_meminfo.rcvbuf")},
	{"netlink-sock_diag.sndbuf", attrValues("%d", "sk_meminfo.sndbuf")},
	{"netlink-sock_diag.shutdown", attrValues("0x%02x", "inet_diag.shutdown", "unix_diag.shutdown")},
	{"netlink-sock_diag.type", onlyIf(reply, members("%d", "udiag.type", "ndiag.type", "pdiag.type"))},
	{"netlink-sock_diag.unix_name", attrValues("str", "unix_diag.name")},
	{"netlink-sock_diag.unix_show", members("0x%08x", "udiag.show")},
	{"netlink-sock_diag.unix_peer_inode", attrValues("%d", "unix_diag.peer")},
	{"netlink-sock_diag.inet_states", statesSwapped},
	{"netlink-sock_diag.inet_extended", members("%d", "idiag.ext")},
	{"netlink-sock_diag.inet_protocol", onlyIf(both(request, inet), members("%d", "sdiag.protocol"))},
	// tshark 4.0 walks the attributes of replies only (a request's
	// INET_DIAG_REQ_BYTECODE is not shown).
	{"netlink-sock_diag.inet_attr", onlyIf(both(reply, inet), attrTypes)},
	{"netlink-sock_diag.unix_attr", onlyIf(unixFam, attrTypes)},
	{"netlink-sock_diag.netlink_attr", onlyIf(func(m *decode.Message) bool { return nlFam(m) || pktFam(m) }, attrTypes)},
	{"netlink-sock_diag.netlink_protocol", members("%d", "ndiag.protocol", "ndiag.req_protocol")},
	{"netlink-sock_diag.netlink_portid", members("%d", "ndiag.portid")},
	{"netlink-sock_diag.netlink_dst_portid", members("%d", "ndiag.dst_portid")},
	{"netlink-sock_diag.netlink_show", members("0x%08x", "ndiag.show")},
	{"netlink-sock_diag.packet_show", members("0x%08x", "pdiag.show")},
	{"netlink-sock_diag.packet_protocol", onlyIf(pktFam, func(m *decode.Message) []string {
		if isRequest(m) {
			return members("0x%04x", "sdiag.protocol")(m)
		}
		return members("0x%04x", "pdiag.num")(m)
	})},
}

func TestTsharkCrossCheck(t *testing.T) {
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Skip("tshark not on PATH: skipping the cross-check against Wireshark (apt-get install tshark)")
	}
	if testing.Short() {
		t.Skip("-short: skipping the tshark run")
	}
	path := filepath.Join(pcapDir, "sockdiag.pcap")
	args := []string{"-r", path, "-T", "fields", "-E", "separator=|", "-E", "occurrence=a", "-E", "aggregator=;", "-e", "frame.number"}
	for _, f := range tsharkFields {
		args = append(args, "-e", f.name)
	}
	out, err := exec.Command("tshark", args...).Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	theirs := map[int][]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "|")
		if len(cols) != 1+len(tsharkFields) {
			t.Fatalf("tshark line %q: %d columns, want %d", sc.Text(), len(cols), 1+len(tsharkFields))
		}
		n, _ := strconv.Atoi(cols[0])
		theirs[n] = cols[1:]
	}
	ours := map[int][][]string{} // frame -> field -> values
	for _, cm := range readCapture(t, "sockdiag.pcap") {
		if ours[cm.frame] == nil {
			ours[cm.frame] = make([][]string, len(tsharkFields))
		}
		for i, f := range tsharkFields {
			ours[cm.frame][i] = append(ours[cm.frame][i], f.ours(&cm.msg)...)
		}
	}
	compared, nonEmpty := 0, map[string]int{}
	for frame, fields := range ours {
		th, ok := theirs[frame]
		if !ok {
			t.Errorf("frame %d: tshark has no line", frame)
			continue
		}
		for i, f := range tsharkFields {
			o := strings.Join(fields[i], ";")
			compared++
			if o != "" {
				nonEmpty[f.name]++
			}
			if o != th[i] {
				t.Errorf("frame %d %s: nldump %q, tshark %q", frame, f.name, o, th[i])
			}
		}
	}
	// Every field must have been compared on some frame with a value, or the
	// table checks nothing for it.
	for _, f := range tsharkFields {
		if nonEmpty[f.name] == 0 && f.name != "netlink-sock_diag.unix_peer_inode" { // ss -xa's only socket has no peer
			t.Errorf("%s: no frame of the capture has a value to compare", f.name)
		}
	}
	t.Logf("%d frame fields compared (%d fields, %d frames)", compared, len(tsharkFields), len(ours))
}
