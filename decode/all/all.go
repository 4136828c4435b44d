// Package all registers every protocol decoder nldump has with decode.DefaultRegistry.
// Import it for its side effect:
//
//	import _ "github.com/nldump/nldump/decode/all"
package all

import (
	// Generic netlink (NETLINK_GENERIC) and its families.
	_ "github.com/nldump/nldump/decode/genl"
	// NETLINK_NETFILTER: nftables, ctnetlink, nflog, nfqueue, ipset and the rest.
	_ "github.com/nldump/nldump/decode/netfilter"
	// rtnetlink (NETLINK_ROUTE).
	_ "github.com/nldump/nldump/decode/route"
	// NETLINK_SOCK_DIAG: inet, unix, netlink and packet socket diagnostics.
	_ "github.com/nldump/nldump/decode/sockdiag"
	// NETLINK_XFRM (IPsec), and USERSOCK, NFLOG, FIB_LOOKUP named and walked.
	_ "github.com/nldump/nldump/decode/xfrm"
)
