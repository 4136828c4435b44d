//go:build linux

// Command genlprobe talks to the generic netlink families no command-line tool in the
// capture VM speaks — TASKSTATS, NET_DM (drop monitor), thermal, devlink and psample —
// so that the capture holds the kernel's real answers: struct taskstats replies and
// exit notifications, cgroupstats, drop alerts in summary and packet mode, thermal
// zone and cooling device dumps, devlink dumps and errors, psample group and sample
// notifications. It runs as root inside the capture VM (scenario genlprobe) and prints
// one line per exchange with what the kernel answered; what the VM lacks is skipped
// with a line saying why.
//
//	probe            run every section
//	probe child      exit at once with status 3 (the task whose exit taskstats reports)
package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"
	"unsafe"

	"github.com/mdlayher/genetlink"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

var ne = binary.NativeEndian

func main() {
	if len(os.Args) > 1 && os.Args[1] == "child" {
		os.Exit(3)
	}
	fmt.Printf("probe pid %d\n", os.Getpid())
	c := dial()
	defer c.Close()
	taskstats(c)
	netDM(c)
	thermal(c)
	devlink(c)
	psample(c)
}

// dial opens a generic netlink socket with extended ACKs.
func dial() *genetlink.Conn {
	c, err := genetlink.Dial(nil)
	if err != nil {
		fmt.Println("dial:", err)
		os.Exit(1)
	}
	if err := c.SetOption(netlink.ExtendedAcknowledge, true); err != nil {
		fmt.Println("NETLINK_EXT_ACK:", err)
	}
	return c
}

// family resolves a family by name (CTRL_CMD_GETFAMILY, in the capture too).
func family(c *genetlink.Conn, name string) (genetlink.Family, bool) {
	f, err := c.GetFamily(name)
	if err != nil {
		fmt.Printf("skip %s: family not available: %v\n", name, errText(err))
		return f, false
	}
	fmt.Printf("family %s id %d version %d groups %s\n", f.Name, f.ID, f.Version, groupNames(f))
	return f, true
}

func groupNames(f genetlink.Family) string {
	var s []string
	for _, g := range f.Groups {
		s = append(s, fmt.Sprintf("%s=%d", g.Name, g.ID))
	}
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ",")
}

// group finds a multicast group id by name.
func group(f genetlink.Family, name string) (uint32, bool) {
	for _, g := range f.Groups {
		if g.Name == name {
			return g.ID, true
		}
	}
	return 0, false
}

// errText renders a netlink error with its errno name and ext-ACK message.
func errText(err error) string {
	var oe *netlink.OpError
	var en unix.Errno
	s := err.Error()
	if errors.As(err, &en) {
		s = fmt.Sprintf("error -%d %s", int(en), unix.ErrnoName(en))
	}
	if errors.As(err, &oe) && oe.Message != "" {
		s += ": " + oe.Message
	}
	return s
}

// attrs encodes attributes with an AttributeEncoder.
func attrs(fn func(ae *netlink.AttributeEncoder)) []byte {
	ae := netlink.NewAttributeEncoder()
	fn(ae)
	b, err := ae.Encode()
	if err != nil {
		panic(err)
	}
	return b
}

// do sends one request, prints the line "$ genlprobe: FAMILY what" and returns the
// replies, or prints the error with its ext-ACK message. Requests that are not
// dumps ask for an ACK, which ends the exchange.
func do(c *genetlink.Conn, f genetlink.Family, what string, cmd uint8, flags netlink.HeaderFlags, data []byte) ([]genetlink.Message, error) {
	fmt.Printf("$ genlprobe: %s %s\n", f.Name, what)
	dump := flags&netlink.Dump == netlink.Dump
	if !dump {
		flags |= netlink.Acknowledge
	}
	req, err := c.Send(genetlink.Message{
		Header: genetlink.Header{Command: cmd, Version: f.Version},
		Data:   data,
	}, f.ID, netlink.Request|flags)
	if err != nil {
		fmt.Println("send:", errText(err))
		return nil, err
	}
	var out []genetlink.Message
	for done := false; !done; {
		gm, nm, err := c.Receive()
		if err != nil {
			fmt.Printf("%s\n[exit status 1]\n", errText(err))
			return nil, err
		}
		for i := range nm {
			// thermal's dump replies carry nlmsg_seq 0: in a dump keep them all
			if nm[i].Header.Sequence != req.Header.Sequence && !dump {
				continue
			}
			if nm[i].Header.Type == netlink.Error {
				done = true
				continue
			}
			out = append(out, gm[i])
		}
		done = done || dump // Receive reads a dump to its NLMSG_DONE
	}
	switch {
	case dump:
		fmt.Printf("%d messages\n", len(out))
	case len(out) == 0:
		fmt.Println("ok")
	}
	return out, nil
}

