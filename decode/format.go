package decode

import (
	"net/netip"
	"strconv"
	"unicode/utf8"
)

const hexDigits = "0123456789abcdef"

// ValueString returns the field's value as text: numbers in their display base with
// enum and flag names, addresses in their usual notation, strings escaped so that no
// control byte from a capture reaches a terminal, opaque bytes as hex.
func (f *Field) ValueString() string { return string(f.AppendValue(nil)) }

// AppendValue appends the text of ValueString to dst.
func (f *Field) AppendValue(dst []byte) []byte {
	if f.Def == nil {
		return dst
	}
	d := f.Def
	switch k := d.Kind; {
	case k.IsInt():
		return f.appendInt(dst)
	case k == KindString:
		return AppendEscaped(dst, TrimNUL(f.Bytes))
	case k == KindAddr:
		return AppendAddr(dst, f.Bytes)
	case k == KindMAC:
		return AppendMAC(dst, f.Bytes)
	case k == KindFlag:
		return append(dst, "true"...)
	case k == KindBinary, k == KindPad:
		return AppendHex(dst, f.Bytes)
	}
	return dst
}

func (f *Field) appendInt(dst []byte) []byte {
	d := f.Def
	v := f.Value
	if d.Flags != nil {
		dst = appendHexPadded(dst, v, d.Kind.Size())
		if v != 0 {
			dst = append(dst, " ("...)
			dst = d.Flags.AppendFormat(dst, v, "|")
			dst = append(dst, ')')
		}
		return dst
	}
	if d.Enum != nil {
		if name, ok := d.Enum.Lookup(v); ok {
			// Names may come from the capture (generic netlink family names).
			dst = AppendEscaped(dst, []byte(name))
			dst = append(dst, " ("...)
			dst = f.appendNumber(dst)
			return append(dst, ')')
		}
	}
	dst = f.appendNumber(dst)
	if d.Unit != "" {
		dst = append(dst, ' ')
		dst = append(dst, d.Unit...)
	}
	return dst
}

// appendNumber appends the bare number in the display base.
func (f *Field) appendNumber(dst []byte) []byte {
	if f.Def.Display == DisplayHex {
		return appendHexPadded(dst, f.Value, f.Def.Kind.Size())
	}
	if f.Def.Kind.Signed() {
		return strconv.AppendInt(dst, f.Int(), 10)
	}
	return strconv.AppendUint(dst, f.Value, 10)
}

// appendHexPadded appends 0x and v in hex, zero-padded to size bytes.
func appendHexPadded(dst []byte, v uint64, size int) []byte {
	dst = append(dst, '0', 'x')
	for i := size*2 - 1; i >= 0; i-- {
		dst = append(dst, hexDigits[(v>>(uint(i)*4))&0xf])
	}
	if size == 0 {
		dst = strconv.AppendUint(dst, v, 16)
	}
	return dst
}

// AppendHex appends b as lower-case hex without separators.
func AppendHex(dst, b []byte) []byte {
	for _, c := range b {
		dst = append(dst, hexDigits[c>>4], hexDigits[c&0xf])
	}
	return dst
}

// AppendMAC appends b as colon-separated hex (aa:bb:cc:dd:ee:ff).
func AppendMAC(dst, b []byte) []byte {
	for i, c := range b {
		if i > 0 {
			dst = append(dst, ':')
		}
		dst = append(dst, hexDigits[c>>4], hexDigits[c&0xf])
	}
	return dst
}

// AppendAddr appends an address chosen by length: IPv4 (4 bytes), IPv6 (16), MAC (6),
// otherwise hex.
func AppendAddr(dst, b []byte) []byte {
	switch len(b) {
	case 4:
		return netip.AddrFrom4([4]byte(b)).AppendTo(dst)
	case 16:
		return netip.AddrFrom16([16]byte(b)).AppendTo(dst)
	case 6:
		return AppendMAC(dst, b)
	}
	return AppendHex(dst, b)
}

// TrimNUL returns b up to its first NUL byte.
func TrimNUL(b []byte) []byte {
	for i, c := range b {
		if c == 0 {
			return b[:i]
		}
	}
	return b
}

// AppendEscaped appends b as text that is safe on a terminal: printable UTF-8 as is,
// backslash as \\, and every control byte, C1 control and invalid UTF-8 byte as \xNN
// (or \n, \r, \t).
func AppendEscaped(dst, b []byte) []byte {
	// Fast path: printable ASCII without a backslash is appended as it is.
	i := 0
	for i < len(b) && b[i] >= 0x20 && b[i] < 0x7f && b[i] != '\\' {
		i++
	}
	dst = append(dst, b[:i]...)
	b = b[i:]
	for len(b) > 0 {
		c := b[0]
		if c >= 0x20 && c < 0x7f {
			if c == '\\' {
				dst = append(dst, '\\')
			}
			dst = append(dst, c)
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if c >= 0x80 && r != utf8.RuneError && !(r >= 0x80 && r < 0xa0) && r != 0x2028 && r != 0x2029 {
			dst = append(dst, b[:n]...)
			b = b[n:]
			continue
		}
		switch c {
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		default:
			dst = append(dst, '\\', 'x', hexDigits[c>>4], hexDigits[c&0xf])
		}
		b = b[1:]
	}
	return dst
}

// Escape returns s made safe for a terminal, as AppendEscaped does.
func Escape(s string) string { return string(AppendEscaped(nil, []byte(s))) }

// AppendLabel appends the name a reader of C headers knows the field by: the C
// name of attributes and members ("IFLA_MTU", "ifi_index"), the label of structs
// and containers ("struct ifinfomsg", "Echoed request"), and "Attribute type N
// (unknown)" for attributes no table describes. The -V tree and the TUI show it.
func (f *Field) AppendLabel(dst []byte) []byte {
	d := f.Def
	switch {
	case d == nil:
		return append(dst, '?')
	case f.Unknown:
		dst = append(dst, "Attribute type "...)
		dst = strconv.AppendInt(dst, int64(f.Type), 10)
		return append(dst, " (unknown)"...)
	case d.Kind == KindStruct || d.CName == "":
		return append(dst, d.Label...)
	}
	return append(dst, d.CName...)
}
