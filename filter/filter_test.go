package filter

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	_ "github.com/nldump/nldump/decode/all"
	"golang.org/x/sys/unix"
)

const pcapDir = "../testdata/pcaps"

// load decodes every message of a capture, paired as nldump pairs a file: a
// first pass observes, the second annotates.
func load(t testing.TB, name string) []decode.Message {
	t.Helper()
	pass := func(fn func(m *decode.Message)) {
		src, err := capture.Open(filepath.Join(pcapDir, name))
		if err != nil {
			t.Skipf("capture %s: %v", name, err)
		}
		defer src.Close()
		dec := decode.NewDecoder()
		for {
			fr, err := src.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			f := fr
			for _, m := range dec.DecodeFrame(&f, nil) {
				fn(&m)
			}
		}
	}
	p := decode.NewPairer()
	pass(p.Observe)
	p.Finish()
	p.Replay()
	var out []decode.Message
	pass(func(m *decode.Message) {
		p.Annotate(m)
		out = append(out, *m)
	})
	return out
}

func count(t testing.TB, msgs []decode.Message, expr string) int {
	t.Helper()
	f, err := Compile(expr)
	if err != nil {
		t.Fatalf("Compile(%q): %v", expr, err)
	}
	n := 0
	for i := range msgs {
		if f.Match(&msgs[i]) {
			n++
		}
	}
	return n
}

func countFn(msgs []decode.Message, fn func(m *decode.Message) bool) int {
	n := 0
	for i := range msgs {
		if fn(&msgs[i]) {
			n++
		}
	}
	return n
}

// TestCompileErrors checks that bad filters say where and what was expected.
func TestCompileErrors(t *testing.T) {
	for _, tc := range []struct{ expr, want string }{
		{"", "column 1: empty filter"},
		{"ifla.mtu >", "column 10: expected a value after '>'"},
		{"ifla.mut > 3", `column 1: unknown field "ifla.mut"; did you mean ifla.map or ifla.mtu?`},
		{"ifla.mtu = 3", "column 10: '=' is not an operator"},
		{"ifla.mtu == 3 and", "column 15: expected a test after 'and'"},
		{"(ifla.mtu == 3", "column 15: expected ')' to close the '(' at column 1"},
		{"ifla.mtu == 3)", "column 14: unbalanced ')'"},
		{"ifla.mtu 3", "column 10: expected an operator"},
		{"ifla.mtu == abc", `column 13: "abc" is not a number`},
		{"ifla.mtu == -1", "is negative but ifla.mtu is unsigned"},
		{"nlmsg.type == 70000", "out of range"},
		{"ifla.ifname matches \"(\"", "column 21: bad regular expression"},
		{"ifa.address == 10.0.0.300", "is not an IPv4 or IPv6 address"},
		{"nlmsg.type in {}", "empty set"},
		{"nlmsg.type in {RTM_NEWROUTE", "set is not closed"},
		{"nlmsg.type == RTM_NEWROUTES", `unknown message type "RTM_NEWROUTES"; did you mean RTM_NEWROUTE`},
		{"nlmsgerr.error == EEXISTS", `did you mean EEXIST`},
		{"nlmsg.flags & DUMPP", `not a number or a flag`},
		{"ifla.ifname & 3", "'&' needs an integer field"},
		{"ifla.mtu contains 3", "'contains' needs a string"},
		{`ifla.ifname == "abc`, "string is not closed"},
		{"nl.direction == sideways", `"sideways" is not a value of nl.direction`},
		{"ifla.mtu == 1 ^ 2", "unexpected character '^'"},
	} {
		_, err := Compile(tc.expr)
		var fe *Error
		if err == nil || !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Compile(%q) = %v, want error containing %q", tc.expr, err, tc.want)
		}
	}
}