// parse decodes attributes, or nil.
func parse(b []byte) map[uint16][]byte {
	ad, err := netlink.NewAttributeDecoder(b)
	if err != nil {
		return nil
	}
	out := map[uint16][]byte{}
	for ad.Next() {
		out[ad.Type()] = ad.Bytes()
	}
	return out
}

func cstr(b []byte) string { s, _, _ := strings.Cut(string(b), "\x00"); return s }

func u32(b []byte) uint32 {
	if len(b) < 4 {
		return 0
	}
	return ne.Uint32(b)
}

func u64(b []byte) uint64 {
	if len(b) < 8 {
		return 0
	}
	return ne.Uint64(b)
}

// receive reads notifications until n arrive, keep returns false, or the timeout. It
// reads the socket itself: netlink.Conn would wait for the NLMSG_DONE of a
// notification that carries NLM_F_MULTI (psample's group notifications do).
func receive(c *genetlink.Conn, timeout time.Duration, n int, keep func(m genetlink.Message) bool) int {
	rc, err := c.SyscallConn()
	if err != nil {
		fmt.Println("receive:", err)
		return 0
	}
	got := 0
	c.SetReadDeadline(time.Now().Add(timeout))
	defer c.SetReadDeadline(time.Time{})
	buf := make([]byte, 1<<16)
	for got < n {
		var rn int
		var rerr error
		err := rc.Read(func(fd uintptr) bool {
			rn, _, rerr = unix.Recvfrom(int(fd), buf, unix.MSG_DONTWAIT)
			return rerr != unix.EAGAIN
		})
		if err == nil {
			err = rerr
		}
		if err != nil {
			if !errors.Is(err, os.ErrDeadlineExceeded) {
				fmt.Println("receive:", errText(err))
			}
			break
		}
		msgs, err := syscall.ParseNetlinkMessage(buf[:rn])
		if err != nil {
			fmt.Println("receive:", err)
			break
		}
		for _, nm := range msgs {
			if nm.Header.Type == unix.NLMSG_DONE || nm.Header.Type == unix.NLMSG_ERROR {
				continue
			}
			var m genetlink.Message
			if m.UnmarshalBinary(nm.Data) != nil {
				continue
			}
			got++
			if !keep(m) {
				return got
			}
		}
	}
	return got
}

// ---- TASKSTATS ------------------------------------------------------------------------

// taskstatsLine describes a TASKSTATS_TYPE_AGGR_PID/TGID nest.
func taskstatsLine(kind string, nest []byte) string {
	a := parse(nest)
	id := u32(a[unix.TASKSTATS_TYPE_PID])
	if kind == "AGGR_TGID" {
		id = u32(a[unix.TASKSTATS_TYPE_TGID])
	}
	st := a[unix.TASKSTATS_TYPE_STATS]
	var ts unix.Taskstats
	if len(st) < int(unsafe.Offsetof(ts.Ac_uid)) {
		return fmt.Sprintf("%s %d (struct taskstats of %d bytes)", kind, id, len(st))
	}
	comm := cstr(st[unsafe.Offsetof(ts.Ac_comm) : unsafe.Offsetof(ts.Ac_comm)+32])
	return fmt.Sprintf("%s %d: struct taskstats of %d bytes, version %d, ac_exitcode %d, ac_comm %q",
		kind, id, len(st), ne.Uint16(st), ne.Uint32(st[4:]), comm)
}

func taskstatsReply(msgs []genetlink.Message) {
	for _, m := range msgs {
		for t, v := range parse(m.Data) {
			switch t {
			case unix.TASKSTATS_TYPE_AGGR_PID:
				fmt.Println(taskstatsLine("AGGR_PID", v))
			case unix.TASKSTATS_TYPE_AGGR_TGID:
				fmt.Println(taskstatsLine("AGGR_TGID", v))
			}
		}
	}
}

