// Package genl decodes generic netlink (NETLINK_GENERIC): the genlmsghdr after
// every nlmsghdr, the controller nlctrl, and the families registered by name.
//
// # Family ids
//
// A generic netlink message's nlmsg_type is its family's id, handed out at run time
// and different per boot and per network namespace; only nlctrl has a fixed id
// (0x10, GENL_ID_CTRL). The decoder names a family from decode.Session.GenlFamilies
// (id -> name), which it fills from the controller's CTRL_CMD_NEWFAMILY messages
// (replies to CTRL_CMD_GETFAMILY and notifications) as it decodes them, together
// with decode.Session.GenlGroups (multicast group id -> "family/group").
//
// A capture often uses a family before (or without) the controller exchange that
// explains it. A command reading a file therefore calls [Learn] on every frame in
// a first pass; it is cheap, looking only at nlctrl messages. An id can also be set
// by hand: [ParseFamilyFlag] parses the --genl-family ID=NAME flag.
//
// # Message types and summaries
//
// [Protocol.MessageType] names a message "<family> <command>": "nlctrl NEWFAMILY",
// "ethtool LINKINFO_GET", "nl80211 NEW_INTERFACE". A command the family's table
// lacks is "ethtool CMD_77"; a family whose id the capture never explained is
// "genl-0x1c CMD_3" (see [UnknownTypeName]). Its genlmsghdr is still decoded and
// its payload walked as attributes. The summary that follows the type name comes
// from the family ("ethtool id 21 (40 ops, 3 groups)", "dev veth0"), or is the
// number of attributes for a family without one.
//
// # Families
//
// A family is a table, not code: a [Family] lists its commands (with a separate
// list for kernel-to-user commands where the family numbers them apart, as ethtool
// does), its top-level decode.AttrSet, per-command sets, an optional fixed header and
// an optional summary function. [RegisterFamily] adds one by name; the YNL spec
// loader (package decode/genl/ynl) builds the same tables from the kernel's
// Documentation/netlink/specs files at run time.
package genl
