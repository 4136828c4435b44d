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

	"golang.org/x/sys/unix"
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

	err *AttrError
}

// AttrError says where and why an attribute walk stopped early.
type AttrError struct {
	// Offset is where the offending bytes start within the frame.
	Offset int
	// Reason says what is wrong.
	Reason string
}

// Error implements error.
func (e *AttrError) Error() string { return fmt.Sprintf("offset %d: %s", e.Offset, e.Reason) }

// NewAttrIter returns an iterator over the attributes in data[off:end].
func NewAttrIter(data []byte, off, end int, bigEndian bool) AttrIter {
	if end > len(data) {
		end = len(data)
	}
	return AttrIter{data: data, off: off, end: end, be: bigEndian}
}

// Next advances to the next attribute and reports whether there is one.
func (it *AttrIter) Next() bool {
	if it.err != nil || it.off >= it.end {
		return false
	}
	rem := it.end - it.off
	if rem < 4 {
		if !allZero(it.data[it.off:it.end]) {
			it.err = &AttrError{it.off, fmt.Sprintf("%d trailing bytes, too short for an attribute header", rem)}
		}
		return false
	}
	l := int(u16(it.data[it.off:], it.be))
	t := u16(it.data[it.off+2:], it.be)
	switch {
	case l < 4:
		it.err = &AttrError{it.off, fmt.Sprintf("attribute length %d is below the 4-byte header", l)}
		return false
	case l > rem:
		it.err = &AttrError{it.off, fmt.Sprintf("attribute length %d exceeds the %d bytes left in its parent", l, rem)}
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

// Value returns the current attribute's value bounds [start, end) in the frame.
func (it *AttrIter) Value() (start, end int) { return it.Offset + 4, it.Offset + it.Len }

// Err returns why the walk stopped early, or nil.
func (it *AttrIter) Err() *AttrError { return it.err }

// Rest returns the offset at which the walk stopped.
func (it *AttrIter) Rest() int { return it.off }

// countAttrs returns how many attributes an AttrIter yields over data[off:end] and
// whether it stops early.
func countAttrs(data []byte, off, end int, be bool) (n int, stopped bool) {
	it := NewAttrIter(data, off, end, be)
	for it.Next() {
		n++
	}
	return n, it.err != nil
}
