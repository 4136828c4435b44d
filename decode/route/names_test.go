package route

import (
	"testing"

	"github.com/nldump/nldump/decode"
)

// TestFilterNamesUnique walks every attribute set and struct reachable from the
// message table and the kind tables, and requires that no two attributes of a set
// and no two members of a struct share a filter name (a display filter such as
// "ifla.stats.rx_packets" must name one thing), and that every attribute and member
// has a C name.
func TestFilterNamesUnique(t *testing.T) {
	seenSet := map[*decode.AttrSet]bool{}
	seenStruct := map[*decode.Struct]bool{}
	var walkSet func(s *decode.AttrSet)
	checkStruct := func(s *decode.Struct) {
		if s == nil || seenStruct[s] {
			return
		}
		seenStruct[s] = true
		names := map[string]bool{}
		for i := range s.Members {
			m := &s.Members[i]
			if m.CName == "" {
				continue
			}
			if names[m.Def().Name] {
				t.Errorf("struct %s: two members named %s", s.CName, m.Def().Name)
			}
			names[m.Def().Name] = true
		}
	}
	var walkAttr func(a *decode.Attr)
	walkAttr = func(a *decode.Attr) {
		if a == nil {
			return
		}
		walkSet(a.Nested)
		checkStruct(a.Struct)
		if a.Elem != nil {
			walkAttr(a.Elem)
		}
		if a.Sub != nil {
			for _, v := range a.Sub.Variants {
				walkAttr(v)
			}
		}
	}
	walkSet = func(s *decode.AttrSet) {
		if s == nil || seenSet[s] {
			return
		}
		seenSet[s] = true
		names := map[string]uint16{}
		for _, a := range s.Attrs() {
			if a.CName == "" {
				t.Errorf("set %s: attribute %d has no C name", s.Name, a.Type)
			}
			if other, dup := names[a.Def().Name]; dup {
				t.Errorf("set %s: attributes %d and %d both named %s", s.Name, other, a.Type, a.Def().Name)
			}
			names[a.Def().Name] = a.Type
			walkAttr(a)
		}
	}
	for _, md := range msgTable {
		if md != nil {
			checkStruct(md.hdr)
			walkSet(md.set)
		}
	}
	for _, table := range []map[string]*decode.Attr{infoData, infoSlaveData, qdiscOptions, filterOptions, actOptions} {
		for _, v := range table {
			walkAttr(v)
		}
	}
	for _, s := range []*decode.AttrSet{mdbReqAttrs, statsAttrs, vlandbAttrs, afSpecAttrs, bridgeAfAttrs, inet6Attrs, brportAttrs} {
		walkSet(s)
	}
	for _, s := range []*decode.Struct{linkStats64, tcSfqQopt, netemQopt, mqprioQopt, u32Sel, u32Key, tcPeditSel, tcPeditKey,
		srhStruct, rtnexthop, nexthopGrp, brMdbEntry, ematchHdr, htbXstats, fqCodelXstats, fqXstats, sfqXstats, ifaddrmsg} {
		checkStruct(s)
	}
	if len(seenSet) < 100 || len(seenStruct) < 60 {
		t.Errorf("walked only %d sets and %d structs", len(seenSet), len(seenStruct))
	}
	n := 0
	for s := range seenSet {
		n += len(s.Attrs())
	}
	t.Logf("%d attribute sets with %d attribute descriptions, %d structs", len(seenSet), n, len(seenStruct))
}
