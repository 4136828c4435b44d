package decode

import (
	"sort"
	"sync"
)

// Every attribute set and struct built with NewAttrSet and NewStruct, at init or
// at run time (YNL specs), so that --fields and the filter compiler know every
// name without each protocol listing its own.
var (
	builtMu      sync.Mutex
	builtSets    []*AttrSet
	builtStructs []*Struct
	// builtGen counts additions to builtSets and builtStructs; Registry.Fields
	// rebuilds its cached list when it has moved.
	builtGen uint64
)

func registerSet(s *AttrSet) {
	builtMu.Lock()
	builtSets = append(builtSets, s)
	builtGen++
	builtMu.Unlock()
}

func registerStruct(s *Struct) {
	builtMu.Lock()
	builtStructs = append(builtStructs, s)
	builtGen++
	builtMu.Unlock()
}

// fieldCache is a Registry's list of field definitions, valid while neither the
// registry nor the set of built attribute sets and structs has changed.
type fieldCache struct {
	regGen, builtGen uint64
	list             []*FieldDef
	byName           map[string]*FieldDef
}

// FieldLister is implemented by protocols that can list the definitions of every
// field they decode, for `nldump --fields` and the display-filter compiler.
type FieldLister interface {
	// Fields returns the protocol's field definitions.
	Fields() []*FieldDef
}

// DefCollector gathers field definitions from attribute sets and structs,
// following nests, arrays and sub-messages, each definition once.
type DefCollector struct {
	seen map[any]bool
	defs []*FieldDef
}

// Add adds a definition.
func (c *DefCollector) Add(defs ...*FieldDef) {
	if c.seen == nil {
		c.seen = make(map[any]bool)
	}
	for _, d := range defs {
		if !c.seen[d] {
			c.seen[d] = true
			c.defs = append(c.defs, d)
		}
	}
}

// Struct adds the definitions of a struct and its members.
func (c *DefCollector) Struct(s *Struct) {
	if s == nil || c.seen[s] {
		return
	}
	c.Add(&s.def)
	c.seen[s] = true
	for i := range s.Members {
		if s.Members[i].CName != "" {
			c.Add(&s.Members[i].def)
		}
	}
}

// Set adds the definitions of an attribute set and everything reachable from it.
func (c *DefCollector) Set(s *AttrSet) {
	if s == nil {
		return
	}
	if c.seen == nil {
		c.seen = make(map[any]bool)
	}
	if c.seen[s] {
		return
	}
	c.seen[s] = true
	for _, a := range s.Attrs() {
		c.attr(a)
	}
	c.Add(&s.unknown)
}

func (c *DefCollector) attr(a *Attr) {
	if a == nil {
		return
	}
	c.Add(&a.def)
	c.Set(a.Nested)
	c.Struct(a.Struct)
	if a.Elem != nil {
		c.attr(a.Elem)
	}
	if a.Sub != nil {
		keys := make([]string, 0, len(a.Sub.Variants))
		for k := range a.Sub.Variants {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v := a.Sub.Variants[k]
			c.Set(v.Nested)
			c.Struct(v.Struct)
		}
		if a.Sub.Default != nil {
			c.Set(a.Sub.Default.Nested)
			c.Struct(a.Sub.Default.Struct)
		}
	}
}

// Defs returns the gathered definitions in the order they were added.
func (c *DefCollector) Defs() []*FieldDef { return c.defs }

// Fields returns the definitions of the core fields (nlmsghdr, NLMSG_ERROR,
// NLMSG_DONE, extended ACK), of every attribute set and struct built so far, and
// of every registered protocol that lists more of its own, sorted by filter
// name, one definition per name. The slice is shared: do not modify it.
func (r *Registry) Fields() []*FieldDef { return r.fieldCache().list }

// FieldsByName returns the definitions of Fields by filter name. The map is
// shared: do not modify it.
func (r *Registry) FieldsByName() map[string]*FieldDef { return r.fieldCache().byName }

// fieldCache returns the registry's field definitions, collecting them again
// only when a protocol was registered or a set or struct built since last time.
func (r *Registry) fieldCache() *fieldCache {
	builtMu.Lock()
	bg := builtGen
	builtMu.Unlock()
	r.mu.RLock()
	fc, rg := r.fields, r.gen
	r.mu.RUnlock()
	if fc != nil && fc.regGen == rg && fc.builtGen == bg {
		return fc
	}
	list, byName := r.collectFields()
	fc = &fieldCache{regGen: rg, builtGen: bg, list: list, byName: byName}
	r.mu.Lock()
	r.fields = fc
	r.mu.Unlock()
	return fc
}

// collectFields gathers every field definition the registry's protocols decode.
func (r *Registry) collectFields() ([]*FieldDef, map[string]*FieldDef) {
	var c DefCollector
	c.Add(HeaderDefs()...)
	c.Add(&defErr, &defErrno, &defEchoed, &defDone, &defExtAck, &defTarget)
	c.Set(extAckAttrs)
	c.Add(MessageDefs()...)
	c.Add(ConversationDefs()...)
	builtMu.Lock()
	sets, structs := append([]*AttrSet(nil), builtSets...), append([]*Struct(nil), builtStructs...)
	builtMu.Unlock()
	for _, st := range sets {
		c.Set(st)
	}
	for _, st := range structs {
		c.Struct(st)
	}
	r.mu.RLock()
	protos := make([]Protocol, 0, len(r.protos))
	for _, p := range r.protos {
		protos = append(protos, p)
	}
	r.mu.RUnlock()
	for _, p := range protos {
		if l, ok := p.(FieldLister); ok {
			c.Add(l.Fields()...)
		}
	}
	byName := map[string]*FieldDef{}
	var out []*FieldDef
	for _, d := range c.Defs() {
		if _, dup := byName[d.Name]; dup {
			continue
		}
		byName[d.Name] = d
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, byName
}
