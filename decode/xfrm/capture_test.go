package xfrm

import (
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nldump/nldump/decode"
)

// assertNoKey fails when the summary or any field's printed value of m holds key
// bytes (any 4 consecutive bytes of key, in hex).
func assertNoKey(t *testing.T, m *decode.Message, key []byte) {
	t.Helper()
	h := hex.EncodeToString(key)
	texts := []string{m.Summary()}
	m.Root.Walk(func(f *decode.Field, _ int) bool {
		if f.Def.Name != "nlmsg" && f.Def.Name != "nlmsg.payload" {
			texts = append(texts, f.ValueString())
		}
		return true
	})
	for _, s := range texts {
		for i := 0; i+8 <= len(h); i += 2 {
			if strings.Contains(s, h[i:i+8]) {
				t.Errorf("key bytes %s printed in %q", h[i:i+8], s)
				return
			}
		}
	}
}

// TestCaptureClean: every message of the real capture decodes without an unknown
// attribute, a note or a raw payload.
func TestCaptureClean(t *testing.T) {
	msgs := loadCapture(t, "xfrm.pcap")
	if len(msgs) != 57 {
		t.Errorf("%d messages, README says 57", len(msgs))
	}
	for _, cm := range msgs {
		m := &cm.msg
		m.Root.Walk(func(f *decode.Field, _ int) bool {
			if f.Unknown || f.Note != "" || strings.HasSuffix(f.Def.Name, ".extra") || strings.HasSuffix(f.Def.Name, ".payload") {
				t.Errorf("frame %d %s: field %s unknown=%v note=%q", cm.frame, m.TypeName, f.Def.Name, f.Unknown, f.Note)
			}
			return true
		})
		if m.Malformed {
			t.Errorf("frame %d %s malformed\n%s", cm.frame, m.TypeName, tree(&m.Root))
		}
	}
}

// TestCaptureSummaries pins the summaries of the real capture's messages.
func TestCaptureSummaries(t *testing.T) {
	msgs := loadCapture(t, "xfrm.pcap")
	want := map[int]string{
		1:  "XFRM_MSG_NEWSA src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x00001000 reqid 1 mode tunnel auth sha256 256-bit enc aes 128-bit",
		2:  "XFRM_MSG_NEWSA src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x00001000 reqid 1 mode tunnel auth hmac(sha256) 256-bit enc cbc(aes) 128-bit",
		8:  "XFRM_MSG_NEWSA src 10.0.0.1 dst 10.0.0.3 proto esp spi 0x00002000 reqid 0 mode transport aead rfc4106(gcm(aes)) 160-bit icv 128",
		11: "XFRM_MSG_NEWSA src 2001:db8::1 dst 2001:db8::2 proto esp spi 0x00003000 reqid 3 mode tunnel auth hmac(sha256) 256-bit enc cbc(aes) 128-bit",
		14: "XFRM_MSG_NEWPOLICY src 10.1.0.0/24 dst 10.2.0.0/24 dir out priority 0 tmpl esp tunnel 10.0.0.1->10.0.0.2 reqid 1",
		20: "XFRM_MSG_NEWPOLICY src 10.3.0.0/24 dst 10.4.0.0/24 proto tcp dport 443 dir out action block priority 100 mark 0x5/0xff",
		22: "XFRM_MSG_GETSA ",
		25: "XFRM_MSG_GETSA src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x00001000",
		28: "XFRM_MSG_NEWSADINFO count 4 hash 8/1048576",
		33: "XFRM_MSG_NEWSPDINFO in 1 out 2 fwd 0 hash 7/1048576 hthresh4 32/32 hthresh6 128/128",
		34: "XFRM_MSG_GETPOLICY src 10.1.0.0/24 dst 10.2.0.0/24 dir out",
		37: "XFRM_MSG_UPDSA src 10.0.0.1 dst 10.0.0.3 proto esp spi 0x00002000 reqid 0 mode transport aead rfc4106(gcm(aes)) 160-bit icv 128",
		40: "NLMSG_ERROR error -17 EEXIST (File exists) for XFRM_MSG_NEWSA seq 1795807668",
		42: "XFRM_MSG_DELSA src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x00001000 reqid 1 mode tunnel auth hmac(sha256) 256-bit enc cbc(aes) 128-bit",
		44: "XFRM_MSG_DELPOLICY src 10.1.0.0/24 dst 10.2.0.0/24 dir out",
		45: "XFRM_MSG_DELPOLICY src 10.1.0.0/24 dst 10.2.0.0/24 dir out priority 0 tmpl esp tunnel 10.0.0.1->10.0.0.2 reqid 1",
		48: "XFRM_MSG_FLUSHPOLICY ptype main",
		51: "XFRM_MSG_FLUSHSA proto all",
	}
	seen := map[int]bool{}
	for _, cm := range msgs {
		w, ok := want[cm.frame]
		if !ok || seen[cm.frame] {
			continue
		}
		seen[cm.frame] = true
		if got := cm.msg.TypeName + " " + cm.summary; got != w {
			t.Errorf("frame %d\n got %q\nwant %q", cm.frame, got, w)
		}
	}
	if len(seen) != len(want) {
		t.Errorf("saw %d of %d frames", len(seen), len(want))
	}
}

