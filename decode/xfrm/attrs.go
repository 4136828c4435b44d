package xfrm

// XFRMA_* attributes (include/uapi/linux/xfrm.h, enum xfrm_attr_type_t), after the
// fixed struct of every XFRM_MSG_* type, and the XFRMA_SAD_* and XFRMA_SPD_*
// attributes of the SAD and SPD information messages. Each attribute is a netlink
// attribute (struct nlattr) whose value is mostly one of the structs of
// structs.go; XFRMA_TMPL and XFRMA_MIGRATE hold arrays of structs, the algorithm
// attributes a struct followed by a key (algo.go).

import (
	"github.com/nldump/nldump/decode"
)

func structa(t uint16, cname string, l *layout, desc string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Struct: l.s, Custom: l.attrHook(), Desc: desc}
}

func arraya(t uint16, cname string, l *layout, desc string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: decode.KindStruct, Custom: l.arrayHook(), Desc: desc}
}

func algoa(t uint16, cname string, l *layout, desc string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Struct: l.s, Custom: algoHook(l), Desc: desc}
}

func inta(t uint16, cname string, k decode.Kind, desc string) decode.Attr {
	return decode.Attr{Type: t, CName: cname, Kind: k, Desc: desc}
}

// xfrmaAttrs is the XFRMA_* set.
var xfrmaAttrs = decode.NewAttrSet("XFRMA", "xfrma",
	algoa(xfrmaAlgAuth, "XFRMA_ALG_AUTH", algoL, "Authentication algorithm (untruncated form; see XFRMA_ALG_AUTH_TRUNC)."),
	algoa(xfrmaAlgCrypt, "XFRMA_ALG_CRYPT", algoL, "Encryption algorithm."),
	algoa(xfrmaAlgComp, "XFRMA_ALG_COMP", algoL, "Compression algorithm (IPComp)."),
	structa(xfrmaEncap, "XFRMA_ENCAP", encapTmplL, "UDP or TCP encapsulation (NAT traversal)."),
	arraya(xfrmaTmpl, "XFRMA_TMPL", userTmplL, "The policy's templates: the SAs the traffic must go through, in order."),
	structa(xfrmaSA, "XFRMA_SA", usersaInfoL, "The whole SA (in a delete notification)."),
	structa(xfrmaPolicy, "XFRMA_POLICY", userpolicyInfoL, "The whole policy (in a delete notification)."),
	decode.Attr{Type: xfrmaSecCtx, CName: "XFRMA_SEC_CTX", Struct: userSecCtxL.s, Custom: secCtxHook,
		Desc: "Security (LSM) context of the SA or policy."},
	structa(xfrmaLtimeVal, "XFRMA_LTIME_VAL", lifetimeCurL, "Current lifetime counters (async events)."),
	structa(xfrmaReplayVal, "XFRMA_REPLAY_VAL", replayStateL, "Replay state (async events)."),
	inta(xfrmaReplayThresh, "XFRMA_REPLAY_THRESH", decode.KindU32, "Packets between replay notifications."),
	inta(xfrmaEtimerThresh, "XFRMA_ETIMER_THRESH", decode.KindU32, "Time between replay notifications, in 100 ms units."),
	decode.Attr{Type: xfrmaSrcAddr, CName: "XFRMA_SRCADDR", Kind: decode.KindAddr, Custom: addrAttrHook,
		Desc: "Source address (xfrm_address_t) of the SA looked up or deleted."},
	decode.Attr{Type: xfrmaCoAddr, CName: "XFRMA_COADDR", Kind: decode.KindAddr, Custom: addrAttrHook,
		Desc: "Care-of address (Mobile IPv6)."},
	decode.Attr{Type: xfrmaLastUsed, CName: "XFRMA_LASTUSED", Kind: decode.KindU64, Unit: "s",
		Desc: "Last use of the SA, seconds since the epoch."},
	structa(xfrmaPolicyType, "XFRMA_POLICY_TYPE", userpolicyTypeL, "Policy type (main or sub)."),
	arraya(xfrmaMigrate, "XFRMA_MIGRATE", userMigrateL, "Address changes of SAs to migrate."),
	algoa(xfrmaAlgAEAD, "XFRMA_ALG_AEAD", algoAEADL, "Combined-mode (AEAD) algorithm."),
	structa(xfrmaKMAddress, "XFRMA_KMADDRESS", kmaddressL, "Addresses the key manager should use after a migration."),
	algoa(xfrmaAlgAuthTrunc, "XFRMA_ALG_AUTH_TRUNC", algoAuthL, "Authentication algorithm with its truncation length."),
	structa(xfrmaMark, "XFRMA_MARK", markL, "Mark value and mask the SA or policy matches."),
	inta(xfrmaTFCPad, "XFRMA_TFCPAD", decode.KindU32, "Traffic flow confidentiality padding length."),
	decode.Attr{Type: xfrmaReplayESNVal, CName: "XFRMA_REPLAY_ESN_VAL", Struct: replayESNL.s, Custom: replayESNHook,
		Desc: "Extended sequence number replay state with its bitmap."},
	decode.Attr{Type: xfrmaSAExtraFlags, CName: "XFRMA_SA_EXTRA_FLAGS", Kind: decode.KindU32, Flags: extraFlags,
		Desc: "XFRM_SA_XFLAG_* flags."},
	decode.Attr{Type: xfrmaProto, CName: "XFRMA_PROTO", Kind: decode.KindU8, Enum: xfrmProtoEnum,
		Desc: "IPsec protocol to dump or flush."},
	structa(xfrmaAddressFilter, "XFRMA_ADDRESS_FILTER", addressFilterL, "Address filter of an SA dump."),
	decode.Attr{Type: xfrmaPad, CName: "XFRMA_PAD", Kind: decode.KindPad, Desc: "Padding for 64-bit alignment."},
	structa(xfrmaOffloadDev, "XFRMA_OFFLOAD_DEV", userOffloadL, "Hardware offload device."),
	decode.Attr{Type: xfrmaSetMark, CName: "XFRMA_SET_MARK", Kind: decode.KindU32, Display: decode.DisplayHex,
		Desc: "Mark set on packets the SA processes (XFRMA_OUTPUT_MARK before 4.19)."},
	decode.Attr{Type: xfrmaSetMarkMask, CName: "XFRMA_SET_MARK_MASK", Kind: decode.KindU32, Display: decode.DisplayHex,
		Desc: "Mask of XFRMA_SET_MARK."},
	inta(xfrmaIfID, "XFRMA_IF_ID", decode.KindU32, "xfrm interface id the SA or policy belongs to."),
	decode.Attr{Type: xfrmaMtimerThresh, CName: "XFRMA_MTIMER_THRESH", Kind: decode.KindU32, Unit: "s",
		Desc: "Minimum time between NAT mapping notifications of an inbound SA."},
	decode.Attr{Type: xfrmaSADir, CName: "XFRMA_SA_DIR", Kind: decode.KindU8, Enum: saDirEnum,
		Desc: "Direction of the SA (in, out)."},
	decode.Attr{Type: xfrmaNATKeepaliveInterval, CName: "XFRMA_NAT_KEEPALIVE_INTERVAL", Kind: decode.KindU32, Unit: "s",
		Desc: "Interval of NAT keepalive packets."},
	inta(xfrmaSAPcpu, "XFRMA_SA_PCPU", decode.KindU32, "CPU of a per-CPU SA."),
	decode.Attr{Type: xfrmaIPTFSDropTime, CName: "XFRMA_IPTFS_DROP_TIME", Kind: decode.KindU32, Unit: "us",
		Desc: "IP-TFS: time to wait for a missing sequence number."},
	decode.Attr{Type: xfrmaIPTFSReorderWindow, CName: "XFRMA_IPTFS_REORDER_WINDOW", Kind: decode.KindU16,
		Desc: "IP-TFS: reorder window in packets."},
	decode.Attr{Type: xfrmaIPTFSDontFrag, CName: "XFRMA_IPTFS_DONT_FRAG", Kind: decode.KindFlag,
		Desc: "IP-TFS: do not fragment inner packets."},
	decode.Attr{Type: xfrmaIPTFSInitDelay, CName: "XFRMA_IPTFS_INIT_DELAY", Kind: decode.KindU32, Unit: "us",
		Desc: "IP-TFS: initial delay of outer packets."},
	decode.Attr{Type: xfrmaIPTFSMaxQSize, CName: "XFRMA_IPTFS_MAX_QSIZE", Kind: decode.KindU32, Unit: "bytes",
		Desc: "IP-TFS: maximum queue size."},
	decode.Attr{Type: xfrmaIPTFSPktSize, CName: "XFRMA_IPTFS_PKT_SIZE", Kind: decode.KindU32, Unit: "bytes",
		Desc: "IP-TFS: outer packet size (0: path MTU)."},
)

