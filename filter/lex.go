package filter

import (
	"fmt"
	"strings"
)

// tokKind is the kind of a lexical token.
type tokKind uint8

const (
	tokEOF    tokKind = iota
	tokWord           // field names, numbers, addresses, enum names, bare strings
	tokString         // "quoted" or r"raw"
	tokOp             // == != < <= > >= & ~
	tokAnd            // && and
	tokOr             // || or
	tokNot            // ! not
	tokLParen
	tokRParen
	tokLBrace
	tokRBrace
	tokComma
	tokContains
	tokMatches
	tokIn
)

// token is one lexical token; col is its 1-based column in the expression.
type token struct {
	kind tokKind
	text string // the word, the operator, or the unquoted string value
	col  int
	raw  bool // r"..." string
}

// describe returns how an error message names the token.
func (t token) describe() string {
	switch t.kind {
	case tokEOF:
		return "the end of the filter"
	case tokString:
		return fmt.Sprintf("string %q", t.text)
	}
	return "'" + t.text + "'"
}

// Error is a filter syntax or compile error at a column of the expression.
type Error struct {
	// Col is the 1-based column (in bytes) the error refers to.
	Col int
	// Msg says what was wrong or expected.
	Msg string
}

func (e *Error) Error() string { return fmt.Sprintf("column %d: %s", e.Col, e.Msg) }

func errAt(col int, format string, args ...any) *Error {
	return &Error{Col: col, Msg: fmt.Sprintf(format, args...)}
}

// isWordByte reports whether c may appear in a word: field names (ifla.mtu),
// numbers (-17, 0x1f), addresses and prefixes (10.0.0.0/8, 2001:db8::1, MACs),
// enum names and ranges (1..10).
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '.' || c == ':' || c == '/' || c == '-' || c == '+'
}

// wordOps are the operators written as words.
var wordOps = map[string]tokKind{
	"and": tokAnd, "or": tokOr, "not": tokNot,
	"contains": tokContains, "matches": tokMatches, "in": tokIn,
	"eq": tokOp, "ne": tokOp, "lt": tokOp, "le": tokOp, "gt": tokOp, "ge": tokOp,
}

// wordOpSymbols maps the word comparison operators to their symbols.
var wordOpSymbols = map[string]string{"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}

// lex splits the expression into tokens, ending with tokEOF.
func lex(s string) ([]token, error) {
	var toks []token
	i := 0
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			i++
		}
		col := i + 1
		if i >= len(s) {
			toks = append(toks, token{kind: tokEOF, col: col})
			return toks, nil
		}
		c := s[i]
		two := ""
		if i+1 < len(s) {
			two = s[i : i+2]
		}
		switch {
		case two == "==" || two == "!=" || two == "<=" || two == ">=":
			toks = append(toks, token{kind: tokOp, text: two, col: col})
			i += 2
		case two == "&&":
			toks = append(toks, token{kind: tokAnd, text: two, col: col})
			i += 2
		case two == "||":
			toks = append(toks, token{kind: tokOr, text: two, col: col})
			i += 2
		case c == '<' || c == '>' || c == '&':
			toks = append(toks, token{kind: tokOp, text: string(c), col: col})
			i++
		case c == '~':
			toks = append(toks, token{kind: tokMatches, text: "~", col: col})
			i++
		case c == '=':
			return nil, errAt(col, "'=' is not an operator; use '==' to compare")
		case c == '|':
			return nil, errAt(col, "'|' is not an operator; use '||' or 'or'")
		case c == '!':
			toks = append(toks, token{kind: tokNot, text: "!", col: col})
			i++
		case c == '(':
			toks = append(toks, token{kind: tokLParen, text: "(", col: col})
			i++
		case c == ')':
			toks = append(toks, token{kind: tokRParen, text: ")", col: col})
			i++
		case c == '{':
			toks = append(toks, token{kind: tokLBrace, text: "{", col: col})
			i++
		case c == '}':
			toks = append(toks, token{kind: tokRBrace, text: "}", col: col})
			i++
		case c == ',':
			toks = append(toks, token{kind: tokComma, text: ",", col: col})
			i++
		case c == '"' || c == 'r' && two == `r"`:
			raw := c == 'r'
			if raw {
				i++
			}
			v, n, err := unquote(s[i:], raw, col)
			if err != nil {
				return nil, err
			}
			toks = append(toks, token{kind: tokString, text: v, col: col, raw: raw})
			i += n
		case isWordByte(c):
			j := i
			for j < len(s) && isWordByte(s[j]) {
				j++
			}
			w := s[i:j]
			t := token{kind: tokWord, text: w, col: col}
			if k, ok := wordOps[strings.ToLower(w)]; ok {
				t.kind = k
				t.text = strings.ToLower(w)
				if sym, ok := wordOpSymbols[t.text]; ok {
					t.text = sym
				}
			}
			toks = append(toks, t)
			i = j
		default:
			return nil, errAt(col, "unexpected character %q", rune(c))
		}
	}
}

// unquote reads a string literal at the start of s (which begins with '"') and
// returns its value and the number of bytes it took. Raw strings keep backslashes;
// others understand \" \\ \n \t \r \0 and \xNN.
func unquote(s string, raw bool, col int) (string, int, error) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			return b.String(), i + 1, nil
		case c == '\\' && raw:
			b.WriteByte(c)
			if i+1 < len(s) && s[i+1] == '"' {
				b.WriteByte('"')
				i++
			}
		case c == '\\':
			if i+1 >= len(s) {
				return "", 0, errAt(col+i, "unfinished escape at the end of the string")
			}
			i++
			switch s[i] {
			case '"', '\\':
				b.WriteByte(s[i])
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case '0':
				b.WriteByte(0)
			case 'x':
				if i+2 >= len(s) || unhex(s[i+1]) < 0 || unhex(s[i+2]) < 0 {
					return "", 0, errAt(col+i-1, `expected two hex digits after \x`)
				}
				b.WriteByte(byte(unhex(s[i+1])<<4 | unhex(s[i+2])))
				i += 2
			default:
				return "", 0, errAt(col+i-1, "unknown escape \\%c in a string (use r\"...\" for regular expressions)", s[i])
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", 0, errAt(col, "string is not closed: expected '\"'")
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
