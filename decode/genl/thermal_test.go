package genl

import (
	"testing"

	"golang.org/x/sys/unix"
)

func TestThermal(t *testing.T) {
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			w := o.w
			// Request, then its reply: both use enum thermal_genl_cmd.
			m := decodeAs(thermalGenlName, w.msg(0x30, unix.NLM_F_REQUEST|unix.NLM_F_DUMP, 5, 0,
				genlhdr(thermalCmdTZGetID, 1)))
			if m.TypeName != "thermal TZ_GET_ID" {
				t.Errorf("request type %q", m.TypeName)
			}
			m = decodeAs(thermalGenlName, w.msg(0x30, unix.NLM_F_MULTI, 5, 77, // seq 5: a reply
				genlhdr(thermalCmdTZGetID, 1),
				w.Nest(thermalAttrTZ,
					w.Attr(thermalAttrTZID, w.U32(0)),         // tz 0
					w.Attr(thermalAttrTZName, str("acpitz"))), // type "acpitz"
				w.Nest(thermalAttrTZ,
					w.Attr(thermalAttrTZID, w.U32(1)),
					w.Attr(thermalAttrTZName, str("x86_pkg_temp")))))
			if m.TypeName != "thermal TZ_GET_ID" {
				t.Errorf("reply type %q", m.TypeName)
			}
			checkFields(t, m, map[string]string{"thermal.tz_name": "acpitz"})
			if s := m.Summary(); s != "2 thermal zones: 0 acpitz, 1 x86_pkg_temp" {
				t.Errorf("summary %q", s)
			}

			// A notification (seq 0) with the same number 1 is THERMAL_GENL_EVENT_TZ_CREATE.
			m = decodeAs(thermalGenlName, w.msg(0x30, 0, 0, 0, genlhdr(thermalEventTZCreate, 1),
				w.Attr(thermalAttrTZID, w.U32(2)), w.Attr(thermalAttrTZName, str("acpitz"))))
			if m.TypeName != "thermal EVENT_TZ_CREATE" {
				t.Errorf("event type %q\n%s", m.TypeName, treeText(m))
			}
			checkFields(t, m, map[string]string{"genl.cmd": "THERMAL_GENL_EVENT_TZ_CREATE (1)"})

			// Trip crossed: negative temperatures are s32.
			m = decodeAs(thermalGenlName, w.msg(0x30, 0, 0, 0, genlhdr(thermalEventTZTripUp, 1),
				w.Attr(thermalAttrTZID, w.U32(0)),
				w.Attr(thermalAttrTZTripID, w.U32(1)),
				w.Attr(thermalAttrTZTemp, w.U32(uint32(0xffffd8f0))))) // -10000 m°C
			if m.TypeName != "thermal EVENT_TZ_TRIP_UP" {
				t.Errorf("event type %q", m.TypeName)
			}
			checkFields(t, m, map[string]string{"thermal.tz_temp": "-10000 m°C"})

			// Sampling group: cmd 0.
			m = decodeAs(thermalGenlName, w.msg(0x30, 0, 0, 0, genlhdr(thermalSamplingTemp, 1),
				w.Attr(thermalAttrTZID, w.U32(0)), w.Attr(thermalAttrTZTemp, w.U32(45000))))
			if m.TypeName != "thermal SAMPLING_TEMP" || m.Summary() != "tz 0 temp 45000 m°C" {
				t.Errorf("sampling %q %q", m.TypeName, m.Summary())
			}

			// Trip dump reply: nested trips with enum type.
			m = decodeAs(thermalGenlName, w.msg(0x30, 0, 6, 77, genlhdr(thermalCmdTZGetTrip, 1),
				w.Attr(thermalAttrTZID, w.U32(0)),
				w.Nest(thermalAttrTZTrip,
					w.Attr(thermalAttrTZTripID, w.U32(0)),
					w.Attr(thermalAttrTZTripType, w.U32(3)), // THERMAL_TRIP_CRITICAL
					w.Attr(thermalAttrTZTripTemp, w.U32(105000)),
					w.Attr(thermalAttrTZTripHyst, w.U32(0)))))
			checkFields(t, m, map[string]string{"thermal.tz_trip_type": "THERMAL_TRIP_CRITICAL (3)"})
		})
	}
}
