package tui

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	_ "github.com/nldump/nldump/decode/all"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// capturePath returns the path of a shipped capture.
func capturePath(name string) string { return filepath.Join("..", "testdata", "pcaps", name) }

// loadStore decodes a shipped capture through the loader, synchronously.
func loadStore(t testing.TB, name string) (*Store, *decode.Session) {
	t.Helper()
	src, err := capture.Open(capturePath(name))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	sess := decode.NewSession()
	l := newLoader(src, sess, new(sync.Mutex), nil)
	l.run()
	s := NewStore()
	s.Append(l.take())
	return s, sess
}

// testStyles are plain styles that show selections as text, for golden files:
// the cursor line starts with '>', the selected field's bytes are in [brackets],
// the hex cursor in {braces}, the filter error in <angle brackets>.
func testStyles() Styles {
	st := PlainStyles()
	n := lipgloss.NewStyle
	first := func(s string) string {
		_, k := utf8.DecodeRuneInString(s)
		return ">" + s[k:]
	}
	st.Cursor = n().Transform(first)
	st.CursorBlur = n().Transform(func(s string) string { _, k := utf8.DecodeRuneInString(s); return "-" + s[k:] })
	st.HexField = n().Transform(func(s string) string { return "[" + s + "]" })
	st.HexCursor = n().Transform(func(s string) string { return "{" + s + "}" })
	st.FilterErr = n().Transform(func(s string) string { return "<" + s + ">" })
	st.Status, st.Title, st.TitleFocused, st.Header = n(), n(), n(), n()
	return st
}

// testModel returns a model over a shipped capture, w x h, with testStyles.
func testModel(t testing.TB, name string, w, h int) *Model {
	t.Helper()
	s, sess := loadStore(t, name)
	m := newModel(s, sess, Options{Name: name, NoColor: true})
	m.st = testStyles()
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m.Init()
	return m
}

// kp turns a key name into a key press.
func kp(k string) tea.KeyPressMsg {
	special := map[string]tea.Key{
		"enter": {Code: tea.KeyEnter}, "tab": {Code: tea.KeyTab}, "shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"esc": {Code: tea.KeyEscape}, "up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown},
		"left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight}, "pgdown": {Code: tea.KeyPgDown},
		"pgup": {Code: tea.KeyPgUp}, "backspace": {Code: tea.KeyBackspace}, "space": {Code: tea.KeySpace, Text: " "},
		"ctrl+c": {Code: 'c', Mod: tea.ModCtrl}, "ctrl+u": {Code: 'u', Mod: tea.ModCtrl},
	}
	if s, ok := special[k]; ok {
		return tea.KeyPressMsg(s)
	}
	r, _ := utf8.DecodeRuneInString(k)
	return tea.KeyPressMsg{Code: r, Text: k}
}

// press sends keys ("j", "enter", or text:"..." typed character by character) and
// runs the commands they return, as the program would.
func press(m *Model, keys ...string) {
	for _, k := range keys {
		if t, ok := strings.CutPrefix(k, "text:"); ok {
			for _, r := range t {
				run(m, m.key(kp(string(r))))
			}
			continue
		}
		_, cmd := m.Update(kp(k))
		run(m, cmd)
	}
}

// run runs a command and feeds its messages back, until none is left.
func run(m *Model, cmd tea.Cmd) {
	for i := 0; cmd != nil && i < 100000; i++ {
		msg := cmd()
		switch msg := msg.(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				run(m, c)
			}
			return
		case tea.QuitMsg, nil, tickMsg:
			return
		}
		_, cmd = m.Update(msg)
	}
}

// screen renders the model without escape sequences.
func screen(m *Model) string { return ansi.Strip(m.Render()) }

// golden compares got with testdata/name.golden (-update rewrites it).
func golden(t *testing.T, name, got string) {
	t.Helper()
	got = ansi.Strip(got) + "\n"
	p := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./tui -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (go test ./tui -run %s -update to accept):\n--- got\n%s\n--- want\n%s", p, t.Name(), got, want)
	}
}

// checkSize fails unless every line of s is exactly w cells and there are h lines.
func checkSize(t *testing.T, s string, w, h int) {
	t.Helper()
	lines := strings.Split(s, "\n")
	if len(lines) != h {
		t.Errorf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n != w {
			t.Errorf("line %d is %d cells wide, want %d: %q", i+1, n, w, ansi.Strip(l))
		}
	}
}

func stringsContains(s, sub string) bool { return strings.Contains(s, sub) }
