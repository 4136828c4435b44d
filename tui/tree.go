package tui

import (
	"strconv"
	"strings"

	"github.com/nldump/nldump/decode"
)

// treeNode is one visible line of the field tree: a field, or a problem note of a field.
type treeNode struct {
	f     *decode.Field
	depth int
	note  bool
}

// Tree is the field tree of the selected message. Subtrees collapse and expand
// per field definition (like Wireshark's remembered subtrees), so a collapsed
// nlmsghdr stays collapsed from message to message.
type Tree struct {
	st        *Styles
	msg       *decode.Message
	dir       decode.Direction
	nodes     []treeNode
	collapsed map[*decode.FieldDef]bool
	cur, top  int
	w, h      int
}

// NewTree returns an empty tree pane.
func NewTree(st *Styles) *Tree {
	return &Tree{st: st, collapsed: make(map[*decode.FieldDef]bool)}
}

// SetSize sets the pane size, title line included.
func (t *Tree) SetSize(w, h int) { t.w, t.h = w, h; t.scroll() }

// SetMessage shows m (nil for none); dir is the direction the list pass judged.
// The cursor stays on a field of the same definition when the new message has one.
func (t *Tree) SetMessage(m *decode.Message, dir decode.Direction) {
	var keep *decode.FieldDef
	if f := t.Selected(); f != nil {
		keep = f.Def
	}
	t.msg, t.dir = m, dir
	t.rebuild()
	t.cur = 0
	for i, n := range t.nodes {
		if n.f.Def == keep && !n.note {
			t.cur = i
			break
		}
	}
	t.scroll()
}

// Message returns the message shown.
func (t *Tree) Message() *decode.Message { return t.msg }

// rebuild flattens the visible fields.
func (t *Tree) rebuild() {
	t.nodes = t.nodes[:0]
	if t.msg == nil {
		return
	}
	root := &t.msg.Root
	if root.Note != "" {
		t.nodes = append(t.nodes, treeNode{f: root, note: true})
	}
	for i := range root.Children {
		t.add(&root.Children[i], 0)
	}
}

func (t *Tree) add(f *decode.Field, depth int) {
	t.nodes = append(t.nodes, treeNode{f: f, depth: depth})
	if f.Note != "" {
		t.nodes = append(t.nodes, treeNode{f: f, depth: depth + 1, note: true})
	}
	if len(f.Children) == 0 || t.collapsed[f.Def] {
		return
	}
	for i := range f.Children {
		t.add(&f.Children[i], depth+1)
	}
}

// Selected returns the field under the cursor, or nil.
func (t *Tree) Selected() *decode.Field {
	if t.cur < len(t.nodes) {
		return t.nodes[t.cur].f
	}
	return nil
}

// MoveBy moves the cursor n lines.
func (t *Tree) MoveBy(n int) {
	t.cur = max(min(t.cur+n, len(t.nodes)-1), 0)
	t.scroll()
}

// SetCursor moves to line p.
func (t *Tree) SetCursor(p int) { t.cur = 0; t.MoveBy(p) }

// Len returns the number of visible lines.
func (t *Tree) Len() int { return len(t.nodes) }

// Page returns the lines a page key moves.
func (t *Tree) Page() int { return max(t.h-2, 1) }

// Expand expands (open) or collapses the selected field; collapsing a leaf moves to
// its parent, as in file managers.
func (t *Tree) Expand(open bool) {
	if t.cur >= len(t.nodes) {
		return
	}
	n := t.nodes[t.cur]
	if n.note {
		return
	}
	if len(n.f.Children) == 0 || (!open && t.collapsed[n.f.Def]) {
		if !open {
			for i := t.cur - 1; i >= 0; i-- {
				if t.nodes[i].depth < n.depth && !t.nodes[i].note {
					t.cur = i
					break
				}
			}
			t.scroll()
		}
		return
	}
	if open {
		delete(t.collapsed, n.f.Def)
	} else {
		t.collapsed[n.f.Def] = true
	}
	t.rebuild()
	t.scroll()
}

