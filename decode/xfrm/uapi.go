package xfrm

// Constants of include/uapi/linux/xfrm.h that golang.org/x/sys/unix does not have
// (it has none of the XFRM_* message and attribute numbers). Each block names the
// enum or #define group it comes from.

// include/uapi/linux/xfrm.h, enum of netlink configuration messages (XFRM_MSG_*).
const (
	xfrmMsgBase        = 0x10
	xfrmMsgNewSA       = 0x10
	xfrmMsgDelSA       = 0x11
	xfrmMsgGetSA       = 0x12
	xfrmMsgNewPolicy   = 0x13
	xfrmMsgDelPolicy   = 0x14
	xfrmMsgGetPolicy   = 0x15
	xfrmMsgAllocSPI    = 0x16
	xfrmMsgAcquire     = 0x17
	xfrmMsgExpire      = 0x18
	xfrmMsgUpdPolicy   = 0x19
	xfrmMsgUpdSA       = 0x1a
	xfrmMsgPolExpire   = 0x1b
	xfrmMsgFlushSA     = 0x1c
	xfrmMsgFlushPolicy = 0x1d
	xfrmMsgNewAE       = 0x1e
	xfrmMsgGetAE       = 0x1f
	xfrmMsgReport      = 0x20
	xfrmMsgMigrate     = 0x21
	xfrmMsgNewSADInfo  = 0x22
	xfrmMsgGetSADInfo  = 0x23
	xfrmMsgNewSPDInfo  = 0x24
	xfrmMsgGetSPDInfo  = 0x25
	xfrmMsgMapping     = 0x26
	xfrmMsgSetDefault  = 0x27
	xfrmMsgGetDefault  = 0x28
	xfrmMsgMax         = xfrmMsgGetDefault
)

// include/uapi/linux/xfrm.h, enum xfrm_attr_type_t (XFRMA_*).
const (
	xfrmaAlgAuth              = 1
	xfrmaAlgCrypt             = 2
	xfrmaAlgComp              = 3
	xfrmaEncap                = 4
	xfrmaTmpl                 = 5
	xfrmaSA                   = 6
	xfrmaPolicy               = 7
	xfrmaSecCtx               = 8
	xfrmaLtimeVal             = 9
	xfrmaReplayVal            = 10
	xfrmaReplayThresh         = 11
	xfrmaEtimerThresh         = 12
	xfrmaSrcAddr              = 13
	xfrmaCoAddr               = 14
	xfrmaLastUsed             = 15
	xfrmaPolicyType           = 16
	xfrmaMigrate              = 17
	xfrmaAlgAEAD              = 18
	xfrmaKMAddress            = 19
	xfrmaAlgAuthTrunc         = 20
	xfrmaMark                 = 21
	xfrmaTFCPad               = 22
	xfrmaReplayESNVal         = 23
	xfrmaSAExtraFlags         = 24
	xfrmaProto                = 25
	xfrmaAddressFilter        = 26
	xfrmaPad                  = 27
	xfrmaOffloadDev           = 28
	xfrmaSetMark              = 29 // XFRMA_OUTPUT_MARK before Linux 4.19
	xfrmaSetMarkMask          = 30
	xfrmaIfID                 = 31
	xfrmaMtimerThresh         = 32
	xfrmaSADir                = 33
	xfrmaNATKeepaliveInterval = 34
	xfrmaSAPcpu               = 35
	xfrmaIPTFSDropTime        = 36
	xfrmaIPTFSReorderWindow   = 37
	xfrmaIPTFSDontFrag        = 38
	xfrmaIPTFSInitDelay       = 39
	xfrmaIPTFSMaxQSize        = 40
	xfrmaIPTFSPktSize         = 41
)

// include/uapi/linux/xfrm.h, enum xfrm_sadattr_type_t (XFRMA_SAD_*).
const (
	xfrmaSADCnt   = 1
	xfrmaSADHInfo = 2
)

// include/uapi/linux/xfrm.h, enum xfrm_spdattr_type_t (XFRMA_SPD_*).
const (
	xfrmaSPDInfo        = 1
	xfrmaSPDHInfo       = 2
	xfrmaSPDIPv4HThresh = 3
	xfrmaSPDIPv6HThresh = 4
)

