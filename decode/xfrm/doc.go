// Package xfrm decodes NETLINK_XFRM (protocol 6), the IPsec configuration
// protocol of ip-xfrm(8) and IKE daemons: states (SAs), policies, acquire and
// expire notifications with their fixed structs and XFRMA_* attributes. It also
// names and walks the small tapped protocols NETLINK_USERSOCK, NETLINK_NFLOG and
// NETLINK_FIB_LOOKUP.
//
// Import it for its side effect (decode/all does): its init registers the decoder.
package xfrm
