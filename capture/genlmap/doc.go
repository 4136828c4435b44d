// Package genlmap records which generic netlink family and multicast group ids a
// kernel has assigned, as capture frames a decoder learns them from.
//
// Generic netlink family ids are assigned at run time: a message of type 0x14 is
// ethtool on one boot and devlink on another, and a capture names them only if it
// holds the controller's CTRL_CMD_NEWFAMILY replies. A live capture therefore asks
// the controller for all families at its start (Query) and puts the exchange in
// front of the captured frames.
//
// # File format
//
// The map is stored as what it is on the wire: the CTRL_CMD_GETFAMILY dump request
// nldump sent and every datagram the kernel answered with (CTRL_CMD_NEWFAMILY
// replies with NLM_F_MULTI, then NLMSG_DONE), each as an ordinary LINKTYPE_NETLINK
// record with protocol NETLINK_GENERIC (16), at the start of the file, before the
// captured frames and timestamped when they were received. In pcapng each record
// carries the packet comment Comment ("nldump: generic netlink families at capture
// start"); pcap has no comments, and needs none: the frames alone name the
// families.
//
// No new reading code is needed: nldump -r learns family ids from every
// CTRL_CMD_NEWFAMILY reply in a file (decode/genl), and Wireshark and tshark
// decode the same frames as nlctrl messages. The frames are a complete
// request/dump/NLMSG_DONE exchange, so request/reply pairing sees an answered
// dump, not stray replies.
package genlmap

import "github.com/nldump/nldump/capture"

// Comment is the pcapng packet comment of the frames Query returns.
const Comment = "nldump: generic netlink families at capture start"

// IsMapFrame reports whether f is one of the frames of the family map at the start
// of a capture (recognised by its comment, so only in pcapng files and live).
func IsMapFrame(f *capture.Frame) bool { return f != nil && f.Comment == Comment }
