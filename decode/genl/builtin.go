package genl

import (
	"strconv"
	"strings"

	"github.com/nldump/nldump/decode"
)

// builtins are the families whose tables are generated from the kernel's YNL specs
// (zspec_*.go), with their summaries.
var builtins = []struct {
	spec    *Spec
	summary func(m *decode.Message, cmd uint8, reply bool) string
}{
	{ethtoolSpec, ethtoolSummary},
	{devlinkSpec, devlinkSummary},
	{netdevSpec, deviceSummary},
	{dpllSpec, deviceSummary},
	{mptcpPmSpec, deviceSummary},
	{handshakeSpec, deviceSummary},
	{teamSpec, deviceSummary},
	{tcpMetricsSpec, deviceSummary},
	{fouSpec, deviceSummary},
	{ovsDatapathSpec, deviceSummary},
	{ovsVportSpec, deviceSummary},
	{ovsFlowSpec, deviceSummary},
	{nfsdSpec, deviceSummary},
}

func init() {
	fixEthtoolSpec(ethtoolSpec)
	for _, b := range builtins {
		f, err := b.spec.Build()
		if err != nil {
			panic("genl: built-in family " + b.spec.Name + ": " + err.Error())
		}
		f.Summary = b.summary
		RegisterFamily(b.spec.Name, f)
	}
}

// deviceSummary describes a message by the device or object it concerns: the
// first interface name, interface index (named from the session when known) or
// name attribute found, depth first.
func deviceSummary(m *decode.Message, cmd uint8, reply bool) string {
	var name, index, other string
	for i := range m.Payload() {
		m.Payload()[i].Walk(func(f *decode.Field, depth int) bool {
			if !f.IsAttr() || f.Unknown {
				return true
			}
			n := f.Def.Name
			switch {
			case name == "" && (hasSuffix(n, ".dev_name") || hasSuffix(n, ".ifname")):
				name = f.ValueString()
			case index == "" && (hasSuffix(n, ".dev_index") || hasSuffix(n, ".ifindex")):
				index = linkName(m, f)
			case other == "" && hasSuffix(n, ".name") && f.Def.Kind == decode.KindString:
				other = f.ValueString()
			}
			return true
		})
	}
	switch {
	case name != "":
		return "dev " + name
	case index != "":
		return "dev " + index
	case other != "":
		return other
	}
	return attrCount(m)
}

// linkName names an interface index field from the session, or gives the number.
func linkName(m *decode.Message, f *decode.Field) string {
	if s := sessionOf(m); s != nil {
		if n := s.Links[int32(f.Value)]; n != "" {
			return n
		}
	}
	return strconv.FormatUint(f.Value, 10)
}

func hasSuffix(s, suf string) bool { return strings.HasSuffix(s, suf) }

// devlinkSummary: "pci/0000:01:00.0 port 1", the devlink handle and the object.
func devlinkSummary(m *decode.Message, cmd uint8, reply bool) string {
	var parts []string
	bus, dev := m.Field("devlink.bus_name"), m.Field("devlink.dev_name")
	if bus != nil && dev != nil {
		parts = append(parts, bus.ValueString()+"/"+dev.ValueString())
	}
	for _, k := range []struct{ name, label string }{
		{"devlink.port_index", "port"}, {"devlink.port_netdev_name", "dev"},
		{"devlink.param_name", "param"}, {"devlink.info_driver_name", "driver"},
		{"devlink.health_reporter_name", "reporter"}, {"devlink.sb_index", "sb"},
		{"devlink.region_name", "region"}, {"devlink.trap_name", "trap"},
	} {
		if f := m.Field(k.name); f != nil {
			parts = append(parts, k.label+" "+f.ValueString())
		}
	}
	if len(parts) == 0 {
		return attrCount(m)
	}
	return strings.Join(parts, " ")
}
