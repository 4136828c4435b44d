package netfilter

// Interval sets hold a range as a start element and an end element one past it
// (NFT_SET_ELEM_INTERVAL_END): printed back as nft writes them, 10.0.0.0/8 or
// 1000-1999.

import (
	"strconv"

	unix "github.com/nldump/nldump/internal/abi"
)

// elemStrings prints an anonymous set's elements, merging interval starts and
// ends into prefixes or ranges as nft does.
func elemStrings(s *nftSet, typ valType, be bool) []string {
	var out []string
	for i := 0; i < len(s.elems); i++ {
		k := s.elems[i]
		if s.elemFlags[i]&unix.NFT_SET_ELEM_INTERVAL_END != 0 {
			continue
		}
		if s.flags&unix.NFT_SET_INTERVAL != 0 && i+1 < len(s.elems) && s.elemFlags[i+1]&unix.NFT_SET_ELEM_INTERVAL_END != 0 {
			out = append(out, intervalString(k, s.elems[i+1], typ, be))
			i++
			continue
		}
		out = append(out, renderValue(k, typ, be))
	}
	if s.more {
		out = append(out, "...")
	}
	return out
}

// intervalString prints [start, end) as a prefix when it is one, else start-last.
func intervalString(start, end []byte, typ valType, be bool) string {
	if len(start) == len(end) && (typ == tIP4 || typ == tIP6) {
		// end is start + 2^(bits-prefix): find the prefix length.
		last := decrement(end)
		for p := 0; p <= len(start)*8; p++ {
			if isPrefixRange(start, last, p) {
				if p == len(start)*8 {
					return renderValue(start, typ, be)
				}
				return renderValue(start, typ, be) + "/" + strconv.Itoa(p)
			}
		}
		return renderValue(start, typ, be) + "-" + renderValue(last, typ, be)
	}
	return renderValue(start, typ, be) + "-" + renderValue(decrement(end), typ, be)
}

// decrement returns b - 1 as a big-endian number.
func decrement(b []byte) []byte {
	out := append([]byte(nil), b...)
	for i := len(out) - 1; i >= 0; i-- {
		out[i]--
		if out[i] != 0xff {
			break
		}
	}
	return out
}

// isPrefixRange reports whether [lo, hi] is exactly the prefix lo/p.
func isPrefixRange(lo, hi []byte, p int) bool {
	for i := range lo {
		for bit := 7; bit >= 0; bit-- {
			pos := i*8 + 7 - bit
			l, h := lo[i]>>bit&1, hi[i]>>bit&1
			if pos < p {
				if l != h {
					return false
				}
			} else if l != 0 || h != 1 {
				return false
			}
		}
	}
	return true
}
