package decode

import (
	"sort"
	"strconv"
	"strings"
)

// Enum names the values of an integer field, e.g. RTN_* for rtm_type.
type Enum struct {
	// Name is the enum's name, e.g. "rtm_type".
	Name string
	// Prefix is the common prefix stripped for short names ("RTN_").
	Prefix string
	// Values maps each value to its C name.
	Values map[uint64]string

	short map[uint64]string // Short's answers, made by NewEnum
}

// NewEnum builds an Enum from a value -> C name map.
func NewEnum(name, prefix string, values map[uint64]string) *Enum {
	e := &Enum{Name: name, Prefix: prefix, Values: values}
	e.short = make(map[uint64]string, len(values))
	for v, s := range values {
		e.short[v] = strings.ToLower(strings.TrimPrefix(s, prefix))
	}
	return e
}

// Lookup returns the C name of v and whether it is known.
func (e *Enum) Lookup(v uint64) (string, bool) {
	if e == nil {
		return "", false
	}
	s, ok := e.Values[v]
	return s, ok
}

// Short returns the name without the prefix, in lower case ("unicast" for
// RTN_UNICAST), as iproute2 prints it, or the number when unknown.
func (e *Enum) Short(v uint64) string {
	if e != nil {
		if s, ok := e.short[v]; ok {
			return s
		}
	}
	s, ok := e.Lookup(v)
	if !ok {
		return strconv.FormatUint(v, 10)
	}
	return strings.ToLower(strings.TrimPrefix(s, e.Prefix))
}

// Value returns the value named name (C name, or short name in any case), for
// display filters.
func (e *Enum) Value(name string) (uint64, bool) {
	if e == nil {
		return 0, false
	}
	for v, s := range e.Values {
		if strings.EqualFold(s, name) || strings.EqualFold(strings.TrimPrefix(s, e.Prefix), name) {
			return v, true
		}
	}
	return 0, false
}

// Flag is one named bit (or, in FlagSet.Combos, a named group of bits).
type Flag struct {
	// Bit is the bit mask.
	Bit uint64
	// Name is the C name, e.g. "NLM_F_REQUEST".
	Name string
}

// FlagSet names the bits of an integer field.
type FlagSet struct {
	// Name is the set's name, e.g. "nlmsg_flags".
	Name string
	// Prefix is the common prefix stripped for short names ("NLM_F_").
	Prefix string
	// Bits lists the single bits in ascending order.
	Bits []Flag
	// Combos lists named groups of bits (NLM_F_DUMP = ROOT|MATCH) shown in place of
	// their members when all are set.
	Combos []Flag
}

// NewFlagSet builds a FlagSet from bit -> C name; the bits are sorted.
func NewFlagSet(name, prefix string, bits map[uint64]string, combos ...Flag) *FlagSet {
	fs := &FlagSet{Name: name, Prefix: prefix, Combos: combos}
	for b, n := range bits {
		fs.Bits = append(fs.Bits, Flag{b, n})
	}
	sort.Slice(fs.Bits, func(i, j int) bool { return fs.Bits[i].Bit < fs.Bits[j].Bit })
	return fs
}

// Names returns the short names of the bits set in v in ascending bit order, a
// combo's name standing where its lowest bit would, and the bits no name covers.
func (fs *FlagSet) Names(v uint64) (names []string, rest uint64) {
	rest = v
	for _, b := range fs.Bits {
		if rest&b.Bit == 0 {
			continue
		}
		name := b.Name
		bits := b.Bit
		for _, c := range fs.Combos {
			if c.Bit&b.Bit != 0 && v&c.Bit == c.Bit {
				name, bits = c.Name, c.Bit
				break
			}
		}
		names = append(names, strings.TrimPrefix(name, fs.Prefix))
		rest &^= bits
	}
	return names, rest
}

// Format returns the set bits as "REQUEST|DUMP", with unnamed bits in hex, or "0".
func (fs *FlagSet) Format(v uint64, sep string) string {
	return string(fs.AppendFormat(nil, v, sep))
}

// AppendFormat appends what Format returns to dst, without allocating.
func (fs *FlagSet) AppendFormat(dst []byte, v uint64, sep string) []byte {
	if v == 0 {
		return append(dst, '0')
	}
	rest := v
	first := true
	for _, b := range fs.Bits {
		if rest&b.Bit == 0 {
			continue
		}
		name, bits := b.Name, b.Bit
		for _, c := range fs.Combos {
			if c.Bit&b.Bit != 0 && v&c.Bit == c.Bit {
				name, bits = c.Name, c.Bit
				break
			}
		}
		if !first {
			dst = append(dst, sep...)
		}
		first = false
		dst = append(dst, strings.TrimPrefix(name, fs.Prefix)...)
		rest &^= bits
	}
	if rest != 0 {
		if !first {
			dst = append(dst, sep...)
		}
		dst = append(dst, '0', 'x')
		dst = strconv.AppendUint(dst, rest, 16)
	}
	return dst
}

// Value returns the bit(s) named name (C or short name, any case), for display filters.
func (fs *FlagSet) Value(name string) (uint64, bool) {
	if fs == nil {
		return 0, false
	}
	for _, list := range [][]Flag{fs.Combos, fs.Bits} {
		for _, f := range list {
			if strings.EqualFold(f.Name, name) || strings.EqualFold(strings.TrimPrefix(f.Name, fs.Prefix), name) {
				return f.Bit, true
			}
		}
	}
	return 0, false
}
