package genl

// ethtool additions to the tables generated from the kernel's ethtool.yaml
// (zspec_ethtool.go): value names the spec leaves out (string set ids, port and
// transceiver types, all from include/uapi/linux/ethtool.h, none in x/sys), and
// the summaries an `ethtool` user recognises.

import (
	"math/bits"
	"strconv"
	"strings"

	"github.com/nldump/nldump/decode"
)

// ethtoolStringSets is enum ethtool_stringset (include/uapi/linux/ethtool.h).
var ethtoolStringSets = []SpecEntry{
	{0, "ETH_SS_TEST"}, {1, "ETH_SS_STATS"}, {2, "ETH_SS_PRIV_FLAGS"}, {3, "ETH_SS_NTUPLE_FILTERS"},
	{4, "ETH_SS_FEATURES"}, {5, "ETH_SS_RSS_HASH_FUNCS"}, {6, "ETH_SS_TUNABLES"}, {7, "ETH_SS_PHY_STATS"},
	{8, "ETH_SS_PHY_TUNABLES"}, {9, "ETH_SS_LINK_MODES"}, {10, "ETH_SS_MSG_CLASSES"}, {11, "ETH_SS_WOL_MODES"},
	{12, "ETH_SS_SOF_TIMESTAMPING"}, {13, "ETH_SS_TS_TX_TYPES"}, {14, "ETH_SS_TS_RX_FILTERS"},
	{15, "ETH_SS_UDP_TUNNEL_TYPES"}, {16, "ETH_SS_STATS_STD"}, {17, "ETH_SS_STATS_ETH_PHY"},
	{18, "ETH_SS_STATS_ETH_MAC"}, {19, "ETH_SS_STATS_ETH_CTRL"}, {20, "ETH_SS_STATS_RMON"},
	{21, "ETH_SS_STATS_PHY"}, {22, "ETH_SS_TS_FLAGS"},
}

// ethtoolPorts are the PORT_* connector types and ethtoolXcvrs the XCVR_*
// transceiver types (include/uapi/linux/ethtool.h).
var (
	ethtoolPorts = []SpecEntry{{0x00, "PORT_TP"}, {0x01, "PORT_AUI"}, {0x02, "PORT_BNC"}, {0x03, "PORT_MII"},
		{0x04, "PORT_FIBRE"}, {0x05, "PORT_DA"}, {0xef, "PORT_NONE"}, {0xff, "PORT_OTHER"}}
	ethtoolXcvrs = []SpecEntry{{0x00, "XCVR_INTERNAL"}, {0x01, "XCVR_EXTERNAL"}}
)

// fixEthtoolSpec names the values ethtool.yaml leaves as plain numbers.
func fixEthtoolSpec(s *Spec) {
	s.Enums = append(s.Enums,
		&SpecEnum{Name: "nldump-port", Prefix: "PORT_", Entries: ethtoolPorts},
		&SpecEnum{Name: "nldump-xcvr", Prefix: "XCVR_", Entries: ethtoolXcvrs})
	for _, e := range s.Enums {
		if e.Name == "stringset" && len(e.Entries) == 0 {
			e.Prefix, e.Entries = "ETH_SS_", ethtoolStringSets
		}
	}
	enums := map[[2]string]string{
		{"stringset", "id"}: "stringset", {"linkinfo", "port"}: "nldump-port",
		{"linkinfo", "transceiver"}: "nldump-xcvr",
	}
	for _, set := range s.Sets {
		for i := range set.Attrs {
			a := &set.Attrs[i]
			if e, ok := enums[[2]string{set.Name, a.Name}]; ok && a.Enum == "" {
				a.Enum = e
			}
		}
	}
}

// ethtoolSummary: "dev veth0" from the request header nest, then what the
// message carries, in ethtool's words: "speed 10000", "link up", "rx 1/2 tx
// 1/2", "active 21/64 features", "sets features(64)".
func ethtoolSummary(m *decode.Message, cmd uint8, reply bool) string {
	parts := []string{deviceSummary(m, cmd, reply)}
	if parts[0] == attrCount(m) {
		parts = parts[:0]
	}
	add := func(s string) { parts = append(parts, s) }
	if f := m.Field("ethtool.linkmodes.speed"); f != nil {
		add("speed " + f.ValueString())
	}
	if f := m.Field("ethtool.linkstate.link"); f != nil {
		if f.Value != 0 {
			add("link up")
		} else {
			add("link down")
		}
	}
	if f := m.Field("ethtool.linkinfo.port"); f != nil {
		add("port " + f.Def.Enum.Short(f.Value))
	}
	if f := m.Field("ethtool.linkinfo.transceiver"); f != nil {
		add("transceiver " + f.Def.Enum.Short(f.Value))
	}
	var ch []string
	for _, k := range []string{"rx", "tx", "other", "combined"} {
		c, mx := m.Field("ethtool.channels."+k+"_count"), m.Field("ethtool.channels."+k+"_max")
		switch {
		case c != nil && mx != nil:
			ch = append(ch, k+" "+c.ValueString()+"/"+mx.ValueString())
		case c != nil:
			ch = append(ch, k+" "+c.ValueString())
		}
	}
	if len(ch) > 0 {
		add(strings.Join(ch, " "))
	}
	if f := m.Field("ethtool.features.active"); f != nil {
		if on, size, ok := bitsetCount(f); ok {
			add("active " + strconv.Itoa(on) + "/" + strconv.Itoa(size) + " features")
		}
	}
	if ss := stringSets(m); ss != "" {
		add(ss)
	}
	if len(parts) == 0 {
		return attrCount(m)
	}
	return strings.Join(parts, " ")
}

// bitsetCount counts the set bits of a compact ethtool bitset (SIZE and
// VALUE attributes), or of a verbose one (a BIT per set bit).
func bitsetCount(f *decode.Field) (on, size int, ok bool) {
	verbose := false
	for i := range f.Children {
		k := &f.Children[i]
		switch k.Def.Name {
		case "ethtool.bitset.size":
			size = int(k.Value)
		case "ethtool.bitset.value":
			for _, b := range k.Bytes {
				on += bits.OnesCount8(b)
			}
			ok = true
		case "ethtool.bitset.bits":
			verbose = true
			on += len(k.Children)
		}
	}
	return on, size, ok || verbose
}

// stringSets lists the string sets of a STRSET_GET message: "sets
// features(64) link_modes(99)", "all sets", with "counts only" when asked.
func stringSets(m *decode.Message) string {
	if m.Field("ethtool.strset.stringsets") == nil && m.Field("ethtool.strset.header") == nil {
		return ""
	}
	var sets []string
	for i := range m.Payload() {
		m.Payload()[i].Walk(func(f *decode.Field, _ int) bool {
			if f.Def.Name != "ethtool.stringsets.stringset" {
				return true
			}
			var name, count string
			for k := range f.Children {
				c := &f.Children[k]
				switch c.Def.Name {
				case "ethtool.stringset.id":
					name = c.Def.Enum.Short(c.Value)
				case "ethtool.stringset.count":
					count = "(" + c.ValueString() + ")"
				}
			}
			sets = append(sets, name+count)
			return false
		})
	}
	s := "all sets"
	if len(sets) > 0 {
		s = "sets " + strings.Join(sets, " ")
	}
	if m.Field("ethtool.strset.counts_only") != nil {
		s += " counts only"
	}
	return s
}
