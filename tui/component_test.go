package tui

import (
	"strings"
	"testing"
)

// Golden files of each component, rendered alone at a fixed size.

func TestListGolden(t *testing.T) {
	m := testModel(t, "rtnl-dumps.pcap", 120, 30)
	for _, w := range []int{80, 160} {
		m.list.SetSize(w, 8)
		m.list.SetCursor(3)
		m.list.ToggleMark()
		got := m.list.View(true)
		m.list.ToggleMark()
		golden(t, "list-"+itoa(w), got)
	}
}

func TestTreeGolden(t *testing.T) {
	m := testModel(t, "errors.pcap", 100, 40)
	press(m, "6", "G") // NLMSG_ERROR with an extended ACK and the echoed request
	m.tree.SetSize(90, 30)
	golden(t, "tree-error", m.tree.View(true))
	m.tree.SetCursor(0)
	m.tree.Toggle() // collapse nlmsghdr
	golden(t, "tree-error-collapsed", m.tree.View(false))
}

func TestHexGolden(t *testing.T) {
	m := testModel(t, "errors.pcap", 100, 40)
	press(m, "6", "G", "tab", "j", "j", "j") // nlmsg_flags
	for _, w := range []int{hexWide, 40} {
		m.hex.SetSize(w, 8)
		golden(t, "hex-"+itoa(w), m.hex.View(true))
	}
}

func TestFilterBarGolden(t *testing.T) {
	st := testStyles()
	f := NewFilterBar(&st)
	f.SetSize(80)
	f.Open("/ ", "nlmsg.type == ")
	f.SetError(&FilterError{Col: 12, Msg: "expected a value after '=='"})
	var b strings.Builder
	b.WriteString(f.View(true) + "\n")
	f.Open("/ ", "dev veth0")
	f.SetInfo("12 of 163 match")
	b.WriteString(f.View(false))
	golden(t, "filterbar", b.String())
}

func TestExplainGolden(t *testing.T) {
	m := testModel(t, "errors.pcap", 100, 40)
	press(m, "6", "G", "tab")
	var b strings.Builder
	for i := 0; i < m.tree.Len(); i++ {
		m.tree.SetCursor(i)
		b.WriteString(explain(m.tree.Selected()) + "\n")
	}
	golden(t, "explain", b.String())
	if !strings.Contains(b.String(), "nlmsg_flags · nlmsg.flags · u16 · ") {
		t.Error("no explanation of nlmsg_flags")
	}
}

func TestStatusGolden(t *testing.T) {
	m := testModel(t, "errors.pcap", 100, 24)
	press(m, "m", "F")
	golden(t, "status", m.statusLine())
}

func TestTerminalSafe(t *testing.T) {
	for in, want := range map[string]string{
		"plain": "plain", "a\x1b[31mb": `a\x1b[31mb`, "tab\there": `tab\x09here`,
		"c1\u009bx": `c1\xc2\x9bx`, "ünï": "ünï", "del\x7f": `del\x7f`,
	} {
		if got := terminalSafe(in); got != want {
			t.Errorf("terminalSafe(%q) = %q, want %q", in, got, want)
		}
	}
}
