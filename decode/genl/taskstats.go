package genl

// Taskstats (family "TASKSTATS"; include/uapi/linux/taskstats.h). No fixed header:
//
//	request  genlmsghdr { cmd = TASKSTATS_CMD_GET (1), version 1 }
//	         TASKSTATS_CMD_ATTR_PID u32 | TASKSTATS_CMD_ATTR_TGID u32 |
//	         TASKSTATS_CMD_ATTR_REGISTER_CPUMASK string ("0-3") | ..._DEREGISTER_CPUMASK
//	reply    genlmsghdr { cmd = TASKSTATS_CMD_NEW (2) }
//	         TASKSTATS_TYPE_AGGR_PID { TASKSTATS_TYPE_PID u32, TASKSTATS_TYPE_STATS struct taskstats }
//	         TASKSTATS_TYPE_AGGR_TGID { TASKSTATS_TYPE_TGID u32, TASKSTATS_TYPE_STATS struct taskstats }
//	         TASKSTATS_TYPE_NULL (padding)
//
// struct taskstats is decoded through wpcopy_delay_total (TASKSTATS_VERSION 13,
// 416 bytes); members later versions appended show as the struct's extra bytes.

import (
	"strconv"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// taskstatsAcFlags are the bits of ac_flag (include/uapi/linux/acct.h).
var taskstatsAcFlags = decode.NewFlagSet("ac_flag", "A", map[uint64]string{
	0x01: "AFORK",   // forked but not exec'ed
	0x02: "ASU",     // used super-user privileges
	0x04: "ACOMPAT", // used compatibility mode (VAX only)
	0x08: "ACORE",   // dumped core
	0x10: "AXSIG",   // killed by a signal
	0x20: "AGROUP",  // the whole thread group's stats (set by taskstats)
})

func u64m(cname, unit string) decode.Member {
	return decode.Member{CName: cname, Kind: decode.KindU64, Unit: unit}
}

// taskstatsStruct is struct taskstats of include/uapi/linux/taskstats.h, version
// 13 layout (offsets checked against unix.Taskstats in the tests).
var taskstatsStruct = decode.NewStruct("taskstats", "taskstats.stats",
	decode.Member{CName: "version", Kind: decode.KindU16},
	decode.Member{Kind: decode.KindPad, Size: 2},
	decode.Member{CName: "ac_exitcode", Kind: decode.KindU32},
	decode.Member{CName: "ac_flag", Kind: decode.KindU8, Flags: taskstatsAcFlags},
	decode.Member{CName: "ac_nice", Kind: decode.KindU8},
	decode.Member{Kind: decode.KindPad, Size: 6},
	u64m("cpu_count", ""), u64m("cpu_delay_total", "ns"),
	u64m("blkio_count", ""), u64m("blkio_delay_total", "ns"),
	u64m("swapin_count", ""), u64m("swapin_delay_total", "ns"),
	u64m("cpu_run_real_total", "ns"), u64m("cpu_run_virtual_total", "ns"),
	decode.Member{CName: "ac_comm", Kind: decode.KindString, Size: 32},
	decode.Member{CName: "ac_sched", Kind: decode.KindU8},
	decode.Member{Kind: decode.KindPad, Size: 3 + 4}, // ac_pad[3], alignment
	decode.Member{CName: "ac_uid", Kind: decode.KindU32},
	decode.Member{CName: "ac_gid", Kind: decode.KindU32},
	decode.Member{CName: "ac_pid", Kind: decode.KindU32},
	decode.Member{CName: "ac_ppid", Kind: decode.KindU32},
	decode.Member{CName: "ac_btime", Kind: decode.KindU32, Unit: "s"},
	decode.Member{Kind: decode.KindPad, Size: 4},
	u64m("ac_etime", "us"), u64m("ac_utime", "us"), u64m("ac_stime", "us"),
	u64m("ac_minflt", ""), u64m("ac_majflt", ""),
	u64m("coremem", "MB-usec"), u64m("virtmem", "MB-usec"),
	u64m("hiwater_rss", "KB"), u64m("hiwater_vm", "KB"),
	u64m("read_char", "bytes"), u64m("write_char", "bytes"),
	u64m("read_syscalls", ""), u64m("write_syscalls", ""),
	u64m("read_bytes", "bytes"), u64m("write_bytes", "bytes"), u64m("cancelled_write_bytes", "bytes"),
	u64m("nvcsw", ""), u64m("nivcsw", ""),
	u64m("ac_utimescaled", "us"), u64m("ac_stimescaled", "us"), u64m("cpu_scaled_run_real_total", "ns"),
	u64m("freepages_count", ""), u64m("freepages_delay_total", "ns"),
	u64m("thrashing_count", ""), u64m("thrashing_delay_total", "ns"),
	u64m("ac_btime64", "s"),
	u64m("compact_count", ""), u64m("compact_delay_total", "ns"),
	decode.Member{CName: "ac_tgid", Kind: decode.KindU32},
	decode.Member{Kind: decode.KindPad, Size: 4},
	u64m("ac_tgetime", "us"), // microseconds, like ac_etime (kernel/tsacct.c bacct_add_tsk)
	decode.Member{CName: "ac_exe_dev", Kind: decode.KindU64, Display: decode.DisplayHex},
	u64m("ac_exe_inode", ""),
	u64m("wpcopy_count", ""), u64m("wpcopy_delay_total", "ns"),
)

// taskstatsCmdAttrs are the attributes of TASKSTATS_CMD_GET requests.
var taskstatsCmdAttrs = decode.NewAttrSet("TASKSTATS_CMD_ATTR", "taskstats.cmd",
	decode.Attr{Type: unix.TASKSTATS_CMD_ATTR_PID, CName: "TASKSTATS_CMD_ATTR_PID", Kind: decode.KindU32},
	decode.Attr{Type: unix.TASKSTATS_CMD_ATTR_TGID, CName: "TASKSTATS_CMD_ATTR_TGID", Kind: decode.KindU32},
	decode.Attr{Type: unix.TASKSTATS_CMD_ATTR_REGISTER_CPUMASK, CName: "TASKSTATS_CMD_ATTR_REGISTER_CPUMASK", Kind: decode.KindString},
	decode.Attr{Type: unix.TASKSTATS_CMD_ATTR_DEREGISTER_CPUMASK, CName: "TASKSTATS_CMD_ATTR_DEREGISTER_CPUMASK", Kind: decode.KindString},
)

// taskstatsAggrAttrs are the attributes inside TASKSTATS_TYPE_AGGR_PID/TGID.
var taskstatsAggrAttrs = decode.NewAttrSet("TASKSTATS_TYPE", "taskstats",
	decode.Attr{Type: unix.TASKSTATS_TYPE_PID, CName: "TASKSTATS_TYPE_PID", Kind: decode.KindU32},
	decode.Attr{Type: unix.TASKSTATS_TYPE_TGID, CName: "TASKSTATS_TYPE_TGID", Kind: decode.KindU32},
	decode.Attr{Type: unix.TASKSTATS_TYPE_STATS, CName: "TASKSTATS_TYPE_STATS", Struct: taskstatsStruct},
)

// taskstatsTypeAttrs are the top-level attributes of TASKSTATS_CMD_NEW replies.
var taskstatsTypeAttrs = decode.NewAttrSet("TASKSTATS_TYPE", "taskstats",
	decode.Attr{Type: unix.TASKSTATS_TYPE_PID, CName: "TASKSTATS_TYPE_PID", Kind: decode.KindU32},
	decode.Attr{Type: unix.TASKSTATS_TYPE_TGID, CName: "TASKSTATS_TYPE_TGID", Kind: decode.KindU32},
	decode.Attr{Type: unix.TASKSTATS_TYPE_STATS, CName: "TASKSTATS_TYPE_STATS", Struct: taskstatsStruct},
	decode.Attr{Type: unix.TASKSTATS_TYPE_AGGR_PID, CName: "TASKSTATS_TYPE_AGGR_PID", Nested: taskstatsAggrAttrs},
	decode.Attr{Type: unix.TASKSTATS_TYPE_AGGR_TGID, CName: "TASKSTATS_TYPE_AGGR_TGID", Nested: taskstatsAggrAttrs},
	decode.Attr{Type: unix.TASKSTATS_TYPE_NULL, CName: "TASKSTATS_TYPE_NULL", Kind: decode.KindPad},
)

// cgroupstatsStruct is struct cgroupstats (include/uapi/linux/cgroupstats.h): the
// tasks of a cgroup by state.
var cgroupstatsStruct = decode.NewStruct("cgroupstats", "cgroupstats",
	decode.Member{CName: "nr_sleeping", Kind: decode.KindU64, Desc: "Tasks sleeping."},
	decode.Member{CName: "nr_running", Kind: decode.KindU64, Desc: "Tasks running."},
	decode.Member{CName: "nr_stopped", Kind: decode.KindU64, Desc: "Tasks stopped."},
	decode.Member{CName: "nr_uninterruptible", Kind: decode.KindU64, Desc: "Tasks in uninterruptible sleep."},
	decode.Member{CName: "nr_io_wait", Kind: decode.KindU64, Desc: "Tasks waiting for I/O."},
)

// cgroupstatsCmdAttrs are the attributes of CGROUPSTATS_CMD_GET requests.
var cgroupstatsCmdAttrs = decode.NewAttrSet("CGROUPSTATS_CMD_ATTR", "cgroupstats.cmd",
	decode.Attr{Type: unix.CGROUPSTATS_CMD_ATTR_FD, CName: "CGROUPSTATS_CMD_ATTR_FD", Kind: decode.KindU32,
		Desc: "File descriptor of the cgroup directory, in the requesting process."},
)

// cgroupstatsTypeAttrs are the attributes of CGROUPSTATS_CMD_NEW replies.
var cgroupstatsTypeAttrs = decode.NewAttrSet("CGROUPSTATS_TYPE", "cgroupstats",
	decode.Attr{Type: unix.CGROUPSTATS_TYPE_CGROUP_STATS, CName: "CGROUPSTATS_TYPE_CGROUP_STATS", Struct: cgroupstatsStruct},
)

func init() {
	RegisterFamily(unix.TASKSTATS_GENL_NAME, &Family{
		Prefix: "TASKSTATS_CMD_",
		Attrs:  taskstatsTypeAttrs,
		Commands: []Command{
			{Cmd: unix.TASKSTATS_CMD_GET, CName: "TASKSTATS_CMD_GET", Attrs: taskstatsCmdAttrs},
			{Cmd: unix.TASKSTATS_CMD_NEW, CName: "TASKSTATS_CMD_NEW", Attrs: taskstatsTypeAttrs, Op: decode.OpNew},
			{Cmd: unix.CGROUPSTATS_CMD_GET, CName: "CGROUPSTATS_CMD_GET", Name: "CGROUPSTATS_GET", Attrs: cgroupstatsCmdAttrs},
			{Cmd: unix.CGROUPSTATS_CMD_NEW, CName: "CGROUPSTATS_CMD_NEW", Name: "CGROUPSTATS_NEW", Attrs: cgroupstatsTypeAttrs, Op: decode.OpNew},
		},
		Summary: taskstatsSummary,
	})
}

// taskstatsSummary: "pid 42 comm bash" (reply), "tgid 42" (request),
// "register cpumask 0-3"; cgroupstats "fd 6" (request), "running 3 sleeping 10
// uninterruptible 0 stopped 0 io_wait 0" (reply).
func taskstatsSummary(m *decode.Message, cmd uint8, reply bool) string {
	s := ""
	for _, n := range []string{"taskstats.cmd.pid", "taskstats.pid"} {
		if f := m.Field(n); f != nil {
			s = "pid " + strconv.FormatUint(f.Value, 10)
		}
	}
	for _, n := range []string{"taskstats.cmd.tgid", "taskstats.tgid"} {
		if f := m.Field(n); f != nil && s == "" {
			s = "tgid " + strconv.FormatUint(f.Value, 10)
		}
	}
	if f := m.Field("taskstats.cmd.register_cpumask"); f != nil {
		s = "register cpumask " + f.ValueString()
	}
	if f := m.Field("taskstats.cmd.deregister_cpumask"); f != nil {
		s = "deregister cpumask " + f.ValueString()
	}
	// a thread group's stats (AGGR_TGID alone) have no ac_comm
	if f := m.Field("taskstats.stats.ac_comm"); f != nil && len(decode.TrimNUL(f.Bytes)) > 0 {
		s += " comm " + f.ValueString()
	}
	if f := m.Field("cgroupstats.cmd.fd"); f != nil {
		s = "fd " + f.ValueString()
	}
	if m.Field("cgroupstats.cgroup_stats") != nil {
		for _, k := range []struct{ label, name string }{
			{"running ", "cgroupstats.nr_running"}, {"sleeping ", "cgroupstats.nr_sleeping"},
			{"uninterruptible ", "cgroupstats.nr_uninterruptible"}, {"stopped ", "cgroupstats.nr_stopped"},
			{"io_wait ", "cgroupstats.nr_io_wait"},
		} {
			s = addFieldWord(s, m, k.label, k.name)
		}
	}
	if s == "" {
		return attrCount(m)
	}
	return s
}
