package genl

// Thermal (family "thermal"; include/uapi/linux/thermal.h). No fixed header.
// Requests and their replies use enum thermal_genl_cmd; the kernel's notifications
// (groups "event" and "sampling", nlmsg_seq 0) use enum thermal_genl_event and
// THERMAL_GENL_SAMPLING_TEMP, which reuse the same numbers: they are the family's
// Events. The replies of the two dumps (TZ_GET_ID, CDEV_GET) carry nlmsg_seq 0 and
// pid 0 as well (thermal_genl_cmd_dumpit: genlmsg_put(skb, 0, 0, ...), seen on
// Linux 6.1): one message with one THERMAL_GENL_ATTR_TZ or _CDEV nest holding every
// zone or cooling device, then NLMSG_DONE in the same skb. No event starts with
// either nest, so that first attribute tells them apart (thermalDumpReply).
//
//	genlmsghdr { cmd = THERMAL_GENL_CMD_TZ_GET_ID (1) ..., version 1 }
//	THERMAL_GENL_ATTR_TZ { THERMAL_GENL_ATTR_TZ_ID u32, THERMAL_GENL_ATTR_TZ_NAME string }...
//	THERMAL_GENL_ATTR_TZ_TEMP s32 (m°C), THERMAL_GENL_ATTR_TZ_TRIP { TRIP_ID, TRIP_TYPE, ... }
//
// golang.org/x/sys/unix has none of these constants.

import (
	"github.com/nldump/nldump/decode"
)

// include/uapi/linux/thermal.h
const thermalGenlName = "thermal"

// include/uapi/linux/thermal.h, enum thermal_genl_attr (TZ_PREV_TEMP moved to
// the end in Linux 6.14; 6.13 alone had it at 20)
const (
	thermalAttrTZ                 = 1
	thermalAttrTZID               = 2
	thermalAttrTZTemp             = 3
	thermalAttrTZTrip             = 4
	thermalAttrTZTripID           = 5
	thermalAttrTZTripType         = 6
	thermalAttrTZTripTemp         = 7
	thermalAttrTZTripHyst         = 8
	thermalAttrTZMode             = 9
	thermalAttrTZName             = 10
	thermalAttrTZCdevWeight       = 11
	thermalAttrTZGov              = 12
	thermalAttrTZGovName          = 13
	thermalAttrCdev               = 14
	thermalAttrCdevID             = 15
	thermalAttrCdevCurState       = 16
	thermalAttrCdevMaxState       = 17
	thermalAttrCdevName           = 18
	thermalAttrGovName            = 19
	thermalAttrCPUCapability      = 20
	thermalAttrCPUCapabilityID    = 21
	thermalAttrCPUCapabilityPerf  = 22
	thermalAttrCPUCapabilityEff   = 23
	thermalAttrThreshold          = 24
	thermalAttrThresholdTemp      = 25
	thermalAttrThresholdDirection = 26
	thermalAttrTZPrevTemp         = 27
)

// include/uapi/linux/thermal.h, enum thermal_genl_cmd
const (
	thermalCmdTZGetID         = 1
	thermalCmdTZGetTrip       = 2
	thermalCmdTZGetTemp       = 3
	thermalCmdTZGetGov        = 4
	thermalCmdTZGetMode       = 5
	thermalCmdCdevGet         = 6
	thermalCmdThresholdGet    = 7
	thermalCmdThresholdAdd    = 8
	thermalCmdThresholdDelete = 9
	thermalCmdThresholdFlush  = 10
)

// include/uapi/linux/thermal.h, enum thermal_genl_event (and enum
// thermal_genl_sampling: THERMAL_GENL_SAMPLING_TEMP = 0)
const (
	thermalSamplingTemp             = 0
	thermalEventTZCreate            = 1
	thermalEventTZDelete            = 2
	thermalEventTZDisable           = 3
	thermalEventTZEnable            = 4
	thermalEventTZTripUp            = 5
	thermalEventTZTripDown          = 6
	thermalEventTZTripChange        = 7
	thermalEventTZTripAdd           = 8
	thermalEventTZTripDelete        = 9
	thermalEventCdevAdd             = 10
	thermalEventCdevDelete          = 11
	thermalEventCdevStateUpdate     = 12
	thermalEventTZGovChange         = 13
	thermalEventCPUCapabilityChange = 14
	thermalEventThresholdAdd        = 15
	thermalEventThresholdDelete     = 16
	thermalEventThresholdFlush      = 17
	thermalEventThresholdUp         = 18
	thermalEventThresholdDown       = 19
)

