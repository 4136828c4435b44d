package sockdiag

// inet_diag (include/uapi/linux/inet_diag.h): TCP, UDP, DCCP, SCTP, raw and MPTCP
// sockets of AF_INET and AF_INET6. Every inet message holds a struct
// inet_diag_sockid, all of it in network byte order except idiag_if and the cookie:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|        idiag_sport (be)       |        idiag_dport (be)       |
//	+---------------+---------------+---------------+---------------+
//	|   idiag_src[4]: IPv4 in the first word, IPv6 in all four      |
//	+---------------+---------------+---------------+---------------+
//	|   idiag_dst[4]                                                |
//	+---------------+---------------+---------------+---------------+
//	|                           idiag_if                            |
//	+---------------+---------------+---------------+---------------+
//	|                idiag_cookie[0], idiag_cookie[1]               |
//	+---------------+---------------+---------------+---------------+
//
// A SOCK_DIAG_BY_FAMILY request is struct inet_diag_req_v2, a reply struct
// inet_diag_msg followed by INET_DIAG_* attributes:
//
//	inet_diag_req_v2:                       inet_diag_msg:
//	+------+--------+-----+-------+         +------+-------+-------+---------+
//	|family|protocol| ext |  pad  |         |family| state | timer | retrans |
//	+------+--------+-----+-------+         +------+-------+-------+---------+
//	|        idiag_states         |         |     inet_diag_sockid (48)      |
//	+-----------------------------+         +--------------------------------+
//	|   inet_diag_sockid (48)     |         | expires, rqueue, wqueue, uid,  |
//	+-----------------------------+         | inode (u32 each)               |
//	| INET_DIAG_REQ_* attributes  |         +--------------------------------+
//	                                        | INET_DIAG_* attributes         |
//
// The legacy TCPDIAG_GETSOCK and DCCPDIAG_GETSOCK requests are struct
// inet_diag_req (family, src_len, dst_len, ext, sockid, states, dbs).

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// sockidMembers returns the members of struct inet_diag_sockid: an IPv4 family
// shows the first address word as the address and the other three as padding.
func sockidMembers(v4 bool) []decode.Member {
	addr := func(cname, name, desc string) []decode.Member {
		if v4 {
			return []decode.Member{
				{CName: cname, Name: name, Kind: decode.KindAddr, Size: 4, Desc: desc},
				padm(12),
			}
		}
		return []decode.Member{{CName: cname, Name: name, Kind: decode.KindAddr, Size: 16, Desc: desc}}
	}
	m := []decode.Member{
		{CName: "idiag_sport", Name: "idiag.sport", Kind: decode.KindU16, BigEndian: true, Desc: "Source (local) port."},
		{CName: "idiag_dport", Name: "idiag.dport", Kind: decode.KindU16, BigEndian: true, Desc: "Destination (peer) port."},
	}
	m = append(m, addr("idiag_src", "idiag.src", "Source (local) address.")...)
	m = append(m, addr("idiag_dst", "idiag.dst", "Destination (peer) address.")...)
	m = append(m,
		decode.Member{CName: "idiag_if", Name: "idiag.if", Kind: decode.KindU32, Desc: "Interface index the socket is bound to (0: any)."},
		decode.Member{CName: "idiag_cookie[0]", Name: "idiag.cookie0", Kind: decode.KindU32, Display: decode.DisplayHex,
			Desc: "Socket cookie, low 32 bits (0xffffffff in both words of a request: no cookie, INET_DIAG_NOCOOKIE)."},
		decode.Member{CName: "idiag_cookie[1]", Name: "idiag.cookie1", Kind: decode.KindU32, Display: decode.DisplayHex,
			Desc: "Socket cookie, high 32 bits."},
	)
	return m
}

