package decode

// Netlink attribute (struct nlattr, include/uapi/linux/netlink.h; struct rtattr is
// the same layout):
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|           nla_len             |N|B|         nla_type           |
//	+---------------+---------------+---------------+---------------+
//	|   value (nla_len - 4 bytes) ...               |  pad to 4     |
//	+---------------+---------------+---------------+---------------+
//
// N is NLA_F_NESTED (0x8000), B is NLA_F_NET_BYTEORDER (0x4000); nla_len counts the
// header and the value, not the padding.

import (
	"fmt"

	unix "github.com/nldump/nldump/internal/abi"
)

// nlaTypeMask clears the NLA_F_NESTED and NLA_F_NET_BYTEORDER bits.
const nlaTypeMask = ^uint16(unix.NLA_F_NESTED | unix.NLA_F_NET_BYTEORDER)

// AttrIter walks the attributes in data[off:end] with a sticky error: the caller
// loops on Next, then checks Err once. Offsets are positions in data (the frame).
type AttrIter struct {
	data     []byte
	off, end int
	be       bool

	// Offset is the current attribute's offset (its nla_len field).
	Offset int
	// Len is the current attribute's nla_len (header plus value, no padding).
	Len int
	// Type is the current attribute's type without the NLA_F_* bits.
	Type uint16
	// Bits holds the current attribute's NLA_F_NESTED and NLA_F_NET_BYTEORDER bits.
	Bits uint16

	err    AttrError
	failed bool
}

// AttrError says where and why an attribute walk stopped early. It is a plain
// value, formatted only when asked, so that a failed walk costs no allocation.
type AttrError struct {
	// Offset is where the offending bytes start within the frame.
	Offset int
	// Len is the offending nla_len, or the number of trailing bytes.
	Len int
	// Left is the number of bytes that were left in the parent.
	Left int
	// Kind says what is wrong.
	Kind AttrErrorKind
}

// AttrErrorKind is why an attribute walk stopped.
type AttrErrorKind uint8

// Reasons an attribute walk stops early.
const (
	// AttrTrailing: fewer than 4 non-zero bytes after the last attribute.
	AttrTrailing AttrErrorKind = iota + 1
	// AttrTooShort: nla_len below the 4-byte header (0 included).
	AttrTooShort
	// AttrTooLong: nla_len beyond the end of the parent.
	AttrTooLong
)

// Error implements error.
func (e *AttrError) Error() string {
	switch e.Kind {
	case AttrTrailing:
		return fmt.Sprintf("offset %d: %d trailing bytes, too short for an attribute header", e.Offset, e.Len)
	case AttrTooShort:
		return fmt.Sprintf("offset %d: attribute length %d is below the 4-byte header", e.Offset, e.Len)
	}
	return fmt.Sprintf("offset %d: attribute length %d exceeds the %d bytes left in its parent", e.Offset, e.Len, e.Left)
}

// NewAttrIter returns an iterator over the attributes in data[off:end].
func NewAttrIter(data []byte, off, end int, bigEndian bool) AttrIter {
	if end > len(data) {
		end = len(data)
	}
	return AttrIter{data: data, off: off, end: end, be: bigEndian}
}

// Next advances to the next attribute and reports whether there is one.
func (it *AttrIter) Next() bool {
	if it.failed || it.off >= it.end {
		return false
	}
	rem := it.end - it.off
	if rem < 4 {
		if !allZero(it.data[it.off:it.end]) {
			it.fail(AttrTrailing, rem, rem)
		}
		return false
	}
	l := int(u16(it.data[it.off:], it.be))
	t := u16(it.data[it.off+2:], it.be)
	switch {
	case l < 4:
		it.fail(AttrTooShort, l, rem)
		return false
	case l > rem:
		it.fail(AttrTooLong, l, rem)
		return false
	}
	it.Offset, it.Len = it.off, l
	it.Type, it.Bits = t&nlaTypeMask, t&^nlaTypeMask
	it.off += align4(l)
	if it.off > it.end {
		it.off = it.end // the last attribute's padding may be missing
	}
	return true
}

func (it *AttrIter) fail(k AttrErrorKind, l, left int) {
	it.err = AttrError{Offset: it.off, Len: l, Left: left, Kind: k}
	it.failed = true
}

// Value returns the current attribute's value bounds [start, end) in the frame.
func (it *AttrIter) Value() (start, end int) { return it.Offset + 4, it.Offset + it.Len }

// Err returns why the walk stopped early, or nil.
func (it *AttrIter) Err() *AttrError {
	if !it.failed {
		return nil
	}
	return &it.err
}

// Rest returns the offset at which the walk stopped.
func (it *AttrIter) Rest() int { return it.off }

// countAttrs returns how many attributes an AttrIter yields over data[off:end] and
// whether it stops early.
func countAttrs(data []byte, off, end int, be bool) (n int, stopped bool) {
	it := NewAttrIter(data, off, end, be)
	for it.Next() {
		n++
	}
	return n, it.failed
}
