package filter

import "strings"

// The syntax tree the parser builds and the compiler turns into closures.
type (
	node interface{ pos() int }

	binNode struct {
		and  bool // and, else or
		l, r node
		col  int
	}
	notNode struct {
		x   node
		col int
	}
	// relNode is a field test: existence when op is "", else a comparison.
	relNode struct {
		field  token
		mask   *token  // field & mask
		op     string  // "", "==", "!=", "<", "<=", ">", ">=", "&", "contains", "matches", "in", "not in"
		opTok  token   // the operator token, for errors
		values []token // one value, or the members of an "in" set
	}
)

func (n *binNode) pos() int { return n.col }
func (n *notNode) pos() int { return n.col }
func (n *relNode) pos() int { return n.field.col }

// parser is a recursive-descent parser over the token list.
type parser struct {
	toks []token
	i    int
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

// parse parses a whole filter expression.
func parse(s string) (node, error) {
	if strings.TrimSpace(s) == "" {
		return nil, errAt(1, "empty filter: expected a field name")
	}
	toks, err := lex(s)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		if t.kind == tokRParen {
			return nil, errAt(t.col, "unbalanced ')'")
		}
		return nil, errAt(t.col, "expected 'and', 'or' or the end of the filter, found %s", t.describe())
	}
	return n, nil
}

// or := and { ("or" | "||") and }
func (p *parser) or() (node, error) {
	l, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.peek().kind == tokOr {
		op := p.next()
		r, err := p.andAfter(op)
		if err != nil {
			return nil, err
		}
		l = &binNode{and: false, l: l, r: r, col: op.col}
	}
	return l, nil
}

// and := unary { ("and" | "&&") unary }
func (p *parser) and() (node, error) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for p.peek().kind == tokAnd {
		op := p.next()
		r, err := p.unaryAfter(op)
		if err != nil {
			return nil, err
		}
		l = &binNode{and: true, l: l, r: r, col: op.col}
	}
	return l, nil
}

func (p *parser) andAfter(op token) (node, error) {
	if t := p.peek(); t.kind == tokEOF || t.kind == tokRParen {
		return nil, errAt(op.col, "expected a test after '%s'", op.text)
	}
	return p.and()
}

func (p *parser) unaryAfter(op token) (node, error) {
	if t := p.peek(); t.kind == tokEOF || t.kind == tokRParen {
		return nil, errAt(op.col, "expected a test after '%s'", op.text)
	}
	return p.unary()
}

// unary := ("not" | "!") unary | "(" or ")" | relation
func (p *parser) unary() (node, error) {
	t := p.peek()
	switch t.kind {
	case tokNot:
		p.next()
		x, err := p.unaryAfter(t)
		if err != nil {
			return nil, err
		}
		return &notNode{x: x, col: t.col}, nil
	case tokLParen:
		p.next()
		if k := p.peek().kind; k == tokRParen || k == tokEOF {
			return nil, errAt(t.col, "expected a test after '('")
		}
		x, err := p.or()
		if err != nil {
			return nil, err
		}
		if c := p.peek(); c.kind != tokRParen {
			return nil, errAt(c.col, "expected ')' to close the '(' at column %d, found %s", t.col, c.describe())
		}
		p.next()
		return x, nil
	case tokWord:
		return p.relation()
	case tokEOF:
		return nil, errAt(t.col, "expected a field name, found the end of the filter")
	}
	return nil, errAt(t.col, "expected a field name, found %s", t.describe())
}

// relation := FIELD [ "&" value ] [ op value | ["not"] "in" set | "contains" value | "matches" value ]
func (p *parser) relation() (node, error) {
	r := &relNode{field: p.next()}
	if t := p.peek(); t.kind == tokOp && t.text == "&" {
		p.next()
		v, err := p.value(t)
		if err != nil {
			return nil, err
		}
		r.mask = &v
		r.op, r.opTok = "&", t
	}
	t := p.peek()
	switch {
	case t.kind == tokOp && t.text != "&":
		p.next()
		r.op, r.opTok = t.text, t
	case t.kind == tokContains || t.kind == tokMatches:
		p.next()
		r.op, r.opTok = "contains", t
		if t.kind == tokMatches {
			r.op = "matches"
		}
	case t.kind == tokIn:
		p.next()
		r.op, r.opTok = "in", t
		return p.set(r)
	case t.kind == tokNot && t.text == "not" && p.toks[p.i+1].kind == tokIn:
		p.next()
		p.next()
		r.op, r.opTok = "not in", t
		return p.set(r)
	case t.kind == tokOp && t.text == "&":
		return nil, errAt(t.col, "only one '&' mask per field")
	default:
		if t.kind == tokWord || t.kind == tokString {
			return nil, errAt(t.col, "expected an operator (==, !=, <, <=, >, >=, contains, matches, in) between '%s' and %s", r.field.text, t.describe())
		}
		return r, nil // existence, or a mask test
	}
	v, err := p.value(t)
	if err != nil {
		return nil, err
	}
	r.values = []token{v}
	return r, nil
}

// value reads one literal after the operator op.
func (p *parser) value(op token) (token, error) {
	t := p.peek()
	if t.kind != tokWord && t.kind != tokString {
		return token{}, errAt(op.col, "expected a value after '%s'", op.text)
	}
	return p.next(), nil
}

// set := "{" value { [","] value } "}" | value
func (p *parser) set(r *relNode) (node, error) {
	open := p.peek()
	if open.kind != tokLBrace {
		v, err := p.value(r.opTok)
		if err != nil {
			return nil, errAt(r.opTok.col, "expected a set {a b ...} or a prefix after '%s'", r.op)
		}
		r.values = []token{v}
		return r, nil
	}
	p.next()
	for {
		t := p.peek()
		switch t.kind {
		case tokRBrace:
			p.next()
			if len(r.values) == 0 {
				return nil, errAt(open.col, "empty set: expected values between '{' and '}'")
			}
			return r, nil
		case tokComma:
			p.next()
		case tokWord, tokString:
			r.values = append(r.values, p.next())
		case tokEOF:
			return nil, errAt(open.col, "set is not closed: expected '}'")
		default:
			return nil, errAt(t.col, "expected a value or '}' in the set, found %s", t.describe())
		}
	}
}