// idiagExtFlags names the idiag_ext bits: 1 << (INET_DIAG_x - 1) asks for the
// INET_DIAG_x attribute (only the first eight fit; DCTCPINFO and BBRINFO come
// with VEGASINFO, CLASS_ID with TCLASS).
var idiagExtFlags = decode.NewFlagSet("idiag_ext", "INET_DIAG_", map[uint64]string{
	1 << (inetDiagMeminfo - 1): "INET_DIAG_MEMINFO", 1 << (inetDiagInfo - 1): "INET_DIAG_INFO",
	1 << (inetDiagVegasinfo - 1): "INET_DIAG_VEGASINFO", 1 << (inetDiagCong - 1): "INET_DIAG_CONG",
	1 << (inetDiagTOS - 1): "INET_DIAG_TOS", 1 << (inetDiagTclass - 1): "INET_DIAG_TCLASS",
	1 << (inetDiagSkmeminfo - 1): "INET_DIAG_SKMEMINFO", 1 << (inetDiagShutdown - 1): "INET_DIAG_SHUTDOWN",
})

var timerEnum = decode.NewEnum("idiag_timer", "", map[uint64]string{
	timerOff: "off", timerOn: "on", timerKeepalive: "keepalive", timerTimewait: "timewait", timerProbe: "persist",
})

// reqV2 returns struct inet_diag_req_v2 for an IPv4 or IPv6 family.
func reqV2(v4 bool) *decode.Struct {
	m := []decode.Member{
		{CName: "sdiag_family", Name: "sdiag.family", Kind: decode.KindU8, Enum: familyEnum, Desc: "Address family of the sockets asked for."},
		{CName: "sdiag_protocol", Name: "sdiag.protocol", Kind: decode.KindU8, Enum: ipprotoEnum, Desc: "IP protocol of the sockets asked for (IPPROTO_*)."},
		{CName: "idiag_ext", Name: "idiag.ext", Kind: decode.KindU8, Flags: idiagExtFlags, Desc: "Extensions asked for: bit n-1 asks for attribute INET_DIAG_* n."},
		{CName: "sdiag_raw_protocol", Name: "idiag.raw_protocol", Kind: decode.KindU8,
			Desc: "pad in inet_diag_req_v2; for IPPROTO_RAW requests the raw socket's protocol (struct inet_diag_req_raw)."},
		{CName: "idiag_states", Name: "idiag.states", Kind: decode.KindU32, Flags: tcpStatesFlags, Desc: "States to dump: bit 1<<state per TCP_* state."},
	}
	return decode.NewStruct("inet_diag_req_v2", "idiag", append(m, sockidMembers(v4)...)...)
}

// reqLegacy returns struct inet_diag_req (TCPDIAG_GETSOCK, DCCPDIAG_GETSOCK).
func reqLegacy(v4 bool) *decode.Struct {
	m := []decode.Member{
		{CName: "idiag_family", Name: "sdiag.family", Kind: decode.KindU8, Enum: familyEnum, Desc: "Address family of the sockets asked for."},
		u8m("idiag_src_len", "Source prefix length (unused)."),
		u8m("idiag_dst_len", "Destination prefix length (unused)."),
		{CName: "idiag_ext", Name: "idiag.ext", Kind: decode.KindU8, Flags: idiagExtFlags, Desc: "Extensions asked for: bit n-1 asks for attribute INET_DIAG_* n."},
	}
	m = append(m, sockidMembers(v4)...)
	m = append(m,
		decode.Member{CName: "idiag_states", Name: "idiag.states", Kind: decode.KindU32, Flags: tcpStatesFlags, Desc: "States to dump: bit 1<<state per TCP_* state."},
		decode.Member{CName: "idiag_dbs", Name: "idiag.dbs", Kind: decode.KindU32, Desc: "Tables to dump (not implemented by the kernel)."},
	)
	return decode.NewStruct("inet_diag_req", "idiag", m...)
}

