package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// statsCollector gathers the --stats tables from the messages shown (after -Y).
type statsCollector struct {
	session *decode.Session
	types   map[string]map[string]int // protocol -> type -> messages
	protos  map[string]int
	dirs    map[string]int
	errs    map[errKey]*errStat
	convs   []*decode.Conversation // requests shown, in order
	notify  map[string]*groupStat  // group -> notifications
	total   int
}

type errKey struct{ errno, request string }

type errStat struct {
	Errno    string         `json:"errno"`
	Request  string         `json:"request"`
	Count    int            `json:"count"`
	Messages map[string]int `json:"ext_ack_messages,omitempty"`
	Frames   []int          `json:"frames"`
}

type groupStat struct {
	Group      string `json:"group"`
	Protocol   string `json:"protocol"`
	Deliveries int    `json:"deliveries"`
	Distinct   int    `json:"distinct"`
}

func newStatsCollector(s *decode.Session) *statsCollector {
	return &statsCollector{session: s, types: map[string]map[string]int{}, protos: map[string]int{},
		dirs: map[string]int{}, errs: map[errKey]*errStat{}, notify: map[string]*groupStat{}}
}

// add counts a message shown.
func (s *statsCollector) add(m *decode.Message, p *decode.Pairer, dedup bool) {
	s.total++
	proto := m.Protocol.Name()
	s.protos[proto]++
	if s.types[proto] == nil {
		s.types[proto] = map[string]int{}
	}
	s.types[proto][m.TypeName]++
	s.dirs[m.Direction.String()]++
	if e := m.Error; e != nil && e.Errno != 0 {
		n := int(-e.Errno)
		if e.Errno > 0 {
			n = int(e.Errno)
		}
		k := errKey{decode.ErrnoName(n), e.RequestType}
		if e.Done {
			// A dump that failed: its NLMSG_DONE carries the error. Name the dump's
			// request when pairing found it.
			k.request = "dump (NLMSG_DONE)"
			if c, _ := pairedConv(p); c != nil {
				k.request = c.Type + " dump (NLMSG_DONE)"
			}
		}
		st := s.errs[k]
		if st == nil {
			st = &errStat{Errno: k.errno, Request: k.request, Messages: map[string]int{}}
			s.errs[k] = st
		}
		st.Count++
		st.Frames = append(st.Frames, m.Frame.Number)
		if e.Msg != "" {
			st.Messages[e.Msg]++
		}
	}
	if p != nil {
		if c, isReq := pairedConv(p); c != nil && isReq {
			s.convs = append(s.convs, c)
		}
	}
	if m.Direction == decode.DirNotify {
		g := s.group(m)
		gs := s.notify[g]
		if gs == nil {
			gs = &groupStat{Group: g, Protocol: proto}
			s.notify[g] = gs
		}
		gs.Deliveries++
		if p == nil || !p.LastIsCopy() {
			gs.Distinct++
			if n := decode.ConversationNode(m); n != nil && dedup {
				if f := n.Find("nl.copies"); f != nil {
					gs.Deliveries += int(f.Value) - 1 // the copies --dedup hides
				}
			}
		}
	}
}

// group names the multicast group of a notification: for generic netlink the
// family's groups (Session.GenlGroups), for rtnetlink the RTNLGRP_* group its
// type goes to, else the protocol and type.
func (s *statsCollector) group(m *decode.Message) string {
	switch m.ProtoNum() {
	case unix.NETLINK_GENERIC:
		fam := m.Family
		if fam == "" {
			fam, _, _ = strings.Cut(m.TypeName, " ")
		}
		var gs []string
		for _, g := range s.session.GenlGroups {
			if strings.HasPrefix(g, fam+"/") {
				gs = append(gs, g)
			}
		}
		sort.Strings(gs)
		if len(gs) == 0 {
			return fam + "/?"
		}
		return strings.Join(gs, "|")
	case unix.NETLINK_ROUTE:
		return rtnlGroup(m)
	}
	return m.Protocol.Name() + " " + m.TypeName
}

