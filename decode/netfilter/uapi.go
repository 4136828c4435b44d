package netfilter

// zuapi.go was generated from Linux 6.12's include/uapi: set UAPI to such a tree
// (a distribution's /usr/include may be older and lack names the tables use).
//
//go:generate sh -c "python3 internal/mkuapi/mkuapi.py ${UAPI:-/usr/include} $(go env GOMODCACHE)/golang.org/x/sys@v0.50.0/unix > zuapi.go && gofmt -w zuapi.go"

import (
	"strconv"
	"strings"

	"github.com/nldump/nldump/decode"
)

// uapiConst is one C name of a uapi header and its value.
type uapiConst struct {
	name string
	v    int64
}

// uapiByName indexes uapiConsts by C name.
var uapiByName = func() map[string]int64 {
	m := make(map[string]int64, len(uapiConsts))
	for _, c := range uapiConsts {
		if _, dup := m[c.name]; !dup {
			m[c.name] = c.v
		}
	}
	return m
}()

// num returns the value of the uapi constant name; a name the headers do not
// define is a bug in a table, caught by any test at init.
func num(name string) int64 {
	v, ok := uapiByName[name]
	if !ok {
		panic("netfilter: no uapi constant " + name)
	}
	return v
}

// enumOf builds an Enum of the uapi constants whose names start with prefix (the
// first name of each value wins), leaving out those in skip.
func enumOf(name, prefix string, skip ...string) *decode.Enum {
	vals := map[uint64]string{}
outer:
	for _, c := range uapiConsts {
		if !strings.HasPrefix(c.name, prefix) || strings.HasSuffix(c.name, "_MAX") {
			continue
		}
		for _, s := range skip {
			if strings.HasPrefix(c.name, s) {
				continue outer
			}
		}
		if _, dup := vals[uint64(c.v)]; !dup {
			vals[uint64(c.v)] = c.name
		}
	}
	return decode.NewEnum(name, prefix, vals)
}

// flagsOf builds a FlagSet of the single-bit uapi constants named in names.
func flagsOf(name, prefix string, names ...string) *decode.FlagSet {
	bits := map[uint64]string{}
	for _, n := range names {
		bits[uint64(num(n))] = n
	}
	return decode.NewFlagSet(name, prefix, bits)
}

// Attribute builders: the type number comes from the C name. Integers are
// big-endian unless the helper's name ends in "h" (host order): netfilter puts
// almost every integer with nla_put_be16/32/64.

func at(name string, k decode.Kind) decode.Attr {
	return decode.Attr{Type: uint16(num(name)), CName: name, Kind: k}
}

func be(name string, k decode.Kind) decode.Attr {
	a := at(name, k)
	a.BigEndian = true
	return a
}

func u8(name string) decode.Attr    { return at(name, decode.KindU8) }
func be16(name string) decode.Attr  { return be(name, decode.KindU16) }
func be32(name string) decode.Attr  { return be(name, decode.KindU32) }
func be64(name string) decode.Attr  { return be(name, decode.KindU64) }
func str(name string) decode.Attr   { return at(name, decode.KindString) }
func bin(name string) decode.Attr   { return at(name, decode.KindBinary) }
func addr(name string) decode.Attr  { return at(name, decode.KindAddr) }
func pad(name string) decode.Attr   { return at(name, decode.KindPad) }
func hex32(name string) decode.Attr { a := be32(name); a.Display = decode.DisplayHex; return a }

func nest(name string, s *decode.AttrSet) decode.Attr {
	a := at(name, decode.KindNone)
	a.Nested = s
	return a
}

func strct(name string, s *decode.Struct) decode.Attr {
	a := at(name, decode.KindNone)
	a.Struct = s
	return a
}

func withEnum(a decode.Attr, e *decode.Enum) decode.Attr     { a.Enum = e; return a }
func withFlags(a decode.Attr, f *decode.FlagSet) decode.Attr { a.Flags = f; return a }
func withUnit(a decode.Attr, u string) decode.Attr           { a.Unit = u; return a }
func withDesc(a decode.Attr, d string) decode.Attr           { a.Desc = d; return a }

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

// flagsByPrefix builds a FlagSet of the single-bit uapi constants whose names start
// with prefix, leaving out *_BIT positions, masks, and names in skip; the first
// name of a bit wins.
func flagsByPrefix(name, prefix string, skip ...string) *decode.FlagSet {
	bits := map[uint64]string{}
outer:
	for _, c := range uapiConsts {
		if !strings.HasPrefix(c.name, prefix) || strings.HasSuffix(c.name, "_BIT") || strings.HasSuffix(c.name, "_MASK") ||
			c.v <= 0 || c.v&(c.v-1) != 0 {
			continue
		}
		for _, s := range skip {
			if strings.HasPrefix(c.name, s) {
				continue outer
			}
		}
		if _, dup := bits[uint64(c.v)]; !dup {
			bits[uint64(c.v)] = c.name
		}
	}
	return decode.NewFlagSet(name, prefix, bits)
}
