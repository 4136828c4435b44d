// Package netfilter decodes NETLINK_NETFILTER (protocol 12): struct nfgenmsg and,
// by the subsystem in the message type's high byte, nftables, ctnetlink (conntrack
// and expectations), nflog, nfqueue, ipset, acct, cttimeout and cthelper.
//
// Import it for its side effect (decode/all does): its init registers the decoder.
package netfilter
