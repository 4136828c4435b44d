package genl

// Tests on testdata/pcaps/genl-probe.pcap: the TASKSTATS, NET_DM, thermal, devlink
// and psample exchanges of scripts/vm/probes/genlprobe with a real Linux 6.1 kernel
// (scenario scripts/vm/scenarios/genlprobe.sh; transcript genl-probe.log), and
// byte-literal tests of what that traffic taught the decoders.

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// probeRun is genl-probe.pcap decoded, with what genl-probe.log says of the run.
type probeRun struct {
	msgs  []decode.Message
	log   string
	pid   int // the probe's pid ("probe pid N")
	child int // the child whose exit taskstats reported ("child pid N exited")
}

func loadProbeRun(t *testing.T) *probeRun {
	t.Helper()
	msgs := decodeCapture(t, readFrames(t, "genl-probe.pcap"))
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pcaps", "genl-probe.log"))
	if err != nil {
		t.Fatal(err)
	}
	r := &probeRun{msgs: msgs, log: string(b)}
	r.pid = logInt(t, r.log, `(?m)^probe pid (\d+)$`)
	r.child = logInt(t, r.log, `(?m)^child pid (\d+) exited`)
	return r
}

func logInt(t *testing.T, log, re string) int {
	t.Helper()
	m := regexp.MustCompile(re).FindStringSubmatch(log)
	if m == nil {
		t.Fatalf("genl-probe.log has no line matching %s", re)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// all returns the messages of a type ("NET_DM PACKET_ALERT") in a direction.
func (r *probeRun) all(typ string, dir decode.Direction) []*decode.Message {
	var out []*decode.Message
	for i := range r.msgs {
		if m := &r.msgs[i]; m.TypeName == typ && m.Direction == dir {
			out = append(out, m)
		}
	}
	return out
}

// one returns the only message of a type and direction.
func (r *probeRun) one(t *testing.T, typ string, dir decode.Direction) *decode.Message {
	t.Helper()
	ms := r.all(typ, dir)
	if len(ms) != 1 {
		t.Fatalf("%d %q messages in direction %v, want 1", len(ms), typ, dir)
	}
	return ms[0]
}

// errors returns the NLMSG_ERRORs answering requests of a type.
func (r *probeRun) errors(typ string) []*decode.Message {
	var out []*decode.Message
	for i := range r.msgs {
		if m := &r.msgs[i]; m.Error != nil && m.Direction == decode.DirError && m.Error.RequestType == typ {
			out = append(out, m)
		}
	}
	return out
}

// value returns a field's value as nldump prints it, or "<missing>".
func value(m *decode.Message, name string) string {
	if f := m.Field(name); f != nil {
		return f.ValueString()
	}
	return "<missing>"
}

// TestProbeCaptureTypes: the capture holds every exchange the transcript lists, by
// family and command, and nothing else of generic netlink.
func TestProbeCaptureTypes(t *testing.T) {
	r := loadProbeRun(t)
	count := map[string]int{}
	for i := range r.msgs {
		m := &r.msgs[i]
		k := m.TypeName
		if m.Error != nil && !m.Error.Done {
			k = m.Error.RequestType + " " + m.Direction.String()
		}
		count[k]++
	}
	for typ, n := range map[string]int{
		"TASKSTATS GET":                   5, // pid, tgid, missing pid, register, deregister
		"TASKSTATS CGROUPSTATS_GET":       2,
		"TASKSTATS CGROUPSTATS_NEW":       1,
		"NET_DM CONFIG_GET":               2,
		"NET_DM CONFIG_NEW":               2,
		"NET_DM CONFIG":                   1,
		"NET_DM START":                    2,
		"NET_DM STOP":                     2,
		"NET_DM ALERT":                    1,
		"NET_DM PACKET_ALERT":             3,
		"NET_DM STATS_GET":                1,
		"NET_DM STATS_NEW":                1,
		"thermal TZ_GET_ID":               2, // request, reply
		"thermal CDEV_GET":                2,
		"thermal TZ_GET_TEMP":             1,
		"thermal TZ_GET_TRIP":             1,
		"thermal TZ_GET_GOV":              1,
		"devlink GET":                     1,
		"devlink PORT_GET":                1,
		"devlink INFO_GET":                2,
		"devlink ESWITCH_SET":             1,
		"psample GET_GROUP":               2,
		"psample NEW_GROUP":               2, // notification, dump reply
		"psample SAMPLE":                  4, // two datagrams and their ICMP port unreachables
		"psample DEL_GROUP":               1,
		"nlctrl GETFAMILY":                5,
		"nlctrl NEWFAMILY":                5,
		"TASKSTATS GET error":             1, // ESRCH
		"TASKSTATS CGROUPSTATS_GET error": 1,
		"thermal TZ_GET_TEMP error":       1,
		"devlink INFO_GET error":          2,
		"devlink ESWITCH_SET error":       1,
	} {
		if count[typ] != n {
			t.Errorf("%d %q, want %d", count[typ], typ, n)
		}
	}
	for k := range count {
		if strings.Contains(k, "EVENT_") {
			t.Errorf("%q: the VM has no thermal zone that could send events", k)
		}
	}
}

// TestProbeTaskstats: the reply to TASKSTATS_CMD_GET by the probe's own pid is the
// probe's struct taskstats (version 13 on Linux 6.1, 416 bytes), and the exit of
// its child came as a notification with its exit status.
func TestProbeTaskstats(t *testing.T) {
	r := loadProbeRun(t)
	pid := strconv.Itoa(r.pid)
	var byPid, byTgid *decode.Message
	for _, m := range r.all("TASKSTATS NEW", decode.DirReply) {
		switch {
		case m.Field("taskstats.aggr_pid") != nil:
			byPid = m
		case m.Field("taskstats.aggr_tgid") != nil:
			byTgid = m
		}
	}
	if byPid == nil || byTgid == nil {
		t.Fatalf("replies by pid %v, by tgid %v", byPid, byTgid)
	}
	checkFields(t, byPid, map[string]string{
		"taskstats.pid":                pid,
		"taskstats.stats.version":      "13", // TASKSTATS_VERSION of Linux 6.1
		"taskstats.stats.ac_comm":      "probe",
		"taskstats.stats.ac_pid":       pid,
		"taskstats.stats.ac_tgid":      pid,
		"taskstats.stats.ac_uid":       "0",
		"taskstats.stats.ac_exitcode":  "0",
		"genl.cmd":                     "TASKSTATS_CMD_NEW (2)",
		"taskstats.stats.wpcopy_count": "0",
	})
	if s := byPid.Summary(); s != "pid "+pid+" comm probe" {
		t.Errorf("summary %q", s)
	}
	// The whole struct is decoded: 416 bytes, no extra bytes of a newer version.
	if f := byPid.Field("taskstats.stats"); f == nil || f.Length != 4+416 {
		t.Errorf("TASKSTATS_TYPE_STATS %v, want 416 bytes of struct taskstats", f)
	}
	if byPid.Field("taskstats.stats.extra") != nil {
		t.Error("extra bytes after struct taskstats version 13")
	}
	checkFields(t, byTgid, map[string]string{"taskstats.tgid": pid, "taskstats.stats.version": "13"})
	if s := byTgid.Summary(); s != "tgid "+pid {
		t.Errorf("thread group summary %q (its stats have no ac_comm)", s)
	}

	// Exit notifications: seq counts up per CPU, pid 0; the child exited with 3.
	child := strconv.Itoa(r.child)
	var exit *decode.Message
	notes := r.all("TASKSTATS NEW", decode.DirNotify)
	if n := logInt(t, r.log, `(?m)^(\d+) exit notifications read$`); len(notes) < n {
		t.Errorf("%d exit notifications, the probe read %d", len(notes), n)
	}
	for _, m := range notes {
		if m.Header.Pid != 0 {
			t.Errorf("frame %d: notification with nlmsg_pid %d", m.Frame.Number, m.Header.Pid)
		}
		if value(m, "taskstats.pid") == child {
			exit = m
		}
		// Every thread's group (wall) time is at least its own: both are in us.
		for i := range m.Payload() {
			agg := &m.Payload()[i]
			if agg.Def.Name != "taskstats.aggr_pid" {
				continue
			}
			et, tg := agg.Find("taskstats.stats.ac_etime"), agg.Find("taskstats.stats.ac_tgetime")
			if et == nil || tg == nil || tg.Value < et.Value || tg.ValueString() != strconv.FormatUint(tg.Value, 10)+" us" {
				t.Errorf("frame %d: ac_etime %s, ac_tgetime %s: want both in us, the group's not below the thread's",
					m.Frame.Number, value(m, "taskstats.stats.ac_etime"), value(m, "taskstats.stats.ac_tgetime"))
			}
		}
	}
	if exit == nil {
		t.Fatalf("no exit notification of pid %s among %d", child, len(notes))
	}
	checkFields(t, exit, map[string]string{
		"taskstats.stats.ac_exitcode": "768", // exit status 3 << 8
		"taskstats.stats.ac_comm":     "probe",
		"taskstats.stats.ac_ppid":     pid,
		"taskstats.stats.ac_pid":      child,
	})
	// The last thread of the child reports the group: AGGR_PID and AGGR_TGID, its
	// ac_flag AXSIG|AGROUP (the other threads were killed by the group exit).
	var last *decode.Message
	for _, m := range notes {
		if m.Field("taskstats.aggr_tgid") != nil {
			last = m
		}
	}
	if last == nil {
		t.Fatal("no exit notification with TASKSTATS_TYPE_AGGR_TGID")
	}
	checkFields(t, last, map[string]string{"taskstats.tgid": child, "taskstats.stats.ac_flag": "0x30 (XSIG|GROUP)"})

	// Registration, the missing pid, cgroupstats.
	reg := r.all("TASKSTATS GET", decode.DirRequest)
	var cpumask []string
	for _, m := range reg {
		cpumask = append(cpumask, m.Summary())
	}
	if !strings.HasPrefix(cpumask[3], "register cpumask 0") || !strings.HasPrefix(cpumask[4], "deregister cpumask 0") {
		t.Errorf("requests %q", cpumask)
	}
	if e := r.errors("TASKSTATS GET"); len(e) != 1 || e[0].Error.Errno != -int32(unix.ESRCH) {
		t.Errorf("TASKSTATS GET errors %v, want ESRCH for pid 4000000", e)
	}
	if e := r.errors("TASKSTATS CGROUPSTATS_GET"); len(e) != 1 || e[0].Error.Errno != -int32(unix.EINVAL) {
		t.Errorf("CGROUPSTATS_GET errors %v, want EINVAL for the cgroup2 directory", e)
	}
	cg := r.one(t, "TASKSTATS CGROUPSTATS_NEW", decode.DirReply)
	want := regexp.MustCompile(`cgroupstats: sleeping (\d+) running (\d+) stopped (\d+) uninterruptible (\d+) io_wait (\d+)`).FindStringSubmatch(r.log)
	if want == nil {
		t.Fatal("no cgroupstats line in genl-probe.log")
	}
	checkFields(t, cg, map[string]string{
		"cgroupstats.nr_sleeping": want[1], "cgroupstats.nr_running": want[2], "cgroupstats.nr_stopped": want[3],
		"cgroupstats.nr_uninterruptible": want[4], "cgroupstats.nr_io_wait": want[5],
	})
	if s := cg.Summary(); s != "running "+want[2]+" sleeping "+want[1]+" uninterruptible "+want[4]+" stopped "+want[3]+" io_wait "+want[5] {
		t.Errorf("cgroupstats summary %q", s)
	}
}

// TestProbeNetDM: drop monitor configuration, a summary alert and the packet alerts
// of the three UDP datagrams the probe sent to 127.0.0.1:9.
func TestProbeNetDM(t *testing.T) {
	r := loadProbeRun(t)
	cfg := r.all("NET_DM CONFIG_NEW", decode.DirReply)
	if len(cfg) != 2 {
		t.Fatalf("%d CONFIG_NEW replies", len(cfg))
	}
	checkFields(t, cfg[0], map[string]string{"net_dm.alert_mode": "NET_DM_ALERT_MODE_SUMMARY (0)", "net_dm.trunc_len": "0 bytes", "net_dm.queue_len": "1000"})
	checkFields(t, cfg[1], map[string]string{"net_dm.alert_mode": "NET_DM_ALERT_MODE_PACKET (1)", "net_dm.trunc_len": "96 bytes", "net_dm.queue_len": "64"})
	for _, m := range r.all("NET_DM START", decode.DirRequest) {
		if s := m.Summary(); s != "sw drops" {
			t.Errorf("START summary %q", s)
		}
	}

	alerts := r.all("NET_DM PACKET_ALERT", decode.DirNotify)
	if n := strings.Count(r.log, "notification NET_DM_CMD_PACKET_ALERT"); len(alerts) != n || n != 3 {
		t.Fatalf("%d packet alerts, the transcript has %d, want 3", len(alerts), n)
	}
	for i, m := range alerts {
		checkFields(t, m, map[string]string{
			"net_dm.origin":                 "NET_DM_ORIGIN_SW (0)",
			"net_dm.reason":                 "NO_SOCKET",
			"net_dm.proto":                  "0x0800", // ETH_P_IP, in host order
			"net_dm.orig_len":               "58 bytes",
			"net_dm.in_port.netdev_ifindex": "1", // lo
		})
		if s := value(m, "net_dm.symbol"); !strings.HasPrefix(s, "__udp4_lib_rcv+0x") {
			t.Errorf("symbol %q", s)
		}
		// The payload: an all-zero Ethernet header (lo), then the IPv4 datagram.
		p := m.Field("net_dm.payload")
		if p == nil || len(p.Bytes) != 58 {
			t.Fatalf("payload %v", p)
		}
		ip := p.Bytes[14:]
		if ip[0] != 0x45 || ip[9] != unix.IPPROTO_UDP || !bytes.Equal(ip[16:20], []byte{127, 0, 0, 1}) ||
			ip[22] != 0 || ip[23] != 9 {
			t.Errorf("payload is not an IPv4 UDP datagram to 127.0.0.1:9: % x", ip)
		}
		if want := "genlprobe drop " + strconv.Itoa(i); string(ip[28:]) != want {
			t.Errorf("UDP payload %q, want %q", ip[28:], want)
		}
		// dev: lo when the session knows the links, else the ifindex
		if s := m.Summary(); !regexp.MustCompile(` reason NO_SOCKET dev (1|lo) len 58 bytes$`).MatchString(s) {
			t.Errorf("summary %q", s)
		}
	}

	// The summary alert names the same drop point the packet alerts report.
	sum := r.one(t, "NET_DM ALERT", decode.DirNotify)
	checkFields(t, sum, map[string]string{"net_dm.alert.entries": "1"})
	if pc := value(sum, "net_dm.alert.point.pc"); pc != value(alerts[0], "net_dm.pc") {
		t.Errorf("summary drop point %s, packet alerts %s", pc, value(alerts[0], "net_dm.pc"))
	}
	if n := value(sum, "net_dm.alert.point.count"); n != "3" {
		t.Errorf("drop point count %s, want the 3 datagrams", n)
	}
	if s := sum.Summary(); s != "1 drop point" {
		t.Errorf("summary alert %q", s)
	}
	st := r.one(t, "NET_DM STATS_NEW", decode.DirReply)
	checkFields(t, st, map[string]string{"net_dm.stats.dropped": "0"})
}

// TestProbeThermal: the VM has no thermal zone and two "Processor" cooling
// devices; both dump replies carry nlmsg_seq 0 like the family's notifications,
// and are still the commands' replies.
func TestProbeThermal(t *testing.T) {
	r := loadProbeRun(t)
	tz := r.one(t, "thermal TZ_GET_ID", decode.DirReply)
	if tz.Header.Seq != 0 || value(tz, "genl.cmd") != "THERMAL_GENL_CMD_TZ_GET_ID (1)" || tz.Summary() != "no thermal zones" {
		t.Errorf("TZ_GET_ID reply: seq %d cmd %s summary %q", tz.Header.Seq, value(tz, "genl.cmd"), tz.Summary())
	}
	cd := r.one(t, "thermal CDEV_GET", decode.DirReply)
	if s := cd.Summary(); s != "2 cooling devices: 1 Processor, 0 Processor" {
		t.Errorf("CDEV_GET summary %q", s)
	}
	for _, name := range regexp.MustCompile(`(?m)^cooling device (\d+ \S+)$`).FindAllStringSubmatch(r.log, -1) {
		if !strings.Contains(cd.Summary(), name[1]) {
			t.Errorf("cooling device %q of the transcript not in %q", name[1], cd.Summary())
		}
	}
	r.one(t, "thermal TZ_GET_ID", decode.DirRequest)
	for _, typ := range []string{"thermal TZ_GET_TEMP", "thermal TZ_GET_TRIP", "thermal TZ_GET_GOV"} {
		m := r.one(t, typ, decode.DirRequest)
		checkFields(t, m, map[string]string{"thermal.tz_id": "0"})
		if e := r.errors(typ); len(e) != 1 || e[0].Error.Errno != -int32(unix.EINVAL) {
			t.Errorf("%s: errors %v, want EINVAL (no zone 0)", typ, e)
		}
	}
}

// TestProbeDevlink: dumps without devices end at once; the errors, one with the
// policy violated in its extended ACK.
func TestProbeDevlink(t *testing.T) {
	r := loadProbeRun(t)
	for _, typ := range []string{"devlink GET", "devlink PORT_GET"} {
		m := r.one(t, typ, decode.DirRequest)
		if m.Header.Flags&unix.NLM_F_DUMP != unix.NLM_F_DUMP {
			t.Errorf("%s: not a dump", typ)
		}
	}
	info := r.errors("devlink INFO_GET")
	if len(info) != 2 || info[0].Error.Errno != -int32(unix.ENODEV) || info[1].Error.Errno != -int32(unix.EINVAL) {
		t.Fatalf("INFO_GET errors %v, want ENODEV (no such device) and EINVAL (no handle)", info)
	}
	if s := value(info[0], "devlink.dev_name"); s != "0000:00:1f.7" {
		t.Errorf("echoed handle %q", s)
	}
	es := r.errors("devlink ESWITCH_SET")
	if len(es) != 1 {
		t.Fatalf("%d ESWITCH_SET errors", len(es))
	}
	e := es[0]
	if e.Error.Errno != -int32(unix.ERANGE) || e.Error.Msg != "integer out of range" {
		t.Errorf("errno %d ext-ACK %q", e.Error.Errno, e.Error.Msg)
	}
	if !strings.Contains(r.log, "ERANGE: integer out of range") {
		t.Error("the transcript does not show the kernel's ext-ACK message")
	}
	if e.Error.Target == nil || e.Error.Target.Def.Name != "devlink.eswitch_mode" || e.Error.Target.ValueString() != "7" {
		t.Errorf("NLMSGERR_ATTR_OFFS points at %v", e.Error.Target)
	}
	// NLMSGERR_ATTR_POLICY: u16 in legacy (0) .. switchdev (1)
	for name, want := range map[string]string{
		"nl_policy.min_value_u": "0", "nl_policy.max_value_u": strconv.Itoa(unix.DEVLINK_ESWITCH_MODE_SWITCHDEV),
	} {
		if v := value(e, name); v != want {
			t.Errorf("%s = %s, want %s", name, v, want)
		}
	}
}

// TestProbePsample: act_sample on lo's ingress: the group's creation, the dump,
// four samples (the two datagrams and the ICMP port unreachables they caused) and
// the group's deletion.
func TestProbePsample(t *testing.T) {
	r := loadProbeRun(t)
	var note, dump *decode.Message
	for i := range r.msgs {
		if m := &r.msgs[i]; m.TypeName == "psample NEW_GROUP" {
			if m.Header.Seq == 0 {
				note = m
			} else {
				dump = m
			}
		}
	}
	if note == nil || dump == nil {
		t.Fatalf("NEW_GROUP notification %v, dump reply %v", note, dump)
	}
	checkFields(t, note, map[string]string{"psample.sample_group": "5", "psample.group_refcount": "0"})
	checkFields(t, dump, map[string]string{"psample.sample_group": "5", "psample.group_refcount": "1"})
	samples := r.all("psample SAMPLE", decode.DirNotify)
	if n := strings.Count(r.log, "notification PSAMPLE_CMD_SAMPLE"); len(samples) != n || n != 4 {
		t.Fatalf("%d samples, the transcript has %d, want 4", len(samples), n)
	}
	for i, m := range samples {
		size := []string{"58", "86"}[i%2] // UDP datagram, ICMP port unreachable quoting it
		checkFields(t, m, map[string]string{
			"psample.sample_group": "5", "psample.group_seq": strconv.Itoa(i), "psample.sample_rate": "1",
			"psample.iifindex": "1", "psample.origsize": size + " bytes", "psample.proto": "0x0800",
		})
		d := m.Field("psample.data")
		if d == nil || strconv.Itoa(len(d.Bytes)) != size {
			t.Fatalf("sample data %v", d)
		}
		if proto := []byte{unix.IPPROTO_UDP, unix.IPPROTO_ICMP}[i%2]; d.Bytes[14+9] != proto {
			t.Errorf("sample %d: IP protocol %d, want %d", i, d.Bytes[14+9], proto)
		}
		if !bytes.Contains(d.Bytes, []byte("genlprobe drop")) {
			t.Errorf("sample %d does not hold the probe's datagram", i)
		}
	}
	var del []*decode.Message
	for i := range r.msgs {
		if r.msgs[i].TypeName == "psample DEL_GROUP" {
			del = append(del, &r.msgs[i])
		}
	}
	if len(del) != 1 {
		t.Fatalf("%d DEL_GROUP", len(del))
	}
	checkFields(t, del[0], map[string]string{"psample.sample_group": "5", "psample.group_seq": "4"})
}

// TestThermalDumpReplySeq0 is the thermal dump reply as Linux sends it (seq 0, pid 0,
// no NLM_F_MULTI, one nest for all zones) beside an event with the same cmd: the
// first attribute tells them apart.
func TestThermalDumpReplySeq0(t *testing.T) {
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			w := o.w
			reply := decodeAs(thermalGenlName, w.msg(0x30, 0, 0, 0, genlhdr(thermalCmdTZGetID, 1),
				w.Nest(thermalAttrTZ,
					w.Attr(thermalAttrTZID, w.U32(0)), w.Attr(thermalAttrTZName, str("acpitz")),
					w.Attr(thermalAttrTZID, w.U32(1)), w.Attr(thermalAttrTZName, str("x86_pkg_temp")))))
			if reply.TypeName != "thermal TZ_GET_ID" || reply.Direction != decode.DirReply {
				t.Errorf("dump reply: %q %v", reply.TypeName, reply.Direction)
			}
			if s := reply.Summary(); s != "2 thermal zones: 0 acpitz, 1 x86_pkg_temp" {
				t.Errorf("summary %q", s)
			}
			empty := decodeAs(thermalGenlName, w.msg(0x30, 0, 0, 0, genlhdr(thermalCmdCdevGet, 1), w.Nest(thermalAttrCdev)))
			if empty.TypeName != "thermal CDEV_GET" || empty.Summary() != "no cooling devices" {
				t.Errorf("empty dump reply: %q %q", empty.TypeName, empty.Summary())
			}
			ev := decodeAs(thermalGenlName, w.msg(0x30, 0, 0, 0, genlhdr(thermalEventTZCreate, 1),
				w.Attr(thermalAttrTZID, w.U32(2)), w.Attr(thermalAttrTZName, str("acpitz"))))
			if ev.TypeName != "thermal EVENT_TZ_CREATE" || ev.Direction != decode.DirNotify {
				t.Errorf("event: %q %v", ev.TypeName, ev.Direction)
			}
			ev = decodeAs(thermalGenlName, w.msg(0x30, 0, 0, 0, genlhdr(thermalEventCdevStateUpdate, 1),
				w.Attr(thermalAttrCdevID, w.U32(0)), w.Attr(thermalAttrCdevCurState, w.U32(1))))
			if ev.TypeName != "thermal EVENT_CDEV_STATE_UPDATE" || ev.Summary() != "cdev 0 state 1" {
				t.Errorf("event: %q %q", ev.TypeName, ev.Summary())
			}
		})
	}
}

