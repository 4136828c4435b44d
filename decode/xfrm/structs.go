package xfrm

// The fixed structs of include/uapi/linux/xfrm.h, laid out as on x86_64 and every
// other 64-bit Linux ABI (__u64 aligned to 8; the 32-bit x86 ABI aligns it to 4 and
// makes several structs 4 bytes shorter, which the kernel's compat layer
// translates — nlmon sees the kernel's 64-bit form).
//
// struct xfrm_selector (56 bytes); xfrm_address_t is 16 bytes, an IPv4 address in
// the first 4, ports and masks are big-endian:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|                  daddr (xfrm_address_t, 16 bytes)             |
//	+---------------+---------------+---------------+---------------+
//	|                  saddr (xfrm_address_t, 16 bytes)             |
//	+---------------+---------------+---------------+---------------+
//	|          dport (be16)         |       dport_mask (be16)       |  32
//	+---------------+---------------+---------------+---------------+
//	|          sport (be16)         |       sport_mask (be16)       |  36
//	+---------------+---------------+---------------+---------------+
//	|            family             |  prefixlen_d  |  prefixlen_s  |  40
//	+---------------+---------------+---------------+---------------+
//	|     proto     |                   padding                     |  44
//	+---------------+---------------+---------------+---------------+
//	|                       ifindex (int)                           |  48
//	+---------------+---------------+---------------+---------------+
//	|                       user (uid)                              |  52
//	+---------------+---------------+---------------+---------------+
//
// struct xfrm_usersa_info (224 bytes): sel (56) | id (xfrm_id: daddr, spi be32,
// proto, 24) | saddr (16) | lft (xfrm_lifetime_cfg, 64) | curlft
// (xfrm_lifetime_cur, 32) | stats (12) | seq | reqid | family (u16) | mode |
// replay_window | flags | 7 bytes padding.

import "github.com/nldump/nldump/decode"

var selectorL = newLayout("xfrm_selector", "xfrm.sel",
	addrm("daddr", "Destination address matched (prefixlen_d bits)."),
	addrm("saddr", "Source address matched (prefixlen_s bits)."),
	be16m("dport", "Destination port (or ICMP type) matched under dport_mask."),
	be16m("dport_mask", "Mask of the destination port.").hex(),
	be16m("sport", "Source port (or ICMP code) matched under sport_mask."),
	be16m("sport_mask", "Mask of the source port.").hex(),
	famm("family", "Address family of the selector (0: that of the SA or policy)."),
	u8m("prefixlen_d", "Destination prefix length."),
	u8m("prefixlen_s", "Source prefix length."),
	u8m("proto", "Upper-layer protocol matched (0: any).").enum(ipProtoEnum),
	padm(3),
	s32m("ifindex", "Interface index matched (0: any)."),
	u32m("user", "User id matched."),
)

var idL = newLayout("xfrm_id", "xfrm.id",
	addrm("daddr", "Destination address of the SA."),
	mem{m: decode.Member{CName: "spi", Kind: decode.KindU32, BigEndian: true, Display: decode.DisplayHex,
		Desc: "Security Parameter Index (big-endian on the wire)."}},
	u8m("proto", "IPsec protocol (esp, ah, comp ...).").enum(xfrmProtoEnum),
	padm(3),
)

func limit(cname, desc string) mem { return u64m(cname, desc+" (inf: no limit).").enum(infEnum) }

var lifetimeCfgL = newLayout("xfrm_lifetime_cfg", "xfrm.lft",
	limit("soft_byte_limit", "Bytes after which a soft expire is sent"),
	limit("hard_byte_limit", "Bytes after which the SA expires"),
	limit("soft_packet_limit", "Packets after which a soft expire is sent"),
	limit("hard_packet_limit", "Packets after which the SA expires"),
	u64m("soft_add_expires_seconds", "Seconds after creation before a soft expire (0: none).").unit("s"),
	u64m("hard_add_expires_seconds", "Seconds after creation before expiry (0: none).").unit("s"),
	u64m("soft_use_expires_seconds", "Seconds after first use before a soft expire (0: none).").unit("s"),
	u64m("hard_use_expires_seconds", "Seconds after first use before expiry (0: none).").unit("s"),
)