// include/uapi/linux/xfrm.h, XFRM_MODE_* defines.
const (
	xfrmModeTransport         = 0
	xfrmModeTunnel            = 1
	xfrmModeRouteOptimization = 2
	xfrmModeInTrigger         = 3
	xfrmModeBeet              = 4
	xfrmModeIPTFS             = 5
)

// include/uapi/linux/xfrm.h, enum of policy directions (XFRM_POLICY_IN ...).
const (
	xfrmPolicyIn  = 0
	xfrmPolicyOut = 1
	xfrmPolicyFwd = 2
)

// include/uapi/linux/xfrm.h, struct xfrm_userpolicy_info action and flags.
const (
	xfrmPolicyAllow      = 0
	xfrmPolicyBlock      = 1
	xfrmPolicyLocalOK    = 1
	xfrmPolicyICMP       = 2
	xfrmPolicyCPUAcquire = 4
)

// include/uapi/linux/xfrm.h, enum of policy types (XFRM_POLICY_TYPE_*).
const (
	xfrmPolicyTypeMain = 0
	xfrmPolicyTypeSub  = 1
	xfrmPolicyTypeAny  = 255
)

// include/uapi/linux/xfrm.h, enum of template sharing (XFRM_SHARE_*).
const (
	xfrmShareAny     = 0
	xfrmShareSession = 1
	xfrmShareUser    = 2
	xfrmShareUnique  = 3
)

// include/uapi/linux/xfrm.h, struct xfrm_usersa_info flags (XFRM_STATE_*).
const (
	xfrmStateNoECN      = 1
	xfrmStateDecapDSCP  = 2
	xfrmStateNoPMTUDisc = 4
	xfrmStateWildRecv   = 8
	xfrmStateICMP       = 16
	xfrmStateAFUnspec   = 32
	xfrmStateAlign4     = 64
	xfrmStateESN        = 128
)

// include/uapi/linux/xfrm.h, XFRMA_SA_EXTRA_FLAGS bits (XFRM_SA_XFLAG_*).
const (
	xfrmSAXflagDontEncapDSCP = 1
	xfrmSAXflagOseqMayWrap   = 2
)

// include/uapi/linux/xfrm.h, enum xfrm_ae_ftype_t (XFRM_AE_*).
const (
	xfrmAERthr = 1
	xfrmAERval = 2
	xfrmAELval = 4
	xfrmAEEthr = 8
	xfrmAECR   = 16
	xfrmAECE   = 32
	xfrmAECU   = 64
)

// include/uapi/linux/xfrm.h, struct xfrm_userpolicy_default values
// (XFRM_USERPOLICY_*).
const (
	xfrmUserpolicyUnspec = 0
	xfrmUserpolicyBlock  = 1
	xfrmUserpolicyAccept = 2
)

// include/uapi/linux/xfrm.h, enum xfrm_sa_dir (XFRM_SA_DIR_*).
const (
	xfrmSADirIn  = 1
	xfrmSADirOut = 2
)

// include/uapi/linux/xfrm.h, struct xfrm_user_offload flags (XFRM_OFFLOAD_*).
const (
	xfrmOffloadIPv6    = 1
	xfrmOffloadInbound = 2
	xfrmOffloadPacket  = 4
)

// include/uapi/linux/xfrm.h, security context DOI and algorithm
// (XFRM_SC_DOI_*, XFRM_SC_ALG_*).
const (
	xfrmSCDOILSM     = 1
	xfrmSCAlgSELinux = 1
)

// include/uapi/linux/ipsec.h, IPSEC_PROTO_ANY: any IPsec protocol (flush, acquire).
const ipsecProtoAny = 255

// include/uapi/linux/tcp.h, TCP_ENCAP_ESPINTCP: ESP in TCP (RFC 8229) encapsulation.
const tcpEncapESPInTCP = 7

// xfrmInf is XFRM_INF (include/uapi/linux/xfrm.h): a lifetime limit of "no limit".
const xfrmInf = ^uint64(0)
