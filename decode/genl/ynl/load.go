package ynl

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/decode/genl"
	"gopkg.in/yaml.v3"
)

// Error is a problem in a spec file, with the line it was found at (0 when the
// problem concerns the whole file).
type Error struct {
	File string
	Line int
	Msg  string
}

// Error implements error: "file:line: problem".
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// LoadPath reads a spec file, or every *.yaml file of a directory, and returns the
// specs in file-name order. It stops at the first broken file.
func LoadPath(path string) ([]*genl.Spec, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("--spec: %w", err)
	}
	files := []string{path}
	if st.IsDir() {
		files, _ = filepath.Glob(filepath.Join(path, "*.yaml"))
		sort.Strings(files)
		if len(files) == 0 {
			return nil, fmt.Errorf("--spec %s: the directory holds no *.yaml spec files", path)
		}
	}
	var out []*genl.Spec
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		s, err := Parse(f, data)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// Load reads specs as LoadPath does and registers them: generic netlink families
// with genl.RegisterFamily (replacing a built-in family of the same name). It
// returns the specs.
func Load(path string) ([]*genl.Spec, error) {
	specs, err := LoadPath(path)
	if err != nil {
		return nil, err
	}
	for _, s := range specs {
		if err := Register(s); err != nil {
			return nil, err
		}
	}
	return specs, nil
}

// Register builds a parsed spec's tables and registers them: a generic netlink
// family, or for a netlink-raw spec (a whole protocol, such as rt-link or
// nftables) a decoder of its protocol number that takes over the message types
// the spec describes and leaves the others to the decoder registered before.
func Register(s *genl.Spec) error {
	if s.Protocol == "netlink-raw" {
		p, err := genl.NewRawSpecProtocol(s, decode.DefaultRegistry.Lookup(s.Protonum))
		if err != nil {
			return &Error{File: s.File, Msg: err.Error()}
		}
		decode.Register(s.Protonum, p)
		return nil
	}
	f, err := s.Build()
	if err != nil {
		return &Error{File: s.File, Msg: err.Error()}
	}
	genl.RegisterFamily(s.Name, f)
	return nil
}

// Parse parses one spec file's bytes; name is the file name used in errors.
func Parse(name string, data []byte) (*genl.Spec, error) {
	var y yFamily
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&y); err != nil {
		return nil, yamlError(name, err)
	}
	p := &parser{file: name, y: &y, consts: map[string]int64{}, sets: map[string]*ySet{}}
	return p.spec()
}

// yamlError turns a yaml.v3 error ("yaml: line 12: ...") into an *Error.
func yamlError(file string, err error) error {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		if i := strings.Index(msg, ": "); i >= 0 {
			msg = msg[i+2:]
		}
	}
	return &Error{File: file, Line: line, Msg: msg}
}

type parser struct {
	file   string
	y      *yFamily
	consts map[string]int64
	sets   map[string]*ySet
	out    *genl.Spec
}

