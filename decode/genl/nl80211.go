package genl

// nl80211, the wireless configuration family (family "nl80211";
// include/uapi/linux/nl80211.h). No fixed header; every command uses the one
// NL80211_ATTR_* set, whose nests (bands, frequencies, bit rates, station info, BSS,
// keys, regulatory rules, interface types) mostly lack NLA_F_NESTED on the wire:
//
//	genlmsghdr { cmd = NL80211_CMD_*, version 0 }
//	NL80211_ATTR_WIPHY u32, NL80211_ATTR_IFINDEX u32, NL80211_ATTR_IFNAME string,
//	NL80211_ATTR_IFTYPE u32, NL80211_ATTR_MAC [6]byte, NL80211_ATTR_WDEV u64, ...
//	NL80211_ATTR_WIPHY_BANDS [ band: { NL80211_BAND_ATTR_FREQS [ { NL80211_FREQUENCY_ATTR_* } ], ... } ]
//
// The tables (znl80211.go) are generated from golang.org/x/sys/unix by
// internal/gen/nl80211.py.

import (
	"github.com/nldump/nldump/decode"
)

func init() {
	RegisterFamily("nl80211", &Family{ // NL80211_GENL_NAME, include/uapi/linux/nl80211.h (not in x/sys)
		Prefix:   "NL80211_CMD_",
		Attrs:    nl80211Attrs,
		Commands: nl80211Commands,
		Summary:  nl80211Summary,
	})
}

// nl80211Summary: "wlan0 type station", "phy0", "wlan0".
func nl80211Summary(m *decode.Message, cmd uint8, reply bool) string {
	var parts []string
	if f := m.Field("nl80211.ifname"); f != nil {
		parts = append(parts, f.ValueString())
	} else if f := m.Field("nl80211.ifindex"); f != nil {
		parts = append(parts, "dev "+linkName(m, f))
	} else if f := m.Field("nl80211.wiphy_name"); f != nil {
		parts = append(parts, f.ValueString())
	} else if f := m.Field("nl80211.wiphy"); f != nil {
		parts = append(parts, "phy"+f.ValueString())
	}
	if f := m.Field("nl80211.iftype"); f != nil {
		parts = append(parts, "type "+f.Def.Enum.Short(f.Value))
	}
	if f := m.Field("nl80211.mac"); f != nil {
		parts = append(parts, "addr "+f.ValueString())
	}
	if len(parts) == 0 {
		return attrCount(m)
	}
	out := parts[0]
	for _, p := range parts[1:] {
		out += " " + p
	}
	return out
}

func init() {
	// Type 4 of enum nl80211_frequency_attr is the deprecated
	// __NL80211_FREQUENCY_ATTR_NO_IBSS (include/uapi/linux/nl80211.h), which kernels
	// still send; x/sys leaves it out.
	nl80211FreqAttrs.Add(decode.Attr{Type: 4, CName: "__NL80211_FREQUENCY_ATTR_NO_IBSS", Name: "nl80211.freq.no_ibss", Kind: decode.KindFlag})
}