func taskstats(c *genetlink.Conn) {
	f, ok := family(c, unix.TASKSTATS_GENL_NAME)
	if !ok {
		return
	}
	pid := uint32(os.Getpid())
	msgs, err := do(c, f, fmt.Sprintf("TASKSTATS_CMD_GET TASKSTATS_CMD_ATTR_PID %d", pid), unix.TASKSTATS_CMD_GET, 0,
		attrs(func(ae *netlink.AttributeEncoder) { ae.Uint32(unix.TASKSTATS_CMD_ATTR_PID, pid) }))
	if err == nil {
		taskstatsReply(msgs)
	}
	msgs, err = do(c, f, fmt.Sprintf("TASKSTATS_CMD_GET TASKSTATS_CMD_ATTR_TGID %d", pid), unix.TASKSTATS_CMD_GET, 0,
		attrs(func(ae *netlink.AttributeEncoder) { ae.Uint32(unix.TASKSTATS_CMD_ATTR_TGID, pid) }))
	if err == nil {
		taskstatsReply(msgs)
	}
	do(c, f, "TASKSTATS_CMD_GET TASKSTATS_CMD_ATTR_PID 4000000 (no such task)", unix.TASKSTATS_CMD_GET, 0,
		attrs(func(ae *netlink.AttributeEncoder) { ae.Uint32(unix.TASKSTATS_CMD_ATTR_PID, 4000000) }))

	// cgroupstats: the kernel answers only for cgroup v1 hierarchies (cgroupstats_build
	// checks the file system type), so both a cgroup2 and a v1 directory are asked.
	for _, dir := range []string{"/sys/fs/cgroup", "/tmp/cgroup-v1"} {
		d, err := os.Open(dir)
		if err != nil {
			fmt.Printf("skip CGROUPSTATS_CMD_GET %s: %v\n", dir, err)
			continue
		}
		var sfs unix.Statfs_t
		unix.Fstatfs(int(d.Fd()), &sfs)
		fs := fmt.Sprintf("fs magic %#x", sfs.Type)
		switch sfs.Type {
		case unix.CGROUP2_SUPER_MAGIC:
			fs = "cgroup2"
		case unix.CGROUP_SUPER_MAGIC:
			fs = "cgroup v1"
		}
		msgs, err := do(c, f, fmt.Sprintf("CGROUPSTATS_CMD_GET CGROUPSTATS_CMD_ATTR_FD %d (%s, %s)", d.Fd(), dir, fs), unix.CGROUPSTATS_CMD_GET, 0,
			attrs(func(ae *netlink.AttributeEncoder) { ae.Uint32(unix.CGROUPSTATS_CMD_ATTR_FD, uint32(d.Fd())) }))
		d.Close()
		if err != nil {
			continue
		}
		for _, m := range msgs {
			if st := parse(m.Data)[unix.CGROUPSTATS_TYPE_CGROUP_STATS]; len(st) >= 40 {
				fmt.Printf("cgroupstats: sleeping %d running %d stopped %d uninterruptible %d io_wait %d\n",
					u64(st), u64(st[8:]), u64(st[16:]), u64(st[24:]), u64(st[32:]))
			}
		}
	}

	// Exit notifications: a socket registered for the CPUs receives a TASKSTATS_CMD_NEW
	// for every task that exits on them.
	l := dial()
	defer l.Close()
	mask := "0"
	if n := runtime.NumCPU(); n > 1 {
		mask = fmt.Sprintf("0-%d", n-1)
	}
	if _, err := do(l, f, "TASKSTATS_CMD_GET TASKSTATS_CMD_ATTR_REGISTER_CPUMASK "+mask, unix.TASKSTATS_CMD_GET, netlink.Acknowledge,
		attrs(func(ae *netlink.AttributeEncoder) { ae.String(unix.TASKSTATS_CMD_ATTR_REGISTER_CPUMASK, mask) })); err != nil {
		return
	}
	self, err := os.Executable() // not /proc/self/exe: its ac_comm would be "exe"
	if err != nil {
		fmt.Println("skip exit notification:", err)
		return
	}
	child := exec.Command(self, "child")
	err = child.Run()
	fmt.Printf("child pid %d exited: %v\n", child.Process.Pid, err)
	got := receive(l, 3*time.Second, 20, func(m genetlink.Message) bool {
		a := parse(m.Data)
		p := parse(a[unix.TASKSTATS_TYPE_AGGR_PID])
		if u32(p[unix.TASKSTATS_TYPE_PID]) != uint32(child.Process.Pid) {
			return true // another task's exit
		}
		fmt.Print("notification TASKSTATS_CMD_NEW: ", taskstatsLine("AGGR_PID", a[unix.TASKSTATS_TYPE_AGGR_PID]))
		if t, ok := a[unix.TASKSTATS_TYPE_AGGR_TGID]; ok {
			fmt.Print("; ", taskstatsLine("AGGR_TGID", t))
		}
		fmt.Println()
		return false
	})
	fmt.Printf("%d exit notifications read\n", got)
	do(l, f, "TASKSTATS_CMD_GET TASKSTATS_CMD_ATTR_DEREGISTER_CPUMASK "+mask, unix.TASKSTATS_CMD_GET, netlink.Acknowledge,
		attrs(func(ae *netlink.AttributeEncoder) { ae.String(unix.TASKSTATS_CMD_ATTR_DEREGISTER_CPUMASK, mask) }))
}

