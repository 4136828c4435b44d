package sockdiag

import (
	"strings"
	"testing"

	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

const dumpReq = unix.NLM_F_REQUEST | unix.NLM_F_DUMP

var (
	lo4   = []byte{127, 0, 0, 1}
	peer4 = []byte{192, 0, 2, 7}
	addr6 = []byte{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
)

// inetReqV2 builds struct inet_diag_req_v2.
func (w wire) inetReqV2(fam, proto, ext uint8, states uint32, id []byte) []byte {
	return cat([]byte{fam, proto, ext, 0}, w.U32(states), id)
}

// inetDiagMsg builds struct inet_diag_msg.
func (w wire) inetDiagMsg(fam, state uint8, id []byte, expires, rq, wq, uid, ino uint32) []byte {
	return cat([]byte{fam, state, 0, 0}, id, w.U32(expires), w.U32(rq), w.U32(wq), w.U32(uid), w.U32(ino))
}

// tcpInfo104 builds the first 104 bytes of struct tcp_info (a 3.x kernel's),
// with the members a summary shows set.
func (w wire) tcpInfo104(rtt, rttvar, cwnd uint32) []byte {
	wscale, byte7 := byte(0x97), byte(0x01) // snd_wscale 7, rcv_wscale 9; app_limited
	if w.BE {
		wscale, byte7 = 0x79, 0x80
	}
	b := cat([]byte{unix.BPF_TCP_ESTABLISHED, tcpCAOpen, 0, 0, 0, tcpiOptSack | tcpiOptWscale, wscale, byte7},
		w.U32(204000), w.U32(40000), w.U32(1448), w.U32(536), // rto ato snd_mss rcv_mss
		zeros(5*4),                                           // unacked .. fackets
		zeros(4*4),                                           // last_* times
		w.U32(1500), w.U32(64076), w.U32(rtt), w.U32(rttvar), // pmtu rcv_ssthresh rtt rttvar
		w.U32(0x7fffffff), w.U32(cwnd), w.U32(1448), w.U32(3), // snd_ssthresh snd_cwnd advmss reordering
		w.U32(0), w.U32(14480), w.U32(2)) // rcv_rtt rcv_space total_retrans
	return b
}

// negErrno is the int32 error of NLMSG_ERROR, -errno, as its u32 bits.
func negErrno(e unix.Errno) uint32 { return uint32(-int32(e)) }

type msgCase struct {
	name      string
	frames    func(w wire) [][]byte // decoded in order by one decoder; the last frame's first message is checked
	summary   string
	fields    map[string]string
	fieldsBE  map[string]string // values that differ in a big-endian frame (bit fields)
	op        decode.Op
	malformed bool
	note      string // a note some field must carry
}

func cases() []msgCase {
	return []msgCase{
		{
			name: "inet6 request with bytecode and INET_DIAG_REQ_PROTOCOL",
			frames: func(w wire) [][]byte {
				bc := cat(
					[]byte{bcDCond, 28}, w.U16(32), // D_COND, yes 28, no 32
					[]byte{unix.AF_INET6, 64, 0, 0}, w.U32(uint32(0xffffffff)), addr6[:16], // hostcond 2001:db8::1/64 any port
					[]byte{bcSGe, 8}, w.U16(12), // S_GE, yes 8, no 12
					[]byte{0, 0}, w.U16(1024), // port in the second op's no
				)
				return [][]byte{w.msg(unix.SOCK_DIAG_BY_FAMILY, dumpReq, 5,
					w.inetReqV2(unix.AF_INET6, unix.IPPROTO_TCP, 1<<(inetDiagInfo-1)|1<<(inetDiagCong-1), 1<<unix.BPF_TCP_LISTEN|1<<unix.BPF_TCP_ESTABLISHED,
						w.sockid(0, 0, nil, nil, 0, 0xffffffffffffffff)),
					w.Attr(inetDiagReqBytecode, bc),
					w.Attr(inetDiagReqProtocol, w.U32(unix.IPPROTO_MPTCP)))}
			},
			summary: "inet6 mptcp states ESTAB,LISTEN ext info,cong filter D_COND 2001:db8::1/64 S_GE 1024 protocol mptcp",
			op:      decode.OpGet,
			fields: map[string]string{
				"sdiag.family": "AF_INET6 (10)", "sdiag.protocol": "IPPROTO_TCP (6)",
				"idiag.states": "0x00000402 (ESTABLISHED|LISTEN)", "idiag.ext": "0x0a (INFO|CONG)",
				"idiag.src": "::", "idiag.cookie0": "0xffffffff", "idiag.cookie1": "0xffffffff",
				"inet_diag.bc.prefix_len": "64", "inet_diag.bc.addr": "2001:db8::1", "inet_diag.bc.no": "32 bytes",
				"inet_diag.req.protocol": "IPPROTO_MPTCP (262)",
			},
		},
		{
			name: "tcp reply after its request: tcp_info of an old kernel, TOS, ULP, BBR, sockopt",
			frames: func(w wire) [][]byte {
				req := w.msg(unix.SOCK_DIAG_BY_FAMILY, dumpReq, 9, w.inetReqV2(unix.AF_INET, unix.IPPROTO_TCP, 0xff, 0xfff, w.sockid(0, 0, nil, nil, 0, 0)))
				sockopt := []byte{0x01 | 0x04, 0x01} // recverr|freebind, bind_address_no_port
				if w.BE {
					sockopt = []byte{0x80 | 0x20, 0x80}
				}
				rep := w.msg(unix.SOCK_DIAG_BY_FAMILY, unix.NLM_F_MULTI, 9,
					w.inetDiagMsg(unix.AF_INET, unix.BPF_TCP_ESTABLISHED, w.sockid(22, 50000, lo4, peer4, 0, 0x100000002), 0, 0, 36, 1000, 4242),
					w.Attr(inetDiagMeminfo, w.U32(1), w.U32(2), w.U32(3), w.U32(4)),
					w.Attr(inetDiagInfo, w.tcpInfo104(25500, 12750, 10)),
					w.Attr(inetDiagCong, []byte("bbr\x00")),
					w.Attr(inetDiagTOS, []byte{0x10}),
					w.Attr(inetDiagShutdown, []byte{sendShutdown}),
					w.Attr(inetDiagPad),
					w.Attr(inetDiagBbrinfo, w.U32(125000), w.U32(0), w.U32(20000), w.U32(739), w.U32(512)),
					w.Nest(inetDiagULPInfo, w.Attr(inetULPInfoName, []byte("tls\x00")),
						w.Nest(inetULPInfoTLS, w.Attr(tlsInfoVersion, w.U16(0x0304)), w.Attr(tlsInfoTxconf, w.U16(tlsConfSW)), w.Attr(tlsInfoZcRoTx))),
					w.Attr(inetDiagClassID, w.U32(0x10001)),
					w.Attr(inetDiagCgroupID, w.U64(1234)),
					w.Attr(inetDiagSockopt, sockopt),
				)
				return [][]byte{req, rep}
			},
			summary: "tcp ESTAB 127.0.0.1:22 -> 192.0.2.7:50000 ino 4242 uid 1000 wq 36 rtt 25.5/12.75 cwnd 10 bbr",
			fields: map[string]string{
				"idiag.state": "TCP_ESTABLISHED (1)", "idiag.sport": "22", "idiag.dport": "50000", "idiag.dst": "192.0.2.7",
				"idiag.cookie0": "0x00000002", "idiag.cookie1": "0x00000001", "inet_diag.meminfo.tmem": "4 bytes",
				"tcpi.rto": "204000 us", "tcpi.snd_cwnd": "10 segments", "tcpi.total_retrans": "2 segments",
				"tcpi.options": "0x06 (SACK|WSCALE)", "tcpi.app_limited": "0x01 (delivery_rate_app_limited)",
				"tcpi.snd_wscale": "7", "tcpi.rcv_wscale": "9", "tcpi.delivery_rate_app_limited": "1", "tcpi.fastopen_client_fail": "0",
				"inet_diag.tos": "0x10", "inet_diag.shutdown": "0x02 (SEND_SHUTDOWN)", "bbr.bw_lo": "125000 bytes/s",
				"inet_diag.ulp_info.name": "tls", "inet_diag.ulp_info.tls.version": "TLS_1_3_VERSION (0x0304)",
				"inet_diag.ulp_info.tls.txconf": "TLS_CONF_SW (2)", "inet_diag.ulp_info.tls.zc_ro_tx": "true",
				"inet_diag.cgroup_id": "1234", "inet_diag.class_id": "0x00010001",
				"inet_diag.sockopt.flags1": "0x05 (recverr|freebind)", "inet_diag.sockopt.flags2": "0x01 (bind_address_no_port)",
				"inet_diag.sockopt.recverr": "1", "inet_diag.sockopt.is_icsk": "0", "inet_diag.sockopt.freebind": "1",
				"inet_diag.sockopt.bind_address_no_port": "1", "inet_diag.sockopt.defer_connect": "0",
			},
			// C bit fields start at the high bit on big-endian hosts.
			fieldsBE: map[string]string{
				"tcpi.app_limited":         "0x80 (delivery_rate_app_limited)",
				"inet_diag.sockopt.flags1": "0xa0 (freebind|recverr)", "inet_diag.sockopt.flags2": "0x80 (bind_address_no_port)",
			},
		},
		{
			name: "mptcp reply: the protocol from INET_DIAG_REQ_PROTOCOL, mptcp_info kept raw",
			frames: func(w wire) [][]byte {
				req := w.msg(unix.SOCK_DIAG_BY_FAMILY, dumpReq, 8, w.inetReqV2(unix.AF_INET, unix.IPPROTO_MPTCP&0xff, 1<<(inetDiagInfo-1), 0xfff, w.sockid(0, 0, nil, nil, 0, 0)),
					w.Attr(inetDiagReqProtocol, w.U32(unix.IPPROTO_MPTCP)))
				rep := w.msg(unix.SOCK_DIAG_BY_FAMILY, unix.NLM_F_MULTI, 8,
					w.inetDiagMsg(unix.AF_INET, unix.BPF_TCP_ESTABLISHED, w.sockid(80, 40000, lo4, lo4, 0, 0), 0, 0, 0, 0, 3),
					w.Attr(inetDiagInfo, zeros(24)))
				return [][]byte{req, rep}
			},
			summary: "mptcp ESTAB 127.0.0.1:80 -> 127.0.0.1:40000 ino 3 uid 0",
			fields:  map[string]string{"inet_diag.info": "000000000000000000000000000000000000000000000000"},
		},
		{
			name: "udp6 reply: INET_DIAG_INFO absent, protocol from the request",
			frames: func(w wire) [][]byte {
				req := w.msg(unix.SOCK_DIAG_BY_FAMILY, dumpReq, 3, w.inetReqV2(unix.AF_INET6, unix.IPPROTO_UDP, 0, 0xfff, w.sockid(0, 0, nil, nil, 0, 0)))
				rep := w.msg(unix.SOCK_DIAG_BY_FAMILY, unix.NLM_F_MULTI, 3,
					w.inetDiagMsg(unix.AF_INET6, unix.BPF_TCP_CLOSE, w.sockid(53, 0, addr6, nil, 3, 9), 0, 0, 0, 101, 99),
					w.Attr(inetDiagSkv6only, []byte{1}),
					w.Attr(inetDiagSkmeminfo, w.U32(0), w.U32(212992), w.U32(0), w.U32(212992), w.U32(0), w.U32(0), w.U32(0), w.U32(0), w.U32(5)))
				return [][]byte{req, rep}
			},
			summary: "udp UNCONN [2001:db8::1]:53 -> [::]:* ino 99 uid 101",
			fields: map[string]string{
				"idiag.src": "2001:db8::1", "idiag.if": "3", "inet_diag.skv6only": "1",
				"sk_meminfo.rcvbuf": "212992 bytes", "sk_meminfo.drops": "5",
			},
		},
		{
			name: "sctp reply with local and peer addresses",
			frames: func(w wire) [][]byte {
				req := w.msg(unix.SOCK_DIAG_BY_FAMILY, dumpReq, 6, w.inetReqV2(unix.AF_INET6, unix.IPPROTO_SCTP, 0, 0xfff, w.sockid(0, 0, nil, nil, 0, 0)))
				sin := cat(w.U16(unix.AF_INET), be16(2905), lo4, zeros(120))
				sin6 := cat(w.U16(unix.AF_INET6), be16(2905), zeros(4), addr6, w.U32(0), zeros(100))
				rep := w.msg(unix.SOCK_DIAG_BY_FAMILY, unix.NLM_F_MULTI, 6,
					w.inetDiagMsg(unix.AF_INET6, unix.BPF_TCP_ESTABLISHED, w.sockid(2905, 2905, addr6, addr6, 0, 0), 0, 0, 0, 0, 12),
					w.Attr(inetDiagLocals, sin, sin6),
					w.Attr(inetDiagPeers, sin6),
					w.Attr(inetDiagInfo, zeros(16))) // struct sctp_info, kept raw
				return [][]byte{req, rep}
			},
			summary: "sctp ESTAB [2001:db8::1]:2905 -> [2001:db8::1]:2905 ino 12 uid 0",
			fields:  map[string]string{"sockaddr.port": "2905", "sockaddr.addr": "127.0.0.1", "inet_diag.info": "00000000000000000000000000000000"},
		},
		{
			name: "BPF socket storage asked for and reported",
			frames: func(w wire) [][]byte {
				req := w.msg(unix.SOCK_DIAG_BY_FAMILY, dumpReq, 11, w.inetReqV2(unix.AF_INET, unix.IPPROTO_TCP, 0, 0xfff, w.sockid(0, 0, nil, nil, 0, 0)),
					w.Nest(inetDiagReqSkBPFStorages, w.Attr(unix.SK_DIAG_BPF_STORAGE_REQ_MAP_FD, w.U32(5))))
				rep := w.msg(unix.SOCK_DIAG_BY_FAMILY, unix.NLM_F_MULTI, 11,
					w.inetDiagMsg(unix.AF_INET, unix.BPF_TCP_LISTEN, w.sockid(443, 0, nil, nil, 0, 0), 0, 0, 0, 0, 8),
					w.Nest(inetDiagSkBPFStorages, w.Nest(unix.SK_DIAG_BPF_STORAGE,
						w.Attr(unix.SK_DIAG_BPF_STORAGE_MAP_ID, w.U32(17)),
						w.Attr(unix.SK_DIAG_BPF_STORAGE_PAD),
						w.Attr(unix.SK_DIAG_BPF_STORAGE_MAP_VALUE, w.U64(0xabcdef)))))
				return [][]byte{req, rep}
			},
			summary: "tcp LISTEN 0.0.0.0:443 -> 0.0.0.0:* ino 8 uid 0",
			fields:  map[string]string{"inet_diag.bpf_storage.map_id": "17"},
		},
		{
			name: "legacy TCPDIAG_GETSOCK request and reply",
			frames: func(w wire) [][]byte {
				req := w.msg(tcpdiagGetsock, dumpReq, 4, cat([]byte{unix.AF_INET, 0, 0, 1 << (inetDiagMeminfo - 1)},
					w.sockid(0, 80, nil, nil, 0, 0), w.U32(1<<unix.BPF_TCP_LISTEN), w.U32(0)))
				rep := w.msg(tcpdiagGetsock, unix.NLM_F_MULTI, 4,
					w.inetDiagMsg(unix.AF_INET, unix.BPF_TCP_LISTEN, w.sockid(80, 0, nil, nil, 0, 1), 0, 0, 128, 0, 5))
				return [][]byte{req, rep}
			},
			summary: "tcp LISTEN 0.0.0.0:80 -> 0.0.0.0:* ino 5 uid 0 wq 128",
			fields:  map[string]string{"idiag.state": "TCP_LISTEN (10)", "idiag.inode": "5"},
		},
		{
			name: "legacy DCCPDIAG_GETSOCK request",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(dccpdiagGetsock, dumpReq, 4, cat([]byte{unix.AF_INET, 0, 0, 0},
					w.sockid(0, 80, nil, nil, 0, 0), w.U32(1<<unix.BPF_TCP_LISTEN), w.U32(0)))}
			},
			summary: "inet dccp states LISTEN dport 80",
			op:      decode.OpGet,
			fields:  map[string]string{"idiag.dport": "80", "idiag.dbs": "0", "idiag.src_len": "0"},
		},
		{
			name: "SOCK_DESTROY request",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.SOCK_DESTROY, unix.NLM_F_REQUEST|unix.NLM_F_ACK, 7,
					w.inetReqV2(unix.AF_INET, unix.IPPROTO_TCP, 0, 0xfff, w.sockid(22, 50000, lo4, peer4, 0, 0x2a)))}
			},
			summary: "inet tcp states all sport 22 dport 50000 src 127.0.0.1 dst 192.0.2.7",
			op:      decode.OpDel,
			fields:  map[string]string{"nlmsg.type": "SOCK_DESTROY (21)", "idiag.cookie0": "0x0000002a"},
		},
		{
			name: "destroy notification carrying INET_DIAG_PROTOCOL, no request seen",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.SOCK_DIAG_BY_FAMILY, 0, 0,
					w.inetDiagMsg(unix.AF_INET6, unix.BPF_TCP_CLOSE, w.sockid(5353, 0, nil, nil, 0, 8), 0, 0, 0, 0, 0),
					w.Attr(inetDiagShutdown, []byte{rcvShutdown | sendShutdown}),
					w.Attr(inetDiagProtocol, []byte{unix.IPPROTO_UDP}))}
			},
			summary: "udp UNCONN [::]:5353 -> [::]:* ino 0 uid 0",
			fields:  map[string]string{"inet_diag.protocol": "IPPROTO_UDP (17)", "inet_diag.shutdown": "0x03 (RCV_SHUTDOWN|SEND_SHUTDOWN)"},
		},
		{
			name: "request echoed in NLMSG_ERROR",
			frames: func(w wire) [][]byte {
				req := w.msg(unix.SOCK_DESTROY, unix.NLM_F_REQUEST|unix.NLM_F_ACK, 7,
					w.inetReqV2(unix.AF_INET, unix.IPPROTO_TCP, 0, 0xfff, w.sockid(22, 50000, lo4, peer4, 0, 0x2a)))
				return [][]byte{w.msg(unix.NLMSG_ERROR, 0, 7, w.U32(negErrno(unix.EOPNOTSUPP)), req)}
			},
			fields: map[string]string{"idiag.sport": "22", "idiag.dst": "192.0.2.7", "sdiag.protocol": "IPPROTO_TCP (6)"},
		},
		{
			name: "unix request",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.SOCK_DIAG_BY_FAMILY, dumpReq, 1, []byte{unix.AF_UNIX, 0, 0, 0},
					w.U32(1<<unix.BPF_TCP_LISTEN), w.U32(0), w.U32(udiagShowName|udiagShowVFS|udiagShowIcons|udiagShowUID), w.U32(0xffffffff), w.U32(0xffffffff))}
			},
			summary: "unix states LISTEN show name,vfs,icons,uid",
			op:      decode.OpGet,
			fields:  map[string]string{"udiag.show": "0x0000004b (NAME|VFS|ICONS|UID)", "udiag.cookie1": "0xffffffff"},
		},
		{
			name: "unix listener with an abstract name and pending connections",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.SOCK_DIAG_BY_FAMILY, unix.NLM_F_MULTI, 1,
					[]byte{unix.AF_UNIX, unix.SOCK_STREAM, unix.BPF_TCP_LISTEN, 0}, w.U32(77), w.U32(3), w.U32(0),
					w.Attr(unixDiagName, []byte("\x00foo")),
					w.Attr(unixDiagVFS, w.U32(12), w.U32(0x803)),
					w.Attr(unixDiagIcons, w.U32(78), w.U32(79)),
					w.Attr(unixDiagRqlen, w.U32(2), w.U32(128)),
					w.Attr(unixDiagMeminfo, w.U32(0), w.U32(212992), w.U32(0), w.U32(212992)), // a kernel with 4 counters
					w.Attr(unixDiagShutdown, []byte{0}),
					w.Attr(unixDiagUID, w.U32(1000)),
				)}
			},
			summary: "unix STREAM LISTEN @foo ino 77 rq 2 wq 128 uid 1000",
			fields: map[string]string{
				"unix_diag.name": "foo", "unix_diag.vfs.dev": "0x00000803", "unix_diag.icon.ino": "78",
				"sk_meminfo.sndbuf": "212992 bytes", "udiag.cookie0": "0x00000003",
			},
		},
		{
			name: "netlink reply with groups and flags",
			frames: func(w wire) [][]byte {
				groups := w.U64(1<<0 | 1<<2 | 1<<40) // groups 1, 3 and 41, one unsigned long
				return [][]byte{w.msg(unix.SOCK_DIAG_BY_FAMILY, unix.NLM_F_MULTI, 1,
					[]byte{unix.AF_NETLINK, unix.SOCK_RAW, unix.NETLINK_GENERIC, netlinkConnected},
					w.U32(4000), w.U32(0), w.U32(2), w.U32(555), w.U32(9), w.U32(0),
					w.Attr(netlinkDiagGroups, groups),
					w.Attr(netlinkDiagFlags, w.U32(ndiagFlagCapAck|ndiagFlagNoEnobufs)),
					w.Attr(netlinkDiagRxRing, w.U32(4096), w.U32(4), w.U32(2048), w.U32(8)),
				)}
			},
			summary: "netlink generic RAW pid 4000 dst group 2 ino 555 groups 1,3,41",
			fields: map[string]string{
				"ndiag.protocol": "NETLINK_GENERIC (16)", "ndiag.state": "NETLINK_CONNECTED (1)",
				"netlink_diag.flags": "0x00000028 (NO_ENOBUFS|CAP_ACK)", "ndr.frame_nr": "8", "netlink_diag.group": "1",
			},
		},
		{
			name: "netlink request for one protocol",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.SOCK_DIAG_BY_FAMILY, dumpReq, 1, []byte{unix.AF_NETLINK, unix.NETLINK_ROUTE, 0, 0},
					w.U32(0), w.U32(ndiagShowGroups|ndiagShowFlagsBit), w.U32(0), w.U32(0))}
			},
			summary: "netlink proto route show groups,flags",
			op:      decode.OpGet,
			fields:  map[string]string{"ndiag.req_protocol": "NETLINK_ROUTE (0)"},
		},
		{
			name: "packet reply with fanout, mclist and a tx ring",
			frames: func(w wire) [][]byte {
				mc := cat(w.U32(2), w.U32(1), w.U16(0), w.U16(6), []byte{1, 0, 0x5e, 0, 0, 1}, zeros(maxAddrLen-6))
				return [][]byte{w.msg(unix.SOCK_DIAG_BY_FAMILY, unix.NLM_F_MULTI, 1,
					[]byte{unix.AF_PACKET, unix.SOCK_RAW}, w.U16(unix.ETH_P_IPV6), w.U32(31), w.U32(4), w.U32(0),
					w.Attr(packetDiagInfo, w.U32(2), w.U32(unix.TPACKET_V3), w.U32(0), w.U32(0), w.U32(0), w.U32(pdiRunning)),
					w.Attr(packetDiagMclist, mc),
					w.Attr(packetDiagTxRing, w.U32(4096), w.U32(8), w.U32(2048), w.U32(16), w.U32(0), w.U32(0), w.U32(0)),
					w.Attr(packetDiagFanout, w.U32(7|unix.PACKET_FANOUT_LB<<16|(unix.PACKET_FANOUT_FLAG_DEFRAG>>8)<<24)),
					w.Attr(packetDiagUID, w.U32(0)),
				)}
			},
			summary: "packet RAW proto IPV6 ino 31 ifindex 2 v3 tx_ring 16x2048",
			fields: map[string]string{
				"pdiag.num": "ETH_P_IPV6 (0x86dd)", "pdmc.alen": "6", "pdmc.index": "2",
				"pdiag_fanout.id": "7", "pdiag_fanout.type": "PACKET_FANOUT_LB (1)", "pdiag_fanout.flags": "0x80",
				"pdi.flags": "0x00000001 (RUNNING)",
			},
		},
		{
			name: "request of a family without a decoder",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.SOCK_DIAG_BY_FAMILY, dumpReq, 1, []byte{unix.AF_TIPC, 0, 0, 0}, w.U32(0xffff), zeros(12))}
			},
			summary: "tipc",
			op:      decode.OpGet,
			fields:  map[string]string{"sdiag.family": "AF_TIPC (30)", "sdiag.protocol": "0"},
		},
		{
			name: "vsock request and reply",
			frames: func(w wire) [][]byte {
				req := w.msg(unix.SOCK_DIAG_BY_FAMILY, dumpReq, 1, []byte{unix.AF_VSOCK, 0, 0, 0}, w.U32(1<<unix.BPF_TCP_LISTEN), w.U32(0), w.U32(0), w.U32(0), w.U32(0))
				rep := w.msg(unix.SOCK_DIAG_BY_FAMILY, unix.NLM_F_MULTI, 1, []byte{unix.AF_VSOCK, unix.SOCK_STREAM, unix.BPF_TCP_LISTEN, 0},
					w.U32(0xffffffff), w.U32(1024), w.U32(0), w.U32(0), w.U32(66), w.U32(3), w.U32(0))
				return [][]byte{req, rep}
			},
			summary: "vsock STREAM LISTEN *:1024 -> 0:0 ino 66",
			fields:  map[string]string{"vdiag.src_port": "1024", "vdiag.ino": "66", "vdiag.cookie0": "0x00000003"},
		},
		{
			name: "vsock request",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.SOCK_DIAG_BY_FAMILY, dumpReq, 1, []byte{unix.AF_VSOCK, 0, 0, 0}, w.U32(1<<unix.BPF_TCP_LISTEN), w.U32(0), w.U32(0), w.U32(0), w.U32(0))}
			},
			summary: "vsock states LISTEN",
			op:      decode.OpGet,
			fields:  map[string]string{"vdiag.states": "0x00000400 (LISTEN)"},
		},
		{
			name: "xdp reply",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.SOCK_DIAG_BY_FAMILY, unix.NLM_F_MULTI, 1, []byte{unix.AF_XDP, unix.SOCK_RAW, 0, 0}, w.U32(90), w.U32(4), w.U32(0),
					w.Attr(xdpDiagInfo, w.U32(3), w.U32(1)),
					w.Attr(xdpDiagUID, w.U32(0)),
					w.Attr(xdpDiagRxRing, w.U32(2048)),
					w.Attr(xdpDiagUmem, w.U64(1<<22), w.U32(1), w.U32(1024), w.U32(4096), w.U32(0), w.U32(3), w.U32(1), w.U32(xdpDuFZerocopy), w.U32(1)),
					w.Attr(xdpDiagUmemFillRing, w.U32(2048)),
					w.Attr(xdpDiagStats, w.U64(1), w.U64(2), w.U64(3), w.U64(4), w.U64(5), w.U64(6)))}
			},
			summary: "xdp RAW ino 90 ifindex 3 queue 1 umem 1",
			fields: map[string]string{"xdp_diag.umem.flags": "0x00000001 (ZEROCOPY)", "xdp_diag.stats.tx_ring_empty": "6",
				"xdp_diag.umem.size": "4194304 bytes", "xdp_diag.ring.entries": "2048"},
		},
		{
			name: "xdp request",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.SOCK_DIAG_BY_FAMILY, dumpReq, 1, []byte{unix.AF_XDP, 0, 0, 0}, w.U32(0), w.U32(xdpShowInfo|xdpShowUmem|xdpShowStats), w.U32(0), w.U32(0))}
			},
			summary: "xdp show info,umem,stats",
			op:      decode.OpGet,
		},
		{
			name: "inet reply cut inside struct inet_diag_msg",
			frames: func(w wire) [][]byte {
				full := w.inetDiagMsg(unix.AF_INET, 1, w.sockid(1, 2, lo4, lo4, 0, 0), 0, 0, 0, 0, 0)
				return [][]byte{w.msg(unix.SOCK_DIAG_BY_FAMILY, unix.NLM_F_MULTI, 1, full[:30])}
			},
			malformed: true,
			note:      "struct inet_diag_msg needs 72 bytes",
			fields:    map[string]string{"idiag.sport": "1", "idiag.dport": "2"},
		},
		{
			name: "inet attributes shorter than their structs",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.SOCK_DIAG_BY_FAMILY, unix.NLM_F_MULTI, 1,
					w.inetDiagMsg(unix.AF_INET, 1, w.sockid(1, 2, lo4, lo4, 0, 0), 0, 0, 0, 0, 0),
					w.Attr(inetDiagMeminfo, w.U32(1), w.U32(2)),
					w.Attr(inetDiagSockopt, []byte{1}),
					w.Attr(inetDiagInfo, []byte{1, 0, 0, 0, 0, 0, 0, 0, 1, 2}), // cut inside tcpi_rto
				)}
			},
			malformed: true,
			note:      "struct inet_diag_meminfo needs 16 bytes",
			fields:    map[string]string{"inet_diag.meminfo.wmem": "2 bytes", "tcpi.state": "TCP_ESTABLISHED (1)"},
		},
		{
			name: "bytecode op whose yes is below 4",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.SOCK_DIAG_BY_FAMILY, dumpReq, 1,
					w.inetReqV2(unix.AF_INET, unix.IPPROTO_TCP, 0, 0xfff, w.sockid(0, 0, nil, nil, 0, 0)),
					w.Attr(inetDiagReqBytecode, []byte{bcJmp, 0}, w.U16(4), []byte{bcNop, 4}, w.U16(8)))}
			},
			malformed: true,
			note:      "yes 0 is below the op's 4 bytes",
		},
		{
			name: "unix request with bytes after the struct",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.SOCK_DIAG_BY_FAMILY, dumpReq, 1, []byte{unix.AF_UNIX, 0, 0, 0}, zeros(20), w.U32(0xdeadbeef))}
			},
			malformed: true,
			note:      "this message carries no attributes",
		},
	}
}

