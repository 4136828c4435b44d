package tui

import (
	"strconv"
	"strings"

	"github.com/nldump/nldump/decode"
)

// column is one column of the message list.
type column struct {
	title string
	width int // 0: the rest of the line (the summary)
	right bool
}

// The list's columns, and the order in which narrow terminals drop them (the
// last first).
const (
	colNo = iota
	colTime
	colDir
	colProto
	colType
	colFlags
	colSeq
	colPort
	colLen
	colSummary
	numCols
)

var columns = [numCols]column{
	colNo: {"No.", 7, false}, colTime: {"Time", 9, true}, colDir: {"Dir", 6, false},
	colProto: {"Proto", 8, false}, colType: {"Type", 16, false}, colFlags: {"Flags", 13, false},
	colSeq: {"Seq", 10, true}, colPort: {"Port", 10, true}, colLen: {"Len", 5, true},
	colSummary: {"Summary", 0, false},
}

// keepOrder is the order in which columns are kept as the terminal narrows.
var keepOrder = [...]int{colNo, colType, colSummary, colDir, colTime, colLen, colSeq, colPort, colFlags, colProto}

// minSummary is the summary width below which optional columns are dropped.
const minSummary = 24

// List is the virtualised message list: it renders only the rows on screen, so its
// cost does not depend on the number of messages.
type List struct {
	v     *view
	st    *Styles
	marks map[int32]bool

	cur, top int // cursor and first visible position in the view
	w, h     int
	show     [numCols]bool
	buf      []byte
}

// NewList returns a list over v.
func NewList(v *view, st *Styles) *List {
	return &List{v: v, st: st, marks: make(map[int32]bool)}
}

// SetSize sets the pane size, title line included, and chooses the columns.
func (l *List) SetSize(w, h int) {
	l.w, l.h = w, h
	l.show = [numCols]bool{}
	used := 1 // mark column
	for _, c := range keepOrder {
		cw := columns[c].width
		if c == colSummary {
			l.show[c] = true
			continue
		}
		if c == colNo || c == colType || used+cw+1+minSummary <= w {
			l.show[c] = true
			used += cw + 1
		}
	}
	l.scroll()
}

// rows is the number of message rows that fit.
func (l *List) rows() int { return max(l.h-1, 0) }

// Cursor returns the cursor position in the view.
func (l *List) Cursor() int { return l.cur }

// Selected returns the selected row.
func (l *List) Selected() (int32, bool) {
	if l.v.Len() == 0 {
		return 0, false
	}
	return l.v.At(l.cur), true
}

// SetCursor moves the cursor to position p of the view (clamped).
func (l *List) SetCursor(p int) {
	l.cur = max(min(p, l.v.Len()-1), 0)
	l.scroll()
}

// SelectRow moves the cursor to row id, or to the nearest row after it in the view.
func (l *List) SelectRow(id int32) {
	p, _ := l.v.Pos(id)
	l.SetCursor(p)
}

// MoveBy moves the cursor n positions.
func (l *List) MoveBy(n int) { l.SetCursor(l.cur + n) }

// Page returns the number of rows a page key moves.
func (l *List) Page() int { return max(l.rows()-1, 1) }

// scroll keeps the cursor on screen.
func (l *List) scroll() {
	n := l.rows()
	if l.cur < l.top {
		l.top = l.cur
	}
	if n > 0 && l.cur >= l.top+n {
		l.top = l.cur - n + 1
	}
	if m := l.v.Len() - n; l.top > m {
		l.top = max(m, 0)
	}
	if l.top < 0 {
		l.top = 0
	}
}

// ToggleMark marks or unmarks the selected row.
func (l *List) ToggleMark() {
	if id, ok := l.Selected(); ok {
		if l.marks[id] {
			delete(l.marks, id)
		} else {
			l.marks[id] = true
		}
	}
}

