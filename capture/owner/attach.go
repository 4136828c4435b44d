package owner

import (
	"strconv"

	"github.com/nldump/nldump/decode"
)

// Decoded messages carry their frame's process as an "nl.process" node, so that
// -V, JSON, the display filters (nl.pid, nl.comm, nl.port) and the terminal UI
// see it like any field.

// processStruct defines the "nl.process" node added to the messages of a frame
// whose pcapng comment names the process owning its socket (written by a live
// capture: see the package documentation): nl.pid, nl.comm and nl.port in display
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

// AttachProcess adds the nl.process node to the messages of one frame when the
// frame's comment names a process. Call it before pairing, which appends its
// node last.
func AttachProcess(msgs []decode.Message) {
	if len(msgs) == 0 || msgs[0].Frame == nil || msgs[0].Frame.Comment == "" {
		return
	}
	p, port, ok := ParseComment(msgs[0].Frame.Comment)
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

// ProcessNode returns the nl.process node of m, or nil.
func ProcessNode(m *decode.Message) *decode.Field {
	k := m.Root.Children
	for i := len(k) - 1; i >= 0 && i >= len(k)-2; i-- { // before the pairing node, if any
		if k[i].Def == processStruct.Def() {
			return &k[i]
		}
	}
	return nil
}

// MessageProcess returns the process of m's node: pid (0 when unknown), comm
// ("?" when unknown) and port.
func MessageProcess(m *decode.Message) (pid uint64, comm []byte, port uint64, ok bool) {
	n := ProcessNode(m)
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

// AppendLabel appends m's process as "ip[1234]" ("?" when the owner was not
// found), with the command name escaped for a terminal, and reports whether m
// has a process.
func AppendLabel(b []byte, m *decode.Message) ([]byte, bool) {
	pid, comm, _, ok := MessageProcess(m)
	if !ok {
		return b, false
	}
	if pid == 0 {
		return append(b, '?'), true
	}
	b = decode.AppendEscaped(b, comm)
	b = append(b, '[')
	b = strconv.AppendUint(b, pid, 10)
	return append(b, ']'), true
}