// TestCaptureValues asserts decoded values of single fields of the capture.
func TestCaptureValues(t *testing.T) {
	msgs := loadCapture(t, "xfrm.pcap")
	byFrame := map[int]*decode.Message{}
	for i := range msgs {
		if byFrame[msgs[i].frame] == nil {
			byFrame[msgs[i].frame] = &msgs[i].msg
		}
	}
	cases := []struct {
		frame       int
		field, want string
	}{
		{2, "xfrm.id.spi", "0x00001000"},
		{2, "xfrm.sa.reqid", "1"},
		{2, "xfrm.sa.mode", "XFRM_MODE_TUNNEL (1)"},
		{2, "xfrm.alg.trunc_len", "96 bits"},
		{8, "xfrm.alg.name", "rfc4106(gcm(aes))"},
		{8, "xfrm.alg.key_len", "160 bits"},
		{8, "xfrm.alg.icv_len", "128 bits"},
		{8, "xfrm.alg.key", "20 bytes (key not shown)"},
		{8, "xfrm.sa.replay_window", "32"},
		{11, "xfrm.sa.saddr", "2001:db8::1"},
		{11, "xfrm.sel.daddr", "::"},
		{14, "xfrm.sel.saddr", "10.1.0.0"},
		{14, "xfrm.sel.prefixlen_s", "24"},
		{14, "xfrm.pol.dir", "XFRM_POLICY_OUT (1)"},
		{14, "xfrm.tmpl.saddr", "10.0.0.1"},
		{14, "xfrm.tmpl.reqid", "1"},
		{14, "xfrm.tmpl.mode", "XFRM_MODE_TUNNEL (1)"},
		{14, "xfrm.ptype.type", "XFRM_POLICY_TYPE_MAIN (0)"},
		{20, "xfrm.sel.dport", "443"},
		{20, "xfrm.sel.proto", "IPPROTO_TCP (6)"},
		{20, "xfrm.pol.action", "XFRM_POLICY_BLOCK (1)"},
		{20, "xfrm.mark.mask", "0x000000ff"},
		{22, "xfrm.filter.family", "AF_UNSPEC (0)"},
		{25, "xfrma.srcaddr", "10.0.0.1"},
		{33, "xfrm.spdinfo.outcnt", "2"},
		{37, "xfrm.replay_esn.replay_window", "64"},
		{37, "xfrm.replay_esn.bmp_len", "2"},
		{45, "xfrm.polid.dir", "XFRM_POLICY_OUT (1)"},
		// The request echoed in the EEXIST error is decoded too.
		{40, "xfrm.id.spi", "0x00001000"},
		{40, "xfrm.alg.name", "sha256"},
	}
	for _, c := range cases {
		m := byFrame[c.frame]
		if m == nil {
			t.Errorf("frame %d missing", c.frame)
			continue
		}
		f := m.Field(c.field)
		if f == nil {
			t.Errorf("frame %d: %s missing", c.frame, c.field)
			continue
		}
		if got := f.ValueString(); got != c.want {
			t.Errorf("frame %d: %s = %q, want %q", c.frame, c.field, got, c.want)
		}
	}
}

// stateText renders a decoded SA the way `ip xfrm state` prints it (words only),
// keys included: the test compares it with iproute2's own output in xfrm.log,
// which checks every offset the keys and names are read at.
func stateText(m *decode.Message) string {
	p := m.Payload()
	info := top(p)
	id := child(info, "xfrm.sa.id")
	var b strings.Builder
	fmt.Fprintf(&b, "src %s dst %s proto %s spi 0x%08x reqid %d mode %s",
		child(info, "xfrm.sa.saddr").ValueString(), child(id, "xfrm.id.daddr").ValueString(),
		xfrmProtoEnum.Short(val(child(id, "xfrm.id.proto"))), val(child(id, "xfrm.id.spi")),
		val(child(info, "xfrm.sa.reqid")), modeEnum.Short(val(child(info, "xfrm.sa.mode"))))
	alg := func(word, name, extra string) {
		a := attr(p, name)
		if a == nil {
			return
		}
		fmt.Fprintf(&b, " %s %s 0x%x", word, decode.TrimNUL(child(a, "xfrm.alg.name").Bytes), child(a, "xfrm.alg.key").Bytes)
		if extra != "" {
			fmt.Fprintf(&b, " %d", child(a, extra).Value)
		}
	}
	alg("auth-trunc", "xfrma.alg_auth_trunc", "xfrm.alg.trunc_len")
	alg("enc", "xfrma.alg_crypt", "")
	alg("aead", "xfrma.alg_aead", "xfrm.alg.icv_len")
	return b.String()
}

