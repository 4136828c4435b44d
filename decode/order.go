package decode

import (
	"encoding/binary"
	"fmt"
	"strings"
)

// ByteOrderMode says how the decoder chooses the byte order of a frame.
type ByteOrderMode uint8

// Byte order modes.
const (
	// ByteOrderAuto detects the order per frame from the nlmsg_len fields.
	ByteOrderAuto ByteOrderMode = iota
	// LittleEndian decodes every frame little-endian (x86, arm64 hosts).
	LittleEndian
	// BigEndian decodes every frame big-endian (s390x, some MIPS and PowerPC hosts).
	BigEndian
)

// ParseByteOrder parses "auto", "little" or "big" (also "le", "be").
func ParseByteOrder(s string) (ByteOrderMode, error) {
	switch strings.ToLower(s) {
	case "auto", "":
		return ByteOrderAuto, nil
	case "little", "le", "little-endian":
		return LittleEndian, nil
	case "big", "be", "big-endian":
		return BigEndian, nil
	}
	return 0, fmt.Errorf("byte order %q: want little, big or auto", s)
}

// String returns "auto", "little" or "big".
func (m ByteOrderMode) String() string {
	switch m {
	case LittleEndian:
		return "little"
	case BigEndian:
		return "big"
	}
	return "auto"
}

// u16 reads a 16-bit value at b[0:2] in the given order.
func u16(b []byte, be bool) uint16 {
	if be {
		return binary.BigEndian.Uint16(b)
	}
	return binary.LittleEndian.Uint16(b)
}

// u32 reads a 32-bit value at b[0:4] in the given order.
func u32(b []byte, be bool) uint32 {
	if be {
		return binary.BigEndian.Uint32(b)
	}
	return binary.LittleEndian.Uint32(b)
}

// u64 reads a 64-bit value at b[0:8] in the given order.
func u64(b []byte, be bool) uint64 {
	if be {
		return binary.BigEndian.Uint64(b)
	}
	return binary.LittleEndian.Uint64(b)
}

// readUint reads an unsigned integer of len(b) bytes (1, 2, 4 or 8).
func readUint(b []byte, be bool) uint64 {
	switch len(b) {
	case 1:
		return uint64(b[0])
	case 2:
		return uint64(u16(b, be))
	case 4:
		return uint64(u32(b, be))
	case 8:
		return u64(b, be)
	}
	return 0
}

// signExtend sign-extends a value of size bytes.
func signExtend(v uint64, size int) uint64 {
	switch size {
	case 1:
		return uint64(int64(int8(v)))
	case 2:
		return uint64(int64(int16(v)))
	case 4:
		return uint64(int64(int32(v)))
	}
	return v
}

// walkFits reports how well the message walk fits the frame in one byte order:
// the number of whole messages that fit, and whether the walk ends exactly at the
// end of the frame or in zero padding.
func walkFits(b []byte, be bool) (msgs int, exact bool) {
	off := 0
	for off+16 <= len(b) {
		l := int(u32(b[off:], be))
		if l < 16 || l > len(b)-off {
			return msgs, allZero(b[off:])
		}
		msgs++
		off += align4(l)
	}
	return msgs, off >= len(b) || allZero(b[off:])
}

// detectOrder chooses the byte order of a frame: the one whose message walk covers
// the frame, preferring prev when both (or neither) do.
func detectOrder(b []byte, prev bool) bool {
	nl, el := walkFits(b, false)
	nb, eb := walkFits(b, true)
	switch {
	case el && nl > 0 && !(eb && nb > 0):
		return false
	case eb && nb > 0 && !(el && nl > 0):
		return true
	case nl > nb:
		return false
	case nb > nl:
		return true
	}
	return prev
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// align4 rounds n up to a multiple of 4 (NLMSG_ALIGN, NLA_ALIGN).
func align4(n int) int { return (n + 3) &^ 3 }

// DetectBigEndian reports whether a frame's messages read big-endian, by the same
// rule the decoder uses (little-endian when both or neither fit). First passes over
// a file (generic netlink families, interface names) use it.
func DetectBigEndian(b []byte) bool { return detectOrder(b, false) }