var lifetimeCurL = newLayout("xfrm_lifetime_cur", "xfrm.curlft",
	u64m("bytes", "Bytes processed.").unit("bytes"),
	u64m("packets", "Packets processed."),
	u64m("add_time", "Creation time, seconds since the epoch.").unit("s"),
	u64m("use_time", "First use time, seconds since the epoch (0: unused).").unit("s"),
)

var statsL = newLayout("xfrm_stats", "xfrm.stats",
	u32m("replay_window", "Packets dropped outside the replay window."),
	u32m("replay", "Replayed packets dropped."),
	u32m("integrity_failed", "Packets that failed the integrity check."),
)

var usersaInfoL = newLayout("xfrm_usersa_info", "xfrm.sa",
	subm("sel", selectorL, "Traffic the SA applies to."),
	subm("id", idL, "Destination, SPI and protocol identifying the SA."),
	addrm("saddr", "Source address of the SA."),
	subm("lft", lifetimeCfgL, "Lifetime limits."),
	subm("curlft", lifetimeCurL, "Current lifetime counters."),
	subm("stats", statsL, "Error counters."),
	u32m("seq", "Sequence number of the acquire the SA answers."),
	u32m("reqid", "Request id tying the SA to policy templates."),
	famm("family", "Address family of the SA."),
	u8m("mode", "Mode (transport, tunnel ...).").enum(modeEnum),
	u8m("replay_window", "Replay window size in packets (ESN: XFRMA_REPLAY_ESN_VAL)."),
	u8m("flags", "XFRM_STATE_* flags.").flags(stateFlags),
	padm(7),
)

var usersaIDL = newLayout("xfrm_usersa_id", "xfrm.said",
	addrm("daddr", "Destination address of the SA."),
	mem{m: decode.Member{CName: "spi", Kind: decode.KindU32, BigEndian: true, Display: decode.DisplayHex,
		Desc: "Security Parameter Index (big-endian on the wire)."}},
	famm("family", "Address family."),
	u8m("proto", "IPsec protocol.").enum(xfrmProtoEnum),
	padm(1),
)

var userspiInfoL = newLayout("xfrm_userspi_info", "xfrm.spi",
	subm("info", usersaInfoL, "The larval SA to allocate an SPI for."),
	u32m("min", "Lowest SPI to allocate.").hex(),
	u32m("max", "Highest SPI to allocate.").hex(),
)

var userpolicyInfoL = newLayout("xfrm_userpolicy_info", "xfrm.pol",
	subm("sel", selectorL, "Traffic the policy applies to."),
	subm("lft", lifetimeCfgL, "Lifetime limits."),
	subm("curlft", lifetimeCurL, "Current lifetime counters."),
	u32m("priority", "Priority (lower wins)."),
	u32m("index", "Policy index (kernel-assigned unless given).").hex(),
	u8m("dir", "Direction (in, out, fwd).").enum(dirEnum),
	u8m("action", "Action (allow, block).").enum(actionEnum),
	u8m("flags", "XFRM_POLICY_* flags.").flags(policyFlags),
	u8m("share", "Sharing of SAs made for it.").enum(shareEnum),
	padm(4),
)

var userpolicyIDL = newLayout("xfrm_userpolicy_id", "xfrm.polid",
	subm("sel", selectorL, "Selector of the policy (used when index is 0)."),
	u32m("index", "Policy index (0: look up by selector).").hex(),
	u8m("dir", "Direction.").enum(dirEnum),
	padm(3),
)

var userAcquireL = newLayout("xfrm_user_acquire", "xfrm.acq",
	subm("id", idL, "Destination and protocol of the SA wanted."),
	addrm("saddr", "Source address of the SA wanted."),
	subm("sel", selectorL, "Traffic that triggered the acquire."),
	subm("policy", userpolicyInfoL, "The policy whose template needs an SA."),
	u32m("aalgos", "Allowed authentication algorithms (bitmap).").hex(),
	u32m("ealgos", "Allowed encryption algorithms (bitmap).").hex(),
	u32m("calgos", "Allowed compression algorithms (bitmap).").hex(),
	u32m("seq", "Acquire sequence number, echoed in the SA that answers it."),
)

