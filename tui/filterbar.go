package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// FilterError is a filter that does not compile: Col is the 1-based column (in
// characters) where it goes wrong, 0 when unknown.
type FilterError struct {
	Col int
	Msg string
}

func (e *FilterError) Error() string { return e.Msg }

// FilterBar is a one-line editor for the filter and the search, validating as the
// user types: an error underlines the place where the text goes wrong.
type FilterBar struct {
	st     *Styles
	prompt string
	text   []rune
	pos    int
	err    *FilterError
	info   string // right-aligned: match count, "filtering 40%"
	w      int
}

// NewFilterBar returns a closed bar.
func NewFilterBar(st *Styles) *FilterBar { return &FilterBar{st: st} }

// SetSize sets the width.
func (f *FilterBar) SetSize(w int) { f.w = w }

// Open starts editing text after prompt.
func (f *FilterBar) Open(prompt, text string) {
	f.prompt, f.text, f.err = prompt, []rune(text), nil
	f.pos = len(f.text)
}

// Text returns the text.
func (f *FilterBar) Text() string { return string(f.text) }

// SetError shows a validation error (nil: valid).
func (f *FilterBar) SetError(err *FilterError) { f.err = err }

// SetInfo sets the text shown at the right end.
func (f *FilterBar) SetInfo(s string) { f.info = s }

// barAction is what a key did to the bar.
type barAction int

const (
	barNone    barAction = iota // cursor moved, nothing else
	barChanged                  // the text changed
	barEnter                    // enter: apply
	barCancel                   // esc: leave
)

// HandleKey edits the text.
func (f *FilterBar) HandleKey(k tea.KeyPressMsg) barAction {
	switch k.String() {
	case "enter":
		return barEnter
	case "esc", "ctrl+c":
		return barCancel
	case "left", "ctrl+b":
		f.pos = max(f.pos-1, 0)
	case "right", "ctrl+f":
		f.pos = min(f.pos+1, len(f.text))
	case "home", "ctrl+a":
		f.pos = 0
	case "end", "ctrl+e":
		f.pos = len(f.text)
	case "backspace", "ctrl+h":
		if f.pos > 0 {
			f.text = append(f.text[:f.pos-1], f.text[f.pos:]...)
			f.pos--
			return barChanged
		}
	case "delete", "ctrl+d":
		if f.pos < len(f.text) {
			f.text = append(f.text[:f.pos], f.text[f.pos+1:]...)
			return barChanged
		}
	case "ctrl+u":
		f.text, f.pos = f.text[:0], 0
		return barChanged
	default:
		if k.Text != "" && k.Mod&^tea.ModShift == 0 {
			rs := []rune(terminalSafe(k.Text))
			f.text = append(f.text[:f.pos], append(rs, f.text[f.pos:]...)...)
			f.pos += len(rs)
			return barChanged
		}
	}
	return barNone
}

// View renders the bar: prompt, text with the cursor, the error, the info.
func (f *FilterBar) View(editing bool) string {
	var sb strings.Builder
	sb.WriteString(f.prompt)
	style := f.st.FilterOK
	if f.err != nil {
		style = f.st.FilterBad
	}
	errAt := -1
	if f.err != nil && f.err.Col > 0 {
		errAt = f.err.Col - 1
	}
	used := width(f.prompt)
	for i := 0; i <= len(f.text); i++ {
		c := " "
		if i < len(f.text) {
			c = string(f.text[i])
		} else if !editing && errAt < len(f.text) {
			break
		}
		switch {
		case editing && i == f.pos:
			sb.WriteString(f.st.Cursor.Render(c))
		case i == errAt:
			sb.WriteString(f.st.FilterErr.Render(c))
		case i < len(f.text):
			sb.WriteString(style.Render(c))
		default:
			sb.WriteString(c)
		}
		used += width(c)
	}
	right := f.info
	if f.err != nil {
		right = "✗ " + f.err.Msg
		if f.err.Col > 0 {
			right = "✗ column " + itoa(f.err.Col) + ": " + f.err.Msg
		}
	}
	if right != "" {
		gap := f.w - used - width(right) - 1
		if gap < 1 {
			right = fit(right, max(f.w-used-2, 0))
			gap = 1
		}
		sb.WriteString(strings.Repeat(" ", gap))
		if f.err != nil {
			sb.WriteString(f.st.FilterBad.Render(right))
		} else {
			sb.WriteString(right)
		}
		used += gap + width(right)
	}
	if used < f.w {
		sb.WriteString(strings.Repeat(" ", f.w-used))
	}
	out := sb.String()
	if used > f.w {
		out = truncateStyled(out, f.w)
	}
	return out
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
