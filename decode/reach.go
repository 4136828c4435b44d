package decode

import (
	"sync"
	"sync/atomic"
	"unsafe"

	unix "github.com/nldump/nldump/internal/abi"
)

// What can appear below a field, worked out from the tables, so that a search
// for a field by name (a display filter on ifla.mtu) skips the subtrees that
// cannot hold it (rtnl_link_stats64, the inet6 devconf array) instead of
// walking every field of every message.
//
// The answer comes from how the engine decodes a table entry (Context.value):
// a nested attribute's children are its set's attributes, the set's unknown and
// trailing-bytes fields and, below unknown nested attributes, the raw "nla"
// set; an array's are its element and trailing bytes; a struct's are its
// members and its extra bytes; a sub-message's are decoded by its variants,
// whose definitions are their own. What a Custom hook decodes is what its
// Attr.Produces lists, or unknown without that list,
// and so is everything below a definition that belongs to no table (fields a
// protocol builds in code, but for the core's nlmsghdr and conversation
// nodes); a struct decoded with Context.Struct holds its members and its extra
// bytes, and what its Struct.Produces lists:
// MayContain then answers true. decode/all's tests check every real capture and
// fuzzed input against these answers.

// NameID is the number of a field name, as MayContain takes it.
type NameID int

var (
	reachMu sync.Mutex
	nameIDs = map[string]NameID{}
)

// NameIDOf returns the number of the field name name.
func NameIDOf(name string) NameID {
	reachMu.Lock()
	defer reachMu.Unlock()
	return nameID(name)
}

// nameID numbers name; reachMu is held.
func nameID(name string) NameID {
	id, ok := nameIDs[name]
	if !ok {
		id = NameID(len(nameIDs))
		nameIDs[name] = id
	}
	return id
}

// reachSet is the set of names that may appear below a field, as a bitset of
// NameIDs; open means anything may.
type reachSet struct {
	open bool
	bits []uint64
}

var openReach = &reachSet{open: true}

// extAckOffs is NLMSGERR_ATTR_OFFS, below which Decoder.extAck adds the
// attribute the offset points at.
var extAckOffs = extAckAttrs.Lookup(unix.NLMSGERR_ATTR_OFFS)

// MayContain reports whether a field of definition d may have a descendant
// named by id. It answers false only when the tables prove that no such field
// can be there; it is safe to call from several goroutines.
func (d *FieldDef) MayContain(id NameID) bool {
	p := atomic.LoadPointer(&d.reach)
	if p == nil {
		p = unsafe.Pointer(d.buildReach())
		atomic.StorePointer(&d.reach, p)
	}
	r := (*reachSet)(p)
	if r.open {
		return true
	}
	i := int(id) >> 6
	return i < len(r.bits) && r.bits[i]&(1<<(uint(id)&63)) != 0
}

// buildReach works out d's reach set.
func (d *FieldDef) buildReach() *reachSet {
	reachMu.Lock()
	defer reachMu.Unlock()
	w := reachWalk{seenAttr: map[*Attr]bool{}, seenSet: map[*AttrSet]bool{}}
	switch {
	case d.attr != nil:
		w.below(d.attr)
	case d.strct != nil:
		w.structure(d.strct)
	default:
		return openReach // a field a protocol builds: anything may be below it
	}
	if w.open {
		return openReach
	}
	r := &reachSet{}
	for _, n := range w.names {
		r.add(nameID(n))
	}
	return r
}

// The core nodes with fixed children: the nlmsghdr node and the conversation
// node the Pairer adds; and the fields only NLMSG_ERROR and NLMSG_DONE have.
func init() {
	closeDef(&defHdr, &defLen, &defType, &flagDefs[OpOther], &defSeq, &defPid)
	closeDef(&defConv, ConversationDefs()[1:]...)
	kids := []*FieldDef{&defErr, &defErrno, &defEchoed, &defDone, &defExtAck, &defTarget, &extAckAttrs.unknown, &extAckAttrs.trail}
	for _, a := range extAckAttrs.Attrs() {
		kids = append(kids, a.Def())
	}
	closeDef(&controlOnly, kids...)
}

