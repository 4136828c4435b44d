package netfilter

// nftables user data (NFTA_TABLE_USERDATA, NFTA_CHAIN_USERDATA, NFTA_RULE_USERDATA,
// NFTA_SET_USERDATA, NFTA_SET_ELEM_USERDATA, NFTA_OBJ_USERDATA): opaque to the
// kernel; nft keeps comments and set details there as libnftnl's TLVs
// (libnftnl include/udata.h, struct nftnl_udata):
//
//	+--------+--------+------------------------+
//	|  type  |  len   |  value (len bytes) ... |   repeated
//	+--------+--------+------------------------+
//
// The comment's type is 0 for tables, chains, rules and elements
// (NFTNL_UDATA_*_COMMENT) and 7 for sets (NFTNL_UDATA_SET_COMMENT); these are
// libnftnl's numbers, not the kernel's.

import (
	"github.com/nldump/nldump/decode"
)

// libnftnl's comment TLV types (libnftnl include/libnftnl/udata.h).
const (
	udataComment    = 0 // NFTNL_UDATA_{TABLE,CHAIN,RULE,SET_ELEM}_COMMENT
	udataSetComment = 7 // NFTNL_UDATA_SET_COMMENT
)

var (
	udataCommentDef = decode.FieldDef{Name: "nft.udata.comment", Label: "comment", Kind: decode.KindString,
		Desc: "Comment nft stored in the object's user data (libnftnl TLV)."}
	udataTLVDef = decode.FieldDef{Name: "nft.udata.tlv", Label: "user data TLV", Kind: decode.KindBinary,
		Desc: "A libnftnl user data TLV other than a comment (key byte order, typeof expressions...), type and value."}
	udataRestDef = decode.FieldDef{Name: "nft.udata.trailing", Label: "Undecoded bytes", Kind: decode.KindBinary,
		Desc: "User data bytes that do not form a whole TLV."}
)

// udataFields lists the definitions the user data hooks make, for --fields.
var udataFields = []*decode.FieldDef{&udataCommentDef, &udataTLVDef, &udataRestDef}

// udata returns the Custom hook of a user data attribute whose comment TLV has
// type commentType.
func udata(commentType byte) func(c *decode.Context, f *decode.Field) {
	return func(c *decode.Context, f *decode.Field) {
		b := f.Bytes
		base := f.Offset + 4
		n, ok := 0, true
		for off := 0; off < len(b); {
			if off+2 > len(b) || off+2+int(b[off+1]) > len(b) {
				ok = false
				n++
				break
			}
			n++
			off += 2 + int(b[off+1])
		}
		kids := c.Alloc(n)
		off := 0
		for i := range kids {
			k := &kids[i]
			if i == n-1 && !ok {
				c.SetBytes(k, &udataRestDef, base+off, base+len(b))
				// Not a problem of the message: the kernel never reads user data.
				break
			}
			l := int(b[off+1])
			if b[off] == commentType {
				c.SetBytes(k, &udataCommentDef, base+off+2, base+off+2+l)
			} else {
				c.SetBytes(k, &udataTLVDef, base+off, base+off+2+l)
				k.Value = uint64(b[off])
			}
			off += 2 + l
		}
		f.Children = kids
	}
}

// withUdata attaches the user data hook to an attribute.
func withUdata(a decode.Attr, commentType byte) decode.Attr {
	a.Custom, a.Produces = udata(commentType), udataFields
	return a
}

// Fields implements decode.FieldLister: the definitions the user data hooks make
// (attribute sets and structs are listed by the engine).
func (Proto) Fields() []*decode.FieldDef { return udataFields }

// comment returns the comment in a user data field, or "".
func comment(f *decode.Field) string {
	if f == nil {
		return ""
	}
	if c := f.Child("nft.udata.comment"); c != nil {
		return strOf(c)
	}
	return ""
}