var userExpireL = newLayout("xfrm_user_expire", "xfrm.expire",
	subm("state", usersaInfoL, "The SA that expires."),
	u8m("hard", "1: hard expiry (the SA is gone); 0: soft (renew it)."),
	padm(7),
)

var userPolexpireL = newLayout("xfrm_user_polexpire", "xfrm.polexpire",
	subm("pol", userpolicyInfoL, "The policy that expires."),
	u8m("hard", "1: hard expiry; 0: soft."),
	padm(7),
)

var usersaFlushL = newLayout("xfrm_usersa_flush", "xfrm.flush",
	u8m("proto", "IPsec protocol of the SAs flushed (0: all).").enum(xfrmProtoEnum),
)

var aeventIDL = newLayout("xfrm_aevent_id", "xfrm.ae",
	subm("sa_id", usersaIDL, "The SA."),
	addrm("saddr", "Source address of the SA."),
	u32m("flags", "XFRM_AE_* flags: what is asked or reported, and why.").flags(aeFlags),
	u32m("reqid", "Request id."),
)

var userReportL = newLayout("xfrm_user_report", "xfrm.report",
	u8m("proto", "IPsec protocol.").enum(xfrmProtoEnum),
	padm(3),
	subm("sel", selectorL, "Traffic reported."),
)

var kmaddressL = newLayout("xfrm_user_kmaddress", "xfrm.kmaddr",
	addrm("local", "Local address the key manager should use."),
	addrm("remote", "Remote address the key manager should use."),
	u32m("reserved", "Reserved."),
	famm("family", "Address family."),
	padm(2),
)

var userMigrateL = newLayout("xfrm_user_migrate", "xfrm.migrate",
	addrm("old_daddr", "Old destination address.").familyFrom("old_family"),
	addrm("old_saddr", "Old source address.").familyFrom("old_family"),
	addrm("new_daddr", "New destination address.").familyFrom("new_family"),
	addrm("new_saddr", "New source address.").familyFrom("new_family"),
	u8m("proto", "IPsec protocol.").enum(xfrmProtoEnum),
	u8m("mode", "Mode.").enum(modeEnum),
	u16m("reserved", "Reserved."),
	u32m("reqid", "Request id."),
	u16m("old_family", "Family of the old addresses.").enum(familyEnum),
	u16m("new_family", "Family of the new addresses.").enum(familyEnum),
)

var userMappingL = newLayout("xfrm_user_mapping", "xfrm.mapping",
	subm("id", usersaIDL, "The SA whose NAT mapping changed."),
	u32m("reqid", "Request id."),
	addrm("old_saddr", "Old source address."),
	addrm("new_saddr", "New source address."),
	be16m("old_sport", "Old source port."),
	be16m("new_sport", "New source port."),
)

var addressFilterL = newLayout("xfrm_address_filter", "xfrm.filter",
	addrm("saddr", "Source address to match."),
	addrm("daddr", "Destination address to match."),
	famm("family", "Address family."),
	u8m("splen", "Source prefix length."),
	u8m("dplen", "Destination prefix length."),
)

var userpolicyDefaultL = newLayout("xfrm_userpolicy_default", "xfrm.default",
	u8m("in", "Default for inbound traffic without a policy.").enum(defaultEnum),
	u8m("fwd", "Default for forwarded traffic without a policy.").enum(defaultEnum),
	u8m("out", "Default for outbound traffic without a policy.").enum(defaultEnum),
)

var userTmplL = newLayout("xfrm_user_tmpl", "xfrm.tmpl",
	subm("id", idL, "Destination, SPI (0: any) and protocol of the SA required."),
	famm("family", "Address family of the template's addresses."),
	padm(2),
	addrm("saddr", "Source address of the SA required."),
	u32m("reqid", "Request id (0: any)."),
	u8m("mode", "Mode.").enum(modeEnum),
	u8m("share", "Sharing.").enum(shareEnum),
	u8m("optional", "1: the transform may be missing (level use)."),
	padm(1),
	u32m("aalgos", "Allowed authentication algorithms (bitmap).").hex(),
	u32m("ealgos", "Allowed encryption algorithms (bitmap).").hex(),
	u32m("calgos", "Allowed compression algorithms (bitmap).").hex(),
)