var (
	// include/uapi/linux/thermal.h, enum thermal_device_mode
	thermalMode = decode.NewEnum("thermal_device_mode", "THERMAL_DEVICE_", map[uint64]string{
		0: "THERMAL_DEVICE_DISABLED", 1: "THERMAL_DEVICE_ENABLED"})
	// include/uapi/linux/thermal.h, enum thermal_trip_type
	thermalTripType = decode.NewEnum("thermal_trip_type", "THERMAL_TRIP_", map[uint64]string{
		0: "THERMAL_TRIP_ACTIVE", 1: "THERMAL_TRIP_PASSIVE", 2: "THERMAL_TRIP_HOT", 3: "THERMAL_TRIP_CRITICAL"})
)

// thermalLeafAttrs are the attributes that are not nests; the nests hold them.
func thermalLeafAttrs() []decode.Attr {
	return []decode.Attr{
		{Type: thermalAttrTZID, CName: "THERMAL_GENL_ATTR_TZ_ID", Kind: decode.KindU32},
		{Type: thermalAttrTZTemp, CName: "THERMAL_GENL_ATTR_TZ_TEMP", Kind: decode.KindS32, Unit: "m°C"},
		{Type: thermalAttrTZTripID, CName: "THERMAL_GENL_ATTR_TZ_TRIP_ID", Kind: decode.KindU32},
		{Type: thermalAttrTZTripType, CName: "THERMAL_GENL_ATTR_TZ_TRIP_TYPE", Kind: decode.KindU32, Enum: thermalTripType},
		{Type: thermalAttrTZTripTemp, CName: "THERMAL_GENL_ATTR_TZ_TRIP_TEMP", Kind: decode.KindS32, Unit: "m°C"},
		{Type: thermalAttrTZTripHyst, CName: "THERMAL_GENL_ATTR_TZ_TRIP_HYST", Kind: decode.KindS32, Unit: "m°C"},
		{Type: thermalAttrTZMode, CName: "THERMAL_GENL_ATTR_TZ_MODE", Kind: decode.KindU32, Enum: thermalMode},
		{Type: thermalAttrTZName, CName: "THERMAL_GENL_ATTR_TZ_NAME", Kind: decode.KindString},
		{Type: thermalAttrTZCdevWeight, CName: "THERMAL_GENL_ATTR_TZ_CDEV_WEIGHT", Kind: decode.KindU32},
		{Type: thermalAttrTZGovName, CName: "THERMAL_GENL_ATTR_TZ_GOV_NAME", Kind: decode.KindString},
		{Type: thermalAttrCdevID, CName: "THERMAL_GENL_ATTR_CDEV_ID", Kind: decode.KindU32},
		{Type: thermalAttrCdevCurState, CName: "THERMAL_GENL_ATTR_CDEV_CUR_STATE", Kind: decode.KindU32},
		{Type: thermalAttrCdevMaxState, CName: "THERMAL_GENL_ATTR_CDEV_MAX_STATE", Kind: decode.KindU32},
		{Type: thermalAttrCdevName, CName: "THERMAL_GENL_ATTR_CDEV_NAME", Kind: decode.KindString},
		{Type: thermalAttrGovName, CName: "THERMAL_GENL_ATTR_GOV_NAME", Kind: decode.KindString},
		{Type: thermalAttrCPUCapabilityID, CName: "THERMAL_GENL_ATTR_CPU_CAPABILITY_ID", Kind: decode.KindU32},
		{Type: thermalAttrCPUCapabilityPerf, CName: "THERMAL_GENL_ATTR_CPU_CAPABILITY_PERFORMANCE", Kind: decode.KindU32},
		{Type: thermalAttrCPUCapabilityEff, CName: "THERMAL_GENL_ATTR_CPU_CAPABILITY_EFFICIENCY", Kind: decode.KindU32},
		{Type: thermalAttrThresholdTemp, CName: "THERMAL_GENL_ATTR_THRESHOLD_TEMP", Kind: decode.KindS32, Unit: "m°C"},
		{Type: thermalAttrThresholdDirection, CName: "THERMAL_GENL_ATTR_THRESHOLD_DIRECTION", Kind: decode.KindU32, Display: decode.DisplayHex},
		{Type: thermalAttrTZPrevTemp, CName: "THERMAL_GENL_ATTR_TZ_PREV_TEMP", Kind: decode.KindS32, Unit: "m°C"},
	}
}