// ---- NET_DM -----------------------------------------------------------------------------

// include/uapi/linux/net_dropmon.h
const (
	netDMCmdAlert       = 1
	netDMCmdConfig      = 2
	netDMCmdStart       = 3
	netDMCmdStop        = 4
	netDMCmdPacketAlert = 5
	netDMCmdConfigGet   = 6
	netDMCmdStatsGet    = 8

	netDMAttrAlertMode = 1
	netDMAttrSymbol    = 3
	netDMAttrInPort    = 4
	netDMAttrProto     = 6
	netDMAttrPayload   = 7
	netDMAttrTruncLen  = 9
	netDMAttrOrigLen   = 10
	netDMAttrQueueLen  = 11
	netDMAttrStats     = 12
	netDMAttrSWDrops   = 20
	netDMAttrReason    = 23

	netDMAlertModePacket = 1
)

// udpToClosedPort sends n datagrams to 127.0.0.1:9, where nothing listens: the kernel
// drops each (SKB_DROP_REASON_NO_SOCKET) and answers ICMP port unreachable. The
// socket is not connected, so that the ICMP error does not fail the next send.
func udpToClosedPort(n int) {
	conn, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		fmt.Println("udp:", err)
		return
	}
	defer conn.Close()
	to := &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9}
	sent := 0
	for i := range n {
		if _, err := conn.WriteToUDP([]byte(fmt.Sprintf("genlprobe drop %d", i)), to); err != nil {
			fmt.Println("udp:", err)
			continue
		}
		sent++
		time.Sleep(20 * time.Millisecond)
	}
	fmt.Printf("sent %d UDP datagrams to 127.0.0.1:9 (closed port)\n", sent)
}

