package main

import (
	"strconv"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/capture/genlmap"
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// pairAhead runs the pairing pass over a file before the printing pass, so that a
// request printed before its answers already knows them (nl.response_in, its
// latency, dump size, and problems such as a missing ACK). Standard input cannot
// be read twice: there pairing runs as the messages stream by, answers refer back
// to their requests, and requests learn nothing of the future.
func pairAhead(o *options, p *decode.Pairer) error {
	if o.read == capture.Stdin {
		return nil
	}
	src, err := capture.Open(o.read)
	if err != nil {
		return err
	}
	defer src.Close()
	dec := decode.NewDecoder()
	dec.Order = o.order
	dec.Reuse = true
	var msgs []decode.Message
	n := 0
	for {
		fr, err := src.Next()
		if fr.Data != nil {
			msgs = dec.DecodeFrame(&fr, msgs)
			for i := range msgs {
				p.Observe(&msgs[i])
				if !genlmap.IsMapFrame(&fr) { // as the printing pass counts -c
					n++
				}
				if o.count > 0 && n >= o.count {
					break
				}
			}
		}
		if err != nil || o.count > 0 && n >= o.count {
			break // io.EOF, or a read error the printing pass reports
		}
	}
	p.Finish()
	p.Replay()
	return nil
}

// appendPairNote appends the conversation note to a summary line when show is
// set (--pair, --dedup; other uses of pairing, -Y on nl.* and --stats, do not):
// " [reply to 5 in 0.210 ms]", " [answered in 7]", " (x3)" for a notification
// seen three times, and problems in brackets.
func appendPairNote(b []byte, m *decode.Message, show bool) []byte {
	if !show {
		return b
	}
	n := decode.ConversationNode(m)
	if n == nil {
		return b
	}
	var reqIn, respIn, lat, parts, copies uint64
	var problem []byte
	for i := range n.Children {
		f := &n.Children[i]
		switch f.Def.Name {
		case "nl.request_in":
			reqIn = f.Value
		case "nl.response_in":
			respIn = f.Value
		case "nl.latency":
			lat = f.Value
		case "nl.dump_parts":
			parts = f.Value
		case "nl.copies":
			copies = f.Value
		case "nl.problem":
			problem = f.Bytes
		}
	}
	if copies > 1 {
		b = append(b, " (x"...)
		b = strconv.AppendUint(b, copies, 10)
		b = append(b, ')')
	}
	if reqIn != 0 {
		b = append(b, " [request in "...)
		b = strconv.AppendUint(b, reqIn, 10)
		b = append(b, ", "...)
		b = appendMicros(b, lat)
		if m.Header.Type == unix.NLMSG_DONE {
			b = append(b, ", "...)
			b = strconv.AppendUint(b, parts, 10)
			b = append(b, " parts"...)
		}
		b = append(b, ']')
	}
	if respIn != 0 {
		b = append(b, " [response in "...)
		b = strconv.AppendUint(b, respIn, 10)
		b = append(b, ", "...)
		b = appendMicros(b, lat)
		b = append(b, ']')
	}
	if len(problem) > 0 {
		b = append(b, " ["...)
		b = append(b, problem...)
		b = append(b, ']')
	}
	return b
}

// appendMicros appends a latency in microseconds as milliseconds: "0.210 ms".
func appendMicros(b []byte, us uint64) []byte {
	b = strconv.AppendUint(b, us/1000, 10)
	b = append(b, '.')
	f := us % 1000
	b = append(b, byte('0'+f/100), byte('0'+f/10%10), byte('0'+f%10))
	return append(b, " ms"...)
}