// thermalNestAttrs is the set inside THERMAL_GENL_ATTR_TZ, _TZ_TRIP, _CDEV,
// _CPU_CAPABILITY and _THRESHOLD nests.
var thermalNestAttrs = decode.NewAttrSet("THERMAL_GENL_ATTR", "thermal", thermalLeafAttrs()...)

var thermalAttrs = decode.NewAttrSet("THERMAL_GENL_ATTR", "thermal", append(thermalLeafAttrs(),
	decode.Attr{Type: thermalAttrTZ, CName: "THERMAL_GENL_ATTR_TZ", Nested: thermalNestAttrs},
	decode.Attr{Type: thermalAttrTZTrip, CName: "THERMAL_GENL_ATTR_TZ_TRIP", Nested: thermalNestAttrs},
	decode.Attr{Type: thermalAttrTZGov, CName: "THERMAL_GENL_ATTR_TZ_GOV", Nested: thermalNestAttrs},
	decode.Attr{Type: thermalAttrCdev, CName: "THERMAL_GENL_ATTR_CDEV", Nested: thermalNestAttrs},
	decode.Attr{Type: thermalAttrCPUCapability, CName: "THERMAL_GENL_ATTR_CPU_CAPABILITY", Nested: thermalNestAttrs},
	decode.Attr{Type: thermalAttrThreshold, CName: "THERMAL_GENL_ATTR_THRESHOLD", Nested: thermalNestAttrs},
)...)

// thermalDumpReply reports whether a seq-0 thermal message is a dump reply: its
// first attribute is a THERMAL_GENL_ATTR_TZ or THERMAL_GENL_ATTR_CDEV nest.
func thermalDumpReply(c *decode.Context, off, end int) bool {
	it := decode.NewAttrIter(c.Data, off+4, end, c.BigEndian) // after genlmsghdr
	return it.Next() && (it.Type == thermalAttrTZ || it.Type == thermalAttrCdev)
}

func thermalEvent(cmd uint8, cname string) Command {
	return Command{Cmd: cmd, CName: cname, Name: "EVENT_" + cname[len("THERMAL_GENL_EVENT_"):]}
}