// rtnlGroup returns the RTNLGRP_* group rtnetlink sends a notification type to
// (rtnetlink.h; addresses, routes and rules by address family).
func rtnlGroup(m *decode.Message) string {
	t := m.TypeName
	for _, p := range []string{"RTM_NEW", "RTM_DEL", "RTM_SET", "RTM_GET"} {
		t = strings.TrimPrefix(t, p)
	}
	fam := ""
	if f := m.Payload(); len(f) > 0 && len(f[0].Children) > 0 && f[0].Children[0].Def.Kind == decode.KindU8 {
		switch f[0].Children[0].Value {
		case unix.AF_INET:
			fam = "IPV4_"
		case unix.AF_INET6:
			fam = "IPV6_"
		}
	}
	switch t {
	case "LINK":
		return "RTNLGRP_LINK"
	case "ADDR":
		return "RTNLGRP_" + fam + "IFADDR"
	case "ROUTE":
		return "RTNLGRP_" + fam + "ROUTE"
	case "RULE":
		return "RTNLGRP_" + fam + "RULE"
	case "NEIGH":
		return "RTNLGRP_NEIGH"
	case "QDISC", "TCLASS", "TFILTER", "ACTION", "CHAIN":
		return "RTNLGRP_TC"
	case "NEXTHOP":
		return "RTNLGRP_NEXTHOP"
	case "NSID":
		return "RTNLGRP_NSID"
	case "NETCONF":
		return "RTNLGRP_" + fam + "NETCONF"
	case "MDB":
		return "RTNLGRP_MDB"
	case "PREFIX":
		return "RTNLGRP_IPV6_PREFIX"
	case "NEIGHTBL":
		return "RTNLGRP_NEIGH"
	}
	return m.TypeName
}

// statsReport is the --stats output (also its JSON form).
type statsReport struct {
	Messages      int                       `json:"messages"`
	Protocols     map[string]int            `json:"protocols"`
	Types         map[string]map[string]int `json:"types"`
	Directions    map[string]int            `json:"directions"`
	Errors        []*errStat                `json:"errors"`
	Slowest       []convStat                `json:"slowest_requests"`
	Dumps         []dumpStat                `json:"dumps"`
	Problems      []convStat                `json:"problems"`
	Notifications []*groupStat              `json:"notifications"`
}

type convStat struct {
	Frame     int     `json:"frame"`
	Protocol  string  `json:"protocol"`
	Type      string  `json:"type"`
	Seq       uint32  `json:"seq"`
	Pid       uint32  `json:"pid"`
	Answers   int     `json:"answers"`
	LatencyMS float64 `json:"latency_ms"`
	Result    string  `json:"result"`
	Problem   string  `json:"problem,omitempty"`
}