// TestGrammar checks that the language's forms compile.
func TestGrammar(t *testing.T) {
	for _, expr := range []string{
		"ifla.mtu", "!ifla.mtu", "not ifla.mtu", "ifla.mtu == 1500", "ifla.mtu eq 1500",
		"ifla.mtu != 1500 && ifla.ifname", "ifla.mtu >= 0x5dc || (ifla.mtu < 100 and !ifla.ifname)",
		"ifla.mtu in {1500 9000}", "ifla.mtu in {1500, 9000..9100}", "ifla.mtu not in {1500}",
		`ifla.ifname == "veth0"`, "ifla.ifname == veth0", `ifla.ifname contains "eth"`,
		`ifla.ifname matches r"^veth\d+$"`, `ifla.ifname ~ "^veth"`,
		"ifa.address == 10.0.0.1", "ifa.address in 10.0.0.0/8", "ifa.address in {10.0.0.0/8 2001:db8::/32}",
		"ifa.address == 2001:db8::1", "ifla.address == 02:00:00:00:00:aa",
		"nlmsg.type == RTM_NEWROUTE", "nlmsg.type in {RTM_NEWROUTE RTM_DELROUTE}", `nlmsg.type == "nlctrl GETFAMILY"`,
		"nlmsg.type == nlctrl", "nlmsg.type == 24", "nlmsgerr.error == EEXIST", "nlmsgerr.error == -17",
		"nlmsg.flags & DUMP", "nlmsg.flags & ACK", "nlmsg.flags & 0x300 == 0x300", "nlmsg.flags & EXCL",
		"frame.number <= 10", "nl.protocol == route", "nl.direction in {error ack}", "nl.latency > 1000",
		"nl.problem", "nlmsgerr.msg contains \"mtu\"", "rtm.type == unicast", "rtm.type == RTN_UNICAST",
	} {
		if _, err := Compile(expr); err != nil {
			t.Errorf("Compile(%q): %v", expr, err)
		}
	}
}

// TestNamesListed checks that every name the compiler accepts is one --fields lists.
func TestNamesListed(t *testing.T) {
	listed := map[string]bool{}
	for _, d := range decode.DefaultRegistry.Fields() {
		listed[d.Name] = true
	}
	for _, n := range []string{"frame.number", "nl.protocol", "nl.direction", "nl.request_in", "nl.response_in",
		"nl.latency", "nl.dump_parts", "nl.copies", "nl.problem", "nlmsg.type", "nlmsg.flags"} {
		if !listed[n] {
			t.Errorf("%s is not listed by Registry.Fields", n)
		}
		if _, err := Compile(n); err != nil {
			t.Errorf("Compile(%q): %v", n, err)
		}
	}
	defs := map[string]*decode.FieldDef{}
	for _, d := range decode.DefaultRegistry.Fields() {
		defs[d.Name] = d
	}
	for n := range listed {
		if _, err := compileDefs(decode.DefaultRegistry, defs, n); err != nil {
			t.Errorf("listed name %q does not compile: %v", n, err)
		}
	}
}

