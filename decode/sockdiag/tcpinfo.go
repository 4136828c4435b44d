package sockdiag

// struct tcp_info (include/uapi/linux/tcp.h), the value of INET_DIAG_INFO for TCP
// and DCCP sockets, also what getsockopt(TCP_INFO) returns. It grew with kernel
// versions (104 bytes in 2.6, 232 in 6.1, 280 in 6.18): the members the value holds
// are decoded and anything beyond the last known member is kept raw.
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|  tcpi_state   | tcpi_ca_state |tcpi_retransmit|  tcpi_probes  |
//	+---------------+---------------+---------------+---------------+
//	| tcpi_backoff  | tcpi_options  |snd/rcv_wscale | app_lim,tfo   |
//	+---------------+---------------+---------------+---------------+
//	|  tcpi_rto, tcpi_ato, tcpi_snd_mss, ... (u32s; see tcpInfoMembers)
//	|  tcpi_pacing_rate, ... (u64s from offset 104)
//	+---------------+---------------+---------------+---------------+
//
// Byte 6 holds two 4-bit fields and byte 7 two bit fields; C lays bit fields out from
// the low bit on little-endian hosts and from the high bit on big-endian ones, so
// the two bytes have one description per byte order.

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

var tcpCAStateEnum = decode.NewEnum("tcp_ca_state", "TCP_CA_", map[uint64]string{
	tcpCAOpen: "TCP_CA_Open", tcpCADisorder: "TCP_CA_Disorder", tcpCACWR: "TCP_CA_CWR",
	tcpCARecovery: "TCP_CA_Recovery", tcpCALoss: "TCP_CA_Loss",
})

var tcpiOptFlags = decode.NewFlagSet("tcpi_options", "TCPI_OPT_", map[uint64]string{
	tcpiOptTimestamps: "TCPI_OPT_TIMESTAMPS", tcpiOptSack: "TCPI_OPT_SACK", tcpiOptWscale: "TCPI_OPT_WSCALE",
	tcpiOptECN: "TCPI_OPT_ECN", tcpiOptECNSeen: "TCPI_OPT_ECN_SEEN", tcpiOptSynData: "TCPI_OPT_SYN_DATA",
	tcpiOptUsecTS: "TCPI_OPT_USEC_TS", tcpiOptTFOChild: "TCPI_OPT_TFO_CHILD",
})

// The bit fields of byte 7: tcpi_delivery_rate_app_limited:1 then
// tcpi_fastopen_client_fail:2, from the low bit (little-endian) or the high bit.
var (
	tcpiByte7LE = decode.NewFlagSet("tcpi_delivery_rate_app_limited", "tcpi_", map[uint64]string{
		0x01: "tcpi_delivery_rate_app_limited", 0x02: "tcpi_fastopen_client_fail(1)", 0x04: "tcpi_fastopen_client_fail(2)",
	})
	tcpiByte7BE = decode.NewFlagSet("tcpi_delivery_rate_app_limited", "tcpi_", map[uint64]string{
		0x80: "tcpi_delivery_rate_app_limited", 0x40: "tcpi_fastopen_client_fail(1)", 0x20: "tcpi_fastopen_client_fail(2)",
	})
)