// TestTaskstatsUnitsAndFlags: ac_tgetime is microseconds like ac_etime
// (kernel/tsacct.c), ac_flag bits are named; cgroupstats summaries.
func TestTaskstatsUnitsAndFlags(t *testing.T) {
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			w := o.w
			st := make([]byte, taskstatsStruct.Size) // struct taskstats version 13
			put := func(name string, v []byte) { copy(st[memberOffset(t, name):], v) }
			put("version", w.U16(13))
			put("ac_flag", []byte{0x30})   // AXSIG|AGROUP
			put("ac_etime", w.U64(1500))   // us
			put("ac_tgetime", w.U64(2500)) // us
			data := w.msg(0x1f, 0, 0, 0, genlhdr(unix.TASKSTATS_CMD_NEW, 1),
				w.Nest(unix.TASKSTATS_TYPE_AGGR_PID,
					w.Attr(unix.TASKSTATS_TYPE_PID, w.U32(7)),
					w.Attr(unix.TASKSTATS_TYPE_STATS, st)))
			m := &taskstatsDecoder().DecodeFrame(frame(data), nil)[0]
			checkFields(t, m, map[string]string{
				"taskstats.stats.ac_flag":    "0x30 (XSIG|GROUP)",
				"taskstats.stats.ac_etime":   "1500 us",
				"taskstats.stats.ac_tgetime": "2500 us",
			})

			// CGROUPSTATS_CMD_GET / _NEW
			req := &taskstatsDecoder().DecodeFrame(frame(w.msg(0x1f, unix.NLM_F_REQUEST, 3, 9,
				genlhdr(unix.CGROUPSTATS_CMD_GET, 1),
				w.Attr(unix.CGROUPSTATS_CMD_ATTR_FD, w.U32(6)))), nil)[0]
			if s := req.Summary(); req.TypeName != "TASKSTATS CGROUPSTATS_GET" || s != "fd 6" {
				t.Errorf("%q %q", req.TypeName, s)
			}
			cs := cat(w.U64(10), w.U64(3), w.U64(0), w.U64(1), w.U64(2)) // sleeping running stopped uninterruptible io_wait
			rep := &taskstatsDecoder().DecodeFrame(frame(w.msg(0x1f, 0, 3, 9,
				genlhdr(unix.CGROUPSTATS_CMD_NEW, 1),
				w.Attr(unix.CGROUPSTATS_TYPE_CGROUP_STATS, cs))), nil)[0]
			if s := rep.Summary(); s != "running 3 sleeping 10 uninterruptible 1 stopped 0 io_wait 2" {
				t.Errorf("cgroupstats summary %q\n%s", s, treeText(rep))
			}
		})
	}
}

// TestNetDMStartSummary: START and STOP say which drops they concern.
func TestNetDMStartSummary(t *testing.T) {
	for _, o := range orders {
		w := o.w
		m := decodeAs(netDMGenlName, w.msg(0x30, unix.NLM_F_REQUEST|unix.NLM_F_ACK, 1, 5, genlhdr(netDMCmdStart, 2),
			w.Attr(netDMAttrSWDrops), w.Attr(netDMAttrHWDrops)))
		if s := m.Summary(); m.TypeName != "NET_DM START" || s != "sw drops hw drops" {
			t.Errorf("%s: %q %q", o.name, m.TypeName, s)
		}
	}
}

// memberOffset is the offset of a member of struct taskstats (checked against
// unix.Taskstats by TestTaskstatsLayout).
func memberOffset(t *testing.T, cname string) int {
	for _, m := range taskstatsStruct.Members {
		if m.CName == cname {
			return m.Offset()
		}
	}
	t.Fatalf("no member %s", cname)
	return 0
}
