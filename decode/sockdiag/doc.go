// Package sockdiag decodes NETLINK_SOCK_DIAG (protocol 4): SOCK_DIAG_BY_FAMILY
// requests and replies for inet and inet6 (inet_diag), unix (unix_diag), netlink
// (netlink_diag), packet (packet_diag), vsock (vsock_diag) and XDP (xdp_diag)
// sockets, as ss(8) speaks them, plus the legacy TCPDIAG_GETSOCK and
// DCCPDIAG_GETSOCK types and SOCK_DESTROY.
//
// Import it for its side effect (decode/all does): its init registers the decoder.
//
// # Layout
//
// A request starts with the address family and the protocol (struct
// sock_diag_req); the family chooses the rest: struct inet_diag_req_v2 followed by
// INET_DIAG_REQ_* attributes (the bytecode filter among them), struct
// unix_diag_req, netlink_diag_req or packet_diag_req. A reply starts with the
// family too: struct inet_diag_msg, unix_diag_msg, netlink_diag_msg or
// packet_diag_msg, followed by the family's attributes. Requests are told from
// replies by NLM_F_REQUEST.
//
// # Files
//
//   - proto.go: the decoder, dispatch by direction and family.
//   - inet.go, tcpinfo.go, bytecode.go: inet_diag, struct tcp_info, the filter program.
//   - unixdiag.go, netlinkdiag.go, packetdiag.go, vsockxdp.go: the other families.
//   - sockaddr.go, bitfield.go: SCTP address arrays, C bit fields.
//   - common.go: enums and the SK_MEMINFO_* array all families share.
//   - session.go: the IP protocol of each inet request, which its replies lack.
//   - summary.go: ss-style one-line summaries.
//   - uapi.go: constants of the uapi headers that golang.org/x/sys/unix lacks.
//
// # Byte order
//
// Ports and addresses of struct inet_diag_sockid (and the bytecode's host
// conditions) are in network order; everything else is in the capturing host's
// order, including the C bit fields of tcp_info and inet_diag_sockopt, whose bits
// start at the high end on big-endian hosts: those have one layout per order.
package sockdiag
