package sockdiag

// Constants of the sock_diag uapi headers that golang.org/x/sys/unix (v0.50.0) does
// not have. What x/sys has (SOCK_DIAG_BY_FAMILY, SOCK_DESTROY, SK_MEMINFO_*,
// SK_DIAG_BPF_STORAGE_*, BPF_TCP_* for the TCP states, AF_*, IPPROTO_*, NETLINK_*,
// TPACKET_V*, PACKET_FANOUT_*) is used from there.

// include/uapi/linux/inet_diag.h: the legacy request types.
const (
	tcpdiagGetsock  = 18 // TCPDIAG_GETSOCK
	dccpdiagGetsock = 19 // DCCPDIAG_GETSOCK
)

// include/uapi/linux/inet_diag.h: request attributes (enum INET_DIAG_REQ_*).
const (
	inetDiagReqBytecode      = 1 // INET_DIAG_REQ_BYTECODE
	inetDiagReqSkBPFStorages = 2 // INET_DIAG_REQ_SK_BPF_STORAGES
	inetDiagReqProtocol      = 3 // INET_DIAG_REQ_PROTOCOL
)

// include/uapi/linux/inet_diag.h: reply attributes (enum INET_DIAG_*).
const (
	inetDiagMeminfo       = 1  // INET_DIAG_MEMINFO
	inetDiagInfo          = 2  // INET_DIAG_INFO
	inetDiagVegasinfo     = 3  // INET_DIAG_VEGASINFO
	inetDiagCong          = 4  // INET_DIAG_CONG
	inetDiagTOS           = 5  // INET_DIAG_TOS
	inetDiagTclass        = 6  // INET_DIAG_TCLASS
	inetDiagSkmeminfo     = 7  // INET_DIAG_SKMEMINFO
	inetDiagShutdown      = 8  // INET_DIAG_SHUTDOWN
	inetDiagDctcpinfo     = 9  // INET_DIAG_DCTCPINFO
	inetDiagProtocol      = 10 // INET_DIAG_PROTOCOL
	inetDiagSkv6only      = 11 // INET_DIAG_SKV6ONLY
	inetDiagLocals        = 12 // INET_DIAG_LOCALS
	inetDiagPeers         = 13 // INET_DIAG_PEERS
	inetDiagPad           = 14 // INET_DIAG_PAD
	inetDiagMark          = 15 // INET_DIAG_MARK
	inetDiagBbrinfo       = 16 // INET_DIAG_BBRINFO
	inetDiagClassID       = 17 // INET_DIAG_CLASS_ID
	inetDiagMD5sig        = 18 // INET_DIAG_MD5SIG
	inetDiagULPInfo       = 19 // INET_DIAG_ULP_INFO
	inetDiagSkBPFStorages = 20 // INET_DIAG_SK_BPF_STORAGES
	inetDiagCgroupID      = 21 // INET_DIAG_CGROUP_ID
	inetDiagSockopt       = 22 // INET_DIAG_SOCKOPT
)

// include/uapi/linux/inet_diag.h: enum INET_ULP_INFO_*.
const (
	inetULPInfoName  = 1 // INET_ULP_INFO_NAME
	inetULPInfoTLS   = 2 // INET_ULP_INFO_TLS
	inetULPInfoMPTCP = 3 // INET_ULP_INFO_MPTCP
)

// include/uapi/linux/tls.h: enum TLS_INFO_* (the INET_ULP_INFO_TLS nest).
const (
	tlsInfoVersion  = 1 // TLS_INFO_VERSION
	tlsInfoCipher   = 2 // TLS_INFO_CIPHER
	tlsInfoTxconf   = 3 // TLS_INFO_TXCONF
	tlsInfoRxconf   = 4 // TLS_INFO_RXCONF
	tlsInfoZcRoTx   = 5 // TLS_INFO_ZC_RO_TX
	tlsInfoRxNoPad  = 6 // TLS_INFO_RX_NO_PAD
	tlsConfBase     = 1 // TLS_CONF_BASE
	tlsConfSW       = 2 // TLS_CONF_SW
	tlsConfHW       = 3 // TLS_CONF_HW
	tlsConfHWRecord = 4 // TLS_CONF_HW_RECORD
)

