// Package sockdiag decodes NETLINK_SOCK_DIAG (protocol 4): SOCK_DIAG_BY_FAMILY
// requests and replies for inet and inet6 (inet_diag), unix (unix_diag), netlink
// (netlink_diag) and packet (packet_diag) sockets, as ss(8) speaks them.
//
// Import it for its side effect (decode/all does): its init registers the decoder.
package sockdiag