// inetMsg returns struct inet_diag_msg for an IPv4 or IPv6 family.
func inetMsg(v4 bool) *decode.Struct {
	m := []decode.Member{
		{CName: "idiag_family", Kind: decode.KindU8, Enum: familyEnum, Desc: "Address family."},
		{CName: "idiag_state", Kind: decode.KindU8, Enum: tcpStateEnum, Desc: "Socket state (TCP_*; UDP sockets are ESTABLISHED when connected, else CLOSE)."},
		{CName: "idiag_timer", Kind: decode.KindU8, Enum: timerEnum, Desc: "Pending timer: 0 none, 1 retransmit, 2 keepalive, 3 TIME_WAIT, 4 zero window probe."},
		u8m("idiag_retrans", "Retransmissions (or keepalive probes) of the pending timer."),
	}
	m = append(m, sockidMembers(v4)...)
	m = append(m,
		unitm(u32m("idiag_expires", "Time until the pending timer fires."), "ms"),
		u32m("idiag_rqueue", "Receive queue: bytes not read (a listener: connections waiting to be accepted; UDP: bytes queued)."),
		u32m("idiag_wqueue", "Send queue: bytes not acknowledged (a listener: the accept backlog limit)."),
		u32m("idiag_uid", "Owner's user id."),
		u32m("idiag_inode", "Socket inode number (0: no file, e.g. TIME_WAIT)."),
	)
	return decode.NewStruct("inet_diag_msg", "idiag", m...)
}

var (
	inetReq4, inetReq6       = reqV2(true), reqV2(false)
	inetLegacy4, inetLegacy6 = reqLegacy(true), reqLegacy(false)
	inetMsg4, inetMsg6       = inetMsg(true), inetMsg(false)
)

// named sets a member's filter name.
func named(m decode.Member, name string) decode.Member { m.Name = name; return m }

var inetMeminfo = decode.NewStruct("inet_diag_meminfo", "inet_diag.meminfo",
	named(unitm(u32m("idiag_rmem", "Bytes in the receive queue."), "bytes"), "inet_diag.meminfo.rmem"),
	named(unitm(u32m("idiag_wmem", "Bytes sent and not acknowledged."), "bytes"), "inet_diag.meminfo.wmem"),
	named(unitm(u32m("idiag_fmem", "Memory allocated ahead (forward alloc)."), "bytes"), "inet_diag.meminfo.fmem"),
	named(unitm(u32m("idiag_tmem", "Bytes queued for sending."), "bytes"), "inet_diag.meminfo.tmem"),
)

var tcpVegasInfo = decode.NewStruct("tcpvegas_info", "tcpv",
	u32m("tcpv_enabled", "Vegas is on."),
	u32m("tcpv_rttcnt", "RTT samples in the last round."),
	unitm(u32m("tcpv_rtt", "Last RTT sample."), "us"),
	unitm(u32m("tcpv_minrtt", "Minimum RTT."), "us"),
)

var tcpDCTCPInfo = decode.NewStruct("tcp_dctcp_info", "dctcp",
	u16m("dctcp_enabled", "DCTCP is on."),
	u16m("dctcp_ce_state", "CE state of the last received segment."),
	u32m("dctcp_alpha", "Fraction of marked bytes, scaled by 1024."),
	unitm(u32m("dctcp_ab_ecn", "Bytes acknowledged with ECE."), "bytes"),
	unitm(u32m("dctcp_ab_tot", "Bytes acknowledged."), "bytes"),
)

var tcpBBRInfo = decode.NewStruct("tcp_bbr_info", "bbr",
	unitm(u32m("bbr_bw_lo", "Bandwidth estimate, low 32 bits."), "bytes/s"),
	unitm(u32m("bbr_bw_hi", "Bandwidth estimate, high 32 bits."), "bytes/s"),
	unitm(u32m("bbr_min_rtt", "Minimum RTT."), "us"),
	u32m("bbr_pacing_gain", "Pacing gain, shifted left 8 bits."),
	u32m("bbr_cwnd_gain", "Congestion window gain, shifted left 8 bits."),
)

// tcpDiagMD5sig is struct tcp_diag_md5sig (include/uapi/linux/tcp.h).
var tcpDiagMD5sig = decode.NewStruct("tcp_diag_md5sig", "tcpm",
	decode.Member{CName: "tcpm_family", Kind: decode.KindU8, Enum: familyEnum, Desc: "Address family of the key's peer."},
	u8m("tcpm_prefixlen", "Peer prefix length."),
	u16m("tcpm_keylen", "Key length."),
	decode.Member{CName: "tcpm_addr", Kind: decode.KindAddr, Size: 16, Desc: "Peer address (IPv4 in the first word)."},
	decode.Member{CName: "tcpm_key", Kind: decode.KindBinary, Size: tcpMD5SigMaxKeyLen, Desc: "The key."},
)

