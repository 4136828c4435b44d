package tui

import (
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/filter"
)

func TestScreenSizes(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {100, 30}, {200, 50}, {40, 10}} {
		m := testModel(t, "rtnl-dumps.pcap", sz[0], sz[1])
		m.st = PlainStyles()
		checkSize(t, m.Render(), sz[0], sz[1])
		press(m, "z")
		checkSize(t, m.Render(), sz[0], sz[1])
		press(m, "z", "/")
		checkSize(t, m.Render(), sz[0], sz[1])
	}
}

func TestScreenGolden(t *testing.T) {
	m := testModel(t, "errors.pcap", 80, 24)
	golden(t, "screen-80x24", m.Render())
	m = testModel(t, "rtnl-dumps.pcap", 200, 40)
	press(m, "4", "j")
	golden(t, "screen-200x40", m.Render())
}

func TestNavigation(t *testing.T) {
	m := testModel(t, "rtnl-dumps.pcap", 120, 30)
	sel := func() int32 { id, _ := m.list.Selected(); return id }
	press(m, "j", "j", "down")
	if sel() != 3 {
		t.Fatalf("after j j down: row %d, want 3", sel())
	}
	press(m, "k")
	if sel() != 2 {
		t.Fatalf("after k: row %d, want 2", sel())
	}
	press(m, "G")
	if int(sel()) != m.store.Len()-1 {
		t.Fatalf("G: row %d, want the last %d", sel(), m.store.Len()-1)
	}
	press(m, "g", "g")
	if sel() != 0 {
		t.Fatalf("gg: row %d, want 0", sel())
	}
	press(m, "1", "0", "G")
	if n := m.store.FrameNumber(sel()); n != 10 {
		t.Fatalf("10G: frame %d, want 10", n)
	}
	press(m, "5", "j")
	if n := m.store.FrameNumber(sel()); n != 10 || m.store.Row(sel()).Index != 5 {
		t.Fatalf("5j from 10.1: frame %d message %d, want 10.6", n, m.store.Row(sel()).Index+1)
	}
	press(m, "pgdown")
	if got, want := m.list.Cursor(), int(sel()); got != want {
		t.Fatalf("cursor %d != row %d", got, want)
	}
	// The tree and hex follow the list.
	if msg := m.tree.Message(); msg == nil || msg.Frame.Number != m.store.FrameNumber(sel()) {
		t.Fatal("tree does not show the selected message")
	}
}

func TestFocusAndMaximise(t *testing.T) {
	m := testModel(t, "errors.pcap", 80, 24)
	press(m, "tab")
	if m.focus != paneTree {
		t.Fatalf("focus %d after tab", m.focus)
	}
	press(m, "tab", "tab")
	if m.focus != paneList {
		t.Fatalf("focus %d after 3 tabs", m.focus)
	}
	press(m, "shift+tab", "z")
	if !m.maxed || m.focus != paneHex {
		t.Fatal("z did not maximise the hex pane")
	}
	if l := m.layout(); l.list.h != 0 || l.hex.h != 22 {
		t.Fatalf("maximised layout %+v", l)
	}
	press(m, "z")
	if l := m.layout(); l.list.h == 0 || l.tree.h == 0 {
		t.Fatalf("restored layout %+v", l)
	}
}

// TestTreeHexLink checks the link both ways: the tree's field is highlighted in
// the hex, and moving in the hex selects the field owning the byte.
func TestTreeHexLink(t *testing.T) {
	m := testModel(t, "errors.pcap", 100, 40)
	press(m, "tab")         // tree
	press(m, "j", "j", "j") // nlmsg_flags
	f := m.tree.Selected()
	if f.Def.Name != "nlmsg.flags" {
		t.Fatalf("selected %s, want nlmsg.flags", f.Def.Name)
	}
	if m.hex.selOff != f.Offset || m.hex.selLen != 2 {
		t.Fatalf("hex highlights %d+%d, want %d+2", m.hex.selOff, m.hex.selLen, f.Offset)
	}
	if !strings.Contains(screen(m), "[05 00]") {
		t.Errorf("flags bytes not highlighted:\n%s", screen(m))
	}
	press(m, "tab") // hex: the cursor is on the field's first byte
	press(m, "l", "l")
	if got := m.tree.Selected(); got.Def.Name != "nlmsg.seq" {
		t.Fatalf("hex byte 8 selects %s, want nlmsg.seq", got.Def.Name)
	}
	press(m, "j") // next line: byte 24, in the ifinfomsg
	if got := m.tree.Selected(); got.Def.Name != "ifi_index" && !strings.HasPrefix(got.Def.Name, "ifinfomsg") {
		t.Logf("byte %d selects %s", m.hex.Cursor(), got.Def.Name)
	}
	if c := m.hex.Cursor(); c < m.tree.Selected().Offset || c >= m.tree.Selected().Offset+m.tree.Selected().Length {
		t.Fatalf("cursor %d outside the selected field", c)
	}
}

