package tui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// terminalSafe returns s with control bytes (C0, DEL, C1) escaped as \xNN, so
// that nothing from a capture reaches the terminal raw. It allocates only when
// there is something to escape.
func terminalSafe(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c == 0xc2 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			b.WriteString(`\x`)
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&0xf])
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0x80 && r < 0xa0 {
			b.WriteString(`\xc2\x`)
			b.WriteByte(hexDigits[s[i+1]>>4])
			b.WriteByte(hexDigits[s[i+1]&0xf])
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

const hexDigits = "0123456789abcdef"

// isASCII reports whether s is printable ASCII only (one cell a byte).
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// fit returns plain text s cut or padded with spaces to exactly w cells.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if isASCII(s) {
		if len(s) > w {
			return s[:w]
		}
		if len(s) == w {
			return s
		}
		return s + strings.Repeat(" ", w-len(s))
	}
	s = ansi.Truncate(s, w, "")
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// width returns the display width of plain text s.
func width(s string) int {
	if isASCII(s) {
		return len(s)
	}
	return ansi.StringWidth(s)
}

// truncateStyled cuts styled text to w cells.
func truncateStyled(s string, w int) string { return ansi.Truncate(s, w, "") }

// indexOf is strings.Index.
func indexOf(s, sub string) int { return strings.Index(s, sub) }