// tcpInfoMembers returns the members of struct tcp_info; byte 7's flags differ by
// byte order.
func tcpInfoMembers(byte7 *decode.FlagSet, order string) []decode.Member {
	us := func(cname, desc string) decode.Member { return unitm(u32m(cname, desc), "us") }
	ms := func(cname, desc string) decode.Member { return unitm(u32m(cname, desc), "ms") }
	by := func(cname, desc string) decode.Member { return unitm(u32m(cname, desc), "bytes") }
	seg := func(cname, desc string) decode.Member { return unitm(u32m(cname, desc), "segments") }
	return []decode.Member{
		{CName: "tcpi_state", Kind: decode.KindU8, Enum: tcpStateEnum, Desc: "Socket state."},
		{CName: "tcpi_ca_state", Kind: decode.KindU8, Enum: tcpCAStateEnum, Desc: "Congestion avoidance state."},
		u8m("tcpi_retransmits", "Unrecovered retransmission timeouts of the current segment."),
		u8m("tcpi_probes", "Unanswered zero window probes."),
		u8m("tcpi_backoff", "Exponential backoff of the retransmission timer."),
		{CName: "tcpi_options", Kind: decode.KindU8, Flags: tcpiOptFlags, Desc: "Options negotiated (TCPI_OPT_*)."},
		{CName: "tcpi_snd_wscale:4,tcpi_rcv_wscale:4", Name: "tcpi.wscale", Label: "tcpi_snd_wscale/tcpi_rcv_wscale", Kind: decode.KindU8, Display: decode.DisplayHex,
			Desc: "Window scale shifts: " + order + "."},
		{CName: "tcpi_delivery_rate_app_limited:1,tcpi_fastopen_client_fail:2", Name: "tcpi.app_limited", Label: "tcpi_delivery_rate_app_limited", Kind: decode.KindU8, Flags: byte7,
			Desc: "Bit fields: the delivery rate sample was application-limited; why a TCP Fast Open client fell back."},
		us("tcpi_rto", "Retransmission timeout."),
		us("tcpi_ato", "Delayed ACK timeout."),
		by("tcpi_snd_mss", "Sending maximum segment size."),
		by("tcpi_rcv_mss", "Receiving maximum segment size (estimated)."),
		seg("tcpi_unacked", "Segments sent and not acknowledged."),
		seg("tcpi_sacked", "Segments selectively acknowledged (or, on a listener, the accept backlog)."),
		seg("tcpi_lost", "Segments considered lost."),
		seg("tcpi_retrans", "Segments retransmitted and not acknowledged."),
		seg("tcpi_fackets", "Forward-acknowledged segments (unused since 4.19)."),
		ms("tcpi_last_data_sent", "Time since data was last sent."),
		ms("tcpi_last_ack_sent", "Time since an ACK was last sent (not remembered: 0)."),
		ms("tcpi_last_data_recv", "Time since data was last received."),
		ms("tcpi_last_ack_recv", "Time since an ACK was last received."),
		by("tcpi_pmtu", "Path MTU."),
		by("tcpi_rcv_ssthresh", "Receive window slow-start threshold."),
		us("tcpi_rtt", "Smoothed round-trip time."),
		us("tcpi_rttvar", "Round-trip time variation."),
		seg("tcpi_snd_ssthresh", "Slow-start threshold (2147483647 = infinite)."),
		seg("tcpi_snd_cwnd", "Congestion window."),
		by("tcpi_advmss", "Advertised maximum segment size."),
		seg("tcpi_reordering", "Reordering tolerance."),
		us("tcpi_rcv_rtt", "Receiver-side round-trip time estimate."),
		by("tcpi_rcv_space", "Receive buffer space estimate (DRS)."),
		seg("tcpi_total_retrans", "Segments retransmitted over the connection's life."),
		unitm(u64m("tcpi_pacing_rate", "Pacing rate."), "bytes/s"),
		unitm(u64m("tcpi_max_pacing_rate", "Maximum pacing rate (SO_MAX_PACING_RATE; ~0 = unlimited)."), "bytes/s"),
		unitm(u64m("tcpi_bytes_acked", "Bytes acknowledged (RFC 4898 tcpEStatsAppHCThruOctetsAcked)."), "bytes"),
		unitm(u64m("tcpi_bytes_received", "Bytes received (RFC 4898 tcpEStatsAppHCThruOctetsReceived)."), "bytes"),
		seg("tcpi_segs_out", "Segments sent (RFC 4898 tcpEStatsPerfSegsOut)."),
		seg("tcpi_segs_in", "Segments received (RFC 4898 tcpEStatsPerfSegsIn)."),
		by("tcpi_notsent_bytes", "Bytes queued and not sent yet."),
		us("tcpi_min_rtt", "Minimum round-trip time seen."),
		seg("tcpi_data_segs_in", "Segments with data received (RFC 4898 tcpEStatsDataSegsIn)."),
		seg("tcpi_data_segs_out", "Segments with data sent (RFC 4898 tcpEStatsDataSegsOut)."),
		unitm(u64m("tcpi_delivery_rate", "Most recent delivery rate sample."), "bytes/s"),
		unitm(u64m("tcpi_busy_time", "Time busy sending data."), "us"),
		unitm(u64m("tcpi_rwnd_limited", "Time limited by the receive window."), "us"),
		unitm(u64m("tcpi_sndbuf_limited", "Time limited by the send buffer."), "us"),
		seg("tcpi_delivered", "Segments delivered, retransmissions included."),
		seg("tcpi_delivered_ce", "Segments delivered with an ECN CE echo."),
		unitm(u64m("tcpi_bytes_sent", "Bytes sent, retransmissions included (RFC 4898 tcpEStatsPerfHCDataOctetsOut)."), "bytes"),
		unitm(u64m("tcpi_bytes_retrans", "Bytes retransmitted (RFC 4898 tcpEStatsPerfOctetsRetrans)."), "bytes"),
		seg("tcpi_dsack_dups", "Duplicate segments reported by D-SACK (RFC 4898 tcpEStatsStackDSACKDups)."),
		u32m("tcpi_reord_seen", "Reordering events seen."),
		seg("tcpi_rcv_ooopack", "Out-of-order segments received."),
		by("tcpi_snd_wnd", "Peer's advertised receive window after scaling."),
		by("tcpi_rcv_wnd", "Local advertised receive window after scaling."),
		u32m("tcpi_rehash", "PLB or timeout-triggered rehashes."),
		u16m("tcpi_total_rto", "Retransmission timeouts over the connection's life."),
		u16m("tcpi_total_rto_recoveries", "Recoveries from retransmission timeouts."),
		ms("tcpi_total_rto_time", "Time spent in RTO recovery, unfinished recovery included."),
		seg("tcpi_received_ce", "CE-marked segments received."),
		by("tcpi_delivered_e1_bytes", "Accurate ECN: bytes delivered with ECT(1)."),
		by("tcpi_delivered_e0_bytes", "Accurate ECN: bytes delivered with ECT(0)."),
		by("tcpi_delivered_ce_bytes", "Accurate ECN: bytes delivered with CE."),
		by("tcpi_received_e1_bytes", "Accurate ECN: bytes received with ECT(1)."),
		by("tcpi_received_e0_bytes", "Accurate ECN: bytes received with ECT(0)."),
		by("tcpi_received_ce_bytes", "Accurate ECN: bytes received with CE."),
		hexm(decode.Member{CName: "tcpi_ecn_mode:2,tcpi_accecn_opt_seen:2,tcpi_accecn_fail_mode:4,tcpi_options2:24", Name: "tcpi.ecn_bits", Label: "tcpi_ecn_mode/accecn bit fields", Kind: decode.KindU32,
			Desc: "Bit fields: ECN mode, AccECN option seen, AccECN failure mode, more options (from the low bit on little-endian hosts)."}),
	}
}