// logBlocks returns the output lines of the command cmd in xfrm.log, grouped into
// entries (an entry starts at a line without a leading tab), each entry's words
// joined by single spaces.
func logBlocks(t *testing.T, cmd string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(pcapDir, "xfrm.log"))
	if err != nil {
		t.Skip(err)
	}
	var out []string
	in := false
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "$ ") {
			in = line == "$ "+cmd
			continue
		}
		if !in || strings.TrimSpace(line) == "" {
			continue
		}
		if !strings.HasPrefix(line, "\t") || len(out) == 0 {
			out = append(out, "")
		}
		out[len(out)-1] = strings.TrimSpace(out[len(out)-1] + " " + strings.Join(strings.Fields(line), " "))
	}
	return out
}

var replayWindow = regexp.MustCompile(` replay-window \d+`)

// TestCaptureAgainstIproute2 compares the SAs of the dump reply with `ip xfrm
// state list` in xfrm.log: SPI, reqid, mode, algorithm names, keys (read at the
// offsets the decoder gives them) and truncation and ICV lengths.
func TestCaptureAgainstIproute2(t *testing.T) {
	var ours []string
	for _, cm := range loadCapture(t, "xfrm.pcap") {
		if cm.frame == 23 && cm.msg.TypeName == "XFRM_MSG_NEWSA" {
			ours = append(ours, stateText(&cm.msg))
		}
	}
	var theirs []string
	for _, e := range logBlocks(t, "ip xfrm state list") {
		e = replayWindow.ReplaceAllString(e, "")
		if i := strings.Index(e, " anti-replay"); i >= 0 {
			e = e[:i]
		}
		theirs = append(theirs, e)
	}
	if len(theirs) != 4 || strings.Join(ours, "\n") != strings.Join(theirs, "\n") {
		t.Errorf("decoded SAs\n%s\niproute2\n%s", strings.Join(ours, "\n"), strings.Join(theirs, "\n"))
	}
	// No summary or printed value holds a key of the transcript.
	keys := regexp.MustCompile(`0x([0-9a-f]{32,})`).FindAllStringSubmatch(strings.Join(theirs, " "), -1)
	if len(keys) < 6 {
		t.Fatalf("found %d keys in the transcript", len(keys))
	}
	for _, cm := range loadCapture(t, "xfrm.pcap") {
		for _, k := range keys {
			kb, _ := hex.DecodeString(k[1])
			assertNoKey(t, &cm.msg, kb)
		}
	}
}

// TestCapturePoliciesAgainstIproute2 compares the policy dump with `ip xfrm
// policy list` in xfrm.log, and the SAD and SPD counts with `count`.
func TestCapturePoliciesAgainstIproute2(t *testing.T) {
	msgs := loadCapture(t, "xfrm.pcap")
	var ours []string
	for _, cm := range msgs {
		if cm.frame != 30 {
			continue
		}
		p := cm.msg.Payload()
		pol := top(p)
		sel := child(pol, "xfrm.pol.sel")
		var s sum
		s.selector(sel)
		s.kv("dir", child(pol, "xfrm.pol.dir"))
		if a := child(pol, "xfrm.pol.action"); val(a) != 0 {
			s.kv("action", a)
		}
		s.num("priority", val(child(pol, "xfrm.pol.priority")))
		s.kv("ptype", child(attr(p, "xfrma.policy_type"), "xfrm.ptype.type"))
		s.mark(p)
		if tm := attr(p, "xfrma.tmpl"); tm != nil {
			for i := range tm.Children {
				e := &tm.Children[i]
				id := child(e, "xfrm.tmpl.id")
				s.kv("tmpl src", child(e, "xfrm.tmpl.saddr")).kv("dst", child(id, "xfrm.id.daddr")).
					kv("proto", child(id, "xfrm.id.proto")).num("reqid", val(child(e, "xfrm.tmpl.reqid"))).
					kv("mode", child(e, "xfrm.tmpl.mode"))
			}
		}
		ours = append(ours, s.String())
	}
	theirs := logBlocks(t, "ip xfrm policy list")
	if len(theirs) != 3 || strings.Join(ours, "\n") != strings.Join(theirs, "\n") {
		t.Errorf("decoded policies\n%s\niproute2\n%s", strings.Join(ours, "\n"), strings.Join(theirs, "\n"))
	}
	counts := map[string]string{}
	for _, cm := range msgs {
		switch cm.msg.TypeName {
		case "XFRM_MSG_NEWSADINFO":
			counts["sad"] = "SAD count " + cm.msg.Field("xfrma.sad.cnt").ValueString()
		case "XFRM_MSG_NEWSPDINFO":
			f := func(n string) string { return cm.msg.Field("xfrm.spdinfo." + n).ValueString() }
			counts["spd"] = "SPD IN " + f("incnt") + " OUT " + f("outcnt") + " FWD " + f("fwdcnt")
		}
	}
	if got, want := counts["sad"], strings.Join(logBlocks(t, "ip xfrm state count"), ""); got != want {
		t.Errorf("SAD: %q, iproute2 %q", got, want)
	}
	if got, want := counts["spd"], strings.Join(logBlocks(t, "ip xfrm policy count"), ""); got != want {
		t.Errorf("SPD: %q, iproute2 %q", got, want)
	}
}
