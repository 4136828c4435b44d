package tui

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
)

// Hex is the hex pane: the selected message's bytes (offsets are in the frame, as
// `nldump -x` prints them), the selected field's bytes highlighted, and a byte
// cursor whose moves select the field that owns the byte.
type Hex struct {
	st         *Styles
	data       []byte
	start, end int // the message's bytes in data
	selOff     int // the selected field's bytes
	selLen     int
	cursor     int // a byte offset in data
	top        int // first line shown, as a line index from start&^(per-1)
	w, h       int
}

// NewHex returns an empty hex pane.
func NewHex(st *Styles) *Hex { return &Hex{st: st} }

// SetSize sets the pane size, title line included.
func (x *Hex) SetSize(w, h int) { x.w, x.h = w, h; x.show(x.cursor) }

// perLine is the number of bytes a line shows: 16, or 8 on narrow panes.
func (x *Hex) perLine() int {
	if x.w >= 4+2+16*3+1+1+16 {
		return 16
	}
	return 8
}

// SetData shows data[start:end].
func (x *Hex) SetData(data []byte, start, end int) {
	x.data, x.start, x.end = data, start, min(end, len(data))
	x.cursor, x.top, x.selLen = start, 0, 0
}

// Select highlights the field at [off, off+n) and moves the cursor to its start.
func (x *Hex) Select(off, n int) {
	x.selOff, x.selLen = off, n
	x.cursor = max(min(off, x.end-1), x.start)
	x.show(off + n - 1)
	x.show(off)
}

// Cursor returns the byte offset under the cursor.
func (x *Hex) Cursor() int { return x.cursor }

// MoveBy moves the cursor n bytes (clamped to the message).
func (x *Hex) MoveBy(n int) {
	x.cursor = max(min(x.cursor+n, x.end-1), x.start)
	x.show(x.cursor)
}

// MoveLines moves the cursor n lines.
func (x *Hex) MoveLines(n int) { x.MoveBy(n * x.perLine()) }

// Page returns the lines a page key moves.
func (x *Hex) Page() int { return max(x.h-2, 1) }

// base is the offset of the first line.
func (x *Hex) base() int { return x.start &^ (x.perLine() - 1) }

// lines is the number of lines of the message.
func (x *Hex) lines() int {
	if x.end <= x.start {
		return 0
	}
	return (x.end-1-x.base())/x.perLine() + 1
}

// show scrolls so that byte off is on screen.
func (x *Hex) show(off int) {
	n := max(x.h-1, 1)
	l := (off - x.base()) / x.perLine()
	if l < x.top {
		x.top = l
	}
	if l >= x.top+n {
		x.top = l - n + 1
	}
	x.top = max(min(x.top, x.lines()-n), 0)
}

// title describes the bytes shown.
func (x *Hex) title() string {
	if x.end <= x.start {
		return " Bytes"
	}
	b := []byte(" Bytes 0x")
	b = appendHex(b, x.start, 4)
	b = append(b, "-0x"...)
	b = appendHex(b, x.end-1, 4)
	b = append(b, "  cursor 0x"...)
	b = appendHex(b, x.cursor, 4)
	if x.selLen > 0 {
		b = append(b, "  field 0x"...)
		b = appendHex(b, x.selOff, 4)
		b = append(b, '+')
		b = strconv.AppendInt(b, int64(x.selLen), 10)
	}
	return string(b)
}

// View renders the title and the visible lines; focused shows the byte cursor.
func (x *Hex) View(focused bool) string {
	if x.w <= 0 || x.h <= 0 {
		return ""
	}
	var sb strings.Builder
	title := x.st.Title
	if focused {
		title = x.st.TitleFocused
	}
	sb.WriteString(title.Render(fit(x.title(), x.w)))
	per := x.perLine()
	for i := 0; i < x.h-1; i++ {
		sb.WriteByte('\n')
		l := x.top + i
		if l >= x.lines() {
			sb.WriteString(strings.Repeat(" ", x.w))
			continue
		}
		x.line(&sb, x.base()+l*per, per, focused)
	}
	return sb.String()
}

// span collects text of one style, so that a line costs a few Render calls.
type span struct {
	sb    *strings.Builder
	style *lipgloss.Style
	buf   []byte
	used  int // cells written
}

func (s *span) add(st *lipgloss.Style, text string) {
	if st != s.style {
		s.flush()
		s.style = st
	}
	s.buf = append(s.buf, text...)
	s.used += len(text)
}

func (s *span) flush() {
	if len(s.buf) == 0 {
		return
	}
	if s.style == nil {
		s.sb.Write(s.buf)
	} else {
		s.sb.WriteString(s.style.Render(string(s.buf)))
	}
	s.buf = s.buf[:0]
}

// line renders the line of per bytes starting at off, cut to the pane width.
func (x *Hex) line(sb *strings.Builder, off, per int, focused bool) {
	var line strings.Builder
	s := span{sb: &line}
	var tmp [8]byte
	s.add(&x.st.HexOffset, string(appendHex(tmp[:0], off, 4)))
	s.add(nil, "  ")
	for pass := 0; pass < 2; pass++ {
		for i := 0; i < per; i++ {
			o := off + i
			st := x.byteStyle(o, focused)
			var cell string
			switch {
			case o < x.start || o >= x.end:
				cell = "  "
				if pass == 1 {
					cell = " "
				}
			case pass == 0:
				cell = string([]byte{hexDigits[x.data[o]>>4], hexDigits[x.data[o]&0xf]})
			case x.data[o] >= 0x20 && x.data[o] < 0x7f:
				cell = string(x.data[o])
			default:
				cell = "."
			}
			s.add(st, cell)
			if pass == 0 {
				sep := " "
				if i == 7 && per == 16 {
					sep = "  "
				}
				// The separator is highlighted inside a field, not after its last byte.
				if st == &x.st.HexField && o+1 < x.selOff+x.selLen && i+1 < per {
					s.add(st, sep)
				} else {
					s.add(nil, sep)
				}
			}
		}
		if pass == 0 {
			s.add(nil, " ")
		}
	}
	if s.used < x.w {
		s.add(nil, strings.Repeat(" ", x.w-s.used))
	}
	s.flush()
	out := line.String()
	if s.used > x.w {
		out = truncateStyled(out, x.w)
	}
	sb.WriteString(out)
}

// byteStyle returns the style of byte o, or nil for plain.
func (x *Hex) byteStyle(o int, focused bool) *lipgloss.Style {
	switch {
	case o < x.start || o >= x.end:
		return nil
	case focused && o == x.cursor:
		return &x.st.HexCursor
	case o >= x.selOff && o < x.selOff+x.selLen:
		return &x.st.HexField
	}
	return nil
}

// appendHex appends n in hex, zero-padded to at least digits.
func appendHex(b []byte, n, digits int) []byte {
	s := strconv.FormatInt(int64(n), 16)
	for i := len(s); i < digits; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}