// include/uapi/linux/mptcp.h: enum MPTCP_SUBFLOW_ATTR_* (the INET_ULP_INFO_MPTCP nest).
const (
	mptcpSubflowAttrTokenRem    = 1  // MPTCP_SUBFLOW_ATTR_TOKEN_REM
	mptcpSubflowAttrTokenLoc    = 2  // MPTCP_SUBFLOW_ATTR_TOKEN_LOC
	mptcpSubflowAttrRelwriteSeq = 3  // MPTCP_SUBFLOW_ATTR_RELWRITE_SEQ
	mptcpSubflowAttrMapSeq      = 4  // MPTCP_SUBFLOW_ATTR_MAP_SEQ
	mptcpSubflowAttrMapSfseq    = 5  // MPTCP_SUBFLOW_ATTR_MAP_SFSEQ
	mptcpSubflowAttrSsnOffset   = 6  // MPTCP_SUBFLOW_ATTR_SSN_OFFSET
	mptcpSubflowAttrMapDatalen  = 7  // MPTCP_SUBFLOW_ATTR_MAP_DATALEN
	mptcpSubflowAttrFlags       = 8  // MPTCP_SUBFLOW_ATTR_FLAGS
	mptcpSubflowAttrIDRem       = 9  // MPTCP_SUBFLOW_ATTR_ID_REM
	mptcpSubflowAttrIDLoc       = 10 // MPTCP_SUBFLOW_ATTR_ID_LOC
	mptcpSubflowAttrPad         = 11 // MPTCP_SUBFLOW_ATTR_PAD
)

// include/uapi/linux/inet_diag.h: bytecode op codes (enum INET_DIAG_BC_*).
const (
	bcNop        = 0  // INET_DIAG_BC_NOP
	bcJmp        = 1  // INET_DIAG_BC_JMP
	bcSGe        = 2  // INET_DIAG_BC_S_GE
	bcSLe        = 3  // INET_DIAG_BC_S_LE
	bcDGe        = 4  // INET_DIAG_BC_D_GE
	bcDLe        = 5  // INET_DIAG_BC_D_LE
	bcAuto       = 6  // INET_DIAG_BC_AUTO
	bcSCond      = 7  // INET_DIAG_BC_S_COND
	bcDCond      = 8  // INET_DIAG_BC_D_COND
	bcDevCond    = 9  // INET_DIAG_BC_DEV_COND
	bcMarkCond   = 10 // INET_DIAG_BC_MARK_COND
	bcSEq        = 11 // INET_DIAG_BC_S_EQ
	bcDEq        = 12 // INET_DIAG_BC_D_EQ
	bcCgroupCond = 13 // INET_DIAG_BC_CGROUP_COND
)

// include/uapi/linux/unix_diag.h: udiag_show bits (UDIAG_SHOW_*).
const (
	udiagShowName    = 0x01 // UDIAG_SHOW_NAME
	udiagShowVFS     = 0x02 // UDIAG_SHOW_VFS
	udiagShowPeer    = 0x04 // UDIAG_SHOW_PEER
	udiagShowIcons   = 0x08 // UDIAG_SHOW_ICONS
	udiagShowRqlen   = 0x10 // UDIAG_SHOW_RQLEN
	udiagShowMeminfo = 0x20 // UDIAG_SHOW_MEMINFO
	udiagShowUID     = 0x40 // UDIAG_SHOW_UID
)

// include/uapi/linux/unix_diag.h: attributes (enum UNIX_DIAG_*).
const (
	unixDiagName     = 0 // UNIX_DIAG_NAME
	unixDiagVFS      = 1 // UNIX_DIAG_VFS
	unixDiagPeer     = 2 // UNIX_DIAG_PEER
	unixDiagIcons    = 3 // UNIX_DIAG_ICONS
	unixDiagRqlen    = 4 // UNIX_DIAG_RQLEN
	unixDiagMeminfo  = 5 // UNIX_DIAG_MEMINFO
	unixDiagShutdown = 6 // UNIX_DIAG_SHUTDOWN
	unixDiagUID      = 7 // UNIX_DIAG_UID
)

// include/uapi/linux/netlink_diag.h: attributes (enum NETLINK_DIAG_*).
const (
	netlinkDiagMeminfo = 0 // NETLINK_DIAG_MEMINFO
	netlinkDiagGroups  = 1 // NETLINK_DIAG_GROUPS
	netlinkDiagRxRing  = 2 // NETLINK_DIAG_RX_RING
	netlinkDiagTxRing  = 3 // NETLINK_DIAG_TX_RING
	netlinkDiagFlags   = 4 // NETLINK_DIAG_FLAGS
)

// include/uapi/linux/netlink_diag.h: ndiag_show bits and NETLINK_DIAG_FLAGS bits.
const (
	ndiagProtoAll           = 0xff // NDIAG_PROTO_ALL
	ndiagShowMeminfo        = 0x01 // NDIAG_SHOW_MEMINFO
	ndiagShowGroups         = 0x02 // NDIAG_SHOW_GROUPS
	ndiagShowRingCfg        = 0x04 // NDIAG_SHOW_RING_CFG (deprecated since 4.6)
	ndiagShowFlagsBit       = 0x08 // NDIAG_SHOW_FLAGS
	ndiagFlagCbRunning      = 0x01 // NDIAG_FLAG_CB_RUNNING
	ndiagFlagPktinfo        = 0x02 // NDIAG_FLAG_PKTINFO
	ndiagFlagBroadcastError = 0x04 // NDIAG_FLAG_BROADCAST_ERROR
	ndiagFlagNoEnobufs      = 0x08 // NDIAG_FLAG_NO_ENOBUFS
	ndiagFlagListenAllNsid  = 0x10 // NDIAG_FLAG_LISTEN_ALL_NSID
	ndiagFlagCapAck         = 0x20 // NDIAG_FLAG_CAP_ACK
)

