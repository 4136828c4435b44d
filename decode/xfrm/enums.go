package xfrm

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// Value names of the xfrm structs and attributes. Short names (Enum.Short) are
// the words ip-xfrm(8) prints.

var familyEnum = decode.NewEnum("family", "AF_", map[uint64]string{
	unix.AF_UNSPEC: "AF_UNSPEC", unix.AF_INET: "AF_INET", unix.AF_INET6: "AF_INET6",
})

// xfrmProtoEnum names the IPsec protocols of xfrm_id.proto, xfrm_usersa_id.proto
// and the flush and report messages.
var xfrmProtoEnum = decode.NewEnum("xfrm_proto", "IPPROTO_", map[uint64]string{
	0:                    "IPPROTO_ANY", // flush: all protocols
	unix.IPPROTO_ESP:     "IPPROTO_ESP",
	unix.IPPROTO_AH:      "IPPROTO_AH",
	unix.IPPROTO_COMP:    "IPPROTO_COMP",
	unix.IPPROTO_ROUTING: "IPPROTO_ROUTING",
	unix.IPPROTO_DSTOPTS: "IPPROTO_DSTOPTS",
	unix.IPPROTO_IPIP:    "IPPROTO_IPIP",
	unix.IPPROTO_IPV6:    "IPPROTO_IPV6",
	ipsecProtoAny:        "IPSEC_PROTO_ANY",
})

// ipProtoEnum names the upper-layer protocols of xfrm_selector.proto.
var ipProtoEnum = decode.NewEnum("ip_proto", "IPPROTO_", map[uint64]string{
	unix.IPPROTO_ICMP:    "IPPROTO_ICMP",
	unix.IPPROTO_TCP:     "IPPROTO_TCP",
	unix.IPPROTO_UDP:     "IPPROTO_UDP",
	unix.IPPROTO_DCCP:    "IPPROTO_DCCP",
	unix.IPPROTO_IPV6:    "IPPROTO_IPV6",
	unix.IPPROTO_ROUTING: "IPPROTO_ROUTING",
	unix.IPPROTO_GRE:     "IPPROTO_GRE",
	unix.IPPROTO_ESP:     "IPPROTO_ESP",
	unix.IPPROTO_AH:      "IPPROTO_AH",
	unix.IPPROTO_ICMPV6:  "IPPROTO_ICMPV6",
	unix.IPPROTO_DSTOPTS: "IPPROTO_DSTOPTS",
	unix.IPPROTO_IPIP:    "IPPROTO_IPIP",
	unix.IPPROTO_COMP:    "IPPROTO_COMP",
	unix.IPPROTO_SCTP:    "IPPROTO_SCTP",
	unix.IPPROTO_MH:      "IPPROTO_MH",
	unix.IPPROTO_UDPLITE: "IPPROTO_UDPLITE",
})

var modeEnum = decode.NewEnum("xfrm_mode", "XFRM_MODE_", map[uint64]string{
	xfrmModeTransport:         "XFRM_MODE_TRANSPORT",
	xfrmModeTunnel:            "XFRM_MODE_TUNNEL",
	xfrmModeRouteOptimization: "XFRM_MODE_ROUTEOPTIMIZATION",
	xfrmModeInTrigger:         "XFRM_MODE_IN_TRIGGER",
	xfrmModeBeet:              "XFRM_MODE_BEET",
	xfrmModeIPTFS:             "XFRM_MODE_IPTFS",
})

var dirEnum = decode.NewEnum("xfrm_policy_dir", "XFRM_POLICY_", map[uint64]string{
	xfrmPolicyIn: "XFRM_POLICY_IN", xfrmPolicyOut: "XFRM_POLICY_OUT", xfrmPolicyFwd: "XFRM_POLICY_FWD",
})

var actionEnum = decode.NewEnum("xfrm_policy_action", "XFRM_POLICY_", map[uint64]string{
	xfrmPolicyAllow: "XFRM_POLICY_ALLOW", xfrmPolicyBlock: "XFRM_POLICY_BLOCK",
})

var policyFlags = decode.NewFlagSet("xfrm_policy_flags", "XFRM_POLICY_", map[uint64]string{
	xfrmPolicyLocalOK: "XFRM_POLICY_LOCALOK", xfrmPolicyICMP: "XFRM_POLICY_ICMP",
	xfrmPolicyCPUAcquire: "XFRM_POLICY_CPU_ACQUIRE",
})

var shareEnum = decode.NewEnum("xfrm_share", "XFRM_SHARE_", map[uint64]string{
	xfrmShareAny: "XFRM_SHARE_ANY", xfrmShareSession: "XFRM_SHARE_SESSION",
	xfrmShareUser: "XFRM_SHARE_USER", xfrmShareUnique: "XFRM_SHARE_UNIQUE",
})