var encapTmplL = newLayout("xfrm_encap_tmpl", "xfrm.encap",
	u16m("encap_type", "Encapsulation (ESP in UDP, ESP in TCP).").enum(encapTypeEnum),
	be16m("encap_sport", "Source port of the encapsulation."),
	be16m("encap_dport", "Destination port of the encapsulation."),
	padm(2),
	addrm("encap_oa", "Original address (NAT-OA)."),
)

var markL = newLayout("xfrm_mark", "xfrm.mark",
	u32m("v", "Mark value.").hex().named("xfrm.mark.value"),
	u32m("m", "Mark mask.").hex().named("xfrm.mark.mask"),
)

var replayStateL = newLayout("xfrm_replay_state", "xfrm.replay",
	u32m("oseq", "Outbound sequence number."),
	u32m("seq", "Highest inbound sequence number."),
	u32m("bitmap", "Replay window bitmap.").hex(),
)

var replayESNL = newLayout("xfrm_replay_state_esn", "xfrm.replay_esn",
	u32m("bmp_len", "Length of the bitmap in 32-bit words."),
	u32m("oseq", "Outbound sequence number (low 32 bits)."),
	u32m("seq", "Highest inbound sequence number (low 32 bits)."),
	u32m("oseq_hi", "Outbound sequence number (high 32 bits)."),
	u32m("seq_hi", "Inbound sequence number (high 32 bits)."),
	u32m("replay_window", "Replay window size in packets."),
)

var userpolicyTypeL = newLayout("xfrm_userpolicy_type", "xfrm.ptype",
	u8m("type", "Policy type (main, sub).").enum(policyTypeEnum),
	padm(1),
	u16m("reserved1", "Reserved."),
	u8m("reserved2", "Reserved."),
	padm(1),
)

var userSecCtxL = newLayout("xfrm_user_sec_ctx", "xfrm.secctx",
	u16m("len", "Length of the struct and the context string.").unit("bytes"),
	u16m("exttype", "Extension type (XFRMA_SEC_CTX)."),
	u8m("ctx_alg", "Security context algorithm.").enum(scAlgEnum),
	u8m("ctx_doi", "Security context domain of interpretation.").enum(scDOIEnum),
	u16m("ctx_len", "Length of the context string.").unit("bytes"),
)

var userOffloadL = newLayout("xfrm_user_offload", "xfrm.offload",
	s32m("ifindex", "Interface the SA or policy is offloaded to."),
	u8m("flags", "XFRM_OFFLOAD_* flags.").flags(offloadFlags),
	padm(3),
)

// SAD and SPD information (XFRM_MSG_NEWSADINFO, XFRM_MSG_NEWSPDINFO).

var infoFlagsL = newLayout("u32", "xfrm.info",
	u32m("flags", "Flags of the SAD or SPD information request (unused; iproute2 sends 0xffffffff).").hex(),
)

// The SAD and SPD information messages start with a bare __u32, not a struct.
func init() { infoFlagsL.s.Def().Label = "__u32 (SAD/SPD information header)" }

var sadhinfoL = newLayout("xfrmu_sadhinfo", "xfrm.sadhinfo",
	u32m("sadhcnt", "Current number of SAD hash buckets."),
	u32m("sadhmcnt", "Maximum number of SAD hash buckets."),
)

var spdinfoL = newLayout("xfrmu_spdinfo", "xfrm.spdinfo",
	u32m("incnt", "Inbound policies."),
	u32m("outcnt", "Outbound policies."),
	u32m("fwdcnt", "Forward policies."),
	u32m("inscnt", "Inbound socket policies."),
	u32m("outscnt", "Outbound socket policies."),
	u32m("fwdscnt", "Forward socket policies."),
)

var spdhinfoL = newLayout("xfrmu_spdhinfo", "xfrm.spdhinfo",
	u32m("spdhcnt", "Current number of SPD hash buckets."),
	u32m("spdhmcnt", "Maximum number of SPD hash buckets."),
)

var spdhthreshL = newLayout("xfrmu_spdhthresh", "xfrm.spdhthresh",
	u8m("lbits", "Prefix length from which local addresses are hashed."),
	u8m("rbits", "Prefix length from which remote addresses are hashed."),
)