// TestCaptureInvariants compares filter results on real captures with the same
// question asked of the messages directly.
func TestCaptureInvariants(t *testing.T) {
	msgs := load(t, "rtnl-dumps.pcap")
	if len(msgs) == 0 {
		t.Fatal("no messages")
	}
	echoType := func(m *decode.Message) string {
		if m.Error != nil && m.Error.Request != nil {
			return m.Error.RequestType
		}
		return ""
	}
	hasField := func(name string) func(m *decode.Message) bool {
		return func(m *decode.Message) bool { return m.Field(name) != nil }
	}
	checks := []struct {
		expr string
		fn   func(m *decode.Message) bool
	}{
		{"nlmsg.type == RTM_NEWLINK", func(m *decode.Message) bool { return m.TypeName == "RTM_NEWLINK" || echoType(m) == "RTM_NEWLINK" }},
		{"nlmsg.type in {RTM_NEWROUTE RTM_DELROUTE}", func(m *decode.Message) bool {
			return m.TypeName == "RTM_NEWROUTE" || m.TypeName == "RTM_DELROUTE" || echoType(m) == "RTM_NEWROUTE" || echoType(m) == "RTM_DELROUTE"
		}},
		{"nlmsg.flags & DUMP", func(m *decode.Message) bool { return m.Op == decode.OpGet && m.Header.Flags&unix.NLM_F_DUMP != 0 }},
		{"nlmsg.flags & MULTI", func(m *decode.Message) bool { return m.Header.Flags&unix.NLM_F_MULTI != 0 }},
		{"ifla.mtu", hasField("ifla.mtu")},
		{"!ifla.mtu", func(m *decode.Message) bool { return m.Field("ifla.mtu") == nil }},
		{"ifla.mtu == 1500", func(m *decode.Message) bool {
			return anyField(m, "ifla.mtu", func(f *decode.Field) bool { return f.Value == 1500 })
		}},
		{"ifla.mtu != 1500", func(m *decode.Message) bool {
			return m.Field("ifla.mtu") != nil && !anyField(m, "ifla.mtu", func(f *decode.Field) bool { return f.Value == 1500 })
		}},
		{"ifla.mtu > 1500", func(m *decode.Message) bool {
			return anyField(m, "ifla.mtu", func(f *decode.Field) bool { return f.Value > 1500 })
		}},
		{`ifla.ifname contains "veth"`, func(m *decode.Message) bool {
			return anyField(m, "ifla.ifname", func(f *decode.Field) bool { return strings.Contains(string(decode.TrimNUL(f.Bytes)), "veth") })
		}},
		{"ifa.address in 10.0.0.0/8", func(m *decode.Message) bool {
			return anyField(m, "ifa.address", func(f *decode.Field) bool { return len(f.Bytes) == 4 && f.Bytes[0] == 10 })
		}},
		{"nl.direction == request", func(m *decode.Message) bool { return m.Direction == decode.DirRequest }},
		{"nl.request_in", func(m *decode.Message) bool {
			return m.Direction == decode.DirReply || m.Direction == decode.DirAck || m.Direction == decode.DirError
		}},
		{"frame.number <= 10", func(m *decode.Message) bool { return m.Frame.Number <= 10 }},
	}
	for _, c := range checks {
		got, want := count(t, msgs, c.expr), countFn(msgs, c.fn)
		if got != want {
			t.Errorf("%q matched %d messages, want %d", c.expr, got, want)
		}
		if got == 0 && !strings.HasPrefix(c.expr, "ifa.") {
			t.Errorf("%q matched nothing: the check proves nothing", c.expr)
		}
	}
	// and / or / not agree with set algebra.
	a, b := "nlmsg.type == RTM_NEWLINK", "ifla.mtu == 1500"
	na, nb := count(t, msgs, a), count(t, msgs, b)
	nand, nor := count(t, msgs, a+" and "+b), count(t, msgs, "("+a+") || ("+b+")")
	if nand+nor != na+nb {
		t.Errorf("|A∧B| + |A∨B| = %d, want |A| + |B| = %d", nand+nor, na+nb)
	}
	if n := count(t, msgs, "not ("+a+")"); n != len(msgs)-na {
		t.Errorf("not A matched %d, want %d", n, len(msgs)-na)
	}
}

func anyField(m *decode.Message, name string, fn func(f *decode.Field) bool) bool {
	found := false
	m.Root.Walk(func(f *decode.Field, _ int) bool {
		if f.Def != nil && f.Def.Name == name && fn(f) {
			found = true
		}
		return !found
	})
	return found
}

// transcriptError is a kernel error a command of a capture transcript reported.
type transcriptError struct {
	extack string // "Error: MSG." (extended ACK)
	errno  string // "RTNETLINK answers: TEXT" (strerror)
	dump   bool   // "Dump terminated" alone: a failed dump, errno not shown
}