// Toggle expands a collapsed field and collapses an expanded one.
func (t *Tree) Toggle() {
	if f := t.Selected(); f != nil {
		t.Expand(t.collapsed[f.Def])
	}
}

// SelectByte selects the deepest field that holds byte off of the frame, expanding
// its ancestors.
func (t *Tree) SelectByte(off int) {
	if t.msg == nil {
		return
	}
	var path []*decode.Field
	fs := t.msg.Root.Children
	for {
		var hit *decode.Field
		for i := range fs {
			f := &fs[i]
			if off >= f.Offset && off < f.Offset+f.Length {
				hit = f
				break
			}
		}
		if hit == nil {
			break
		}
		path = append(path, hit)
		fs = hit.Children
	}
	if len(path) == 0 {
		return
	}
	for _, f := range path[:len(path)-1] {
		delete(t.collapsed, f.Def)
	}
	t.rebuild()
	want := path[len(path)-1]
	for i, n := range t.nodes {
		if n.f == want && !n.note {
			t.cur = i
			break
		}
	}
	t.scroll()
}

func (t *Tree) scroll() {
	n := max(t.h-1, 0)
	if t.cur < t.top {
		t.top = t.cur
	}
	if n > 0 && t.cur >= t.top+n {
		t.top = t.cur - n + 1
	}
	if m := len(t.nodes) - n; t.top > m {
		t.top = max(m, 0)
	}
}

// title describes the message shown.
func (t *Tree) title() string {
	m := t.msg
	if m == nil {
		return " Fields"
	}
	b := []byte(" Message ")
	b = strconv.AppendInt(b, int64(m.Frame.Number), 10)
	b = append(b, '.')
	b = strconv.AppendInt(b, int64(m.Index+1), 10)
	b = append(b, ": "...)
	b = append(b, terminalSafe(m.TypeName)...)
	b = append(b, " ("...)
	b = append(b, t.dir.String()...)
	b = append(b, "), "...)
	b = strconv.AppendInt(b, int64(len(m.Data)), 10)
	b = append(b, " bytes at offset "...)
	b = strconv.AppendInt(b, int64(m.Offset), 10)
	if m.BigEndian {
		b = append(b, ", big-endian"...)
	}
	return string(b)
}

// View renders the title and the visible lines.
func (t *Tree) View(focused bool) string {
	if t.w <= 0 || t.h <= 0 {
		return ""
	}
	var sb strings.Builder
	title := t.st.Title
	if focused {
		title = t.st.TitleFocused
	}
	sb.WriteString(title.Render(fit(t.title(), t.w)))
	var b []byte
	for i := 0; i < t.h-1; i++ {
		sb.WriteByte('\n')
		p := t.top + i
		if p >= len(t.nodes) {
			sb.WriteString(strings.Repeat(" ", t.w))
			continue
		}
		n := t.nodes[p]
		b = appendNodeLine(b[:0], n, t.collapsed)
		line := fit(string(b), t.w)
		switch {
		case p == t.cur && focused:
			sb.WriteString(t.st.Cursor.Render(line))
		case p == t.cur:
			sb.WriteString(t.st.CursorBlur.Render(line))
		case n.note:
			sb.WriteString(t.st.Note.Render(line))
		default:
			sb.WriteString(line)
		}
	}
	return sb.String()
}

// appendNodeLine appends one tree line: indent, expander, label and value.
func appendNodeLine(b []byte, n treeNode, collapsed map[*decode.FieldDef]bool) []byte {
	for i := 0; i < n.depth; i++ {
		b = append(b, "  "...)
	}
	f := n.f
	if n.note {
		b = append(b, "  [problem: "...)
		b = append(b, terminalSafe(f.Note)...)
		return append(b, ']')
	}
	switch {
	case len(f.Children) == 0:
		b = append(b, "  "...)
	case collapsed[f.Def]:
		b = append(b, "▸ "...)
	default:
		b = append(b, "▾ "...)
	}
	b = f.AppendLabel(b)
	mark := len(b)
	b = append(b, ": "...)
	n0 := len(b)
	b = f.AppendValue(b)
	if len(b) == n0 {
		b = b[:mark]
	}
	return b
}