// The names of the sockopt bit fields (struct inet_diag_sockopt), for its flag
// tables in the two bit orders.
var (
	sockoptNames1 = []string{"recverr", "is_icsk", "freebind", "hdrincl", "mc_loop", "transparent", "mc_all", "nodefrag"}
	sockoptNames2 = []string{"bind_address_no_port", "recverr_rfc4884", "defer_connect"}
)

func bitFlags(name string, names []string, be bool) *decode.FlagSet {
	m := make(map[uint64]string, len(names))
	for i, n := range names {
		bit := uint64(1) << i
		if be {
			bit = 0x80 >> i
		}
		m[bit] = n
	}
	return decode.NewFlagSet(name, "", m)
}

func sockoptStruct(be bool) *decode.Struct {
	return decode.NewStruct("inet_diag_sockopt", "inet_diag.sockopt",
		decode.Member{CName: "recverr:1..nodefrag:1", Name: "inet_diag.sockopt.flags1", Label: "recverr..nodefrag", Kind: decode.KindU8,
			Flags: bitFlags("inet_diag_sockopt", sockoptNames1, be), Desc: "IP socket options: recverr, is_icsk, freebind, hdrincl, mc_loop, transparent, mc_all, nodefrag."},
		decode.Member{CName: "bind_address_no_port:1..unused:5", Name: "inet_diag.sockopt.flags2", Label: "bind_address_no_port..defer_connect", Kind: decode.KindU8,
			Flags: bitFlags("inet_diag_sockopt", sockoptNames2, be), Desc: "IP socket options: bind_address_no_port, recverr_rfc4884, defer_connect."},
	)
}

var sockoptLE, sockoptBE = sockoptStruct(false), sockoptStruct(true)

func decodeSockopt(c *decode.Context, f *decode.Field) {
	s := sockoptLE
	if c.BigEndian {
		s = sockoptBE
	}
	vs := f.Offset + 4
	var short bool
	f.Children, short = c.StructMembers(s, vs, vs+len(f.Bytes))
	if short {
		c.Note(f, "struct inet_diag_sockopt needs %d bytes, attribute at offset %d holds %d", s.Size, f.Offset, len(f.Bytes))
	}
	for i := range f.Children {
		switch k := &f.Children[i]; k.Def.Name {
		case "inet_diag.sockopt.flags1":
			setBitFields(c, k, 1, sockoptBits1)
		case "inet_diag.sockopt.flags2":
			setBitFields(c, k, 1, sockoptBits2)
		}
	}
}

// tlsVersionEnum names TLS_INFO_VERSION values (TLS_1_2_VERSION, ...).
var tlsVersionEnum = decode.NewEnum("tls_version", "", map[uint64]string{
	0x0303: "TLS_1_2_VERSION", 0x0304: "TLS_1_3_VERSION", // include/uapi/linux/tls.h
})

var tlsConfEnum = decode.NewEnum("tls_conf", "TLS_CONF_", map[uint64]string{
	tlsConfBase: "TLS_CONF_BASE", tlsConfSW: "TLS_CONF_SW", tlsConfHW: "TLS_CONF_HW", tlsConfHWRecord: "TLS_CONF_HW_RECORD",
})

var tlsInfoAttrs = decode.NewAttrSet("TLS_INFO", "inet_diag.ulp_info.tls",
	decode.Attr{Type: tlsInfoVersion, CName: "TLS_INFO_VERSION", Kind: decode.KindU16, Enum: tlsVersionEnum, Display: decode.DisplayHex, Desc: "TLS version."},
	decode.Attr{Type: tlsInfoCipher, CName: "TLS_INFO_CIPHER", Kind: decode.KindU16, Desc: "Cipher (TLS_CIPHER_*, e.g. 51 AES_GCM_128)."},
	decode.Attr{Type: tlsInfoTxconf, CName: "TLS_INFO_TXCONF", Kind: decode.KindU16, Enum: tlsConfEnum, Desc: "Transmit offload configuration."},
	decode.Attr{Type: tlsInfoRxconf, CName: "TLS_INFO_RXCONF", Kind: decode.KindU16, Enum: tlsConfEnum, Desc: "Receive offload configuration."},
	decode.Attr{Type: tlsInfoZcRoTx, CName: "TLS_INFO_ZC_RO_TX", Kind: decode.KindFlag, Desc: "Zero-copy sendfile with read-only pages."},
	decode.Attr{Type: tlsInfoRxNoPad, CName: "TLS_INFO_RX_NO_PAD", Kind: decode.KindFlag, Desc: "TLS 1.3 receive without padding."},
)

