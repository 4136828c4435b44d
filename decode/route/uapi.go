package route

// Constants of the kernel's uapi headers that golang.org/x/sys/unix does not define.
// Each group names its header; values are the kernel's enum positions.

// include/uapi/linux/rtnetlink.h, enum rtattr_type_t (after RTA_DPORT).
const (
	rtaNHID      = 30 // RTA_NH_ID
	rtaFlowlabel = 31 // RTA_FLOWLABEL
)

// include/uapi/linux/if_addr.h (after IFA_TARGET_NETNSID) and enum ifa_proto.
const (
	ifaProto = 11 // IFA_PROTO

	ifaprotKernelLO = 1 // IFAPROT_KERNEL_LO
	ifaprotKernelRA = 2 // IFAPROT_KERNEL_RA
	ifaprotKernelLL = 3 // IFAPROT_KERNEL_LL
)

// include/uapi/linux/neighbour.h: NDA_* after NDA_SRC_VNI, NDTA_*, NDTPA_*, NTF_EXT_*.
const (
	ndaProtocol       = 12 // NDA_PROTOCOL
	ndaNHID           = 13 // NDA_NH_ID
	ndaFDBExtAttrs    = 14 // NDA_FDB_EXT_ATTRS
	ndaFlagsExt       = 15 // NDA_FLAGS_EXT
	ndaNdmStateMask   = 16 // NDA_NDM_STATE_MASK
	ndaNdmFlagsMask   = 17 // NDA_NDM_FLAGS_MASK
	ntfExtManaged     = 1 << 0
	ntfExtLocked      = 1 << 1
	ndtaName          = 1 // NDTA_NAME
	ndtaThresh1       = 2
	ndtaThresh2       = 3
	ndtaThresh3       = 4
	ndtaConfig        = 5
	ndtaParms         = 6
	ndtaStats         = 7
	ndtaGCInterval    = 8
	ndtaPad           = 9
	ndtpaIfindex      = 1 // NDTPA_IFINDEX
	ndtpaRefcnt       = 2
	ndtpaReachable    = 3
	ndtpaBaseReach    = 4
	ndtpaRetrans      = 5
	ndtpaGCStale      = 6
	ndtpaDelayProbe   = 7
	ndtpaQueueLen     = 8
	ndtpaAppProbes    = 9
	ndtpaUcastProbes  = 10
	ndtpaMcastProbes  = 11
	ndtpaAnycastDelay = 12
	ndtpaProxyDelay   = 13
	ndtpaProxyQlen    = 14
	ndtpaLocktime     = 15
	ndtpaQueueBytes   = 16
	ndtpaMcastReprobe = 17
	ndtpaPad          = 18
	ndtpaIntervalProb = 19 // NDTPA_INTERVAL_PROBE_TIME_MS
)

// include/uapi/linux/fib_rules.h: actions (FR_ACT_*) and FRA_DSCP.
const (
	frActToTbl      = 1
	frActGoto       = 2
	frActNop        = 3
	frActBlackhole  = 6
	frActUnreach    = 7
	frActProhibit   = 8
	fraDSCP         = 25 // FRA_DSCP
	fraFlowlabel    = 26 // FRA_FLOWLABEL
	fraFlowlabelMsk = 27 // FRA_FLOWLABEL_MASK
)

// include/uapi/linux/nexthop.h: NHA_* after NHA_MASTER, NHA_RES_GROUP_*, NHA_RES_BUCKET_*.
const (
	nhaFDB              = 11
	nhaResGroup         = 12
	nhaResBucket        = 13
	nhaOpFlags          = 14
	nhaGroupStats       = 15
	nhaHwStatsEnable    = 16
	nhaHwStatsUsed      = 17
	nhGrpTypeMpath      = 0
	nhGrpTypeRes        = 1
	nhaResGroupBuckets  = 1
	nhaResGroupIdle     = 2
	nhaResGroupUnbalTmr = 3
	nhaResGroupUnbalTm  = 4
	nhaResBucketIndex   = 1
	nhaResBucketIdle    = 2
	nhaResBucketNHID    = 3
	rtnhFOnlink         = 4 // RTNH_F_ONLINK, also in nh_flags
)

// include/uapi/linux/lwtunnel.h: enum lwtunnel_ip_t and lwtunnel_ip6_t.
const (
	lwtIPID     = 1
	lwtIPDst    = 2
	lwtIPSrc    = 3
	lwtIPTTL    = 4 // LWTUNNEL_IP_TTL / LWTUNNEL_IP6_HOPLIMIT
	lwtIPTOS    = 5 // LWTUNNEL_IP_TOS / LWTUNNEL_IP6_TC
	lwtIPFlags  = 6
	lwtIPPad    = 7
	lwtIPOpts   = 8
	tunnelKey   = 0x0004 // TUNNEL_KEY, include/net/ip_tunnels.h (__be16 on the wire)
	tunnelCsum  = 0x0001
	tunnelSeq   = 0x0008
	tunnelDontF = 0x0100
)

