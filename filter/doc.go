// Package filter implements nldump's display filters: a Wireshark-style language
// over the field names of the decode field model (nldump --fields lists them).
//
// # Syntax
//
//	ifla.mtu                                  existence: the field occurs
//	ifla.mtu == 1500   (also eq ne lt le gt ge, != < <= > >=)
//	ifla.mtu in {1500 9000..9100}             sets, with integer ranges; "not in"
//	ifa.address in 10.0.0.0/8                 IPv4/IPv6 prefixes (== with a prefix too)
//	ifla.address == 02:00:00:00:00:aa         MAC addresses; hex bytes de:ad:be:ef
//	ifla.ifname == "veth0"                    strings (bare words too); contains; matches (~)
//	ifla.ifname matches r"^veth\d+$"          Go regular expressions; r"..." keeps backslashes
//	nlmsg.type == RTM_NEWROUTE                message type names ("nlctrl GETFAMILY"; a genl family alone)
//	nlmsgerr.error == EEXIST                  enum names (C or short name, any case); numbers, -17, 0x10
//	nlmsg.flags & DUMP                        any bit of the mask set; "& 0x300 == 0x300" compares the masked value
//	a and b, a && b, a or b, a || b, not a, !a, ( )
//
// A field that occurs several times matches when any occurrence does; as in
// Wireshark, "!=" and "not in" hold when the field occurs and no occurrence is
// equal, and every comparison on a missing field is false. The header fields
// nlmsg.* also match the request echoed in an NLMSG_ERROR. Flag names are read
// the way the message's own flags read (DUMP in a GET request, EXCL in a NEW
// request, ACK_TLVS in an error): a message whose reading lacks the name does not
// match. Besides the tree: frame.number, nl.protocol (route, generic, ...),
// nl.direction (request, reply, notification, ack, error), and the conversation
// fields a decode.Pairer adds (nl.request_in, nl.response_in, nl.latency in
// microseconds, nl.dump_parts, nl.copies, nl.problem).
//
// # Evaluation
//
// Compile parses once and builds closures; Match runs them. The nlmsghdr fields
// are read from the header node directly; other fields by a depth-first walk of
// the message's tree that stops at the first occurrence that passes. Errors name
// the column and what was expected, and suggest the nearest field names.
package filter
