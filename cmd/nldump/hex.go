package main

import (
	"strconv"

	"github.com/nldump/nldump/decode"
)

// appendHexDump appends m's bytes as hex and ASCII, 16 bytes a line with offsets in
// the frame, followed by every leaf field with its byte range, so that each byte
// can be traced to the field it belongs to.
func appendHexDump(b []byte, m *decode.Message) []byte {
	data := m.Frame.Data
	start, end := m.Root.Offset, m.Root.Offset+m.Root.Length
	// Include frame padding attached to the message.
	m.Root.Walk(func(f *decode.Field, _ int) bool {
		if e := f.Offset + f.Length; e > end {
			end = e
		}
		return true
	})
	if end > len(data) {
		end = len(data)
	}
	for line := start &^ 15; line < end; line += 16 {
		b = append(b, "    "...)
		b = appendHex4(b, line)
		b = append(b, "  "...)
		for i := 0; i < 16; i++ {
			o := line + i
			if o < start || o >= end {
				b = append(b, "   "...)
			} else {
				b = append(b, hexDigit(data[o]>>4), hexDigit(data[o]&0xf), ' ')
			}
			if i == 7 {
				b = append(b, ' ')
			}
		}
		b = append(b, ' ')
		for i := 0; i < 16; i++ {
			o := line + i
			switch {
			case o < start || o >= end:
				b = append(b, ' ')
			case data[o] >= 0x20 && data[o] < 0x7f:
				b = append(b, data[o])
			default:
				b = append(b, '.')
			}
		}
		b = append(b, '\n')
	}
	b = append(b, "    offset    len  field\n"...)
	m.Root.Walk(func(f *decode.Field, depth int) bool {
		if f.Def == nil || depth == 0 {
			return true
		}
		b = append(b, "    "...)
		b = appendHex4(b, f.Offset)
		b = append(b, "  "...)
		s := len(b)
		b = strconv.AppendInt(b, int64(f.Length), 10)
		b = pad(b, s, 5)
		for i := 1; i < depth; i++ {
			b = append(b, "  "...)
		}
		b = append(b, f.Def.Name...)
		if f.Unknown {
			b = append(b, " type="...)
			b = strconv.AppendInt(b, int64(f.Type), 10)
		}
		if len(f.Children) == 0 {
			b = appendValueAfter(b, f, " = ")
		}
		b = append(b, '\n')
		return true
	})
	return append(b, '\n')
}

// appendHex4 appends n as at least 4 hex digits.
func appendHex4(b []byte, n int) []byte {
	s := strconv.FormatInt(int64(n), 16)
	for i := len(s); i < 4; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}
