package genl

// SEG6 (family "SEG6"; include/uapi/linux/seg6_genl.h). No fixed header:
//
//	genlmsghdr { cmd = SEG6_CMD_SETHMAC (1) | DUMPHMAC (2) | SET_TUNSRC (3) | GET_TUNSRC (4), version 1 }
//	SEG6_ATTR_DST in6_addr, SEG6_ATTR_DSTLEN s32, SEG6_ATTR_HMACKEYID u32,
//	SEG6_ATTR_SECRET bytes, SEG6_ATTR_SECRETLEN u8, SEG6_ATTR_ALGID u8
//
// golang.org/x/sys/unix has none of these constants.

import "github.com/nldump/nldump/decode"

// include/uapi/linux/seg6_genl.h
const seg6GenlName = "SEG6"

// include/uapi/linux/seg6_genl.h, SEG6_CMD_* (anonymous enum)
const (
	seg6CmdSetHMAC   = 1
	seg6CmdDumpHMAC  = 2
	seg6CmdSetTunsrc = 3
	seg6CmdGetTunsrc = 4
)

// include/uapi/linux/seg6_genl.h, SEG6_ATTR_* (anonymous enum)
const (
	seg6AttrDst       = 1
	seg6AttrDstLen    = 2
	seg6AttrHMACKeyID = 3
	seg6AttrSecret    = 4
	seg6AttrSecretLen = 5
	seg6AttrAlgID     = 6
	seg6AttrHMACInfo  = 7
)

// include/uapi/linux/seg6_hmac.h, enum SEG6_HMAC_ALGO_*
var seg6HMACAlgo = decode.NewEnum("seg6 hmac algorithm", "SEG6_HMAC_ALGO_", map[uint64]string{
	1: "SEG6_HMAC_ALGO_SHA1", 2: "SEG6_HMAC_ALGO_SHA256"})

var seg6Attrs = decode.NewAttrSet("SEG6_ATTR", "seg6",
	decode.Attr{Type: seg6AttrDst, CName: "SEG6_ATTR_DST", Kind: decode.KindAddr},
	decode.Attr{Type: seg6AttrDstLen, CName: "SEG6_ATTR_DSTLEN", Kind: decode.KindS32},
	decode.Attr{Type: seg6AttrHMACKeyID, CName: "SEG6_ATTR_HMACKEYID", Kind: decode.KindU32},
	decode.Attr{Type: seg6AttrSecret, CName: "SEG6_ATTR_SECRET", Kind: decode.KindBinary},
	decode.Attr{Type: seg6AttrSecretLen, CName: "SEG6_ATTR_SECRETLEN", Kind: decode.KindU8},
	decode.Attr{Type: seg6AttrAlgID, CName: "SEG6_ATTR_ALGID", Kind: decode.KindU8, Enum: seg6HMACAlgo},
	decode.Attr{Type: seg6AttrHMACInfo, CName: "SEG6_ATTR_HMACINFO", Kind: decode.KindBinary},
)

func init() {
	RegisterFamily(seg6GenlName, &Family{
		Prefix: "SEG6_CMD_",
		Attrs:  seg6Attrs,
		Commands: []Command{
			{Cmd: seg6CmdSetHMAC, CName: "SEG6_CMD_SETHMAC", Op: decode.OpNew},
			{Cmd: seg6CmdDumpHMAC, CName: "SEG6_CMD_DUMPHMAC", Op: decode.OpGet},
			{Cmd: seg6CmdSetTunsrc, CName: "SEG6_CMD_SET_TUNSRC", Op: decode.OpNew},
			{Cmd: seg6CmdGetTunsrc, CName: "SEG6_CMD_GET_TUNSRC"},
		},
		Summary: seg6Summary,
	})
}

// seg6Summary: "tunsrc 2001:db8::1" or "hmac key 7 SEG6_HMAC_ALGO_SHA256".
func seg6Summary(m *decode.Message, cmd uint8, reply bool) string {
	if f := m.Field("seg6.dst"); f != nil && (cmd == seg6CmdSetTunsrc || cmd == seg6CmdGetTunsrc) {
		return "tunsrc " + f.ValueString()
	}
	if f := m.Field("seg6.hmackeyid"); f != nil {
		s := "hmac key " + f.ValueString()
		if a := m.Field("seg6.algid"); a != nil {
			s += " " + a.ValueString()
		}
		return s
	}
	return attrCount(m)
}