var mptcpSubflowAttrs = decode.NewAttrSet("MPTCP_SUBFLOW_ATTR", "inet_diag.ulp_info.mptcp",
	decode.Attr{Type: mptcpSubflowAttrTokenRem, CName: "MPTCP_SUBFLOW_ATTR_TOKEN_REM", Kind: decode.KindU32, Display: decode.DisplayHex, Desc: "Remote token."},
	decode.Attr{Type: mptcpSubflowAttrTokenLoc, CName: "MPTCP_SUBFLOW_ATTR_TOKEN_LOC", Kind: decode.KindU32, Display: decode.DisplayHex, Desc: "Local token."},
	u32a(mptcpSubflowAttrRelwriteSeq, "MPTCP_SUBFLOW_ATTR_RELWRITE_SEQ", "Relative write sequence."),
	u64a(mptcpSubflowAttrMapSeq, "MPTCP_SUBFLOW_ATTR_MAP_SEQ", "Data sequence of the current mapping."),
	u32a(mptcpSubflowAttrMapSfseq, "MPTCP_SUBFLOW_ATTR_MAP_SFSEQ", "Subflow sequence of the current mapping."),
	u32a(mptcpSubflowAttrSsnOffset, "MPTCP_SUBFLOW_ATTR_SSN_OFFSET", "Subflow sequence offset."),
	decode.Attr{Type: mptcpSubflowAttrMapDatalen, CName: "MPTCP_SUBFLOW_ATTR_MAP_DATALEN", Kind: decode.KindU16, Desc: "Length of the current mapping."},
	decode.Attr{Type: mptcpSubflowAttrFlags, CName: "MPTCP_SUBFLOW_ATTR_FLAGS", Kind: decode.KindU32, Display: decode.DisplayHex, Desc: "MPTCP_SUBFLOW_FLAG_* bits."},
	u8a(mptcpSubflowAttrIDRem, "MPTCP_SUBFLOW_ATTR_ID_REM", "Remote address id."),
	u8a(mptcpSubflowAttrIDLoc, "MPTCP_SUBFLOW_ATTR_ID_LOC", "Local address id."),
	decode.Attr{Type: mptcpSubflowAttrPad, CName: "MPTCP_SUBFLOW_ATTR_PAD", Kind: decode.KindPad},
)

var ulpInfoAttrs = decode.NewAttrSet("INET_ULP_INFO", "inet_diag.ulp_info",
	stra(inetULPInfoName, "INET_ULP_INFO_NAME", "Upper layer protocol name (tls, mptcp)."),
	decode.Attr{Type: inetULPInfoTLS, CName: "INET_ULP_INFO_TLS", Nested: tlsInfoAttrs, Desc: "kTLS state."},
	decode.Attr{Type: inetULPInfoMPTCP, CName: "INET_ULP_INFO_MPTCP", Nested: mptcpSubflowAttrs, Desc: "MPTCP subflow state."},
)

// skBPFStorageAttrs are the SK_DIAG_BPF_STORAGE_* of INET_DIAG_SK_BPF_STORAGES
// (include/uapi/linux/sock_diag.h).
var (
	skBPFStorageAttrs = decode.NewAttrSet("SK_DIAG_BPF_STORAGE", "inet_diag.bpf_storage",
		decode.Attr{Type: unix.SK_DIAG_BPF_STORAGE_PAD, CName: "SK_DIAG_BPF_STORAGE_PAD", Kind: decode.KindPad},
		u32a(unix.SK_DIAG_BPF_STORAGE_MAP_ID, "SK_DIAG_BPF_STORAGE_MAP_ID", "BPF map id."),
		bina(unix.SK_DIAG_BPF_STORAGE_MAP_VALUE, "SK_DIAG_BPF_STORAGE_MAP_VALUE", "The socket's value in the map."),
	)
	skBPFStoragesAttrs = decode.NewAttrSet("SK_DIAG_BPF_STORAGE", "inet_diag.bpf_storages",
		decode.Attr{Type: unix.SK_DIAG_BPF_STORAGE, CName: "SK_DIAG_BPF_STORAGE", Nested: skBPFStorageAttrs, Desc: "One map's storage of the socket."},
	)
	skBPFStorageReqAttrs = decode.NewAttrSet("SK_DIAG_BPF_STORAGE_REQ", "inet_diag.req.bpf_storage",
		decode.Attr{Type: unix.SK_DIAG_BPF_STORAGE_REQ_MAP_FD, CName: "SK_DIAG_BPF_STORAGE_REQ_MAP_FD", Kind: decode.KindS32, Desc: "File descriptor of a BPF_MAP_TYPE_SK_STORAGE map to report."},
	)
)

