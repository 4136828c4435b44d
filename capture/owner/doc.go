// Package owner tells which process owns the netlink socket a captured message
// went to or came from, for live captures.
//
// A netlink message names a socket by its port id (nlmsg_pid): the sender's port on
// a request (often 0: iproute2 leaves it to the kernel), the receiver's port on a
// reply, ACK or error, and on a notification the port of the request that caused
// it (0 for changes the kernel made by itself). nlmon records no process, so the
// port is resolved while the capture runs:
//
//   - NETLINK_SOCK_DIAG with family AF_NETLINK dumps the netlink sockets
//     (struct netlink_diag_msg): (protocol, port id) -> socket inode;
//   - the /proc/PID/fd links ("socket:[INODE]") map the inode to a process, and
//     /proc/PID/comm names it.
//
// A Resolver caches both maps and refreshes them on a miss, rate-limited. A process
// that exits before its port is looked up cannot be found any more: it is reported
// as unknown ("?"), never guessed. A Tagger applies a Resolver to frames in capture
// order and writes the result into each frame's Comment (format below), holding a
// request sent with port id 0 until its answer names the port.
//
// # Comment format
//
// A frame attributed to a process carries the pcapng packet comment
//
//	nldump: process COMM[PID] port PORT
//
// e.g. "nldump: process ip[1234] port 1234", or "nldump: process ? port 2718938"
// when the port was known but no process owning it was found. COMM is
// /proc/PID/comm with bytes outside printable ASCII and the backslash written as
// \xNN. A frame with no such comment has no known process (a notification the kernel
// sent by itself, or a request whose answer never came). All messages of a frame
// share it: one frame is one skb, delivered to or sent from one socket. pcap files
// have no comments and so keep no processes.
package owner

import (
	"strconv"
	"strings"
)

// Process is the process owning a netlink socket.
type Process struct {
	// PID is the process id (thread group id); 0 when the owner is unknown.
	PID int
	// Comm is the process's command name (/proc/PID/comm), "" when unknown.
	Comm string
}

// Known reports whether the owner was found.
func (p Process) Known() bool { return p.PID > 0 }

// String returns "ip[1234]", strace and ss style, or "?" when the owner is unknown.
func (p Process) String() string {
	if !p.Known() {
		return "?"
	}
	return escapeComm(p.Comm) + "[" + strconv.Itoa(p.PID) + "]"
}

// CommentPrefix starts the comment a Tagger writes.
const CommentPrefix = "nldump: process "

// Comment returns the frame comment recording that port is owned by p:
// "nldump: process ip[1234] port 1234" (see the package comment).
func Comment(p Process, port uint32) string {
	return CommentPrefix + p.String() + " port " + strconv.FormatUint(uint64(port), 10)
}

// ParseComment reads a frame comment written by Comment: the line of c (pcapng
// comments of one packet are joined by newlines) that starts with CommentPrefix.
// ok is false when there is none or it is malformed.
func ParseComment(c string) (p Process, port uint32, ok bool) {
	for c != "" {
		line := c
		if i := strings.IndexByte(c, '\n'); i >= 0 {
			line, c = c[:i], c[i+1:]
		} else {
			c = ""
		}
		if p, port, ok = parseLine(line); ok {
			return p, port, true
		}
	}
	return Process{}, 0, false
}

func parseLine(s string) (Process, uint32, bool) {
	rest, ok := strings.CutPrefix(s, CommentPrefix)
	if !ok {
		return Process{}, 0, false
	}
	i := strings.LastIndex(rest, " port ")
	if i < 0 {
		return Process{}, 0, false
	}
	n, err := strconv.ParseUint(rest[i+len(" port "):], 10, 32)
	if err != nil {
		return Process{}, 0, false
	}
	who := rest[:i]
	if who == "?" {
		return Process{}, uint32(n), true
	}
	j := strings.LastIndexByte(who, '[')
	if j < 0 || !strings.HasSuffix(who, "]") {
		return Process{}, 0, false
	}
	pid, err := strconv.Atoi(who[j+1 : len(who)-1])
	if err != nil || pid <= 0 {
		return Process{}, 0, false
	}
	comm, ok := unescapeComm(who[:j])
	if !ok {
		return Process{}, 0, false
	}
	return Process{PID: pid, Comm: comm}, uint32(n), true
}

// escapeComm writes bytes outside printable ASCII, and the backslash, as \xNN.
func escapeComm(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '\\' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	const hex = "0123456789abcdef"
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == '\\' {
			b = append(b, '\\', 'x', hex[c>>4], hex[c&0xf])
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

func unescapeComm(s string) (string, bool) {
	if !strings.Contains(s, `\`) {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b = append(b, s[i])
			continue
		}
		if i+4 > len(s) || s[i+1] != 'x' {
			return "", false
		}
		v, err := strconv.ParseUint(s[i+2:i+4], 16, 8)
		if err != nil {
			return "", false
		}
		b = append(b, byte(v))
		i += 3
	}
	return string(b), true
}