// View renders the title line and the visible rows.
func (l *List) View(focused bool) string {
	if l.w <= 0 || l.h <= 0 {
		return ""
	}
	var sb strings.Builder
	title := l.st.Title
	if focused {
		title = l.st.TitleFocused
	}
	sb.WriteString(title.Render(fit(l.header(), l.w)))
	s := l.v.s
	n := l.rows()
	for i := 0; i < n; i++ {
		sb.WriteByte('\n')
		p := l.top + i
		if p >= l.v.Len() {
			sb.WriteString(strings.Repeat(" ", l.w))
			continue
		}
		id := l.v.At(p)
		line := fit(string(l.appendRow(l.buf[:0], s, id)), l.w)
		r := s.Row(id)
		switch {
		case p == l.cur && focused:
			sb.WriteString(l.st.Cursor.Render(line))
		case p == l.cur:
			sb.WriteString(l.st.CursorBlur.Render(line))
		case r.Malformed:
			sb.WriteString(l.st.Malformed.Render(line))
		default:
			sb.WriteString(l.st.Dir[r.Dir].Render(line))
		}
	}
	return sb.String()
}

// header returns the column titles.
func (l *List) header() string {
	b := []byte{' '}
	for c := range numCols {
		if !l.show[c] {
			continue
		}
		b = appendCell(b, columns[c].title, columns[c])
	}
	return string(b)
}

// appendCell appends text in a column of the list, padded, and a separating space.
func appendCell(b []byte, text string, c column) []byte {
	if c.width == 0 {
		return append(b, text...)
	}
	w := width(text)
	if w > c.width {
		text = fit(text, c.width)
		w = c.width
	}
	if c.right {
		b = append(b, strings.Repeat(" ", c.width-w)...)
		b = append(b, text...)
	} else {
		b = append(b, text...)
		b = append(b, strings.Repeat(" ", c.width-w)...)
	}
	return append(b, ' ')
}

// appendRow appends the text of row id.
func (l *List) appendRow(b []byte, s *Store, id int32) []byte {
	r := s.Row(id)
	if l.marks[id] {
		b = append(b, '*')
	} else {
		b = append(b, ' ')
	}
	var tmp [32]byte
	for c := range numCols {
		if !l.show[c] {
			continue
		}
		var t []byte
		switch c {
		case colNo:
			t = strconv.AppendInt(tmp[:0], int64(s.FrameNumber(id)), 10)
			if r.Multi {
				t = append(t, '.')
				t = strconv.AppendInt(t, int64(r.Index)+1, 10)
			}
		case colTime:
			t = appendSeconds(tmp[:0], int64(s.Time(id)))
		case colDir:
			b = appendCell(b, dirShort[r.Dir], columns[c])
			continue
		case colProto:
			b = appendCell(b, s.Name(r.Proto), columns[c])
			continue
		case colType:
			b = appendCell(b, s.Name(r.Type), columns[c])
			continue
		case colFlags:
			f := "-"
			if r.Flags != 0 {
				f = decode.FlagsFor(r.Op).Format(uint64(r.Flags), "|")
			}
			b = appendCell(b, f, columns[c])
			continue
		case colSeq:
			t = strconv.AppendUint(tmp[:0], uint64(r.Seq), 10)
		case colPort:
			t = strconv.AppendUint(tmp[:0], uint64(r.Pid), 10)
		case colLen:
			t = strconv.AppendUint(tmp[:0], uint64(r.Len), 10)
		case colSummary:
			b = append(b, r.Summary...)
			if r.Malformed {
				b = append(b, " [malformed]"...)
			}
			continue
		}
		b = appendCell(b, string(t), columns[c])
	}
	return b
}

// dirShort names directions in the list's narrow column.
var dirShort = [...]string{"?", "req", "reply", "notify", "ack", "error"}

// appendSeconds appends nanoseconds as seconds with microseconds: "1.000250".
func appendSeconds(b []byte, ns int64) []byte {
	if ns < 0 {
		b = append(b, '-')
		ns = -ns
	}
	us := ns / 1000
	b = strconv.AppendInt(b, us/1e6, 10)
	b = append(b, '.')
	frac := us % 1e6
	for div := int64(100000); div > 0; div /= 10 {
		b = append(b, byte('0'+frac/div%10))
	}
	return b
}