var policyTypeEnum = decode.NewEnum("xfrm_policy_type", "XFRM_POLICY_TYPE_", map[uint64]string{
	xfrmPolicyTypeMain: "XFRM_POLICY_TYPE_MAIN", xfrmPolicyTypeSub: "XFRM_POLICY_TYPE_SUB",
	xfrmPolicyTypeAny: "XFRM_POLICY_TYPE_ANY",
})

var stateFlags = decode.NewFlagSet("xfrm_state_flags", "XFRM_STATE_", map[uint64]string{
	xfrmStateNoECN: "XFRM_STATE_NOECN", xfrmStateDecapDSCP: "XFRM_STATE_DECAP_DSCP",
	xfrmStateNoPMTUDisc: "XFRM_STATE_NOPMTUDISC", xfrmStateWildRecv: "XFRM_STATE_WILDRECV",
	xfrmStateICMP: "XFRM_STATE_ICMP", xfrmStateAFUnspec: "XFRM_STATE_AF_UNSPEC",
	xfrmStateAlign4: "XFRM_STATE_ALIGN4", xfrmStateESN: "XFRM_STATE_ESN",
})

var extraFlags = decode.NewFlagSet("xfrm_sa_xflags", "XFRM_SA_XFLAG_", map[uint64]string{
	xfrmSAXflagDontEncapDSCP: "XFRM_SA_XFLAG_DONT_ENCAP_DSCP", xfrmSAXflagOseqMayWrap: "XFRM_SA_XFLAG_OSEQ_MAY_WRAP",
})

var aeFlags = decode.NewFlagSet("xfrm_ae_ftype", "XFRM_AE_", map[uint64]string{
	xfrmAERthr: "XFRM_AE_RTHR", xfrmAERval: "XFRM_AE_RVAL", xfrmAELval: "XFRM_AE_LVAL",
	xfrmAEEthr: "XFRM_AE_ETHR", xfrmAECR: "XFRM_AE_CR", xfrmAECE: "XFRM_AE_CE", xfrmAECU: "XFRM_AE_CU",
})

var defaultEnum = decode.NewEnum("xfrm_userpolicy", "XFRM_USERPOLICY_", map[uint64]string{
	xfrmUserpolicyUnspec: "XFRM_USERPOLICY_UNSPEC", xfrmUserpolicyBlock: "XFRM_USERPOLICY_BLOCK",
	xfrmUserpolicyAccept: "XFRM_USERPOLICY_ACCEPT",
})

var saDirEnum = decode.NewEnum("xfrm_sa_dir", "XFRM_SA_DIR_", map[uint64]string{
	xfrmSADirIn: "XFRM_SA_DIR_IN", xfrmSADirOut: "XFRM_SA_DIR_OUT",
})

var offloadFlags = decode.NewFlagSet("xfrm_offload_flags", "XFRM_OFFLOAD_", map[uint64]string{
	xfrmOffloadIPv6: "XFRM_OFFLOAD_IPV6", xfrmOffloadInbound: "XFRM_OFFLOAD_INBOUND",
	xfrmOffloadPacket: "XFRM_OFFLOAD_PACKET",
})

// encapTypeEnum names xfrm_encap_tmpl.encap_type (include/uapi/linux/udp.h, tcp.h).
var encapTypeEnum = decode.NewEnum("encap_type", "", map[uint64]string{
	unix.UDP_ENCAP_ESPINUDP_NON_IKE: "UDP_ENCAP_ESPINUDP_NON_IKE",
	unix.UDP_ENCAP_ESPINUDP:         "UDP_ENCAP_ESPINUDP",
	tcpEncapESPInTCP:                "TCP_ENCAP_ESPINTCP",
})

var scDOIEnum = decode.NewEnum("xfrm_sc_doi", "XFRM_SC_DOI_", map[uint64]string{
	0: "XFRM_SC_DOI_RESERVED", xfrmSCDOILSM: "XFRM_SC_DOI_LSM",
})

var scAlgEnum = decode.NewEnum("xfrm_sc_alg", "XFRM_SC_ALG_", map[uint64]string{
	0: "XFRM_SC_ALG_RESERVED", xfrmSCAlgSELinux: "XFRM_SC_ALG_SELINUX",
})

// infEnum names XFRM_INF, the lifetime limit that means no limit.
var infEnum = decode.NewEnum("xfrm_lifetime_limit", "", map[uint64]string{xfrmInf: "inf"})