// include/uapi/linux/seg6_iptunnel.h, seg6_local.h, seg6.h.
const (
	seg6IptunnelSRH  = 1 // SEG6_IPTUNNEL_SRH
	seg6LocalAction  = 1
	seg6LocalSRH     = 2
	seg6LocalTable   = 3
	seg6LocalNH4     = 4
	seg6LocalNH6     = 5
	seg6LocalIIF     = 6
	seg6LocalOIF     = 7
	seg6LocalBPF     = 8
	seg6LocalVRFTab  = 9
	seg6LocalCounter = 10
	seg6LocalFlavors = 11
)

// include/uapi/linux/if_link.h: GRE, ip tunnel (ipip/sit/ip6tnl) and VTI link data,
// IFLA_BRIDGE_* (AF_SPEC of AF_BRIDGE messages), RTEXT_FILTER_*, operstates.
const (
	greLink = iota + 1
	greIflags
	greOflags
	greIkey
	greOkey
	greLocal
	greRemote
	greTTL
	greTOS
	grePmtudisc
	greEncapLimit
	greFlowinfo
	greFlags
	greEncapType
	greEncapFlags
	greEncapSport
	greEncapDport
	greCollectMetadata
	greIgnoreDF
	greFwmark
	greErspanIndex
	greErspanVer
	greErspanDir
	greErspanHwid
)

const (
	iptunLink = iota + 1
	iptunLocal
	iptunRemote
	iptunTTL
	iptunTOS
	iptunEncapLimit
	iptunFlowinfo
	iptunFlags
	iptunProto
	iptunPmtudisc
	iptun6rdPrefix
	iptun6rdRelayPrefix
	iptun6rdPrefixlen
	iptun6rdRelayPrefixlen
	iptunEncapType
	iptunEncapFlags
	iptunEncapSport
	iptunEncapDport
	iptunCollectMetadata
	iptunFwmark
)

const (
	vtiLink = iota + 1
	vtiIkey
	vtiOkey
	vtiLocal
	vtiRemote
	vtiFwmark
)

const (
	bridgeFlags          = 0 // IFLA_BRIDGE_FLAGS
	bridgeMode           = 1
	bridgeAttrVlanInfo   = 2
	bridgeVlanTunnelInfo = 3
	bridgeMRP            = 4
	bridgeCFM            = 5
	bridgeMST            = 6

	vethInfoPeer = 1 // VETH_INFO_PEER, include/uapi/linux/veth.h

	ifOperUnknown        = 0
	ifOperNotPresent     = 1
	ifOperDown           = 2
	ifOperLowerLayerDown = 3
	ifOperTesting        = 4
	ifOperDormant        = 5
	ifOperUp             = 6
)

// include/uapi/linux/if_bridge.h: MDBA_*, BRIDGE_VLANDB_*, and include/uapi/linux/if_link.h
// VXLAN_VNIFILTER_* (RTM_NEWTUNNEL).
const (
	mdbaMDB               = 1
	mdbaRouter            = 2
	mdbaMDBEntry          = 1
	mdbaMDBEntryInfo      = 1
	mdbaRouterPort        = 1
	mdbaSetEntry          = 1
	mdbaSetEntryAttrs     = 2
	bridgeVlandbEntry     = 1
	bridgeVlandbDumpFlags = 1 // BRIDGE_VLANDB_DUMP_FLAGS (enum of dump requests)
	bridgeVlandbGlobal    = 2
	vxlanVNIEntry         = 1
)

// include/uapi/linux/netconf.h.
const (
	netconfaIfindex      = 1
	netconfaForwarding   = 2
	netconfaRPFilter     = 3
	netconfaMCForwarding = 4
	netconfaProxyNeigh   = 5
	netconfaIgnoreLinkdn = 6
	netconfaInput        = 7
	netconfaBCForwarding = 8
	netconfaIfindexAll   = -1
	netconfaIfindexDeflt = -2
	prefixAddress        = 1 // PREFIX_ADDRESS, rtnetlink.h
	prefixCacheinfo      = 2 // PREFIX_CACHEINFO
	ndUseroptSrcaddr     = 1 // NDUSEROPT_SRCADDR
	rtnlFamilyIPMR       = 128
	rtnlFamilyIP6MR      = 129
	ipmraCreportMsgtype  = 1 // IPMRA_CREPORT_MSGTYPE, include/uapi/linux/mroute.h
	ipmraCreportVifID    = 2
	ipmraCreportSrcAddr  = 3
	ipmraCreportDstAddr  = 4
	ipmraCreportPkt      = 5
	ipmraCreportTableID  = 6
	dcbAttrIfname        = 1 // DCB_ATTR_IFNAME, include/uapi/linux/dcbnl.h
	dcbAttrState         = 2
	mplsStatsLink        = 1 // MPLS_STATS_LINK, include/uapi/linux/mpls.h
	linkXstatsTypeBridge = 1 // LINK_XSTATS_TYPE_BRIDGE
	linkXstatsTypeBond   = 2
)