func init() {
	RegisterFamily(thermalGenlName, &Family{
		Prefix:    "THERMAL_GENL_CMD_",
		Attrs:     thermalAttrs,
		DumpReply: thermalDumpReply,
		Commands: []Command{
			{Cmd: thermalCmdTZGetID, CName: "THERMAL_GENL_CMD_TZ_GET_ID"},
			{Cmd: thermalCmdTZGetTrip, CName: "THERMAL_GENL_CMD_TZ_GET_TRIP"},
			{Cmd: thermalCmdTZGetTemp, CName: "THERMAL_GENL_CMD_TZ_GET_TEMP"},
			{Cmd: thermalCmdTZGetGov, CName: "THERMAL_GENL_CMD_TZ_GET_GOV"},
			{Cmd: thermalCmdTZGetMode, CName: "THERMAL_GENL_CMD_TZ_GET_MODE"},
			{Cmd: thermalCmdCdevGet, CName: "THERMAL_GENL_CMD_CDEV_GET"},
			{Cmd: thermalCmdThresholdGet, CName: "THERMAL_GENL_CMD_THRESHOLD_GET"},
			{Cmd: thermalCmdThresholdAdd, CName: "THERMAL_GENL_CMD_THRESHOLD_ADD"},
			{Cmd: thermalCmdThresholdDelete, CName: "THERMAL_GENL_CMD_THRESHOLD_DELETE", Op: decode.OpDel},
			{Cmd: thermalCmdThresholdFlush, CName: "THERMAL_GENL_CMD_THRESHOLD_FLUSH"},
		},
		Events: []Command{
			{Cmd: thermalSamplingTemp, CName: "THERMAL_GENL_SAMPLING_TEMP", Name: "SAMPLING_TEMP"},
			thermalEvent(thermalEventTZCreate, "THERMAL_GENL_EVENT_TZ_CREATE"),
			thermalEvent(thermalEventTZDelete, "THERMAL_GENL_EVENT_TZ_DELETE"),
			thermalEvent(thermalEventTZDisable, "THERMAL_GENL_EVENT_TZ_DISABLE"),
			thermalEvent(thermalEventTZEnable, "THERMAL_GENL_EVENT_TZ_ENABLE"),
			thermalEvent(thermalEventTZTripUp, "THERMAL_GENL_EVENT_TZ_TRIP_UP"),
			thermalEvent(thermalEventTZTripDown, "THERMAL_GENL_EVENT_TZ_TRIP_DOWN"),
			thermalEvent(thermalEventTZTripChange, "THERMAL_GENL_EVENT_TZ_TRIP_CHANGE"),
			thermalEvent(thermalEventTZTripAdd, "THERMAL_GENL_EVENT_TZ_TRIP_ADD"),
			thermalEvent(thermalEventTZTripDelete, "THERMAL_GENL_EVENT_TZ_TRIP_DELETE"),
			thermalEvent(thermalEventCdevAdd, "THERMAL_GENL_EVENT_CDEV_ADD"),
			thermalEvent(thermalEventCdevDelete, "THERMAL_GENL_EVENT_CDEV_DELETE"),
			thermalEvent(thermalEventCdevStateUpdate, "THERMAL_GENL_EVENT_CDEV_STATE_UPDATE"),
			thermalEvent(thermalEventTZGovChange, "THERMAL_GENL_EVENT_TZ_GOV_CHANGE"),
			thermalEvent(thermalEventCPUCapabilityChange, "THERMAL_GENL_EVENT_CPU_CAPABILITY_CHANGE"),
			thermalEvent(thermalEventThresholdAdd, "THERMAL_GENL_EVENT_THRESHOLD_ADD"),
			thermalEvent(thermalEventThresholdDelete, "THERMAL_GENL_EVENT_THRESHOLD_DELETE"),
			thermalEvent(thermalEventThresholdFlush, "THERMAL_GENL_EVENT_THRESHOLD_FLUSH"),
			thermalEvent(thermalEventThresholdUp, "THERMAL_GENL_EVENT_THRESHOLD_UP"),
			thermalEvent(thermalEventThresholdDown, "THERMAL_GENL_EVENT_THRESHOLD_DOWN"),
		},
		Summary: thermalSummary,
	})
}

// thermalSummary: "tz 0 temp 45000 m°C", "tz 1 acpitz", "cdev 3 state 2"; for a
// dump reply the list, "2 cooling devices: 1 Processor, 0 Processor".
func thermalSummary(m *decode.Message, cmd uint8, reply bool) string {
	if s, ok := thermalList(m, "thermal.tz", "thermal.tz_id", "thermal.tz_name", "thermal zone"); ok {
		return s
	}
	if s, ok := thermalList(m, "thermal.cdev", "thermal.cdev_id", "thermal.cdev_name", "cooling device"); ok {
		return s
	}
	s := ""
	add := func(label, name string) { s = addFieldWord(s, m, label, name) }
	add("tz ", "thermal.tz_id")
	add("", "thermal.tz_name")
	add("temp ", "thermal.tz_temp")
	add("trip ", "thermal.tz_trip_id")
	add("cdev ", "thermal.cdev_id")
	add("", "thermal.cdev_name")
	add("state ", "thermal.cdev_cur_state")
	add("gov ", "thermal.tz_gov_name")
	add("gov ", "thermal.gov_name")
	add("threshold ", "thermal.threshold_temp")
	if s == "" {
		return attrCount(m)
	}
	return s
}

// thermalList summarizes a TZ_GET_ID or CDEV_GET dump reply: its nest (the kernel
// sends one, holding the id and name attributes of every zone or cooling device in
// turn) starts the message.
func thermalList(m *decode.Message, nest, id, name, what string) (string, bool) {
	p := m.Payload()
	if len(p) < 2 || p[1].Def.Name != nest {
		return "", false
	}
	n, list := 0, ""
	for i := 1; i < len(p); i++ {
		if p[i].Def.Name != nest {
			continue
		}
		for j := range p[i].Children {
			c := &p[i].Children[j]
			switch c.Def.Name {
			case id:
				n++
				if list != "" {
					list += ", "
				}
				list += c.ValueString()
			case name:
				list += " " + c.ValueString()
			}
		}
	}
	if n == 0 {
		return "no " + what + "s", true
	}
	return plural(n, what) + ": " + list, true
}
