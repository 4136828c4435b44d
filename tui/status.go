package tui

import (
	"strconv"
	"strings"

	"github.com/nldump/nldump/decode"
)

// explain returns the explanation line of field f: its C name, filter name, kind,
// meaning, raw value and byte range, so that the tree teaches what each byte is.
func explain(f *decode.Field) string {
	if f == nil || f.Def == nil {
		return ""
	}
	d := f.Def
	var b []byte
	b = f.AppendLabel(b)
	if d.Name != "" {
		b = append(b, " · "...)
		b = append(b, d.Name...)
	}
	b = append(b, " · "...)
	b = append(b, d.Kind.String()...)
	if f.IsAttr() {
		b = append(b, " attr type "...)
		b = strconv.AppendInt(b, int64(f.Type), 10)
	}
	switch {
	case d.Desc != "":
		b = append(b, " · "...)
		b = append(b, d.Desc...)
	case f.Unknown:
		b = append(b, " · no table describes this attribute type"...)
	}
	if raw := rawValue(f); raw != "" {
		b = append(b, " · raw "...)
		b = append(b, raw...)
	}
	b = append(b, " · bytes 0x"...)
	b = appendHex(b, f.Offset, 4)
	if f.Length > 1 {
		b = append(b, "-0x"...)
		b = appendHex(b, f.Offset+f.Length-1, 4)
	}
	b = append(b, " ("...)
	b = strconv.AppendInt(b, int64(f.Length), 10)
	b = append(b, " bytes)"...)
	return terminalSafe(string(b))
}

// rawValue returns the value as stored: the integer in hex and decimal, or the
// first bytes in hex.
func rawValue(f *decode.Field) string {
	d := f.Def
	if d.Kind.IsInt() {
		size := d.Kind.Size()
		v := f.Value
		if size < 8 {
			v &= 1<<(8*uint(size)) - 1
		}
		b := []byte("0x")
		b = strconv.AppendUint(b, v, 16)
		for len(b) < 2+size*2 {
			b = append(b[:2], append([]byte{'0'}, b[2:]...)...)
		}
		b = append(b, " = "...)
		if d.Kind.Signed() {
			b = strconv.AppendInt(b, int64(f.Value), 10)
		} else {
			b = strconv.AppendUint(b, f.Value, 10)
		}
		return string(b)
	}
	if len(f.Bytes) == 0 || len(f.Children) > 0 {
		return ""
	}
	n := min(len(f.Bytes), 16)
	s := string(decode.AppendHex(nil, f.Bytes[:n]))
	if n < len(f.Bytes) {
		s += "…"
	}
	return s
}

// statusLine renders the status bar: file, counts, loading state, filter, marks,
// a transient message and the cursor position.
func (m *Model) statusLine() string {
	var left strings.Builder
	left.WriteString(" ")
	left.WriteString(m.opts.Name)
	left.WriteString("  ")
	left.WriteString(itoa(m.store.Len()))
	left.WriteString(" msgs")
	switch {
	case m.paused:
		left.WriteString(" [paused: ")
		left.WriteString(itoa(m.ld.waiting()))
		left.WriteString(" waiting]")
	case !m.done && m.stats.Live:
		left.WriteString(" (live)")
	case !m.done:
		left.WriteString(" (loading…)")
	}
	if !m.done && m.rate > 0 {
		left.WriteString("  ")
		left.WriteString(itoa(int(m.rate + 0.5)))
		left.WriteString(" msg/s")
	}
	if m.stats.Live {
		left.WriteString("  dropped ")
		left.WriteString(itoa(m.stats.Dropped))
	}
	if m.v.on {
		left.WriteString("  filter: ")
		left.WriteString(itoa(len(m.v.ids)))
		left.WriteString(" shown")
		if m.job != nil && m.job.pending(m) {
			left.WriteString(" (filtering ")
			left.WriteString(itoa(m.job.percent(m.store.Len())))
			left.WriteString("%)")
		}
	}
	if m.follow {
		left.WriteString("  [follow]")
	}
	if n := len(m.list.marks); n > 0 {
		left.WriteString("  marks ")
		left.WriteString(itoa(n))
	}
	if m.count > 0 {
		left.WriteString("  ")
		left.WriteString(itoa(m.count))
	}
	if m.msg != "" {
		left.WriteString("  ")
		left.WriteString(m.msg)
	}
	right := "? help "
	if m.v.Len() > 0 {
		right = itoa(m.list.Cursor()+1) + "/" + itoa(m.v.Len()) + "  ? help "
	}
	l := left.String()
	gap := m.w - width(l) - width(right)
	if gap < 1 {
		return m.st.Status.Render(fit(l, m.w))
	}
	return m.st.Status.Render(l + strings.Repeat(" ", gap) + right)
}