// controlOnly's reach is the set of fields that only NLMSG_ERROR and
// NLMSG_DONE messages hold (see Message.MayContain).
var controlOnly FieldDef

// MayContain reports whether a field named by id may be in m: false for the
// fields of NLMSG_ERROR and NLMSG_DONE (nlmsgerr.*, nlmsgdone.*) in a message of
// another type.
func (m *Message) MayContain(id NameID) bool {
	return m.Header.Type < unix.NLMSG_MIN_TYPE || !controlOnly.MayContain(id)
}

// closeDef sets the reach of d to the names of kids.
func closeDef(d *FieldDef, kids ...*FieldDef) {
	reachMu.Lock()
	defer reachMu.Unlock()
	r := &reachSet{}
	for _, k := range kids {
		r.add(nameID(k.Name))
	}
	atomic.StorePointer(&d.reach, unsafe.Pointer(r))
}

// add puts id in the set.
func (r *reachSet) add(id NameID) {
	i := int(id) >> 6
	for len(r.bits) <= i {
		r.bits = append(r.bits, 0)
	}
	r.bits[i] |= 1 << (uint(id) & 63)
}

// reachWalk collects the names that can appear below a table entry.
type reachWalk struct {
	names    []string
	open     bool
	seenAttr map[*Attr]bool
	seenSet  map[*AttrSet]bool
}

// below adds what can appear below a field decoded by a (not a's own name).
func (w *reachWalk) below(a *Attr) {
	if w.open || w.seenAttr[a] {
		return
	}
	w.seenAttr[a] = true
	if a.Custom != nil {
		if a.Produces == nil {
			w.open = true
			return
		}
		for _, d := range a.Produces {
			w.names = append(w.names, d.Name)
		}
	}
	if a == extAckOffs {
		w.names = append(w.names, defTarget.Name) // the attribute it points at (Decoder.extAck)
	}
	switch {
	case a.Sub != nil:
		// A selected variant decodes the field under its own definition; an
		// unselected one leaves the bytes as they are.
		return
	case a.Array:
		w.names = append(w.names, rawTrail.Name)
		if a.Elem == nil {
			w.names = append(w.names, rawElem.Name)
			w.set(rawNested)
			return
		}
		w.attr(a.Elem)
	case a.Nested != nil:
		w.set(a.Nested)
	case a.Struct != nil:
		w.structure(a.Struct)
	}
}

// attr adds a field decoded by a and what can appear below it.
func (w *reachWalk) attr(a *Attr) {
	if a.Sub != nil && !w.seenAttr[a] {
		for _, v := range a.Sub.Variants {
			w.attr(v)
		}
		if v := a.Sub.Default; v != nil {
			w.attr(v)
		}
	}
	w.names = append(w.names, a.def.Name)
	w.below(a)
}

// set adds the fields Context.Attrs makes from set and what can appear below
// them.
func (w *reachWalk) set(s *AttrSet) {
	if w.open || w.seenSet[s] {
		return
	}
	w.seenSet[s] = true
	w.names = append(w.names, s.unknown.Name, s.trail.Name)
	if s != rawNested {
		w.set(rawNested) // below an unknown attribute with NLA_F_NESTED
	}
	for _, a := range s.byType {
		if a != nil {
			w.attr(a)
		}
	}
	for _, a := range s.byMap {
		w.attr(a)
	}
}

// structure adds a struct's members, its extra bytes and what its Produces
// lists.
func (w *reachWalk) structure(s *Struct) {
	for i := range s.Members {
		w.names = append(w.names, s.Members[i].def.Name)
	}
	w.names = append(w.names, s.extra.Name)
	for _, d := range s.Produces {
		w.names = append(w.names, d.Name)
	}
}