type dumpStat struct {
	Type       string  `json:"type"`
	Protocol   string  `json:"protocol"`
	Count      int     `json:"count"`
	Parts      int     `json:"parts"`
	MaxParts   int     `json:"max_parts"`
	TotalMS    float64 `json:"total_ms"`
	MaxMS      float64 `json:"max_ms"`
	Incomplete int     `json:"incomplete"`
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func convOf(c *decode.Conversation) convStat {
	r := "no answer"
	switch {
	case c.Failed:
		r = decode.ErrorText(c.Errno)
		if c.ErrMsg != "" {
			r += ": " + c.ErrMsg
		}
	case c.Done:
		r = fmt.Sprintf("dump, %d parts", c.Parts)
	case c.Acked:
		r = "ACK"
	case c.Answers > 0:
		r = "reply"
	}
	return convStat{Frame: c.Frame, Protocol: decode.ProtocolName(c.Protocol), Type: c.Type, Seq: c.Seq, Pid: c.Pid,
		Answers: c.Answers, LatencyMS: ms(c.Latency()), Result: r, Problem: c.Problem}
}

// report builds the tables.
func (s *statsCollector) report() *statsReport {
	r := &statsReport{Messages: s.total, Protocols: s.protos, Types: s.types, Directions: s.dirs,
		Errors: []*errStat{}, Slowest: []convStat{}, Dumps: []dumpStat{}, Problems: []convStat{}, Notifications: []*groupStat{}}
	for _, e := range s.errs {
		r.Errors = append(r.Errors, e)
	}
	sort.Slice(r.Errors, func(i, j int) bool {
		a, b := r.Errors[i], r.Errors[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		if a.Errno != b.Errno {
			return a.Errno < b.Errno
		}
		return a.Request < b.Request
	})
	answered := make([]*decode.Conversation, 0, len(s.convs))
	dumps := map[string]*dumpStat{}
	for _, c := range s.convs {
		if c.Answers > 0 {
			answered = append(answered, c)
		}
		if c.Problem != "" {
			r.Problems = append(r.Problems, convOf(c))
		}
		if c.Dump {
			k := decode.ProtocolName(c.Protocol) + " " + c.Type
			d := dumps[k]
			if d == nil {
				d = &dumpStat{Type: c.Type, Protocol: decode.ProtocolName(c.Protocol)}
				dumps[k] = d
			}
			d.Count++
			d.Parts += c.Parts
			d.MaxParts = max(d.MaxParts, c.Parts)
			d.TotalMS += ms(c.Latency())
			d.MaxMS = max(d.MaxMS, ms(c.Latency()))
			if !c.Done {
				d.Incomplete++
			}
		}
	}
	sort.SliceStable(answered, func(i, j int) bool { return answered[i].Latency() > answered[j].Latency() })
	for i := 0; i < len(answered) && i < 10; i++ {
		r.Slowest = append(r.Slowest, convOf(answered[i]))
	}
	for _, d := range dumps {
		r.Dumps = append(r.Dumps, *d)
	}
	sort.Slice(r.Dumps, func(i, j int) bool {
		return r.Dumps[i].Parts > r.Dumps[j].Parts || r.Dumps[i].Parts == r.Dumps[j].Parts && r.Dumps[i].Type < r.Dumps[j].Type
	})
	for _, g := range s.notify {
		r.Notifications = append(r.Notifications, g)
	}
	sort.Slice(r.Notifications, func(i, j int) bool {
		a, b := r.Notifications[i], r.Notifications[j]
		return a.Deliveries > b.Deliveries || a.Deliveries == b.Deliveries && a.Group < b.Group
	})
	return r
}

// print writes the statistics: text tables, or one JSON object {"stats": ...}.
func (s *statsCollector) print(w *bufio.Writer, asJSON bool, _ *decode.Pairer) {
	r := s.report()
	if asJSON {
		b, _ := json.Marshal(map[string]*statsReport{"stats": r})
		w.Write(b)
		w.WriteByte('\n')
		return
	}
	fmt.Fprintf(w, "\n=== Statistics: %d messages\n", r.Messages)
	fmt.Fprintf(w, "\nMessages by protocol and type:\n")
	for _, p := range sortedKeys(r.Protocols) {
		fmt.Fprintf(w, "  %-40s %8d\n", p, r.Protocols[p])
		for _, t := range sortedByCount(r.Types[p]) {
			fmt.Fprintf(w, "    %-38s %8d\n", terminalSafe(t), r.Types[p][t])
		}
	}
	fmt.Fprintf(w, "\nBy direction:\n")
	for _, d := range sortedByCount(r.Directions) {
		fmt.Fprintf(w, "  %-40s %8d\n", d, r.Directions[d])
	}
	fmt.Fprintf(w, "\nErrors by errno and request type: %d\n", len(r.Errors))
	for _, e := range r.Errors {
		fmt.Fprintf(w, "  %-16s %-24s %6d   frames %s\n", e.Errno, terminalSafe(e.Request), e.Count, frameList(e.Frames))
		for _, m := range sortedByCount(e.Messages) {
			fmt.Fprintf(w, "      %q x%d\n", m, e.Messages[m])
		}
	}
	fmt.Fprintf(w, "\nSlowest requests:\n")
	for _, c := range r.Slowest {
		fmt.Fprintf(w, "  %10.3f ms  frame %-6d %-8s %-24s %s\n", c.LatencyMS, c.Frame, c.Protocol, terminalSafe(c.Type), terminalSafe(c.Result))
	}
	fmt.Fprintf(w, "\nDumps:%50s %8s %8s %10s %10s\n", "count", "parts", "max", "total ms", "max ms")
	for _, d := range r.Dumps {
		inc := ""
		if d.Incomplete > 0 {
			inc = fmt.Sprintf("  (%d without NLMSG_DONE)", d.Incomplete)
		}
		fmt.Fprintf(w, "  %-8s %-45s %8d %8d %8d %10.3f %10.3f%s\n", d.Protocol, terminalSafe(d.Type), d.Count, d.Parts, d.MaxParts, d.TotalMS, d.MaxMS, inc)
	}
	fmt.Fprintf(w, "\nProblems: %d\n", len(r.Problems))
	for _, c := range r.Problems {
		fmt.Fprintf(w, "  frame %-6d %-8s %-24s seq=%d: %s\n", c.Frame, c.Protocol, terminalSafe(c.Type), c.Seq, c.Problem)
	}
	fmt.Fprintf(w, "\nNotifications by multicast group:%24s %10s\n", "distinct", "deliveries")
	for _, g := range r.Notifications {
		fmt.Fprintf(w, "  %-8s %-45s %8d %10d\n", g.Protocol, terminalSafe(g.Group), g.Distinct, g.Deliveries)
	}
}

func terminalSafe(s string) string { return string(appendTerminalSafe(nil, s)) }

func sortedKeys(m map[string]int) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func sortedByCount(m map[string]int) []string {
	ks := sortedKeys(m)
	sort.SliceStable(ks, func(i, j int) bool { return m[ks[i]] > m[ks[j]] })
	return ks
}

// frameList prints up to 8 frame numbers.
func frameList(fs []int) string {
	var b strings.Builder
	for i, f := range fs {
		if i == 8 {
			fmt.Fprintf(&b, " ... (%d more)", len(fs)-8)
			break
		}
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprint(&b, f)
	}
	return b.String()
}

// pairedConv returns the conversation of the message the pairer saw last, and
// whether that message was its request; nil without a pairer.
func pairedConv(p *decode.Pairer) (*decode.Conversation, bool) {
	if p == nil {
		return nil, false
	}
	return p.Last()
}
