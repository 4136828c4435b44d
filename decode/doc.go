// Package decode turns captured netlink frames into trees of fields.
//
// # The field model
//
// Every decoded element is a [Field]: a static [FieldDef] (filter name such as
// "nlmsg.type" or "ifla.mtu", display label, C name, value kind, enum or flag table),
// the element's offset and length within the frame, its decoded value, its children and
// problem notes. The summary printer, the verbose tree, the hex view, JSON, display
// filters and the terminal UI all read this one model. Values are stored raw (an
// integer already put in host order, or the value's bytes as a slice of the frame) and
// formatted only when something asks for text, which keeps decoding allocation-free.
//
// # Messages
//
// [Decoder.DecodeFrame] walks every nlmsghdr in a frame, NLMSG_ALIGN'ed, with no count
// or depth limit, and returns one [Message] per header: the header fields, the
// direction (request, reply, notification, ACK, error), the protocol's decoding of the
// payload, and a one-line summary. NLMSG_ERROR messages carry the errno, the echoed
// request decoded by its protocol, and the extended-ACK attributes; NLMSG_DONE its
// status and extended ACK.
//
// # Byte order
//
// Netlink is in the byte order of the host that captured it, which capture files do
// not record. The decoder detects it per frame (the first nlmsg_len read both ways;
// the one whose message walk fits the frame wins) unless told with [ByteOrderMode].
// Attributes with NLA_F_NET_BYTEORDER are big-endian regardless.
//
// # Attributes
//
// The attribute engine walks TLVs with [AttrIter], a sticky-error iterator that
// yields offsets, and decodes each attribute from a declarative [AttrSet]: names,
// value kinds, enum and flag tables, nested sets, indexed arrays, fixed structs and
// sub-messages chosen by a selector attribute. An attribute no table describes is
// still shown, with its type number and raw bytes, and marked unknown.
//
// # Protocols
//
// Protocol packages (decode/route, decode/genl, ...) register a [Protocol] per netlink
// protocol number with [Register]. A protocol without a decoder gets its header and a
// raw attribute walk.
//
// # Robustness
//
// A decoder never panics and never drops bytes: whatever it cannot decode it shows
// raw, with a problem note naming the offset, and it continues with the next message.
package decode
