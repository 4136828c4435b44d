package netfilter

import (
	"bytes"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// nftState is what nftables summaries need from earlier messages of a capture: the
// key and data types of the sets (to print elements as addresses or ports) and the
// elements of anonymous sets (to print `tcp dport { 80, 443 }` where a rule only
// names __set0). It lives in the session (Session.Protocols[NETLINK_NETFILTER]).
type nftState struct {
	// sets holds the known sets by name; several tables may reuse a name.
	sets map[string][]*nftSet
}

// nftSet is one set as NFT_MSG_NEWSET described it.
type nftSet struct {
	family   uint8
	table    string
	keyType  uint32
	keyLen   uint32
	dataType uint32
	flags    uint32
	// elems holds the keys (and key ends) of an anonymous set's elements, at most
	// maxAnonElems of them, each with its NFTA_SET_ELEM_FLAGS.
	elems     [][]byte
	elemFlags []uint32
	more      bool
}

// maxAnonElems bounds the elements kept per anonymous set.
const maxAnonElems = 16

// stateOf returns the capture's nftables state, creating it on first use.
func stateOf(c *decode.Context) *nftState {
	d := c.Decoder()
	if d == nil || d.Session == nil {
		return nil
	}
	s := d.Session
	if st, ok := s.Protocols[unix.NETLINK_NETFILTER].(*nftState); ok {
		return st
	}
	if s.Protocols == nil {
		s.Protocols = make(map[uint16]any)
	}
	st := &nftState{sets: make(map[string][]*nftSet)}
	s.Protocols[unix.NETLINK_NETFILTER] = st
	return st
}

// lookup returns the set named name in family's table, or nil.
func (st *nftState) lookup(family uint8, table, name []byte) *nftSet {
	if st == nil {
		return nil
	}
	for _, s := range st.sets[string(name)] {
		if s.family == family && s.table == string(table) {
			return s
		}
	}
	return nil
}

// attrValue returns the value bounds of the first top-level attribute of type t in
// c.Data[off:end].
func attrValue(c *decode.Context, off, end int, t uint16) (vs, ve int, ok bool) {
	it := decode.NewAttrIter(c.Data, off, end, c.BigEndian)
	for it.Next() {
		if it.Type == t {
			vs, ve = it.Value()
			return vs, ve, true
		}
	}
	return 0, 0, false
}

// be32At reads a big-endian u32 attribute value, or 0.
func be32At(c *decode.Context, off, end int, t uint16) uint32 {
	vs, ve, ok := attrValue(c, off, end, t)
	if !ok || ve-vs != 4 {
		return 0
	}
	b := c.Data[vs:]
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// learn records sets and anonymous set elements from an nftables message whose
// attributes are c.Data[off:end]. It allocates only for a set it has not seen.
func (st *nftState) learn(c *decode.Context, family uint8, off, end int) {
	if st == nil || c.Echoed {
		return
	}
	switch c.Header.Type & 0xff {
	case unix.NFT_MSG_NEWSET:
		ts, te, ok1 := attrValue(c, off, end, unix.NFTA_SET_TABLE)
		ns, ne, ok2 := attrValue(c, off, end, unix.NFTA_SET_NAME)
		if !ok1 || !ok2 {
			return
		}
		table, name := decode.TrimNUL(c.Data[ts:te]), decode.TrimNUL(c.Data[ns:ne])
		s := st.lookup(family, table, name)
		if s == nil {
			s = &nftSet{family: family, table: string(table)}
			st.sets[string(name)] = append(st.sets[string(name)], s)
		}
		s.keyType = be32At(c, off, end, unix.NFTA_SET_KEY_TYPE)
		s.keyLen = be32At(c, off, end, unix.NFTA_SET_KEY_LEN)
		s.dataType = be32At(c, off, end, unix.NFTA_SET_DATA_TYPE)
		s.flags = be32At(c, off, end, unix.NFTA_SET_FLAGS)
		if s.flags&unix.NFT_SET_ANONYMOUS != 0 {
			s.elems, s.elemFlags, s.more = s.elems[:0], s.elemFlags[:0], false
		}
	case unix.NFT_MSG_NEWSETELEM:
		ts, te, ok1 := attrValue(c, off, end, unix.NFTA_SET_ELEM_LIST_TABLE)
		ns, ne, ok2 := attrValue(c, off, end, unix.NFTA_SET_ELEM_LIST_SET)
		es, ee, ok3 := attrValue(c, off, end, unix.NFTA_SET_ELEM_LIST_ELEMENTS)
		if !ok1 || !ok2 || !ok3 {
			return
		}
		s := st.lookup(family, decode.TrimNUL(c.Data[ts:te]), decode.TrimNUL(c.Data[ns:ne]))
		if s == nil || s.flags&unix.NFT_SET_ANONYMOUS == 0 {
			return
		}
		it := decode.NewAttrIter(c.Data, es, ee, c.BigEndian)
		for it.Next() {
			vs, ve := it.Value()
			ks, ke, ok := attrValue(c, vs, ve, unix.NFTA_SET_ELEM_KEY)
			if !ok {
				continue
			}
			ds, de, ok := attrValue(c, ks, ke, unix.NFTA_DATA_VALUE)
			if !ok {
				continue
			}
			flags := be32At(c, vs, ve, unix.NFTA_SET_ELEM_FLAGS)
			key := c.Data[ds:de]
			if st.hasElem(s, key, flags) {
				continue
			}
			if len(s.elems) >= maxAnonElems {
				s.more = true
				continue
			}
			s.elems = appendKey(s.elems, key)
			s.elemFlags = append(s.elemFlags, flags)
		}
	}
}

// hasElem reports whether s already holds key with flags (a capture shows the
// request, then the notification, then maybe a dump of the same elements).
func (st *nftState) hasElem(s *nftSet, key []byte, flags uint32) bool {
	for i, k := range s.elems {
		if s.elemFlags[i] == flags && bytes.Equal(k, key) {
			return true
		}
	}
	return false
}

// appendKey appends a copy of key to keys, reusing the storage of a key dropped by
// an earlier reset when it is large enough (decoding the same capture again then
// allocates nothing).
func appendKey(keys [][]byte, key []byte) [][]byte {
	if len(keys) < cap(keys) {
		if old := keys[:len(keys)+1][len(keys)]; cap(old) >= len(key) {
			return append(keys, append(old[:0], key...))
		}
	}
	return append(keys, bytes.Clone(key))
}