// tcpInfoLE and tcpInfoBE are struct tcp_info as little- and big-endian hosts lay
// out its bit fields.
var (
	tcpInfoLE = decode.NewStruct("tcp_info", "tcpi", tcpInfoMembers(tcpiByte7LE, "send in the low nibble, receive in the high one (little-endian host)")...)
	tcpInfoBE = decode.NewStruct("tcp_info", "tcpi", tcpInfoMembers(tcpiByte7BE, "send in the high nibble, receive in the low one (big-endian host)")...)
)

// tcpInfoSize is the size x/sys knows, which the layout test checks too.
const tcpInfoSize = unix.SizeofTCPInfo

// decodeTCPInfo is the Custom hook of INET_DIAG_INFO: struct tcp_info for TCP and
// DCCP sockets (the protocol comes from the request, see session.go); another
// protocol's info (sctp_info, mptcp_info) stays raw.
func decodeTCPInfo(c *decode.Context, f *decode.Field) {
	switch protocolOf(c) {
	case unix.IPPROTO_TCP, unix.IPPROTO_DCCP, protoUnknown:
	default:
		return
	}
	s := tcpInfoLE
	if c.BigEndian {
		s = tcpInfoBE
	}
	prefixStruct(s)(c, f)
	tcpInfoBitFields(c, f)
}
