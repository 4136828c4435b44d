package sockdiag

// unix_diag (include/uapi/linux/unix_diag.h): AF_UNIX sockets.
//
//	struct unix_diag_req (24 bytes)            struct unix_diag_msg (16 bytes)
//	+--------+----------+---------+            +--------+------+-------+-----+
//	| family | protocol |   pad   |            | family | type | state | pad |
//	+--------+----------+---------+            +--------+------+-------+-----+
//	|        udiag_states         |            |          udiag_ino          |
//	+-----------------------------+            +-----------------------------+
//	|         udiag_ino           |            |       udiag_cookie[2]       |
//	+-----------------------------+            +-----------------------------+
//	|         udiag_show          |            | UNIX_DIAG_* attributes      |
//	+-----------------------------+
//	|       udiag_cookie[2]       |
//	+-----------------------------+
//
// UNIX_DIAG_NAME holds the bound path, or for an abstract socket a NUL and the
// abstract name (ss prints it after '@').

import (
	"github.com/nldump/nldump/decode"
)

var udiagShowFlags = decode.NewFlagSet("udiag_show", "UDIAG_SHOW_", map[uint64]string{
	udiagShowName: "UDIAG_SHOW_NAME", udiagShowVFS: "UDIAG_SHOW_VFS", udiagShowPeer: "UDIAG_SHOW_PEER",
	udiagShowIcons: "UDIAG_SHOW_ICONS", udiagShowRqlen: "UDIAG_SHOW_RQLEN", udiagShowMeminfo: "UDIAG_SHOW_MEMINFO",
	udiagShowUID: "UDIAG_SHOW_UID",
})

// cookieMembers are the two u32 words of a socket cookie (udiag_cookie[2], ...).
func cookieMembers(cname, name string) []decode.Member {
	return []decode.Member{
		{CName: cname + "[0]", Name: name + "0", Kind: decode.KindU32, Display: decode.DisplayHex, Desc: "Socket cookie, low 32 bits (a request: 0xffffffff in both words for none)."},
		{CName: cname + "[1]", Name: name + "1", Kind: decode.KindU32, Display: decode.DisplayHex, Desc: "Socket cookie, high 32 bits."},
	}
}

var unixReq = decode.NewStruct("unix_diag_req", "udiag", append([]decode.Member{
	{CName: "sdiag_family", Name: "sdiag.family", Kind: decode.KindU8, Enum: familyEnum, Desc: "Address family of the sockets asked for."},
	{CName: "sdiag_protocol", Name: "sdiag.protocol", Kind: decode.KindU8, Desc: "Protocol (0 for unix sockets)."},
	padm(2),
	{CName: "udiag_states", Kind: decode.KindU32, Flags: tcpStatesFlags, Desc: "States to dump: bit 1<<state (ESTABLISHED, LISTEN, CLOSE)."},
	{CName: "udiag_ino", Kind: decode.KindU32, Desc: "Inode of the one socket asked for (with the cookie), or 0 to dump."},
	{CName: "udiag_show", Kind: decode.KindU32, Flags: udiagShowFlags, Desc: "Attributes asked for (UDIAG_SHOW_*)."},
}, cookieMembers("udiag_cookie", "udiag.cookie")...)...)

var unixMsg = decode.NewStruct("unix_diag_msg", "udiag", append([]decode.Member{
	{CName: "udiag_family", Kind: decode.KindU8, Enum: familyEnum, Desc: "Address family (AF_UNIX)."},
	{CName: "udiag_type", Kind: decode.KindU8, Enum: sockTypeEnum, Desc: "Socket type."},
	{CName: "udiag_state", Kind: decode.KindU8, Enum: tcpStateEnum, Desc: "State: TCP_ESTABLISHED (connected), TCP_LISTEN or TCP_CLOSE."},
	padm(1),
	{CName: "udiag_ino", Kind: decode.KindU32, Desc: "Socket inode number."},
}, cookieMembers("udiag_cookie", "udiag.cookie")...)...)

var unixVFS = decode.NewStruct("unix_diag_vfs", "unix_diag.vfs",
	decode.Member{CName: "udiag_vfs_ino", Name: "unix_diag.vfs.ino", Kind: decode.KindU32, Desc: "Inode of the bound path."},
	decode.Member{CName: "udiag_vfs_dev", Name: "unix_diag.vfs.dev", Kind: decode.KindU32, Display: decode.DisplayHex, Desc: "Device of the bound path (kernel dev_t encoding)."},
)

var unixRqlen = decode.NewStruct("unix_diag_rqlen", "unix_diag.rqlen",
	decode.Member{CName: "udiag_rqueue", Name: "unix_diag.rqlen.rqueue", Kind: decode.KindU32, Desc: "Receive queue: a listener's pending connections, else bytes (stream) or packets queued."},
	decode.Member{CName: "udiag_wqueue", Name: "unix_diag.rqlen.wqueue", Kind: decode.KindU32, Desc: "A listener's backlog, else bytes being sent."},
)

// defAbstract is UNIX_DIAG_NAME of an abstract socket: the name after the NUL.
var defAbstract = decode.FieldDef{Name: "unix_diag.name", Label: "NAME (abstract)", CName: "UNIX_DIAG_NAME", Kind: decode.KindString,
	Desc: "Abstract socket name: the bytes after the leading NUL (ss shows '@' and the name)."}

// abstractName shows an abstract UNIX_DIAG_NAME (first byte NUL) by its name.
func abstractName(c *decode.Context, f *decode.Field) {
	if len(f.Bytes) > 0 && f.Bytes[0] == 0 {
		f.Def = &defAbstract
		f.Bytes = f.Bytes[1:]
	}
}

var icons = decode.NewStruct("unix_diag_icon", "unix_diag.icon",
	decode.Member{CName: "ino", Name: "unix_diag.icon.ino", Kind: decode.KindU32, Desc: "Inode of a connection waiting to be accepted."})

var unixAttrs = decode.NewAttrSet("UNIX_DIAG", "unix_diag",
	decode.Attr{Type: unixDiagName, CName: "UNIX_DIAG_NAME", Kind: decode.KindString, Custom: abstractName, Desc: "Bound path, or NUL and the abstract name."},
	structa(unixDiagVFS, "UNIX_DIAG_VFS", unixVFS, "Inode and device of the bound path."),
	u32a(unixDiagPeer, "UNIX_DIAG_PEER", "Inode of the peer socket."),
	decode.Attr{Type: unixDiagIcons, CName: "UNIX_DIAG_ICONS", Kind: decode.KindBinary, Custom: structArray(icons), Desc: "Inodes of the connections waiting to be accepted (u32 each)."},
	structa(unixDiagRqlen, "UNIX_DIAG_RQLEN", unixRqlen, "Queue lengths."),
	memAttr(unixDiagMeminfo, "UNIX_DIAG_MEMINFO"),
	decode.Attr{Type: unixDiagShutdown, CName: "UNIX_DIAG_SHUTDOWN", Kind: decode.KindU8, Flags: shutdownFlags, Desc: "Shut-down directions (sk_shutdown)."},
	u32a(unixDiagUID, "UNIX_DIAG_UID", "Owner's user id."),
)
