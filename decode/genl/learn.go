package genl

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// Learn records in sess the generic netlink family ids and multicast group ids that
// the nlctrl messages of fr announce (CTRL_CMD_NEWFAMILY replies and notifications,
// CTRL_CMD_NEWMCAST_GRP notifications). It is cheap: it looks only at
// NETLINK_GENERIC frames and only at messages of type GENL_ID_CTRL, and decodes
// nothing else. A command reading a file calls it for every frame in a first pass, so
// that messages before the controller exchange that explains them are named too.
func Learn(sess *decode.Session, fr *capture.Frame) {
	if fr == nil || fr.Protocol != unix.NETLINK_GENERIC || sess == nil {
		return
	}
	data := fr.Data
	order := frameOrder(data)
	for off := 0; off+unix.NLMSG_HDRLEN <= len(data); {
		n := order.Uint32(data[off:]) // compared unsigned: int(n) is negative above 2 GiB on 32-bit hosts
		if n < unix.NLMSG_HDRLEN || uint64(n) > uint64(len(data)-off) {
			return
		}
		l := int(n)
		typ := order.Uint16(data[off+4:])
		flags := order.Uint16(data[off+6:])
		po := off + unix.NLMSG_HDRLEN
		if typ == unix.GENL_ID_CTRL && isReply(flags) && l >= unix.NLMSG_HDRLEN+unix.GENL_HDRLEN {
			cmd := data[po]
			if cmd == unix.CTRL_CMD_NEWFAMILY || cmd == unix.CTRL_CMD_NEWMCAST_GRP {
				learnAttrs(sess, data, po+unix.GENL_HDRLEN, off+l, order)
			}
		}
		off += (l + 3) &^ 3
	}
}

// frameOrder is the byte order decode.DetectBigEndian finds for a frame; a
// frame that fits neither order ends Learn's walk at its first length check.
func frameOrder(b []byte) binary.ByteOrder {
	if decode.DetectBigEndian(b) {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// learnAttrs reads CTRL_ATTR_FAMILY_ID, CTRL_ATTR_FAMILY_NAME and
// CTRL_ATTR_MCAST_GROUPS from the attributes in data[off:end].
func learnAttrs(sess *decode.Session, data []byte, off, end int, order binary.ByteOrder) {
	be := order == binary.ByteOrder(binary.BigEndian)
	var id uint16
	var name []byte
	gs, ge := -1, -1
	it := decode.NewAttrIter(data, off, end, be)
	for it.Next() {
		vs, ve := it.Value()
		switch {
		case it.Type == unix.CTRL_ATTR_FAMILY_ID && ve-vs == 2:
			id = order.Uint16(data[vs:])
		case it.Type == unix.CTRL_ATTR_FAMILY_NAME:
			name = decode.TrimNUL(data[vs:ve])
		case it.Type == unix.CTRL_ATTR_MCAST_GROUPS:
			gs, ge = vs, ve
		}
	}
	if id == 0 || len(name) == 0 {
		return
	}
	fam := learnFamily(sess, id, name)
	if gs < 0 {
		return
	}
	groups := decode.NewAttrIter(data, gs, ge, be)
	for groups.Next() {
		var gid uint32
		var gname []byte
		es, ee := groups.Value()
		g := decode.NewAttrIter(data, es, ee, be)
		for g.Next() {
			vs, ve := g.Value()
			switch {
			case g.Type == unix.CTRL_ATTR_MCAST_GRP_ID && ve-vs == 4:
				gid = order.Uint32(data[vs:])
			case g.Type == unix.CTRL_ATTR_MCAST_GRP_NAME:
				gname = decode.TrimNUL(data[vs:ve])
			}
		}
		learnGroup(sess, fam, gid, gname)
	}
}

// ParseFamilyFlag parses the value of --genl-family, "ID=NAME": a family id
// (decimal, or hexadecimal with 0x) and the family's name, e.g. "28=ethtool" or
// "0x1c=ethtool".
func ParseFamilyFlag(s string) (id uint16, name string, err error) {
	i := strings.IndexByte(s, '=')
	if i < 0 {
		return 0, "", fmt.Errorf("--genl-family %q: want ID=NAME, e.g. 28=ethtool or 0x1c=ethtool", s)
	}
	idText, name := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
	n, perr := strconv.ParseUint(idText, 0, 16)
	switch {
	case perr != nil:
		return 0, "", fmt.Errorf("--genl-family %q: family id %q is not a number from %d to %d", s, idText, unix.GENL_MIN_ID, unix.GENL_MAX_ID)
	case n < unix.GENL_MIN_ID || n > unix.GENL_MAX_ID:
		return 0, "", fmt.Errorf("--genl-family %q: family id %d is out of range: generic netlink ids run from %d to %d", s, n, unix.GENL_MIN_ID, unix.GENL_MAX_ID)
	case n == unix.GENL_ID_CTRL && name != "nlctrl":
		return 0, "", fmt.Errorf("--genl-family %q: id %d is always nlctrl", s, n)
	case name == "":
		return 0, "", fmt.Errorf("--genl-family %q: the family name is empty", s)
	case len(name) >= unix.GENL_NAMSIZ:
		return 0, "", fmt.Errorf("--genl-family %q: family name %q is longer than %d bytes", s, name, unix.GENL_NAMSIZ-1)
	}
	return uint16(n), name, nil
}