// inetAttrs is the INET_DIAG_* set of replies.
var inetAttrs = decode.NewAttrSet("INET_DIAG", "inet_diag",
	structa(inetDiagMeminfo, "INET_DIAG_MEMINFO", inetMeminfo, "Queue memory (ss -m without skmem)."),
	decode.Attr{Type: inetDiagInfo, CName: "INET_DIAG_INFO", Kind: decode.KindBinary, Custom: decodeTCPInfo,
		Desc: "Protocol info: struct tcp_info for TCP and DCCP (sctp_info, mptcp_info for those protocols, kept raw)."},
	structa(inetDiagVegasinfo, "INET_DIAG_VEGASINFO", tcpVegasInfo, "TCP Vegas congestion control state."),
	stra(inetDiagCong, "INET_DIAG_CONG", "Congestion control algorithm."),
	decode.Attr{Type: inetDiagTOS, CName: "INET_DIAG_TOS", Kind: decode.KindU8, Display: decode.DisplayHex, Desc: "IPv4 type of service byte."},
	decode.Attr{Type: inetDiagTclass, CName: "INET_DIAG_TCLASS", Kind: decode.KindU8, Display: decode.DisplayHex, Desc: "IPv6 traffic class."},
	memAttr(inetDiagSkmeminfo, "INET_DIAG_SKMEMINFO"),
	decode.Attr{Type: inetDiagShutdown, CName: "INET_DIAG_SHUTDOWN", Kind: decode.KindU8, Flags: shutdownFlags, Desc: "Shut-down directions (sk_shutdown)."},
	structa(inetDiagDctcpinfo, "INET_DIAG_DCTCPINFO", tcpDCTCPInfo, "DCTCP congestion control state."),
	decode.Attr{Type: inetDiagProtocol, CName: "INET_DIAG_PROTOCOL", Kind: decode.KindU8, Enum: ipprotoEnum, Desc: "IP protocol of the socket."},
	u8a(inetDiagSkv6only, "INET_DIAG_SKV6ONLY", "IPV6_V6ONLY is set."),
	decode.Attr{Type: inetDiagLocals, CName: "INET_DIAG_LOCALS", Kind: decode.KindBinary, Custom: sockaddrArray, Desc: "SCTP local addresses (struct sockaddr_storage each)."},
	decode.Attr{Type: inetDiagPeers, CName: "INET_DIAG_PEERS", Kind: decode.KindBinary, Custom: sockaddrArray, Desc: "SCTP peer addresses (struct sockaddr_storage each)."},
	decode.Attr{Type: inetDiagPad, CName: "INET_DIAG_PAD", Kind: decode.KindPad},
	decode.Attr{Type: inetDiagMark, CName: "INET_DIAG_MARK", Kind: decode.KindU32, Display: decode.DisplayHex, Desc: "Socket mark, SO_MARK (reported to CAP_NET_ADMIN only)."},
	structa(inetDiagBbrinfo, "INET_DIAG_BBRINFO", tcpBBRInfo, "BBR congestion control state."),
	decode.Attr{Type: inetDiagClassID, CName: "INET_DIAG_CLASS_ID", Kind: decode.KindU32, Display: decode.DisplayHex, Desc: "net_cls class id, or the socket priority."},
	decode.Attr{Type: inetDiagMD5sig, CName: "INET_DIAG_MD5SIG", Kind: decode.KindBinary, Custom: structArray(tcpDiagMD5sig), Desc: "TCP MD5 signature keys (struct tcp_diag_md5sig each)."},
	decode.Attr{Type: inetDiagULPInfo, CName: "INET_DIAG_ULP_INFO", Nested: ulpInfoAttrs, Desc: "Upper layer protocol (kTLS, MPTCP) state."},
	decode.Attr{Type: inetDiagSkBPFStorages, CName: "INET_DIAG_SK_BPF_STORAGES", Nested: skBPFStoragesAttrs, Desc: "BPF socket storage values asked for."},
	u64a(inetDiagCgroupID, "INET_DIAG_CGROUP_ID", "cgroup v2 id of the socket."),
	decode.Attr{Type: inetDiagSockopt, CName: "INET_DIAG_SOCKOPT", Kind: decode.KindBinary, Custom: decodeSockopt, Desc: "IP socket option bits (struct inet_diag_sockopt)."},
)