func netDM(c *genetlink.Conn) {
	f, ok := family(c, "NET_DM")
	if !ok {
		return
	}
	ev, ok := group(f, "events")
	if !ok {
		fmt.Println("skip NET_DM alerts: no events group")
		return
	}
	l := dial()
	defer l.Close()
	if err := l.JoinGroup(ev); err != nil {
		fmt.Println("skip NET_DM alerts: join events:", errText(err))
		return
	}
	fmt.Printf("joined NET_DM group events (%d)\n", ev)
	configGet := func() {
		msgs, err := do(c, f, "NET_DM_CMD_CONFIG_GET", netDMCmdConfigGet, 0, nil)
		if err == nil && len(msgs) > 0 {
			a := parse(msgs[0].Data)
			fmt.Printf("config: alert mode %d trunc len %d queue len %d\n",
				firstByte(a[netDMAttrAlertMode]), u32(a[netDMAttrTruncLen]), u32(a[netDMAttrQueueLen]))
		}
	}
	configGet()

	// Summary mode (the default): NET_DM_CMD_ALERT with drop points.
	if _, err := do(c, f, "NET_DM_CMD_START (summary mode, software drops)", netDMCmdStart, netlink.Acknowledge,
		attrs(func(ae *netlink.AttributeEncoder) { ae.Flag(netDMAttrSWDrops, true) })); err == nil {
		udpToClosedPort(3)
		n := receive(l, 3*time.Second, 1, func(m genetlink.Message) bool {
			if m.Header.Command == netDMCmdAlert {
				a := parse(m.Data)
				if v := a[0]; len(v) >= 4 {
					fmt.Printf("notification NET_DM_CMD_ALERT: %d drop points\n", u32(v))
				}
				return false
			}
			return true
		})
		fmt.Printf("%d notifications read\n", n)
		do(c, f, "NET_DM_CMD_STOP", netDMCmdStop, netlink.Acknowledge,
			attrs(func(ae *netlink.AttributeEncoder) { ae.Flag(netDMAttrSWDrops, true) }))
	}

	// Packet mode: one NET_DM_CMD_PACKET_ALERT per dropped packet, truncated.
	if _, err := do(c, f, "NET_DM_CMD_CONFIG alert mode packet, trunc len 96, queue len 64", netDMCmdConfig, netlink.Acknowledge,
		attrs(func(ae *netlink.AttributeEncoder) {
			ae.Uint8(netDMAttrAlertMode, netDMAlertModePacket)
			ae.Uint32(netDMAttrTruncLen, 96)
			ae.Uint32(netDMAttrQueueLen, 64)
		})); err != nil {
		return
	}
	configGet()
	if _, err := do(c, f, "NET_DM_CMD_START (packet mode, software drops)", netDMCmdStart, netlink.Acknowledge,
		attrs(func(ae *netlink.AttributeEncoder) { ae.Flag(netDMAttrSWDrops, true) })); err != nil {
		return
	}
	udpToClosedPort(3)
	udp := 0
	n := receive(l, 4*time.Second, 50, func(m genetlink.Message) bool {
		if m.Header.Command != netDMCmdPacketAlert {
			return true
		}
		a := parse(m.Data)
		port := parse(a[netDMAttrInPort])
		fmt.Printf("notification NET_DM_CMD_PACKET_ALERT: symbol %s reason %s proto %#04x orig len %d payload %d bytes in port %v\n",
			cstr(a[netDMAttrSymbol]), cstr(a[netDMAttrReason]), protoU16(a[netDMAttrProto]),
			u32(a[netDMAttrOrigLen]), len(a[netDMAttrPayload]), u32(port[0]))
		if strings.Contains(string(a[netDMAttrPayload]), "genlprobe drop") {
			udp++
		}
		return udp < 3
	})
	fmt.Printf("%d notifications read, %d of them our UDP datagrams\n", n, udp)
	if msgs, err := do(c, f, "NET_DM_CMD_STATS_GET", netDMCmdStatsGet, 0, nil); err == nil && len(msgs) > 0 {
		st := parse(parse(msgs[0].Data)[netDMAttrStats])
		fmt.Printf("stats: dropped %d\n", u64(st[0]))
	}
	do(c, f, "NET_DM_CMD_STOP", netDMCmdStop, netlink.Acknowledge,
		attrs(func(ae *netlink.AttributeEncoder) { ae.Flag(netDMAttrSWDrops, true) }))
}

