package sockdiag

// What every sock_diag family shares: the first two bytes of each request (struct
// sock_diag_req, include/uapi/linux/sock_diag.h) and of each reply name the
// address family, which chooses the rest of the layout:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	| sdiag_family  |sdiag_protocol |  family-specific request ...  |
//	+---------------+---------------+---------------+---------------+
//
// and the socket memory counters (SK_MEMINFO_*, a u32 array) that inet, unix,
// netlink and packet replies all carry.

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// familyEnum names the address families sock_diag serves.
var familyEnum = decode.NewEnum("sdiag_family", "AF_", map[uint64]string{
	unix.AF_UNSPEC: "AF_UNSPEC", unix.AF_UNIX: "AF_UNIX", unix.AF_INET: "AF_INET",
	unix.AF_INET6: "AF_INET6", unix.AF_NETLINK: "AF_NETLINK", unix.AF_PACKET: "AF_PACKET",
	unix.AF_SMC: "AF_SMC", unix.AF_TIPC: "AF_TIPC", unix.AF_VSOCK: "AF_VSOCK",
	unix.AF_XDP: "AF_XDP", unix.AF_MCTP: "AF_MCTP",
})

// ipprotoEnum names the IP protocols inet_diag serves.
var ipprotoEnum = decode.NewEnum("sdiag_protocol", "IPPROTO_", map[uint64]string{
	unix.IPPROTO_IP: "IPPROTO_IP", unix.IPPROTO_ICMP: "IPPROTO_ICMP", unix.IPPROTO_TCP: "IPPROTO_TCP",
	unix.IPPROTO_UDP: "IPPROTO_UDP", unix.IPPROTO_DCCP: "IPPROTO_DCCP", unix.IPPROTO_ICMPV6: "IPPROTO_ICMPV6",
	unix.IPPROTO_SCTP: "IPPROTO_SCTP", unix.IPPROTO_UDPLITE: "IPPROTO_UDPLITE", unix.IPPROTO_RAW: "IPPROTO_RAW",
	unix.IPPROTO_MPTCP: "IPPROTO_MPTCP",
})

// tcpStateEnum names the socket states (include/net/tcp_states.h; the values are
// x/sys's BPF_TCP_*, which the kernel keeps equal). inet, unix and netlink
// replies all report them; unix sockets use ESTABLISHED, LISTEN and CLOSE.
var tcpStateEnum = decode.NewEnum("tcp_state", "TCP_", map[uint64]string{
	unix.BPF_TCP_ESTABLISHED: "TCP_ESTABLISHED", unix.BPF_TCP_SYN_SENT: "TCP_SYN_SENT",
	unix.BPF_TCP_SYN_RECV: "TCP_SYN_RECV", unix.BPF_TCP_FIN_WAIT1: "TCP_FIN_WAIT1",
	unix.BPF_TCP_FIN_WAIT2: "TCP_FIN_WAIT2", unix.BPF_TCP_TIME_WAIT: "TCP_TIME_WAIT",
	unix.BPF_TCP_CLOSE: "TCP_CLOSE", unix.BPF_TCP_CLOSE_WAIT: "TCP_CLOSE_WAIT",
	unix.BPF_TCP_LAST_ACK: "TCP_LAST_ACK", unix.BPF_TCP_LISTEN: "TCP_LISTEN",
	unix.BPF_TCP_CLOSING: "TCP_CLOSING", unix.BPF_TCP_NEW_SYN_RECV: "TCP_NEW_SYN_RECV",
	tcpBoundInactive: "TCP_BOUND_INACTIVE",
})