// inetReqAttrs is the INET_DIAG_REQ_* set of requests.
var inetReqAttrs = decode.NewAttrSet("INET_DIAG_REQ", "inet_diag.req",
	decode.Attr{Type: inetDiagReqBytecode, CName: "INET_DIAG_REQ_BYTECODE", Kind: decode.KindBinary, Custom: decodeBytecode,
		Desc: "Filter program: INET_DIAG_BC_* ops the kernel runs on each socket (ss's filter expression)."},
	decode.Attr{Type: inetDiagReqSkBPFStorages, CName: "INET_DIAG_REQ_SK_BPF_STORAGES", Nested: skBPFStorageReqAttrs, Desc: "BPF socket storage maps to report."},
	decode.Attr{Type: inetDiagReqProtocol, CName: "INET_DIAG_REQ_PROTOCOL", Kind: decode.KindU32, Enum: ipprotoEnum, Desc: "IP protocol when it does not fit sdiag_protocol (IPPROTO_MPTCP)."},
)

// inetRequest decodes an inet request: the header chosen by family (and legacy
// type), then INET_DIAG_REQ_* attributes.
func inetRequest(c *decode.Context, off, end int, legacy bool) []decode.Field {
	v4 := c.Data[off] == unix.AF_INET
	var s *decode.Struct
	switch {
	case legacy && v4:
		s = inetLegacy4
	case legacy:
		s = inetLegacy6
	case v4:
		s = inetReq4
	default:
		s = inetReq6
	}
	return headerAttrs(c, s, inetReqAttrs, off, end)
}

// inetReply decodes struct inet_diag_msg and the INET_DIAG_* attributes.
func inetReply(c *decode.Context, off, end int) []decode.Field {
	if p, ok := attrProtocol(c, off+inetMsg4.Size, end); ok {
		setProtocol(c, p)
	}
	s := inetMsg6
	if c.Data[off] == unix.AF_INET {
		s = inetMsg4
	}
	return headerAttrs(c, s, inetAttrs, off, end)
}

// attrProtocol returns the value of INET_DIAG_PROTOCOL among the attributes at
// Data[off:end], which names the protocol of a reply (a destroy notification)
// better than its request.
func attrProtocol(c *decode.Context, off, end int) (uint16, bool) {
	if off >= end {
		return 0, false
	}
	it := decode.NewAttrIter(c.Data, off, end, c.BigEndian)
	for it.Next() {
		if vs, ve := it.Value(); it.Type == inetDiagProtocol && ve > vs {
			return uint16(c.Data[vs]), true
		}
	}
	return 0, false
}

// requestProtocol returns an inet request's protocol: INET_DIAG_REQ_PROTOCOL if
// present (IPPROTO_MPTCP does not fit sdiag_protocol), else sdiag_protocol.
func requestProtocol(c *decode.Context, off, end int) uint16 {
	if ao := off + inetReq4.Size; ao < end {
		it := decode.NewAttrIter(c.Data, ao, end, c.BigEndian)
		for it.Next() {
			if vs, ve := it.Value(); it.Type == inetDiagReqProtocol && ve-vs == 4 {
				return uint16(c.U32(vs))
			}
		}
	}
	return uint16(c.Data[off+1])
}