// sadAttrs is the XFRMA_SAD_* set of XFRM_MSG_NEWSADINFO.
var sadAttrs = decode.NewAttrSet("XFRMA_SAD", "xfrma.sad",
	inta(xfrmaSADCnt, "XFRMA_SAD_CNT", decode.KindU32, "Number of SAs."),
	structa(xfrmaSADHInfo, "XFRMA_SAD_HINFO", sadhinfoL, "SAD hash table size."),
)

// spdAttrs is the XFRMA_SPD_* set of XFRM_MSG_NEWSPDINFO.
var spdAttrs = decode.NewAttrSet("XFRMA_SPD", "xfrma.spd",
	structa(xfrmaSPDInfo, "XFRMA_SPD_INFO", spdinfoL, "Number of policies per direction."),
	structa(xfrmaSPDHInfo, "XFRMA_SPD_HINFO", spdhinfoL, "SPD hash table size."),
	structa(xfrmaSPDIPv4HThresh, "XFRMA_SPD_IPV4_HTHRESH", spdhthreshL, "IPv4 policy hash thresholds."),
	structa(xfrmaSPDIPv6HThresh, "XFRMA_SPD_IPV6_HTHRESH", spdhthreshL, "IPv6 policy hash thresholds."),
)

var (
	ctxStrDef = decode.FieldDef{Name: "xfrm.secctx.ctx_str", Label: "ctx_str", CName: "ctx_str", Kind: decode.KindString,
		Desc: "The security context string (an SELinux context)."}
	bmpDef = decode.FieldDef{Name: "xfrm.replay_esn.bmp", Label: "bmp", CName: "bmp", Kind: decode.KindBinary,
		Desc: "Replay window bitmap, bmp_len 32-bit words."}
)

// secCtxHook names the context string after struct xfrm_user_sec_ctx.
func secCtxHook(c *decode.Context, f *decode.Field) {
	tailHook(userSecCtxL, &ctxStrDef, f)
}

// replayESNHook names the bitmap after struct xfrm_replay_state_esn.
func replayESNHook(c *decode.Context, f *decode.Field) {
	tailHook(replayESNL, &bmpDef, f)
}

// tailHook gives the bytes after a whole struct (the engine's extra field) the
// definition def.
func tailHook(l *layout, def *decode.FieldDef, f *decode.Field) {
	if n := l.present(f.Children); n == len(l.s.Members) && n < len(f.Children) {
		f.Children[n].Def = def
	}
}
