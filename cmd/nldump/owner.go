package main

import (
	"strconv"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/capture/genlmap"
	"github.com/nldump/nldump/capture/owner"
	"github.com/nldump/nldump/decode"
)

// appendProcess appends " ip[1234]" (" ?" when the owner was not found) to a
// summary line, after nlmsg_pid.
func appendProcess(b []byte, m *decode.Message) []byte {
	if _, _, _, ok := owner.MessageProcess(m); !ok {
		return b
	}
	b, _ = owner.AppendLabel(append(b, ' '), m)
	return b
}

// appendProcessJSON appends `,"process":{"pid":1234,"comm":"ip","port":1234}`
// (pid and comm null when the owner was not found).
func appendProcessJSON(b []byte, m *decode.Message) []byte {
	pid, comm, port, ok := owner.MessageProcess(m)
	if !ok {
		return b
	}
	b = append(b, `,"process":{"pid":`...)
	if pid == 0 {
		b = append(b, `null,"comm":null`...)
	} else {
		b = strconv.AppendUint(b, pid, 10)
		b = append(b, `,"comm":`...)
		b = appendJSONBytes(b, comm)
	}
	b = append(b, `,"port":`...)
	b = strconv.AppendUint(b, port, 10)
	return append(b, '}')
}

// mapNote marks the messages of the generic netlink family map a live capture
// puts at the start of its file (package capture/genlmap).
const mapNote = " [family map at capture start]"

// isMapFrame reports whether m came in one of the family map's frames.
func isMapFrame(m *decode.Message) bool { return genlmap.IsMapFrame(m.Frame) }

// frameComment returns the comment of m's frame ("" if none).
func frameComment(f *capture.Frame) string {
	if f == nil {
		return ""
	}
	return f.Comment
}