func TestTreeCollapse(t *testing.T) {
	m := testModel(t, "errors.pcap", 100, 40)
	press(m, "tab")
	n := m.tree.Len()
	press(m, "enter") // collapse struct nlmsghdr
	if m.tree.Len() != n-5 {
		t.Fatalf("collapsed tree has %d lines, want %d", m.tree.Len(), n-5)
	}
	press(m, "tab", "tab", "j") // next message: nlmsghdr stays collapsed
	press(m, "tab")
	if f := m.tree.Selected(); f.Def.Name != "nlmsg.hdr" {
		t.Fatalf("selected %s", f.Def.Name)
	}
	if m.tree.nodes[1].depth != 0 {
		t.Fatal("nlmsghdr expanded again on the next message")
	}
	press(m, "right")
	if m.tree.nodes[1].depth != 1 {
		t.Fatal("right did not expand")
	}
	press(m, "j", "left") // on a member: left goes to the parent
	if f := m.tree.Selected(); f.Def.Name != "nlmsg.hdr" {
		t.Fatalf("left on a member selected %s", f.Def.Name)
	}
}

func TestFilter(t *testing.T) {
	m := testModel(t, "rtnl-dumps.pcap", 120, 30)
	press(m, "/", "text:veth0", "enter")
	if !m.v.on || len(m.v.ids) == 0 {
		t.Fatal("no rows after filtering veth0")
	}
	for _, id := range m.v.ids {
		r := m.store.Row(id)
		if !strings.Contains(strings.ToLower(r.Summary), "veth0") {
			t.Fatalf("row %d does not match: %s", id, r.Summary)
		}
	}
	if !strings.Contains(screen(m), " of 555 match") {
		t.Errorf("no match count:\n%s", screen(m))
	}
	press(m, "esc")
	if m.v.on || m.v.Len() != m.store.Len() {
		t.Fatal("esc did not clear the filter")
	}
}

func TestFilterDisplayError(t *testing.T) {
	m := testModel(t, "errors.pcap", 80, 24)
	m.opts.Compile = func(expr string) (Filter, error) {
		if i := strings.Index(expr, "=="); i >= 0 && strings.TrimSpace(expr[i+2:]) == "" {
			return nil, &FilterError{Col: i + 1, Msg: "expected a value after '=='"}
		}
		return funcFilter(func(msg *decode.Message) bool { return msg.Direction == decode.DirError }), nil
	}
	press(m, "/", "text:nlmsg.type ==")
	got := screen(m)
	if !strings.Contains(got, "nlmsg.type <=>=") || !strings.Contains(got, "column 12: expected a value") {
		t.Fatalf("error not shown while typing:\n%s", got)
	}
	press(m, "enter") // invalid: stays open
	if m.mode != modeFilter {
		t.Fatal("invalid filter applied")
	}
	press(m, "text: x", "enter")
	if m.mode != modeNormal || len(m.v.ids) == 0 {
		t.Fatal("valid filter not applied")
	}
	for _, id := range m.v.ids {
		if m.store.Row(id).Dir != decode.DirError {
			t.Fatalf("row %d is not an error", id)
		}
	}
}

func TestPairingJumps(t *testing.T) {
	m := testModel(t, "errors.pcap", 120, 30)
	sel := func() int32 { id, _ := m.list.Selected(); return id }
	press(m, "p") // request 1 -> its error 2
	if m.store.FrameNumber(sel()) != 2 {
		t.Fatalf("p from frame 1 went to frame %d", m.store.FrameNumber(sel()))
	}
	press(m, "P")
	if sel() != 0 {
		t.Fatalf("P went to row %d", sel())
	}
	// A dump: request, parts, DONE.
	m = testModel(t, "rtnl-dumps.pcap", 120, 30)
	press(m, "3", "G", "p")
	first := sel()
	if r := m.store.Row(first); r.Req < 0 || m.store.FrameNumber(r.Req) != 3 {
		t.Fatalf("p from the dump request went to row %d (req %d)", first, r.Req)
	}
	press(m, "p")
	if sel() != first+1 {
		t.Fatalf("second p went to row %d, want %d", sel(), first+1)
	}
	press(m, "P")
	if m.store.FrameNumber(sel()) != 3 {
		t.Fatal("P did not return to the request")
	}
}