// TestMessages decodes each case in both byte orders and checks the summary, the
// named fields, the notes and that nothing is unknown.
func TestMessages(t *testing.T) {
	for _, c := range cases() {
		for _, o := range orders {
			t.Run(c.name+"/"+o.name, func(t *testing.T) {
				msgs := decodeFrames(t, o.w.BE, c.frames(o.w)...)
				if len(msgs) == 0 {
					t.Fatal("no message")
				}
				m := &msgs[0]
				if got := m.Summary(); c.summary != "" && got != c.summary {
					t.Errorf("summary\n got %q\nwant %q", got, c.summary)
				}
				if m.Error == nil && m.Summary() != summary(m) {
					t.Errorf("Proto.Summary %q differs from summary %q", m.Summary(), summary(m))
				}
				if c.op != decode.OpOther && m.Op != c.op {
					t.Errorf("op %v, want %v", m.Op, c.op)
				}
				for name, want := range c.fields {
					if v, ok := c.fieldsBE[name]; ok && o.w.BE {
						want = v
					}
					f := m.Field(name)
					if f == nil {
						t.Errorf("no field %s\n%s", name, tree(m))
						continue
					}
					if got := f.ValueString(); got != want {
						t.Errorf("%s = %q, want %q", name, got, want)
					}
				}
				if m.Malformed != c.malformed {
					t.Errorf("malformed %v, want %v\n%s", m.Malformed, c.malformed, tree(m))
				}
				noted := false
				m.Root.Walk(func(f *decode.Field, _ int) bool {
					if f.Unknown {
						t.Errorf("unknown attribute type %d at offset %d", f.Type, f.Offset)
					}
					if strings.HasPrefix(f.Note, "decoder error") {
						t.Errorf("decoder panicked: %s", f.Note)
					}
					if c.note != "" && strings.Contains(f.Note, c.note) {
						noted = true
					}
					return true
				})
				if c.note != "" && !noted {
					t.Errorf("no note containing %q\n%s", c.note, tree(m))
				}
			})
		}
	}
}