func (p *parser) errf(line int, format string, args ...any) error {
	return &Error{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) spec() (*genl.Spec, error) {
	y := p.y
	if y.Name == "" {
		return nil, p.errf(0, "the spec has no family name")
	}
	proto := y.Protocol
	if proto == "" {
		proto = "genetlink"
	}
	switch proto {
	case "genetlink", "genetlink-legacy", "genetlink-c", "netlink-raw":
	default:
		return nil, p.errf(0, "protocol %q is not one of genetlink, genetlink-legacy, genetlink-c, netlink-raw", proto)
	}
	s := &genl.Spec{Name: y.Name, Protocol: proto, File: p.file}
	p.out = s
	if proto == "netlink-raw" {
		if y.Protonum == nil {
			return nil, p.errf(0, "a netlink-raw spec needs protonum")
		}
		s.Protonum = uint16(*y.Protonum)
	}
	if err := p.definitions(); err != nil {
		return nil, err
	}
	for i := range y.Sets {
		set := &y.Sets[i]
		if set.Name == "" {
			return nil, p.errf(set.line, "attribute set without a name")
		}
		if _, dup := p.sets[set.Name]; dup {
			return nil, p.errf(set.line, "attribute set %q is defined twice", set.Name)
		}
		p.sets[set.Name] = set
	}
	for i := range y.Sets {
		if err := p.set(&y.Sets[i]); err != nil {
			return nil, err
		}
	}
	for _, sm := range y.SubMessages {
		out := &genl.SpecSubMessage{Name: sm.Name}
		for _, f := range sm.Formats {
			if f.Set != "" && p.sets[f.Set] == nil {
				return nil, p.errf(sm.line, "sub-message %s format %q: attribute set %q is not defined", sm.Name, f.Value, f.Set)
			}
			out.Formats = append(out.Formats, genl.SpecFormat{Value: f.Value, Set: f.Set, Header: f.FixedHeader})
		}
		s.SubMessages = append(s.SubMessages, out)
	}
	if err := p.operations(); err != nil {
		return nil, err
	}
	// Resolve every reference now, so that the error can name a line.
	if _, err := s.Build(); err != nil {
		return nil, p.errf(p.lineOf(err.Error()), "%v", err)
	}
	return s, nil
}

// lineOf finds the line of the attribute, set or operation a Build error names.
func (p *parser) lineOf(msg string) int {
	var attr, set, op string
	fmt.Sscanf(msg, "attribute %s of set %s", &attr, &set)
	set = strings.TrimSuffix(set, ":")
	if s := p.sets[set]; s != nil {
		for _, a := range s.Attributes {
			if a.Name == attr {
				return a.line
			}
		}
		return s.line
	}
	if fmt.Sscanf(msg, "operation %s", &op); op != "" && p.y.Operations != nil {
		op = strings.TrimSuffix(op, ":")
		for _, o := range p.y.Operations.List {
			if o.Name == op {
				return o.line
			}
		}
	}
	return 0
}

func (p *parser) definitions() error {
	fam := p.y.Name
	for _, d := range p.y.Definitions {
		switch d.Type {
		case "const":
			if d.Value.Kind == yaml.ScalarNode && d.Value.Tag == "!!str" {
				continue // a string constant (a multicast group name): nothing to decode
			}
			v, err := intOf(&d.Value, p.consts)
			if err != nil {
				return p.errf(d.line, "const %s: value %v", d.Name, err)
			}
			p.consts[d.Name] = v
		case "enum", "flags":
			prefix := fam + "-" + d.Name + "-"
			if d.NamePrefix != nil {
				prefix = *d.NamePrefix
			}
			e := &genl.SpecEnum{Name: d.Name, Prefix: cName(prefix, ""), Flags: d.Type == "flags"}
			next := int64(0)
			if d.ValueStart != nil {
				next = *d.ValueStart
			}
			for _, x := range d.Entries {
				if x.Name == "" {
					return p.errf(x.line, "%s %s: entry without a name", d.Type, d.Name)
				}
				v := next
				if x.Value != nil {
					v = *x.Value
				}
				next = v + 1
				val := uint64(v)
				if e.Flags {
					if x.Value == nil {
						if v >= 64 {
							return p.errf(x.line, "flags %s: entry %s is bit %d, beyond 63", d.Name, x.Name, v)
						}
						val = 1 << uint(v)
					}
				}
				e.Entries = append(e.Entries, genl.SpecEntry{Value: val, CName: cName(prefix, x.Name)})
			}
			p.out.Enums = append(p.out.Enums, e)
		case "struct":
			st := &genl.SpecStruct{Name: d.Name, CName: d.Name}
			for _, m := range d.Members {
				sm := genl.SpecMember{Name: m.Name, Type: m.Type, BigEndian: m.ByteOrder == "big-endian",
					Enum: m.Enum, AsFlags: m.AsFlags, Hint: m.Hint}
				if m.Name == "" || m.Type == "" {
					return p.errf(m.line, "struct %s: a member needs a name and a type", d.Name)
				}
				if m.Len.Kind != 0 {
					v, err := intOf(&m.Len, p.consts)
					if err != nil {
						return p.errf(m.line, "struct %s member %s: len %v", d.Name, m.Name, err)
					}
					sm.Len = int(v)
				} else if m.Struct != "" {
					sm.Len = p.structSize(m.Struct)
					if sm.Len <= 0 {
						return p.errf(m.line, "struct %s member %s: struct %q is not defined", d.Name, m.Name, m.Struct)
					}
				}
				st.Members = append(st.Members, sm)
			}
			p.out.Structs = append(p.out.Structs, st)
		case "":
			return p.errf(d.line, "definition %s has no type", d.Name)
		default:
			return p.errf(d.line, "definition %s: type %q is not const, enum, flags or struct", d.Name, d.Type)
		}
	}
	return nil
}

// structSize returns the wire size of the struct definition called name, or 0
// when there is none (or it refers to itself).
func (p *parser) structSize(name string) int { return p.structSizeDepth(name, 0) }

func (p *parser) structSizeDepth(name string, depth int) int {
	if depth > 16 {
		return 0
	}
	for _, d := range p.y.Definitions {
		if d.Type != "struct" || d.Name != name {
			continue
		}
		n := 0
		for _, m := range d.Members {
			switch m.Type {
			case "u8", "s8":
				n++
			case "u16", "s16":
				n += 2
			case "u32", "s32":
				n += 4
			case "u64", "s64":
				n += 8
			default:
				switch {
				case m.Len.Kind != 0:
					v, _ := intOf(&m.Len, p.consts)
					n += int(v)
				case m.Struct != "":
					k := p.structSizeDepth(m.Struct, depth+1)
					if k == 0 {
						return 0
					}
					n += k
				}
			}
		}
		return n
	}
	return 0
}

// setPrefix returns the C-name prefix (with trailing '-') of a set's attributes.
func (p *parser) setPrefix(s *ySet) string {
	if s.SubsetOf != "" {
		if parent := p.sets[s.SubsetOf]; parent != nil && parent != s {
			return p.setPrefix(parent)
		}
	}
	if s.NamePrefix != nil {
		return *s.NamePrefix
	}
	return p.y.Name + "-a-" + s.Name + "-"
}

func (p *parser) set(ys *ySet) error {
	fam := p.y.Name
	prefix := p.setPrefix(ys)
	filter := filterWord(fam)
	if ys.Name != fam {
		filter += "." + filterWord(ys.Name)
	}
	out := &genl.SpecSet{Name: ys.Name, Prefix: strings.TrimSuffix(cName(prefix, ""), "_"), Filter: filter}
	var parent *ySet
	var parentVals map[string]int64
	if ys.SubsetOf != "" {
		parent = p.sets[ys.SubsetOf]
		if parent == nil {
			return p.errf(ys.line, "attribute set %s: subset-of %q names no attribute set", ys.Name, ys.SubsetOf)
		}
		parentVals = attrValues(parent)
	}
	val := int64(1)
	for _, a := range ys.Attributes {
		if a.Name == "" {
			return p.errf(a.line, "attribute set %s: an attribute without a name", ys.Name)
		}
		v := val
		if a.Value != nil {
			v = *a.Value
		}
		val = v + 1
		if parent != nil {
			pv, ok := parentVals[a.Name]
			if !ok {
				return p.errf(a.line, "attribute %s of set %s: set %s has no such attribute", a.Name, ys.Name, parent.Name)
			}
			v = pv
			a = merge(findAttr(parent, a.Name), a)
		}
		if a.Type == "" {
			return p.errf(a.line, "attribute %s of set %s has no type", a.Name, ys.Name)
		}
		if v < 0 || v >= 1<<14 {
			return p.errf(a.line, "attribute %s of set %s: value %d is out of the 14-bit range", a.Name, ys.Name, v)
		}
		switch a.Type {
		case "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "uint", "sint", "flag", "string",
			"binary", "bitfield32", "pad", "unused", "nest", "indexed-array", "nest-type-value", "sub-message":
		default:
			return p.errf(a.line, "attribute %s of set %s: unknown type %q", a.Name, ys.Name, a.Type)
		}
		if a.Nested != "" && p.sets[a.Nested] == nil {
			return p.errf(a.line, "attribute %s of set %s: nested-attributes %q names no attribute set", a.Name, ys.Name, a.Nested)
		}
		if a.Type == "sub-message" && (a.SubMessage == "" || a.Selector == "") {
			return p.errf(a.line, "attribute %s of set %s: a sub-message attribute needs sub-message and selector", a.Name, ys.Name)
		}
		out.Attrs = append(out.Attrs, genl.SpecAttr{
			Value: uint16(v), Name: a.Name, CName: cName(prefix, a.Name), Type: a.Type,
			Nested: a.Nested, SubType: a.SubType, Enum: a.Enum, AsFlags: a.AsFlags,
			BigEndian: a.ByteOrder == "big-endian", Hint: a.Hint, Struct: a.Struct,
			SubMessage: a.SubMessage, Selector: a.Selector, MultiAttr: a.MultiAttr,
			Doc: strings.TrimSpace(a.Doc),
		})
	}
	p.out.Sets = append(p.out.Sets, out)
	return nil
}

// attrValues returns the values of a (non-subset) set's attributes by name.
func attrValues(s *ySet) map[string]int64 {
	m := map[string]int64{}
	val := int64(1)
	for _, a := range s.Attributes {
		if a.Value != nil {
			val = *a.Value
		}
		m[a.Name] = val
		val++
	}
	return m
}

func findAttr(s *ySet, name string) yAttr {
	for _, a := range s.Attributes {
		if a.Name == name {
			return a
		}
	}
	return yAttr{}
}

// merge lets a subset's attribute override the parent's description.
func merge(parent, sub yAttr) yAttr {
	out := parent
	out.line = sub.line
	if sub.Nested != "" {
		out.Nested = sub.Nested
	}
	if sub.Type != "" {
		out.Type = sub.Type
	}
	return out
}

func (p *parser) operations() error {
	ops := p.y.Operations
	if ops == nil {
		return nil
	}
	prefix := p.y.Name + "-cmd-"
	if ops.NamePrefix != nil {
		prefix = *ops.NamePrefix
	}
	async := prefix
	if ops.AsyncPrefix != nil {
		async = *ops.AsyncPrefix
	}
	s := p.out
	s.CmdPrefix = cName(prefix, "")
	s.Header = ops.FixedHeader
	byName := map[string]*yOp{}
	for i := range ops.List {
		byName[ops.List[i].Name] = &ops.List[i]
	}
	setOf := func(o *yOp) string {
		if o.Set != "" {
			return o.Set
		}
		if o.Notify != "" {
			if n := byName[o.Notify]; n != nil {
				return n.Set
			}
		}
		return ""
	}
	for _, o := range ops.List {
		if o.Notify != "" && byName[o.Notify] == nil {
			return p.errf(o.line, "operation %s: notify %q names no operation", o.Name, o.Notify)
		}
		if set := setOf(&o); set != "" && p.sets[set] == nil {
			return p.errf(o.line, "operation %s: attribute-set %q is not defined", o.Name, set)
		}
	}
	mkop := func(o *yOp, req, rsp int, reqName, rspName string) {
		s.Ops = append(s.Ops, genl.SpecOp{Name: o.Name, Req: req, Rsp: rsp, ReqCName: reqName, RspCName: rspName,
			Set: setOf(o), Header: o.FixedHeader})
	}
	notif := func(o *yOp) bool { return o.Notify != "" || o.Event.Kind != 0 }
	switch {
	case p.y.Protocol == "netlink-raw":
		for i := range ops.List {
			o := &ops.List[i]
			req, rsp := -1, -1
			for _, m := range []*yOpMode{o.Do, o.Dump} {
				if m == nil {
					continue
				}
				if m.Request != nil && m.Request.Value != nil {
					req = int(*m.Request.Value)
				}
				if m.Reply != nil && m.Reply.Value != nil {
					rsp = int(*m.Reply.Value)
				}
			}
			if o.Value != nil {
				if notif(o) {
					rsp = int(*o.Value)
				} else if req < 0 {
					req = int(*o.Value)
				}
			}
			mkop(o, req, rsp, cName(prefix, o.Name), cName(prefix, o.Name))
		}
	case ops.EnumModel == "directional":
		req, rsp := 1, 1
		for i := range ops.List {
			o := &ops.List[i]
			if notif(o) {
				if o.Value != nil {
					rsp = int(*o.Value)
				}
				mkop(o, -1, rsp, "", cName(prefix, o.Name))
				rsp++
				continue
			}
			mode := o.Do
			if mode == nil {
				mode = o.Dump
			}
			if mode == nil {
				return p.errf(o.line, "operation %s has neither do, dump, notify nor event", o.Name)
			}
			if mode.Request != nil && mode.Request.Value != nil {
				req = int(*mode.Request.Value)
			}
			if mode.Reply != nil && mode.Reply.Value != nil {
				rsp = int(*mode.Reply.Value)
			}
			r := -1
			if mode.Reply != nil {
				r = rsp
				rsp++
			}
			mkop(o, req, r, cName(prefix, o.Name), cName(prefix, o.Name+"-reply"))
			req++
		}
	case ops.EnumModel == "" || ops.EnumModel == "unified":
		val := 1
		for i := range ops.List {
			o := &ops.List[i]
			if o.Value != nil {
				val = int(*o.Value)
			}
			name := cName(prefix, o.Name)
			if notif(o) {
				name = cName(async, o.Name)
			}
			mkop(o, val, val, name, name)
			val++
		}
	default:
		return p.errf(0, "operations: enum-model %q is not unified or directional", ops.EnumModel)
	}
	for _, o := range s.Ops {
		if o.Req > 255 || o.Rsp > 255 {
			if p.y.Protocol != "netlink-raw" {
				return p.errf(byName[o.Name].line, "operation %s: command value %d does not fit genlmsghdr's u8 cmd", o.Name, max(o.Req, o.Rsp))
			}
		}
	}
	return nil
}

// filterWord turns a spec name into a display-filter word ("dev-index" -> "dev_index").
func filterWord(s string) string { return strings.ToLower(strings.ReplaceAll(s, "-", "_")) }
