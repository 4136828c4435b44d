// Package xfrm decodes NETLINK_XFRM (protocol 6), the IPsec configuration
// protocol of ip-xfrm(8) and IKE daemons: states (SAs), policies, acquire and
// expire notifications with their fixed structs and XFRMA_* attributes. It also
// names and walks the small tapped protocols NETLINK_USERSOCK, NETLINK_NFLOG and
// NETLINK_FIB_LOOKUP.
//
// Import it for its side effect (decode/all does): its init registers the decoder.
//
// # Structs
//
// Every XFRM_MSG_* type starts with a fixed struct of include/uapi/linux/xfrm.h
// (msgtypes.go), laid out as on 64-bit Linux (structs.go; sizes are tested). Structs
// nested in the C header are nested in the field tree too, and keep one filter
// name wherever they appear: xfrm.sel.* is the selector of an SA, a policy, an
// acquire or a report; xfrm.id.* the destination, SPI and protocol of an SA or a
// template. xfrm_address_t is 16 bytes whatever the family; each address is shown
// in the family that applies to it (layout.go).
//
// # Keys
//
// Algorithm attributes carry their key after struct xfrm_algo. The key is a field
// of its own, xfrm.alg.key, whose offset and length locate the bytes (the hex view
// marks them), but its printed value is its length ("32 bytes (key not shown)") and
// no summary prints key material: a capture's decode can be shared without leaking
// the SA's keys, which only the raw bytes (-x) still show.
//
// # Summaries
//
// Summaries use the words of ip xfrm monitor: "src 10.0.0.1 dst 10.0.0.2 proto esp
// spi 0x00001000 reqid 1 mode tunnel auth hmac(sha256) 256-bit enc cbc(aes)
// 128-bit" for an SA, "src 10.1.0.0/24 dst 10.2.0.0/24 dir out priority 0 tmpl esp
// tunnel 10.0.0.1->10.0.0.2 reqid 1" for a policy.
package xfrm
