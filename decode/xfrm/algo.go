package xfrm

// Algorithms (XFRMA_ALG_AUTH, XFRMA_ALG_CRYPT, XFRMA_ALG_COMP: struct xfrm_algo;
// XFRMA_ALG_AUTH_TRUNC: struct xfrm_algo_auth; XFRMA_ALG_AEAD: struct
// xfrm_algo_aead), a crypto API name, the key length in bits, and the key:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|  alg_name (char[64], NUL-padded crypto API name)              |
//	+---------------+---------------+---------------+---------------+
//	|                    alg_key_len (bits)                         |  64
//	+---------------+---------------+---------------+---------------+
//	|  alg_trunc_len / alg_icv_len (bits; auth_trunc and aead only) |  68
//	+---------------+---------------+---------------+---------------+
//	|  alg_key ((alg_key_len + 7) / 8 bytes) ...                    |
//
// The key is secret material. It is a field of its own (so that the hex view
// marks its bytes and a JSON reader finds where it is), but its value is shown as
// its length, never as its bytes, and no summary prints it.

import (
	"github.com/nldump/nldump/decode"
)

var algoL = newLayout("xfrm_algo", "xfrm.alg",
	strm("alg_name", 64, "Crypto API algorithm name (cbc(aes), hmac(sha256), deflate ...)."),
	u32m("alg_key_len", "Key length.").unit("bits"),
)

var algoAuthL = newLayout("xfrm_algo_auth", "xfrm.alg",
	strm("alg_name", 64, "Crypto API algorithm name."),
	u32m("alg_key_len", "Key length.").unit("bits"),
	u32m("alg_trunc_len", "Length the ICV is truncated to.").unit("bits"),
)

var algoAEADL = newLayout("xfrm_algo_aead", "xfrm.alg",
	strm("alg_name", 64, "Crypto API algorithm name (rfc4106(gcm(aes)) ...)."),
	u32m("alg_key_len", "Key length (with the salt of rfc4106 and the like).").unit("bits"),
	u32m("alg_icv_len", "ICV length.").unit("bits"),
)

// keyDef is the key of an algorithm. Its value is the number of key bytes: the
// bytes themselves are never printed (the field's offset and length locate them).
var keyDef = decode.FieldDef{Name: "xfrm.alg.key", Label: "alg_key", CName: "alg_key",
	Kind: decode.KindU32, Unit: "bytes (key not shown)",
	Desc: "The algorithm's key. Its value is its length in bytes; the key bytes are not printed (the hex view shows them)."}

// algoHook returns a Custom hook for an attribute holding l: the bytes after the
// struct become the key field, checked against alg_key_len.
func algoHook(l *layout) func(c *decode.Context, f *decode.Field) {
	return func(c *decode.Context, f *decode.Field) {
		n := l.present(f.Children)
		if n < len(l.s.Members) {
			return // the engine noted the short struct
		}
		bits := f.Children[1].Value
		want := int((bits + 7) / 8)
		vs := f.Offset + 4
		ks := vs + l.s.Size
		have := len(f.Bytes) - l.s.Size
		if n < len(f.Children) {
			// The engine made the bytes after the struct an extra field: that is the key.
			k := &f.Children[n]
			k.Def, k.Value = &keyDef, uint64(have)
		} else if want > 0 {
			// A key length without key bytes: add an empty key field for the note.
			kids := c.Alloc(n + 1)
			copy(kids, f.Children)
			k := &kids[n]
			c.SetBytes(k, &keyDef, ks, ks)
			f.Children = kids
		}
		if have < want {
			c.Note(&f.Children[n], "alg_key_len %d bits needs %d key bytes, attribute at offset %d holds %d", bits, want, f.Offset, have)
		}
	}
}
