package main

import (
	"strconv"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/capture/genlmap"
	"github.com/nldump/nldump/capture/owner"
	"github.com/nldump/nldump/decode"
)

// processStruct defines the "nl.process" node added to the messages of a frame
// whose pcapng comment names the process owning its socket (written by a live
// capture, see package capture/owner): nl.pid, nl.comm and nl.port in display
// filters, -V and JSON. The node comes from the capture, not from the bytes.
var processStruct = func() *decode.Struct {
	s := decode.NewStruct("nldump_process", "nl.process",
		decode.Member{CName: "pid", Name: "nl.pid", Label: "PID", Kind: decode.KindU32,
			Desc: "Process owning the netlink socket of the message (live captures; kept in pcapng comments): its pid, absent when unknown."},
		decode.Member{CName: "comm", Name: "nl.comm", Label: "Command", Kind: decode.KindString, Size: 16,
			Desc: "Command name (/proc/PID/comm) of the process owning the message's netlink socket; \"?\" when the process was not found (it had exited)."},
		decode.Member{CName: "port", Name: "nl.port", Label: "Port id", Kind: decode.KindU32,
			Desc: "Netlink port id the process was found by (the request's nlmsg_pid, or the one its answer carried)."},
	)
	d := s.Def()
	d.Label = "Process"
	d.Desc = "Process owning the netlink socket of the message, recorded by a live capture (pcapng comment \"nldump: process COMM[PID] port N\")."
	return s
}()

var (
	defProcPID  = processStruct.Member("pid").Def()
	defProcComm = processStruct.Member("comm").Def()
	defProcPort = processStruct.Member("port").Def()
	unknownComm = []byte("?")
)

// attachProcess adds the nl.process node to the messages of one frame when the
// frame's comment names a process. Call it before pairing, which appends its
// node last.
func attachProcess(msgs []decode.Message) {
	if len(msgs) == 0 || msgs[0].Frame == nil || msgs[0].Frame.Comment == "" {
		return
	}
	p, port, ok := owner.ParseComment(msgs[0].Frame.Comment)
	if !ok {
		return
	}
	comm := unknownComm
	if p.Known() {
		comm = []byte(p.Comm)
	}
	for i := range msgs {
		m := &msgs[i]
		kids := make([]decode.Field, len(m.Root.Children)+1+3)
		n := copy(kids, m.Root.Children)
		sub := kids[n+1:]
		k := 0
		if p.Known() {
			sub[k] = decode.Field{Def: defProcPID, Value: uint64(p.PID)}
			k++
		}
		sub[k] = decode.Field{Def: defProcComm, Bytes: comm}
		sub[k+1] = decode.Field{Def: defProcPort, Value: uint64(port)}
		kids[n] = decode.Field{Def: processStruct.Def(), Children: sub[:k+2]}
		m.Root.Children = kids[:n+1]
	}
}

// processNode returns the nl.process node of m, or nil.
func processNode(m *decode.Message) *decode.Field {
	k := m.Root.Children
	for i := len(k) - 1; i >= 0 && i >= len(k)-2; i-- { // before the pairing node, if any
		if k[i].Def == processStruct.Def() {
			return &k[i]
		}
	}
	return nil
}

// messageProcess returns the process of m's node: pid (0 when unknown), comm
// ("?" when unknown) and port.
func messageProcess(m *decode.Message) (pid uint64, comm []byte, port uint64, ok bool) {
	n := processNode(m)
	if n == nil {
		return 0, nil, 0, false
	}
	for i := range n.Children {
		f := &n.Children[i]
		switch f.Def {
		case defProcPID:
			pid = f.Value
		case defProcComm:
			comm = f.Bytes
		case defProcPort:
			port = f.Value
		}
	}
	return pid, comm, port, true
}

// appendProcess appends " ip[1234]" (" ?" when the owner was not found) to a
// summary line, after nlmsg_pid.
func appendProcess(b []byte, m *decode.Message) []byte {
	pid, comm, _, ok := messageProcess(m)
	if !ok {
		return b
	}
	b = append(b, ' ')
	if pid == 0 {
		return append(b, '?')
	}
	b = decode.AppendEscaped(b, comm)
	b = append(b, '[')
	b = strconv.AppendUint(b, pid, 10)
	return append(b, ']')
}

// appendProcessJSON appends `,"process":{"pid":1234,"comm":"ip","port":1234}`
// (pid and comm null when the owner was not found).
func appendProcessJSON(b []byte, m *decode.Message) []byte {
	pid, comm, port, ok := messageProcess(m)
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