// net/netlink/af_netlink.h: the netlink socket states ndiag_state reports.
const (
	netlinkUnconnected = 0 // NETLINK_UNCONNECTED
	netlinkConnected   = 1 // NETLINK_CONNECTED
)

// include/uapi/linux/packet_diag.h: pdiag_show bits (PACKET_SHOW_*).
const (
	packetShowInfo    = 0x01 // PACKET_SHOW_INFO
	packetShowMclist  = 0x02 // PACKET_SHOW_MCLIST
	packetShowRingCfg = 0x04 // PACKET_SHOW_RING_CFG
	packetShowFanout  = 0x08 // PACKET_SHOW_FANOUT
	packetShowMeminfo = 0x10 // PACKET_SHOW_MEMINFO
	packetShowFilter  = 0x20 // PACKET_SHOW_FILTER
)

// include/uapi/linux/packet_diag.h: attributes (enum PACKET_DIAG_*) and pdi_flags.
const (
	packetDiagInfo    = 0 // PACKET_DIAG_INFO
	packetDiagMclist  = 1 // PACKET_DIAG_MCLIST
	packetDiagRxRing  = 2 // PACKET_DIAG_RX_RING
	packetDiagTxRing  = 3 // PACKET_DIAG_TX_RING
	packetDiagFanout  = 4 // PACKET_DIAG_FANOUT
	packetDiagUID     = 5 // PACKET_DIAG_UID
	packetDiagMeminfo = 6 // PACKET_DIAG_MEMINFO
	packetDiagFilter  = 7 // PACKET_DIAG_FILTER

	pdiRunning = 0x01 // PDI_RUNNING
	pdiAuxdata = 0x02 // PDI_AUXDATA
	pdiOrigdev = 0x04 // PDI_ORIGDEV
	pdiVnethdr = 0x08 // PDI_VNETHDR
	pdiLoss    = 0x10 // PDI_LOSS

	maxAddrLen = 32 // MAX_ADDR_LEN (include/linux/netdevice.h), size of pdmc_addr
)

// include/uapi/linux/tcp.h: tcpi_options bits (TCPI_OPT_*), enum tcp_ca_state,
// and the size of tcpm_key in struct tcp_diag_md5sig.
const (
	tcpiOptTimestamps = 0x01 // TCPI_OPT_TIMESTAMPS
	tcpiOptSack       = 0x02 // TCPI_OPT_SACK
	tcpiOptWscale     = 0x04 // TCPI_OPT_WSCALE
	tcpiOptECN        = 0x08 // TCPI_OPT_ECN
	tcpiOptECNSeen    = 0x10 // TCPI_OPT_ECN_SEEN
	tcpiOptSynData    = 0x20 // TCPI_OPT_SYN_DATA
	tcpiOptUsecTS     = 0x40 // TCPI_OPT_USEC_TS
	tcpiOptTFOChild   = 0x80 // TCPI_OPT_TFO_CHILD

	tcpCAOpen     = 0 // TCP_CA_Open
	tcpCADisorder = 1 // TCP_CA_Disorder
	tcpCACWR      = 2 // TCP_CA_CWR
	tcpCARecovery = 3 // TCP_CA_Recovery
	tcpCALoss     = 4 // TCP_CA_Loss

	tcpMD5SigMaxKeyLen = 80 // TCP_MD5SIG_MAXKEYLEN
)

// include/net/tcp_states.h (mirrored by BPF_TCP_* in include/uapi/linux/bpf.h,
// where x/sys v0.50.0 stops at BPF_TCP_NEW_SYN_RECV).
const tcpBoundInactive = 13 // TCP_BOUND_INACTIVE

// include/net/sock.h: the sk_shutdown bits INET_DIAG_SHUTDOWN and
// UNIX_DIAG_SHUTDOWN report.
const (
	rcvShutdown  = 1 // RCV_SHUTDOWN
	sendShutdown = 2 // SEND_SHUTDOWN
)

// net/ipv4/inet_diag.c (inet_sk_diag_fill) and net/ipv4/tcp_diag.c: what
// idiag_timer says is pending.
const (
	timerOff       = 0 // no timer
	timerOn        = 1 // retransmit (ICSK_TIME_RETRANS, ICSK_TIME_REO_TIMEOUT, ICSK_TIME_LOSS_PROBE)
	timerKeepalive = 2 // keepalive (sk_timer)
	timerTimewait  = 3 // TIME_WAIT
	timerProbe     = 4 // zero window probe (ICSK_TIME_PROBE0)
)