// TestNetlinkGroups checks the group children of NETLINK_DIAG_GROUPS in both byte
// orders: one unsigned long (8 bytes) holding groups 1, 3 and 41, and two 32-bit
// longs holding groups 2 and 33.
func TestNetlinkGroups(t *testing.T) {
	for _, o := range orders {
		w := o.w
		for _, c := range []struct {
			bitmap []byte
			want   string
		}{
			{w.U64(1<<0 | 1<<2 | 1<<40), "1,3,41"},
			{cat(w.U32(1<<1), w.U32(1<<0), w.U32(0)), "2,33"}, // 12 bytes: 32-bit longs
		} {
			msgs := decodeFrames(t, w.BE, w.msg(unix.SOCK_DIAG_BY_FAMILY, unix.NLM_F_MULTI, 1,
				[]byte{unix.AF_NETLINK, unix.SOCK_RAW, unix.NETLINK_ROUTE, 0}, zeros(24),
				w.Attr(netlinkDiagGroups, c.bitmap)))
			g := msgs[0].Field("netlink_diag.groups")
			var got []string
			for _, k := range g.Children {
				got = append(got, k.ValueString())
				if k.Length != 1 || k.Bytes[0] == 0 {
					t.Errorf("%s: group %s points at byte %x", o.name, k.ValueString(), k.Bytes)
				}
			}
			if strings.Join(got, ",") != c.want {
				t.Errorf("%s: groups %v, want %s", o.name, got, c.want)
			}
			if s := msgs[0].Summary(); !strings.HasSuffix(s, "groups "+c.want) {
				t.Errorf("%s: summary %q", o.name, s)
			}
		}
	}
}