func TestErrorsAndMarks(t *testing.T) {
	m := testModel(t, "errors.pcap", 120, 30)
	sel := func() int32 { id, _ := m.list.Selected(); return id }
	press(m, "e")
	if m.store.Row(sel()).Dir != decode.DirError {
		t.Fatal("e did not go to an error")
	}
	e1 := sel()
	press(m, "e")
	if sel() <= e1 || m.store.Row(sel()).Dir != decode.DirError {
		t.Fatal("second e did not go to the next error")
	}
	press(m, "E")
	if sel() != e1 {
		t.Fatal("E did not go back")
	}
	press(m, "g", "g", "m", "1", "0", "j", "m", "G", "'")
	if sel() != 0 {
		t.Fatalf("' from the end wrapped to row %d, want 0", sel())
	}
	press(m, "'")
	if sel() != 10 {
		t.Fatalf("' went to row %d, want 10", sel())
	}
	press(m, "\"")
	if sel() != 0 {
		t.Fatalf("\" went to row %d, want 0", sel())
	}
}

func TestSearch(t *testing.T) {
	m := testModel(t, "rtnl-dumps.pcap", 120, 30)
	sel := func() int32 { id, _ := m.list.Selected(); return id }
	press(m, "s", "text:vxlan0", "enter")
	if !strings.Contains(m.store.Row(sel()).Summary, "vxlan0") {
		t.Fatalf("search landed on %q", m.store.Row(sel()).Summary)
	}
	a := sel()
	press(m, "n")
	if sel() <= a || !strings.Contains(m.store.Row(sel()).Summary, "vxlan0") {
		t.Fatal("n did not find the next match")
	}
	press(m, "N")
	if sel() != a {
		t.Fatal("N did not go back")
	}
	press(m, "s", "ctrl+u", "text:no such text", "enter")
	if !strings.Contains(screen(m), "not found") {
		t.Error("no 'not found'")
	}
}

func TestHelpOverlay(t *testing.T) {
	m := testModel(t, "errors.pcap", 80, 24)
	press(m, "?")
	golden(t, "help-80x24", m.Render())
	for _, b := range m.keys.FullHelp() {
		for _, k := range b {
			if !strings.Contains(screen(m), k.Help().Desc) {
				t.Errorf("help lacks %q", k.Help().Desc)
			}
		}
	}
	press(m, "j")
	if m.help {
		t.Fatal("a key did not close the help")
	}
}

// funcFilter is a Filter made of a function, naming no field.
type funcFilter func(*decode.Message) bool

func (f funcFilter) Match(m *decode.Message) bool { return f(m) }
func (f funcFilter) Uses(string) bool             { return false }

// TestFilterConversationFields checks that filters on the conversation fields
// (nl.*) match in the TUI the messages they match in nldump -Y: those come from
// pairing, which the TUI's filter pass must run.
func TestFilterConversationFields(t *testing.T) {
	for _, tc := range []struct{ file, expr string }{
		{"errors.pcap", "nl.request_in"},
		{"errors.pcap", "nl.response_in"},
		{"errors.pcap", "nl.latency > 0 and nlmsg.type == NLMSG_ERROR"},
		{"notify.pcap", "nl.problem"},
	} {
		expr := tc.expr
		flt, err := filter.Compile(expr)
		if err != nil {
			t.Fatal(err)
		}
		// What nldump -Y matches: pairing over the whole file, then a second pass.
		want := map[int32]bool{}
		var all []decode.Message
		for pass := 0; pass < 2; pass++ {
			src, err := capture.Open(capturePath(tc.file))
			if err != nil {
				t.Fatal(err)
			}
			d := decode.NewDecoder()
			p := decode.NewPairer()
			if pass == 1 {
				for i := range all {
					p.Observe(&all[i])
				}
				p.Finish()
				p.Replay()
			}
			id := int32(0)
			for {
				fr, err := src.Next()
				if err != nil {
					break
				}
				msgs := d.DecodeFrame(&fr, nil)
				for i := range msgs {
					if pass == 0 {
						all = append(all, msgs[i])
						continue
					}
					p.Annotate(&msgs[i])
					if flt.Match(&msgs[i]) {
						want[id] = true
					}
					id++
				}
			}
			src.Close()
		}
		if len(want) == 0 {
			t.Fatalf("%s: matches nothing in %s; the test would prove nothing", expr, tc.file)
		}
		m := testModel(t, tc.file, 120, 30)
		m.opts.Compile = func(expr string) (Filter, error) { return filter.Compile(expr) }
		press(m, "/", "text:"+expr, "enter")
		got := map[int32]bool{}
		for _, id := range m.v.ids {
			got[id] = true
		}
		if len(got) != len(want) {
			t.Errorf("%s: TUI shows %d rows, nldump -Y matches %d", expr, len(got), len(want))
		}
		for id := range want {
			if !got[id] {
				t.Errorf("%s: row %d missing from the TUI's filtered view", expr, id)
				break
			}
		}
	}
}