// ssStateNames are the state names ss(8) prints (misc/ss.c, sstate_name).
var ssStateNames = map[uint64]string{
	unix.BPF_TCP_ESTABLISHED: "ESTAB", unix.BPF_TCP_SYN_SENT: "SYN-SENT",
	unix.BPF_TCP_SYN_RECV: "SYN-RECV", unix.BPF_TCP_FIN_WAIT1: "FIN-WAIT-1",
	unix.BPF_TCP_FIN_WAIT2: "FIN-WAIT-2", unix.BPF_TCP_TIME_WAIT: "TIME-WAIT",
	unix.BPF_TCP_CLOSE: "UNCONN", unix.BPF_TCP_CLOSE_WAIT: "CLOSE-WAIT",
	unix.BPF_TCP_LAST_ACK: "LAST-ACK", unix.BPF_TCP_LISTEN: "LISTEN",
	unix.BPF_TCP_CLOSING: "CLOSING", unix.BPF_TCP_NEW_SYN_RECV: "NEW-SYN-RECV",
	tcpBoundInactive: "BOUND-INACTIVE",
}

// tcpStatesFlags names the bits of a state mask (idiag_states, udiag_states):
// bit 1<<state for each state (TCPF_* in include/net/tcp_states.h).
var tcpStatesFlags = func() *decode.FlagSet {
	bits := make(map[uint64]string, len(ssStateNames)+1)
	bits[1] = "TCPF_UNKNOWN"
	for v, name := range tcpStateEnum.Values {
		bits[1<<v] = "TCPF_" + name[len("TCP_"):]
	}
	return decode.NewFlagSet("idiag_states", "TCPF_", bits)
}()

// sockTypeEnum names socket types (udiag_type, ndiag_type, pdiag_type).
var sockTypeEnum = decode.NewEnum("sock_type", "SOCK_", map[uint64]string{
	unix.SOCK_STREAM: "SOCK_STREAM", unix.SOCK_DGRAM: "SOCK_DGRAM", unix.SOCK_RAW: "SOCK_RAW",
	unix.SOCK_RDM: "SOCK_RDM", unix.SOCK_SEQPACKET: "SOCK_SEQPACKET", unix.SOCK_DCCP: "SOCK_DCCP",
	unix.SOCK_PACKET: "SOCK_PACKET",
})

// shutdownFlags names the sk_shutdown bits.
var shutdownFlags = decode.NewFlagSet("sk_shutdown", "", map[uint64]string{
	rcvShutdown: "RCV_SHUTDOWN", sendShutdown: "SEND_SHUTDOWN",
})

// skMeminfo is the u32 array of SK_MEMINFO_* counters (sock_diag_put_meminfo);
// a newer kernel may append counters, shown as extra bytes.
var skMeminfo = decode.NewStruct("sk_meminfo", "sk_meminfo",
	decode.Member{CName: "SK_MEMINFO_RMEM_ALLOC", Name: "sk_meminfo.rmem_alloc", Kind: decode.KindU32, Unit: "bytes", Desc: "Bytes allocated to the receive queue (r in ss's skmem)."},
	decode.Member{CName: "SK_MEMINFO_RCVBUF", Name: "sk_meminfo.rcvbuf", Kind: decode.KindU32, Unit: "bytes", Desc: "Receive buffer size, SO_RCVBUF (rb)."},
	decode.Member{CName: "SK_MEMINFO_WMEM_ALLOC", Name: "sk_meminfo.wmem_alloc", Kind: decode.KindU32, Unit: "bytes", Desc: "Bytes allocated to packets being sent (t)."},
	decode.Member{CName: "SK_MEMINFO_SNDBUF", Name: "sk_meminfo.sndbuf", Kind: decode.KindU32, Unit: "bytes", Desc: "Send buffer size, SO_SNDBUF (tb)."},
	decode.Member{CName: "SK_MEMINFO_FWD_ALLOC", Name: "sk_meminfo.fwd_alloc", Kind: decode.KindU32, Unit: "bytes", Desc: "Memory allocated ahead and not used yet (f)."},
	decode.Member{CName: "SK_MEMINFO_WMEM_QUEUED", Name: "sk_meminfo.wmem_queued", Kind: decode.KindU32, Unit: "bytes", Desc: "Bytes queued for sending (w)."},
	decode.Member{CName: "SK_MEMINFO_OPTMEM", Name: "sk_meminfo.optmem", Kind: decode.KindU32, Unit: "bytes", Desc: "Option memory: socket filters, multicast lists (o)."},
	decode.Member{CName: "SK_MEMINFO_BACKLOG", Name: "sk_meminfo.backlog", Kind: decode.KindU32, Unit: "bytes", Desc: "Bytes in the backlog queue (bl)."},
	decode.Member{CName: "SK_MEMINFO_DROPS", Name: "sk_meminfo.drops", Kind: decode.KindU32, Desc: "Packets dropped before they reached the socket (d)."},
)

