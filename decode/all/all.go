// Package all registers every protocol decoder nldump has with decode.DefaultRegistry.
// Import it for its side effect:
//
//	import _ "github.com/nldump/nldump/decode/all"
package all

import (
	// Generic netlink (NETLINK_GENERIC) and its families.
	_ "github.com/nldump/nldump/decode/genl"
	// rtnetlink (NETLINK_ROUTE).
	_ "github.com/nldump/nldump/decode/route"
)