// TestTCPInfoFull decodes a whole 280-byte struct tcp_info (a 6.18 kernel's) in
// both byte orders: the last members and the ECN bit fields of its last word.
func TestTCPInfoFull(t *testing.T) {
	for _, o := range orders {
		w := o.w
		word := uint32(2 | 1<<2 | 5<<4) // ecn_mode 2 (AccECN), accecn_opt_seen 1, accecn_fail_mode 5
		if w.BE {
			word = 2<<30 | 1<<28 | 5<<24
		}
		ti := cat(w.tcpInfo104(1000, 500, 20), zeros(232-104), w.U32(65535), w.U32(7), w.U16(3), w.U16(1), w.U32(250), w.U32(4),
			zeros(6*4), w.U32(word))
		if len(ti) != tcpInfoSize {
			t.Fatalf("built %d bytes", len(ti))
		}
		req := w.msg(unix.SOCK_DIAG_BY_FAMILY, dumpReq, 2, w.inetReqV2(unix.AF_INET, unix.IPPROTO_TCP, 2, 0xfff, w.sockid(0, 0, nil, nil, 0, 0)))
		rep := w.msg(unix.SOCK_DIAG_BY_FAMILY, unix.NLM_F_MULTI, 2,
			w.inetDiagMsg(unix.AF_INET, 1, w.sockid(1, 2, lo4, lo4, 0, 0), 0, 0, 0, 0, 0), w.Attr(inetDiagInfo, ti))
		m := &decodeFrames(t, w.BE, req, rep)[0]
		for name, want := range map[string]string{
			"tcpi.rcv_wnd": "65535 bytes", "tcpi.rehash": "7", "tcpi.total_rto": "3", "tcpi.total_rto_recoveries": "1",
			"tcpi.total_rto_time": "250 ms", "tcpi.received_ce": "4 segments",
			"tcpi.ecn_mode": "2", "tcpi.accecn_opt_seen": "1", "tcpi.accecn_fail_mode": "5", "tcpi.options2": "0",
		} {
			if f := m.Field(name); f == nil || f.ValueString() != want {
				t.Errorf("%s: %s = %v, want %s\n%s", o.name, name, f, want, tree(m))
			}
		}
		if m.Malformed || m.Field("tcpi.extra") != nil {
			t.Errorf("%s: malformed or extra bytes\n%s", o.name, tree(m))
		}
	}
}