// memAttr describes an attribute holding the SK_MEMINFO_* array. Older kernels
// send fewer counters: the members present are decoded, without a note.
func memAttr(t uint16, cname string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindBinary, Custom: prefixStruct(skMeminfo),
		Desc: "Socket memory counters, a u32 array indexed by SK_MEMINFO_*."}
}

// prefixStruct returns a Custom hook that decodes an attribute value as the
// members of s that it holds: a struct that grew over kernel versions (tcp_info,
// the SK_MEMINFO array) is whole in any prefix that ends on a member boundary.
func prefixStruct(s *decode.Struct) func(c *decode.Context, f *decode.Field) {
	return func(c *decode.Context, f *decode.Field) {
		vs := f.Offset + 4
		f.Children, _ = c.StructMembers(s, vs, vs+len(f.Bytes))
	}
}

// structArray returns a Custom hook that decodes an attribute value as an array of
// s (PACKET_DIAG_MCLIST, PACKET_DIAG_FILTER, INET_DIAG_MD5SIG): one struct field
// per element, and a note on bytes that do not fill an element.
func structArray(s *decode.Struct) func(c *decode.Context, f *decode.Field) {
	return func(c *decode.Context, f *decode.Field) {
		vs := f.Offset + 4
		ve := vs + len(f.Bytes)
		n := (ve - vs) / s.Size
		rest := (ve - vs) % s.Size
		k := n
		if rest != 0 {
			k++
		}
		kids := c.Alloc(k)
		for i := 0; i < n; i++ {
			o := vs + i*s.Size
			kids[i] = c.Struct(s, o, o+s.Size)
		}
		if rest != 0 {
			o := vs + n*s.Size
			kids[n] = c.Struct(s, o, ve)
		}
		f.Children = kids
	}
}

// u32a, u8a, ... build common attribute descriptions tersely.
func u8a(t uint16, cname, desc string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindU8, Desc: desc}
}
func u32a(t uint16, cname, desc string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindU32, Desc: desc}
}
func u64a(t uint16, cname, desc string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindU64, Desc: desc}
}
func stra(t uint16, cname, desc string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindString, Desc: desc}
}
func bina(t uint16, cname, desc string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindBinary, Desc: desc}
}

// structa describes a struct-valued attribute; its label is the C name, which the
// tree shows for structs (their label otherwise).
func structa(t uint16, cname string, s *decode.Struct, desc string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Label: cname, Struct: s, Desc: desc}
}

// u32m, u8m, ... build struct members tersely.
func u8m(cname, desc string) decode.Member {
	return decode.Member{CName: cname, Kind: decode.KindU8, Desc: desc}
}
func u16m(cname, desc string) decode.Member {
	return decode.Member{CName: cname, Kind: decode.KindU16, Desc: desc}
}
func u32m(cname, desc string) decode.Member {
	return decode.Member{CName: cname, Kind: decode.KindU32, Desc: desc}
}
func u64m(cname, desc string) decode.Member {
	return decode.Member{CName: cname, Kind: decode.KindU64, Desc: desc}
}
func unitm(m decode.Member, unit string) decode.Member { m.Unit = unit; return m }
func hexm(m decode.Member) decode.Member               { m.Display = decode.DisplayHex; return m }
func padm(n int) decode.Member                         { return decode.Member{Kind: decode.KindPad, Size: n} }