// transcriptErrors reads the kernel's errors from a capture transcript, in order.
func transcriptErrors(t *testing.T, name string) []transcriptError {
	f, err := os.Open(filepath.Join(pcapDir, name))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	var out []transcriptError
	sc := bufio.NewScanner(f)
	inBlock := false // the current command reported an error already
	for sc.Scan() {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "$ "):
			inBlock = false
		case strings.HasPrefix(l, "Error: "):
			out = append(out, transcriptError{extack: strings.TrimSuffix(strings.TrimPrefix(l, "Error: "), ".")})
			inBlock = true
		case strings.HasPrefix(l, "RTNETLINK answers: "):
			out = append(out, transcriptError{errno: strings.TrimPrefix(l, "RTNETLINK answers: ")})
			inBlock = true
		case l == "Dump terminated" && !inBlock:
			out = append(out, transcriptError{dump: true})
		}
	}
	return out
}

// TestErrorsCapture finds every failing request of errors.pcap with
// nlmsgerr.error != 0 (and the failed dump, nlmsgdone.status != 0), checks each is paired with its request, and that every
// kernel error the transcript shows is among them.
func TestErrorsCapture(t *testing.T) {
	msgs := load(t, "errors.pcap")
	f, err := Compile("nlmsgerr.error != 0 or nlmsgdone.status != 0")
	if err != nil {
		t.Fatal(err)
	}
	byFrame := map[int]*decode.Message{}
	for i := range msgs {
		byFrame[msgs[i].Frame.Number] = &msgs[i]
	}
	var matched []*decode.Message
	for i := range msgs {
		m := &msgs[i]
		isErr := m.Error != nil && m.Error.Errno != 0 // NLMSG_ERROR, or NLMSG_DONE of a failed dump
		if f.Match(m) != isErr {
			t.Errorf("frame %d: filter says %v, message is an error: %v", m.Frame.Number, f.Match(m), isErr)
		}
		if !isErr {
			continue
		}
		matched = append(matched, m)
		n := decode.ConversationNode(m)
		if n == nil || n.Find("nl.request_in") == nil {
			t.Errorf("frame %d: error not paired with a request", m.Frame.Number)
			continue
		}
		req := byFrame[int(n.Find("nl.request_in").Value)]
		if req == nil || req.Direction != decode.DirRequest || req.Header.Seq != m.Header.Seq ||
			m.Error.Request != nil && req.TypeName != m.Error.RequestType {
			t.Errorf("frame %d: paired with frame %d, which is not the echoed request", m.Frame.Number, n.Find("nl.request_in").Value)
		}
	}
	// The transcript's errors appear in the capture in the same order; the
	// others are errors iproute2 provokes itself: ENODEV answers to its seq-0
	// probe and to the lookup of a missing device name.
	want := transcriptErrors(t, "errors.log")
	i := 0
	for _, w := range want {
		for ; i < len(matched); i++ {
			e := matched[i].Error
			if w.extack != "" && e.Msg == w.extack || w.errno != "" && e.Msg == "" && !e.Done && decode.ErrnoText(int(-e.Errno)) == w.errno ||
				w.dump && e.Done {
				break
			}
			if e.Errno != -int32(unix.ENODEV) {
				t.Errorf("frame %d: error %d (%q) is not the transcript's next error %+v", matched[i].Frame.Number, e.Errno, e.Msg, w)
			}
		}
		if i == len(matched) {
			t.Errorf("transcript error %+v: not found in the capture", w)
			break
		}
		i++
	}
	for ; i < len(matched); i++ {
		t.Errorf("frame %d: error %d after the transcript's last", matched[i].Frame.Number, matched[i].Error.Errno)
	}
	if len(want) == 0 {
		t.Error("no errors in the transcript")
	}
	t.Logf("%d failing requests, %d of them in the transcript", len(matched), len(want))
}