func firstByte(b []byte) byte {
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

// protoU16 reads NET_DM_ATTR_PROTO, which the kernel puts in host order (nla_put_u16 of
// be16_to_cpu(skb->protocol)).
func protoU16(b []byte) uint16 {
	if len(b) < 2 {
		return 0
	}
	return ne.Uint16(b)
}

// ---- thermal ----------------------------------------------------------------------------

// include/uapi/linux/thermal.h
const (
	thermalAttrTZ       = 1
	thermalAttrTZID     = 2
	thermalAttrTZTemp   = 3
	thermalAttrTZName   = 10
	thermalAttrCdev     = 14
	thermalAttrCdevID   = 15
	thermalAttrCdevName = 18

	thermalCmdTZGetID   = 1
	thermalCmdTZGetTrip = 2
	thermalCmdTZGetTemp = 3
	thermalCmdTZGetGov  = 4
	thermalCmdCdevGet   = 6
)

// nests returns every attribute of type t at the top of b.
func nests(b []byte, t uint16) [][]byte {
	ad, err := netlink.NewAttributeDecoder(b)
	if err != nil {
		return nil
	}
	var out [][]byte
	for ad.Next() {
		if ad.Type() == t {
			out = append(out, ad.Bytes())
		}
	}
	return out
}

func thermal(c *genetlink.Conn) {
	f, ok := family(c, "thermal")
	if !ok {
		return
	}
	// listen to both groups while asking
	l := dial()
	defer l.Close()
	for _, g := range f.Groups {
		if err := l.JoinGroup(g.ID); err != nil {
			fmt.Printf("join thermal group %s: %s\n", g.Name, errText(err))
		} else {
			fmt.Printf("joined thermal group %s (%d)\n", g.Name, g.ID)
		}
	}
	// One THERMAL_GENL_ATTR_TZ (CDEV) nest holds the ids and names of every zone
	// (cooling device) in turn.
	var tzs []uint32
	list := func(m genetlink.Message, nest, id, name uint16, what string) (ids []uint32) {
		for _, b := range nests(m.Data, nest) {
			ad, err := netlink.NewAttributeDecoder(b)
			if err != nil {
				continue
			}
			for ad.Next() {
				switch ad.Type() {
				case id:
					ids = append(ids, ad.Uint32())
				case name:
					if len(ids) == 0 {
						ids = append(ids, 0)
					}
					fmt.Printf("%s %d %s\n", what, ids[len(ids)-1], ad.String())
				}
			}
		}
		return ids
	}
	if msgs, err := do(c, f, "THERMAL_GENL_CMD_TZ_GET_ID (dump)", thermalCmdTZGetID, netlink.Dump, nil); err == nil {
		for _, m := range msgs {
			tzs = append(tzs, list(m, thermalAttrTZ, thermalAttrTZID, thermalAttrTZName, "thermal zone")...)
		}
	}
	if msgs, err := do(c, f, "THERMAL_GENL_CMD_CDEV_GET (dump)", thermalCmdCdevGet, netlink.Dump, nil); err == nil {
		for _, m := range msgs {
			list(m, thermalAttrCdev, thermalAttrCdevID, thermalAttrCdevName, "cooling device")
		}
	}
	if len(tzs) == 0 {
		fmt.Println("no thermal zones in the VM: asking for zone 0 anyway")
		tzs = []uint32{0}
	}
	for _, id := range tzs {
		tz := attrs(func(ae *netlink.AttributeEncoder) { ae.Uint32(thermalAttrTZID, id) })
		if msgs, err := do(c, f, fmt.Sprintf("THERMAL_GENL_CMD_TZ_GET_TEMP tz %d", id), thermalCmdTZGetTemp, 0, tz); err == nil && len(msgs) > 0 {
			fmt.Printf("temp %d m°C\n", int32(u32(parse(msgs[0].Data)[thermalAttrTZTemp])))
		}
		do(c, f, fmt.Sprintf("THERMAL_GENL_CMD_TZ_GET_TRIP tz %d", id), thermalCmdTZGetTrip, 0, tz)
		do(c, f, fmt.Sprintf("THERMAL_GENL_CMD_TZ_GET_GOV tz %d", id), thermalCmdTZGetGov, 0, tz)
	}
	// writing a cooling device's cur_state may notify THERMAL_GENL_EVENT_CDEV_STATE_UPDATE
	cdevs, _ := filepath.Glob("/sys/class/thermal/cooling_device*/cur_state")
	for _, p := range cdevs {
		cur, _ := os.ReadFile(p)
		mx, _ := os.ReadFile(filepath.Join(filepath.Dir(p), "max_state"))
		v := strings.TrimSpace(string(cur))
		err := os.WriteFile(p, []byte(v), 0)
		fmt.Printf("write %s to %s (max_state %s): %v\n", v, p, strings.TrimSpace(string(mx)), err)
	}
	n := receive(l, time.Second, 10, func(m genetlink.Message) bool {
		fmt.Printf("thermal notification cmd %d\n", m.Header.Command)
		return true
	})
	fmt.Printf("%d thermal notifications in 1 s\n", n)
}

// ---- devlink ----------------------------------------------------------------------------

func devlink(c *genetlink.Conn) {
	f, ok := family(c, unix.DEVLINK_GENL_NAME)
	if !ok {
		return
	}
	do(c, f, "DEVLINK_CMD_GET (dump)", unix.DEVLINK_CMD_GET, netlink.Dump, nil)
	do(c, f, "DEVLINK_CMD_PORT_GET (dump)", unix.DEVLINK_CMD_PORT_GET, netlink.Dump, nil)
	handle := func(ae *netlink.AttributeEncoder) {
		ae.String(unix.DEVLINK_ATTR_BUS_NAME, "pci")
		ae.String(unix.DEVLINK_ATTR_DEV_NAME, "0000:00:1f.7")
	}
	do(c, f, "DEVLINK_CMD_INFO_GET pci/0000:00:1f.7 (no such device)", unix.DEVLINK_CMD_INFO_GET, 0, attrs(handle))
	do(c, f, "DEVLINK_CMD_INFO_GET without a handle", unix.DEVLINK_CMD_INFO_GET, 0, nil)
	// A policy error: DEVLINK_ATTR_ESWITCH_MODE is a u16 in the range legacy..switchdev;
	// the kernel checks it before it looks for the device, and answers with an
	// ext-ACK message, the attribute's offset and its policy.
	do(c, f, "DEVLINK_CMD_ESWITCH_SET pci/0000:00:1f.7 with DEVLINK_ATTR_ESWITCH_MODE 7 (out of range)", unix.DEVLINK_CMD_ESWITCH_SET, 0,
		attrs(func(ae *netlink.AttributeEncoder) {
			handle(ae)
			ae.Uint16(unix.DEVLINK_ATTR_ESWITCH_MODE, 7)
		}))
}

// ---- psample ----------------------------------------------------------------------------

// include/uapi/linux/psample.h
const (
	psampleCmdSample   = 0
	psampleCmdGetGroup = 1
	psampleCmdNewGroup = 2
	psampleCmdDelGroup = 3

	psampleAttrIifindex      = 0
	psampleAttrOrigsize      = 2
	psampleAttrSampleGroup   = 3
	psampleAttrGroupSeq      = 4
	psampleAttrSampleRate    = 5
	psampleAttrData          = 6
	psampleAttrGroupRefcount = 7
)

// tc runs tc with its arguments and prints the command and its outcome.
func tc(args ...string) error {
	fmt.Printf("$ tc %s\n", strings.Join(args, " "))
	out, err := exec.Command("tc", args...).CombinedOutput()
	if len(out) > 0 {
		fmt.Print(string(out))
	}
	if err != nil {
		fmt.Printf("[%v]\n", err)
	}
	return err
}

func psample(c *genetlink.Conn) {
	f, ok := family(c, "psample")
	if !ok {
		return
	}
	l := dial()
	defer l.Close()
	for _, g := range f.Groups {
		if err := l.JoinGroup(g.ID); err != nil {
			fmt.Printf("join psample group %s: %s\n", g.Name, errText(err))
		} else {
			fmt.Printf("joined psample group %s (%d)\n", g.Name, g.ID)
		}
	}
	do(c, f, "PSAMPLE_CMD_GET_GROUP (dump, before any sampler)", psampleCmdGetGroup, netlink.Dump, nil)
	// act_sample on lo's ingress: every packet received on lo is sampled to group 5
	if err := tc("filter", "add", "dev", "lo", "ingress", "protocol", "ip", "pref", "1", "matchall",
		"action", "sample", "rate", "1", "group", "5"); err != nil {
		fmt.Println("skip psample samples: no sampler (act_sample, cls_matchall, clsact on lo needed)")
		return
	}
	show := func(m genetlink.Message) {
		a := parse(m.Data)
		switch m.Header.Command {
		case psampleCmdSample:
			fmt.Printf("notification PSAMPLE_CMD_SAMPLE: group %d seq %d rate %d iif %d origsize %d data %d bytes\n",
				u32(a[psampleAttrSampleGroup]), u32(a[psampleAttrGroupSeq]), u32(a[psampleAttrSampleRate]),
				ne.Uint16(append(a[psampleAttrIifindex], 0, 0)), u32(a[psampleAttrOrigsize]), len(a[psampleAttrData]))
		case psampleCmdNewGroup, psampleCmdDelGroup, psampleCmdGetGroup:
			fmt.Printf("psample group cmd %d: group %d refcount %d\n", m.Header.Command,
				u32(a[psampleAttrSampleGroup]), u32(a[psampleAttrGroupRefcount]))
		default:
			fmt.Printf("psample cmd %d\n", m.Header.Command)
		}
	}
	if msgs, err := do(c, f, "PSAMPLE_CMD_GET_GROUP (dump)", psampleCmdGetGroup, netlink.Dump, nil); err == nil {
		for _, m := range msgs {
			show(m)
		}
	}
	udpToClosedPort(2)
	samples := 0
	n := receive(l, time.Second, 20, func(m genetlink.Message) bool {
		show(m)
		if m.Header.Command == psampleCmdSample {
			samples++
		}
		return true
	})
	fmt.Printf("%d psample notifications read, %d samples\n", n, samples)
	tc("filter", "del", "dev", "lo", "ingress", "protocol", "ip", "pref", "1", "matchall")
	n = receive(l, 2*time.Second, 10, func(m genetlink.Message) bool { show(m); return m.Header.Command != psampleCmdDelGroup })
	fmt.Printf("%d psample notifications after the sampler's removal\n", n)
}
