package main

import (
	"strconv"

	"github.com/nldump/nldump/decode"
)

// appendTree appends the verbose field tree of m, tshark -V style: one line per
// field, indented by depth, "label: value", with problem notes under their field.
func appendTree(b []byte, m *decode.Message, inFrame int) []byte {
	b = append(b, "    Message "...)
	b = appendID(b, m, inFrame)
	b = append(b, ": "...)
	b = decode.AppendEscaped(b, []byte(m.TypeName))
	b = append(b, " ("...)
	b = append(b, m.Direction.String()...)
	b = append(b, "), "...)
	b = strconv.AppendInt(b, int64(len(m.Data)), 10)
	b = append(b, " bytes at offset "...)
	b = strconv.AppendInt(b, int64(m.Offset), 10)
	b = append(b, " of frame "...)
	b = strconv.AppendInt(b, int64(m.Frame.Number), 10)
	if m.BigEndian {
		b = append(b, ", big-endian"...)
	}
	b = append(b, '\n')
	if c := frameComment(m.Frame); c != "" {
		b = append(b, "        Frame comment: "...)
		b = appendTerminalSafe(b, c)
		b = append(b, '\n')
	}
	for i := range m.Root.Children {
		b = appendNode(b, &m.Root.Children[i], 2)
	}
	if m.Root.Note != "" {
		b = appendNote(b, m.Root.Note, 2)
	}
	return b
}

// appendNode appends one field line and its children.
func appendNode(b []byte, f *decode.Field, depth int) []byte {
	for i := 0; i < depth; i++ {
		b = append(b, "    "...)
	}
	b = f.AppendLabel(b)
	b = appendValueAfter(b, f, ": ")
	b = append(b, '\n')
	if f.Note != "" {
		b = appendNote(b, f.Note, depth+1)
	}
	for i := range f.Children {
		b = appendNode(b, &f.Children[i], depth+1)
	}
	return b
}

func appendNote(b []byte, note string, depth int) []byte {
	for i := 0; i < depth; i++ {
		b = append(b, "    "...)
	}
	b = append(b, "[problem: "...)
	b = appendTerminalSafe(b, note)
	return append(b, "]\n"...)
}

// appendValueAfter appends sep and the field's value, or nothing when the field
// has no value (containers), without a temporary buffer.
func appendValueAfter(b []byte, f *decode.Field, sep string) []byte {
	mark := len(b)
	b = append(b, sep...)
	n := len(b)
	b = f.AppendValue(b)
	if len(b) == n {
		return b[:mark]
	}
	return b
}
