package genl

import (
	"reflect"
	"strings"
	"testing"

	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// TestTaskstatsLayout: every member of the struct taskstats table sits at the
// offset golang.org/x/sys/unix's Taskstats (generated from the kernel headers) has.
func TestTaskstatsLayout(t *testing.T) {
	rt := reflect.TypeFor[unix.Taskstats]()
	byName := map[string]uintptr{}
	for i := range rt.NumField() {
		byName[strings.ToLower(rt.Field(i).Name)] = rt.Field(i).Offset
	}
	n := 0
	for _, m := range taskstatsStruct.Members {
		if m.CName == "" {
			continue
		}
		off, ok := byName[m.CName]
		if !ok {
			t.Errorf("%s not in unix.Taskstats", m.CName)
			continue
		}
		if int(off) != m.Offset() {
			t.Errorf("%s at %d, unix.Taskstats has %d", m.CName, m.Offset(), off)
		}
		n++
	}
	if n < 50 || taskstatsStruct.Size != int(byName["wpcopy_delay_total"])+8 {
		t.Errorf("%d members, size %d", n, taskstatsStruct.Size)
	}
}

func taskstatsDecoder() *decode.Decoder {
	d := decode.NewDecoder()
	d.Session.GenlFamilies[0x1f] = unix.TASKSTATS_GENL_NAME
	return d
}

func TestTaskstatsRequest(t *testing.T) {
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			w := o.w
			data := w.msg(0x1f, unix.NLM_F_REQUEST, 1, 0,
				genlhdr(unix.TASKSTATS_CMD_GET, 1),
				w.Attr(unix.TASKSTATS_CMD_ATTR_PID, w.U32(4242)), // pid 4242
			)
			m := &taskstatsDecoder().DecodeFrame(frame(data), nil)[0]
			if m.TypeName != "TASKSTATS GET" || m.Malformed || len(unknownAttrs(m)) > 0 {
				t.Fatalf("type %q malformed %v unknown %v\n%s", m.TypeName, m.Malformed, unknownAttrs(m), treeText(m))
			}
			if s := m.Summary(); s != "pid 4242" {
				t.Errorf("summary %q", s)
			}
			data = w.msg(0x1f, unix.NLM_F_REQUEST, 2, 0, genlhdr(unix.TASKSTATS_CMD_GET, 1),
				w.Attr(unix.TASKSTATS_CMD_ATTR_REGISTER_CPUMASK, str("0-3")))
			m = &taskstatsDecoder().DecodeFrame(frame(data), nil)[0]
			if s := m.Summary(); s != "register cpumask 0-3" {
				t.Errorf("summary %q\n%s", s, treeText(m))
			}
		})
	}
}

func TestTaskstatsReply(t *testing.T) {
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			w := o.w
			// struct taskstats, version 13 layout, 416 bytes, plus 16 bytes of a
			// newer version (irq_count, irq_delay_total).
			st := make([]byte, 0, 432)
			st = append(st, w.U16(13)...)                 // version
			st = append(st, 0, 0)                         // pad
			st = append(st, w.U32(0)...)                  // ac_exitcode
			st = append(st, 0x02, 0)                      // ac_flag AFORK, ac_nice
			st = append(st, make([]byte, 6)...)           // pad
			st = append(st, w.U64(5)...)                  // cpu_count @16
			st = append(st, w.U64(1000)...)               // cpu_delay_total @24
			st = append(st, make([]byte, 80-len(st))...)  // .. cpu_run_virtual_total
			st = append(st, []byte("sleep")...)           // ac_comm @80
			st = append(st, make([]byte, 112-len(st))...) // ac_comm[32]
			st = append(st, 0, 0, 0, 0, 0, 0, 0, 0)       // ac_sched, ac_pad, pad
			st = append(st, w.U32(1000)...)               // ac_uid @120
			st = append(st, w.U32(1000)...)               // ac_gid
			st = append(st, w.U32(4242)...)               // ac_pid @128
			st = append(st, w.U32(1)...)                  // ac_ppid
			st = append(st, make([]byte, 392-len(st))...) // .. ac_exe_dev
			st = append(st, w.U64(77)...)                 // ac_exe_inode @392
			st = append(st, w.U64(3)...)                  // wpcopy_count @400
			st = append(st, w.U64(9)...)                  // wpcopy_delay_total @408
			st = append(st, make([]byte, 16)...)          // irq_* (newer)
			data := w.msg(0x1f, 0, 1, 99, genlhdr(unix.TASKSTATS_CMD_NEW, 1),
				w.Nest(unix.TASKSTATS_TYPE_AGGR_PID,
					w.Attr(unix.TASKSTATS_TYPE_PID, w.U32(4242)),
					w.Attr(unix.TASKSTATS_TYPE_STATS, st)),
				w.Attr(unix.TASKSTATS_TYPE_NULL))
			m := &taskstatsDecoder().DecodeFrame(frame(data), nil)[0]
			if m.TypeName != "TASKSTATS NEW" || m.Malformed || len(unknownAttrs(m)) > 0 {
				t.Fatalf("type %q malformed %v unknown %v\n%s", m.TypeName, m.Malformed, unknownAttrs(m), treeText(m))
			}
			if s := m.Summary(); s != "pid 4242 comm sleep" {
				t.Errorf("summary %q\n%s", s, treeText(m))
			}
			for name, want := range map[string]string{
				"taskstats.stats.version":            "13",
				"taskstats.stats.cpu_count":          "5",
				"taskstats.stats.ac_pid":             "4242",
				"taskstats.stats.ac_ppid":            "1",
				"taskstats.stats.ac_exe_inode":       "77",
				"taskstats.stats.wpcopy_delay_total": "9 ns",
			} {
				if f := m.Field(name); f == nil || f.ValueString() != want {
					t.Errorf("%s = %v, want %q\n%s", name, f, want, treeText(m))
				}
			}
			if f := m.Field("taskstats.stats.extra"); f == nil || f.Length != 16 {
				t.Errorf("extra bytes of a newer struct: %v", f)
			}
		})
	}
}
