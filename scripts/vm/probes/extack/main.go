//go:build linux

// Command extack sends the kernel netlink requests that ip and the other tools never
// send: attributes of the wrong length or type, attributes beyond the policy, and
// requests that lack a required attribute, so that the capture holds the kernel's
// policy errors with every extended-ACK attribute (NLMSGERR_ATTR_MSG, OFFS,
// POLICY, MISS_TYPE, MISS_NEST). It runs inside the capture VM (scenario extack)
// and prints one line per request with the errno the kernel answered.
package main

import (
	"encoding/binary"
	"fmt"
	"os"
	"strings"

	"golang.org/x/sys/unix"
)

var le = binary.LittleEndian // the VM is x86_64

// attr builds an nlattr with its value, padded to 4.
func attr(typ uint16, value ...byte) []byte {
	b := le.AppendUint16(nil, uint16(4+len(value)))
	b = le.AppendUint16(b, typ)
	b = append(b, value...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func u32(v uint32) []byte { return le.AppendUint32(nil, v) }

// msg builds an nlmsghdr and payload.
func msg(typ, flags uint16, seq uint32, payload ...[]byte) []byte {
	var p []byte
	for _, x := range payload {
		p = append(p, x...)
	}
	b := le.AppendUint32(nil, uint32(16+len(p)))
	b = le.AppendUint16(b, typ)
	b = le.AppendUint16(b, flags)
	b = le.AppendUint32(b, seq)
	b = le.AppendUint32(b, 0)
	return append(b, p...)
}

// ifinfomsg for ifindex.
func ifinfo(index int32) []byte {
	b := make([]byte, 4)
	b = le.AppendUint32(b, uint32(index))
	return append(b, make([]byte, 8)...)
}

type sock struct {
	fd  int
	seq uint32
}

func open(proto int) *sock {
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, proto)
	if err != nil {
		fmt.Println("socket:", err)
		os.Exit(1)
	}
	unix.SetsockoptInt(fd, unix.SOL_NETLINK, unix.NETLINK_EXT_ACK, 1)
	unix.SetsockoptInt(fd, unix.SOL_NETLINK, unix.NETLINK_GET_STRICT_CHK, 1)
	if err := unix.Bind(fd, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		fmt.Println("bind:", err)
		os.Exit(1)
	}
	return &sock{fd: fd, seq: 100}
}

// do sends one request and reads until its NLMSG_ERROR or NLMSG_DONE, printing the
// outcome.
func (s *sock) do(what string, typ, flags uint16, payload ...[]byte) {
	s.seq++
	m := msg(typ, flags|unix.NLM_F_REQUEST|unix.NLM_F_ACK, s.seq, payload...)
	fmt.Printf("$ extack: %s\n", what)
	if err := unix.Sendto(s.fd, m, 0, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		fmt.Println("send:", err)
		return
	}
	buf := make([]byte, 65536)
	for {
		n, _, err := unix.Recvfrom(s.fd, buf, 0)
		if err != nil {
			fmt.Println("recv:", err)
			return
		}
		for b := buf[:n]; len(b) >= 16; {
			l := int(le.Uint32(b))
			if l < 16 || l > len(b) {
				return
			}
			t := le.Uint16(b[4:])
			if t == unix.NLMSG_ERROR || t == unix.NLMSG_DONE {
				e := int32(le.Uint32(b[16:]))
				if e == 0 {
					fmt.Println("ok")
				} else {
					fmt.Printf("error %d %s%s\n[exit status 1]\n", e, unix.ErrnoName(unix.Errno(-e)), extMsg(b[:l]))
				}
				return
			}
			b = b[(l+3)&^3:]
		}
	}
}

// extMsg finds NLMSGERR_ATTR_MSG in an NLMSG_ERROR for the transcript.
func extMsg(m []byte) string {
	if le.Uint16(m[6:])&unix.NLM_F_ACK_TLVS == 0 || len(m) < 36 {
		return ""
	}
	off := 20 + 16
	if le.Uint16(m[6:])&unix.NLM_F_CAPPED == 0 {
		off = 20 + int((le.Uint32(m[20:])+3)&^3)
	}
	for off+4 <= len(m) {
		l := int(le.Uint16(m[off:]))
		if l < 4 || off+l > len(m) {
			break
		}
		if le.Uint16(m[off+2:]) == unix.NLMSGERR_ATTR_MSG {
			return ": " + strings.TrimRight(string(m[off+4:off+l]), "\x00")
		}
		off += (l + 3) &^ 3
	}
	return ""
}

func main() {
	rt := open(unix.NETLINK_ROUTE)
	idx := int32(0)
	if ifi, err := os.ReadFile("/sys/class/net/dummy0/ifindex"); err == nil {
		fmt.Sscan(string(ifi), &idx)
	}
	// Policy errors: the kernel points NLMSGERR_ATTR_OFFS at the attribute and
	// describes its policy in NLMSGERR_ATTR_POLICY.
	rt.do("RTM_NEWLINK dev dummy0 with a 2-byte IFLA_MTU", unix.RTM_NEWLINK, 0,
		ifinfo(idx), attr(unix.IFLA_IFNAME, []byte("dummy0\x00")...), attr(unix.IFLA_MTU, 0xdc, 0x05))
	rt.do("RTM_NEWLINK dev dummy0 with an IFLA_IFNAME of 20 bytes", unix.RTM_NEWLINK, 0,
		ifinfo(idx), attr(unix.IFLA_IFNAME, []byte("abcdefghijklmnopqrs\x00")...))
	rt.do("RTM_NEWLINK dev dummy0 with IFLA_GROUP of 1 byte after a valid IFLA_MTU", unix.RTM_NEWLINK, 0,
		ifinfo(idx), attr(unix.IFLA_MTU, u32(1400)...), attr(unix.IFLA_GROUP, 7))
	rt.do("RTM_NEWADDR 10.1.1.1/24 dev dummy0 with a 3-byte IFA_FLAGS", unix.RTM_NEWADDR, unix.NLM_F_CREATE|unix.NLM_F_EXCL,
		append([]byte{unix.AF_INET, 24, 0, 0}, u32(uint32(idx))...), attr(unix.IFA_LOCAL, 10, 1, 1, 1), attr(unix.IFA_FLAGS, 1, 2, 3))
	rt.do("RTM_NEWROUTE 10.77.0.0/16 dev dummy0 with RTA_DST of 3 bytes", unix.RTM_NEWROUTE, unix.NLM_F_CREATE,
		[]byte{unix.AF_INET, 16, 0, 0, unix.RT_TABLE_MAIN, unix.RTPROT_STATIC, unix.RT_SCOPE_LINK, unix.RTN_UNICAST, 0, 0, 0, 0},
		attr(unix.RTA_DST, 10, 77, 0), attr(unix.RTA_OIF, u32(uint32(idx))...))
	// Strict dump checking: an attribute the dump does not take.
	rt.do("RTM_GETLINK dump with strict checking and an unexpected IFLA_MTU", unix.RTM_GETLINK, unix.NLM_F_DUMP,
		ifinfo(0), attr(unix.IFLA_MTU, u32(1500)...))
	rt.do("RTM_GETROUTE dump with strict checking and a header rtm_dst_len 8", unix.RTM_GETROUTE, unix.NLM_F_DUMP,
		[]byte{unix.AF_INET, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	// A required attribute missing (NLMSGERR_ATTR_MISS_TYPE where the kernel reports it).
	rt.do("RTM_NEWNEXTHOP id 900 without a device or gateway", unix.RTM_NEWNEXTHOP, unix.NLM_F_CREATE,
		[]byte{unix.AF_INET, 0, 0, 0, 0, 0, 0, 0}, attr(unix.NHA_ID, u32(900)...))

	g := open(unix.NETLINK_GENERIC)
	genl := func(cmd uint8) []byte { return []byte{cmd, 1, 0, 0} }
	g.do("nlctrl GETFAMILY with CTRL_ATTR_FAMILY_NAME as a 4-byte number", unix.GENL_ID_CTRL, 0,
		genl(unix.CTRL_CMD_GETFAMILY), attr(unix.CTRL_ATTR_FAMILY_NAME, u32(20)...))
	g.do("nlctrl GETFAMILY with CTRL_ATTR_FAMILY_ID of 2 bytes, 1 byte short", unix.GENL_ID_CTRL, 0,
		genl(unix.CTRL_CMD_GETFAMILY), attr(unix.CTRL_ATTR_FAMILY_ID, 0x10))
	g.do("nlctrl GETFAMILY of a family that does not exist", unix.GENL_ID_CTRL, 0,
		genl(unix.CTRL_CMD_GETFAMILY), attr(unix.CTRL_ATTR_FAMILY_NAME, []byte("nosuchfamily\x00")...))
	g.do("nlctrl GETPOLICY without a family", unix.GENL_ID_CTRL, unix.NLM_F_DUMP,
		genl(unix.CTRL_CMD_GETPOLICY))
}
