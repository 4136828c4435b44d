package decode

import (
	"hash/maphash"
	"strings"
	"time"

	unix "github.com/nldump/nldump/internal/abi"
)

// # Conversations
//
// A Pairer pairs each request with its answers: the reply of a GET, the parts
// and NLMSG_DONE of a dump, the ACK or the error. Netlink requests usually carry
// nlmsg_pid 0 while the kernel's answers carry the requester's port id, and
// programs of the same kind use the same sequence numbers (iproute2 seeds them
// with the time), so a request is found by (protocol, seq): among the open
// requests with that key, the one whose port id an earlier answer taught (or the
// request carried), else the oldest one still waiting for its first answer
// within FirstAnswerWindow (else the newest) whose type fits the answer (an NLMSG_ERROR echoes the
// request's type; rtnetlink answers a GET with the NEW of the same group,
// generic netlink with the same family id). With sequence number 0 (nft uses it
// for everything) only errors, dump parts and NLMSG_DONE pair: a plain message
// with seq 0 may be any notification.
//
// Two ways to use it:
//   - Streaming: call Annotate on every message in capture order. Answers refer
//     back to their request at once; a request cannot know its answers yet.
//   - Files: call Observe on every message of a first pass, Finish, then Replay,
//     then Annotate on the same messages in the same order in the second pass:
//     requests get nl.response_in, their latency, dump size and problems.
//
// Annotate appends an "nl" node to the message's tree (nl.request_in,
// nl.response_in, nl.latency in microseconds, nl.dump_parts, nl.copies,
// nl.problem) so that display filters, -V and JSON see the conversation fields
// like any other field.
//
// A notification is delivered to every listening socket and nlmon shows every
// delivery: identical bytes within DuplicateWindow (kernel messages that are
// not answers) are copies of one notification; the first is shown with
// nl.copies and Annotate reports the others so that a printer may hide them.
type Pairer struct {
	open   map[pairKey][]*Conversation
	convs  []*Conversation
	recs   []pairRec
	replay bool
	next   int // next message ordinal (Observe or Annotate)
	last   pairRec

	dups    map[uint64]*dupGroup
	dupList []*dupGroup
	seed    maphash.Seed
}

// FirstAnswerWindow is how long after a request its first answer may come for the
// request to be chosen by an answer whose port id is not known yet.
const FirstAnswerWindow = time.Second

// DuplicateWindow is how close in time identical notifications must be to count
// as deliveries of one notification to several sockets.
const DuplicateWindow = 50 * time.Millisecond

type pairKey struct {
	proto uint16
	seq   uint32
}

// Roles of a message in a conversation.
const (
	roleNone uint8 = iota
	roleRequest
	roleAnswer
	roleNotify
)

type pairRec struct {
	conv *Conversation
	dup  *dupGroup
	role uint8
	copy bool // a further delivery of dup
	// at is the answer's time, for its latency.
	at time.Time
	// frame number of the message, to check the replay stays in step
	frame int
}

type dupGroup struct {
	hash   uint64
	n      int
	first  time.Time
	last   time.Time
	Msg    string // type name
	proto  uint16
	family string
}

// Conversation is one request and what answered it.
type Conversation struct {
	// Protocol is the netlink protocol number.
	Protocol uint16
	// Seq is the request's sequence number.
	Seq uint32
	// Pid is the requester's port id: the request's nlmsg_pid, or learned from the
	// first answer (0 while unknown).
	Pid uint32
	// Frame and Index locate the request (1-based frame, 0-based message).
	Frame, Index int
	// Time is the request's capture time.
	Time time.Time
	// Type is the request's type name; Family its generic netlink family.
	Type, Family string
	// Flags are the request's nlmsg_flags.
	Flags uint16
	// Dump is true for NLM_F_DUMP requests; WantsAck for NLM_F_ACK.
	Dump, WantsAck bool
	// Answers counts the messages that answered; Parts the NLM_F_MULTI ones.
	Answers, Parts int
	// FirstFrame is the frame of the first answer (0 if none); FirstTime and
	// LastTime are the times of the first and last answers.
	FirstFrame          int
	FirstTime, LastTime time.Time
	// Done, Acked and Failed say how it ended: NLMSG_DONE, an ACK, an error.
	Done, Acked, Failed bool
	// Errno is the error (negative), ErrMsg the extended-ACK message.
	Errno  int32
	ErrMsg string
	// Interrupted is set when a part carried NLM_F_DUMP_INTR.
	Interrupted bool
	// Problem says what went wrong ("" when all is well); see Finish.
	Problem string

	closed  bool
	reqType uint16
	op      Op
}

// Latency returns the time from the request to its last answer (0 if none).
func (c *Conversation) Latency() time.Duration {
	if c.Answers == 0 {
		return 0
	}
	return c.LastTime.Sub(c.Time)
}

// NewPairer returns an empty pairer.
func NewPairer() *Pairer {
	return &Pairer{open: make(map[pairKey][]*Conversation), dups: make(map[uint64]*dupGroup), seed: maphash.MakeSeed()}
}

// Conversations returns every request seen, in capture order.
func (p *Pairer) Conversations() []*Conversation { return p.convs }

// Notifications returns, for each distinct notification, its type name, protocol,
// generic netlink family and number of deliveries, in capture order.
func (p *Pairer) Notifications(fn func(proto uint16, typ, family string, copies int)) {
	for _, g := range p.dupList {
		fn(g.proto, g.Msg, g.family, g.n)
	}
}

// Observe records m (the first pass over a file).
func (p *Pairer) Observe(m *Message) {
	p.recs = append(p.recs, p.observe(m))
	p.next++
}

// Replay starts the second pass: Annotate now reads what Observe recorded.
func (p *Pairer) Replay() {
	p.replay = true
	p.next = 0
}

// Annotate adds the conversation fields of m to its tree and reports whether m
// should be shown: false for a further copy of a notification.
func (p *Pairer) Annotate(m *Message) bool {
	var r pairRec
	if p.replay && p.next < len(p.recs) && p.recs[p.next].frame == frameNum(m) {
		r = p.recs[p.next]
	} else {
		r = p.observe(m) // streaming, or the file changed under us
	}
	p.next++
	p.last = r
	switch {
	case r.role == roleNotify && m.Direction == DirRequest:
		m.Direction = DirNotify // a kernel notification echoing a request's flags
	case r.role == roleAnswer && m.Direction == DirNotify:
		m.Direction = DirReply // looked like a notification (seq 0, an echo) but answers a request
	}
	p.annotate(m, &r)
	return !r.copy
}

// Last returns the conversation of the message Annotate saw last (nil if none)
// and whether that message was its request.
func (p *Pairer) Last() (c *Conversation, isRequest bool) {
	return p.last.conv, p.last.role == roleRequest
}

// LastIsCopy reports whether the message Annotate saw last was a further
// delivery of a notification.
func (p *Pairer) LastIsCopy() bool { return p.last.copy }

func frameNum(m *Message) int {
	if m.Frame == nil {
		return 0
	}
	return m.Frame.Number
}

// observe pairs m with what came before it.
func (p *Pairer) observe(m *Message) pairRec {
	r := pairRec{frame: frameNum(m), at: m.Time()}
	h := m.Header
	if m.Malformed && m.Root.Children == nil || m.TypeName == "(padding)" {
		return r
	}
	proto := m.ProtoNum()
	if m.Direction == DirRequest {
		if c := p.echoedNotification(m, proto); c != nil {
			// The kernel's notification of a change copies the request's flags,
			// seq and the requester's port id (nexthops, rules): not a request.
			if c.Pid == 0 {
				c.Pid = h.Pid
			}
			r.role = roleNotify
			r.dup, r.copy = p.duplicate(m)
			return r
		}
		c := &Conversation{Protocol: proto, Seq: h.Seq, Pid: h.Pid, Frame: r.frame, Index: m.Index,
			Time: m.Time(), Type: m.TypeName, Family: m.Family, Flags: h.Flags,
			Dump:     h.Flags&unix.NLM_F_DUMP == unix.NLM_F_DUMP && m.Op == OpGet,
			WantsAck: h.Flags&unix.NLM_F_ACK != 0, reqType: h.Type, op: m.Op}
		p.convs = append(p.convs, c)
		k := pairKey{proto, h.Seq}
		p.open[k] = append(pruneClosed(p.open[k]), c)
		r.conv, r.role = c, roleRequest
		return r
	}
	if c := p.match(m, proto); c != nil {
		p.answer(c, m)
		r.conv, r.role = c, roleAnswer
		return r
	}
	if m.Direction == DirNotify || m.Direction == DirReply {
		r.role = roleNotify
		r.dup, r.copy = p.duplicate(m)
	}
	return r
}

// echoedNotification returns the open request m merely echoes: a message with
// NLM_F_REQUEST and a port id, of the type and seq of a request sent with port
// id 0 that has no answer yet. The kernel sends such notifications to listeners
// (nlmon shows each delivery) before it ACKs the request.
func (p *Pairer) echoedNotification(m *Message, proto uint16) *Conversation {
	h := m.Header
	if h.Pid == 0 {
		return nil
	}
	for _, c := range p.open[pairKey{proto, h.Seq}] {
		if !c.closed && c.Pid != 0 && c.Pid == h.Pid && c.Frame != frameNum(m) && c.Flags&unix.NLM_F_ACK != 0 &&
			m.Time().Sub(c.Time) <= FirstAnswerWindow {
			return c // another object the request changed, announced before the ACK
		}
		if !c.closed && c.Answers == 0 && c.reqType == h.Type && (c.Pid == 0 || c.Pid == h.Pid) &&
			c.Frame != frameNum(m) && m.Time().Sub(c.Time) <= FirstAnswerWindow {
			return c
		}
	}
	return nil
}

func pruneClosed(cs []*Conversation) []*Conversation {
	out := cs[:0]
	for _, c := range cs {
		if !c.closed {
			out = append(out, c)
		}
	}
	return out
}

// match finds the open request m answers, or nil.
func (p *Pairer) match(m *Message, proto uint16) *Conversation {
	h := m.Header
	isErr := h.Type == unix.NLMSG_ERROR
	isAnswer := isErr || h.Type == unix.NLMSG_DONE || h.Flags&unix.NLM_F_MULTI != 0 || m.Direction == DirReply
	var echoType uint16
	if isErr {
		if m.Error == nil || m.Error.Request == nil {
			return nil
		}
		echoType = m.Error.Request.Type
		if m.Error.Request.Seq != h.Seq {
			return nil
		}
	}
	cands := p.open[pairKey{proto, h.Seq}]
	if len(cands) == 0 {
		return nil
	}
	if h.Seq == 0 && !isErr && h.Type != unix.NLMSG_DONE && h.Flags&unix.NLM_F_MULTI == 0 {
		// Notifications carry seq 0 too: besides dump parts, DONE and errors, only
		// the single reply of a plain (not dump) GET sent with seq 0 pairs (nft's
		// NFT_MSG_GETGEN): addressed to a port, of a fitting type, soon after.
		return seqZeroReply(cands, m, proto)
	}
	fits := func(c *Conversation) bool {
		if c.closed {
			return false
		}
		if isErr {
			return c.typeNum() == echoType
		}
		if !isAnswer {
			// A message that is neither ERROR, DONE nor MULTI answers only an
			// NLM_F_ECHO request: the kernel echoes the object back, from the
			// request's port or, for one sent from port 0, as the same type.
			return c.Flags&unix.NLM_F_ECHO != 0 && c.Answers == 0 &&
				(c.Pid != 0 && c.Pid == h.Pid || c.Pid == 0 && c.reqType == h.Type)
		}
		if h.Type == unix.NLMSG_DONE {
			return c.Dump || c.Parts > 0
		}
		if h.Flags&unix.NLM_F_MULTI == 0 && c.op != OpGet && c.Flags&unix.NLM_F_ECHO == 0 {
			return false // only a GET or an NLM_F_ECHO request gets data back
		}
		return typeFits(proto, c.typeNum(), h.Type)
	}
	// The request whose port id is known and equal.
	for _, c := range cands {
		if c.Pid != 0 && c.Pid == h.Pid && fits(c) {
			return c
		}
	}
	// The oldest request still waiting for its first answer, or when none asked
	// within FirstAnswerWindow (a slow machine), the newest. A dump part or DONE
	// looks among the dump requests first, so that a plain GET left unanswered
	// (its reply was taken for a notification) does not take another's dump.
	t := m.Time()
	var newest *Conversation
	multi := h.Flags&unix.NLM_F_MULTI != 0 || h.Type == unix.NLMSG_DONE
	for pass := 0; pass < 2; pass++ {
		for _, c := range cands {
			if pass == 0 && multi && !c.Dump {
				continue
			}
			if c.Answers == 0 && c.Pid == 0 && fits(c) {
				if t.Sub(c.Time) <= FirstAnswerWindow {
					return c
				}
				newest = c
			}
		}
		if newest != nil || !multi {
			break
		}
	}
	return newest
}

// seqZeroReply returns the plain GET with seq 0 that m, a kernel message with
// seq 0 and no NLM_F_MULTI, answers: the oldest unanswered one within
// FirstAnswerWindow whose type m fits, sent from m's port (or from port 0 when
// the kernel chose it), or nil.
func seqZeroReply(cands []*Conversation, m *Message, proto uint16) *Conversation {
	h := m.Header
	if h.Pid == 0 || m.Direction == DirRequest {
		return nil // a multicast notification, or not from the kernel
	}
	t := m.Time()
	for _, c := range cands {
		if c.closed || c.Answers != 0 || c.op != OpGet || c.Dump || (c.Pid != 0 && c.Pid != h.Pid) {
			continue
		}
		if d := t.Sub(c.Time); d >= 0 && d <= FirstAnswerWindow && typeFits(proto, c.typeNum(), h.Type) {
			return c
		}
	}
	return nil
}

// typeNum is the request's nlmsg_type.
func (c *Conversation) typeNum() uint16 { return c.reqType }

// typeFits reports whether a reply of type ans may answer a request of type req.
func typeFits(proto uint16, req, ans uint16) bool {
	switch proto {
	case unix.NETLINK_ROUTE:
		if req < unix.RTM_BASE || ans < unix.RTM_BASE {
			return false
		}
		return (req-unix.RTM_BASE)/4 == (ans-unix.RTM_BASE)/4
	case unix.NETLINK_GENERIC:
		return req == ans
	case unix.NETLINK_NETFILTER:
		return req>>8 == ans>>8
	}
	return true
}

// answer records m as an answer of c.
func (p *Pairer) answer(c *Conversation, m *Message) {
	h := m.Header
	t := m.Time()
	if c.Answers == 0 {
		c.FirstFrame, c.FirstTime = frameNum(m), t
		if c.Pid == 0 {
			c.Pid = h.Pid
		}
	}
	c.Answers++
	c.LastTime = t
	if h.Flags&unix.NLM_F_DUMP_INTR != 0 {
		c.Interrupted = true
	}
	switch {
	case h.Type == unix.NLMSG_ERROR && m.Error != nil:
		if m.Error.Errno == 0 {
			c.Acked = true
		} else {
			c.Failed, c.Errno, c.ErrMsg = true, m.Error.Errno, m.Error.Msg
		}
		c.closed = true
	case h.Type == unix.NLMSG_DONE:
		c.Done = true
		if m.Error != nil && m.Error.Errno != 0 {
			c.Failed, c.Errno, c.ErrMsg = true, m.Error.Errno, m.Error.Msg
		}
		if !c.WantsAck || c.Dump {
			c.closed = true
		}
	case h.Flags&unix.NLM_F_MULTI != 0:
		c.Parts++
	default:
		if !c.WantsAck {
			c.closed = true
		}
	}
}

// duplicate finds an identical notification seen within DuplicateWindow.
func (p *Pairer) duplicate(m *Message) (*dupGroup, bool) {
	hash := maphash.Bytes(p.seed, m.Data) ^ uint64(m.ProtoNum())
	t := m.Time()
	if g, ok := p.dups[hash]; ok && t.Sub(g.last) <= DuplicateWindow && t.Sub(g.first) <= 10*DuplicateWindow {
		g.n++
		g.last = t
		return g, true
	}
	g := &dupGroup{hash: hash, n: 1, first: t, last: t, Msg: m.TypeName, proto: m.ProtoNum(), family: m.Family}
	p.dups[hash] = g
	p.dupList = append(p.dupList, g)
	if len(p.dups) > 4096 {
		for k, old := range p.dups {
			if t.Sub(old.last) > DuplicateWindow {
				delete(p.dups, k)
			}
		}
	}
	return g, false
}

// Finish judges the requests still open at the end of the capture and sets
// their Problem.
func (p *Pairer) Finish() {
	for _, c := range p.convs {
		c.Problem = c.problem()
	}
}

func (c *Conversation) problem() string {
	var ps []string
	switch {
	case c.Dump && c.Interrupted:
		ps = append(ps, "dump interrupted (NLM_F_DUMP_INTR): the data changed during the dump")
	}
	switch {
	case c.Answers == 0 && c.expectsAnswer():
		ps = append(ps, "request never answered")
	case c.Dump && !c.Done && !c.Failed:
		ps = append(ps, "dump without NLMSG_DONE")
	case c.WantsAck && !c.Dump && !c.Acked && !c.Failed:
		ps = append(ps, "ACK requested (NLM_F_ACK) but missing")
	}
	return strings.Join(ps, "; ")
}

// expectsAnswer reports whether the kernel must answer the request: a GET, a
// dump, or NLM_F_ACK / NLM_F_ECHO.
func (c *Conversation) expectsAnswer() bool {
	return c.Dump || c.WantsAck || c.Flags&unix.NLM_F_ECHO != 0 || strings.Contains(c.Type, "GET")
}

// annotate appends the "nl" node to m's tree.
func (p *Pairer) annotate(m *Message, r *pairRec) {
	var kids [6]Field
	n := 0
	add := func(def *FieldDef, v uint64) {
		kids[n] = Field{Def: def, Value: v}
		n++
	}
	us := func(d time.Duration) uint64 {
		if d < 0 {
			return 0
		}
		return uint64(d / time.Microsecond)
	}
	c := r.conv
	switch r.role {
	case roleRequest:
		if c.FirstFrame != 0 && p.replay {
			add(&defResponseIn, uint64(c.FirstFrame))
			add(&defLatency, us(c.Latency()))
		}
		if c.Dump && p.replay {
			add(&defDumpParts, uint64(c.Parts))
		}
		if c.Problem != "" {
			kids[n] = Field{Def: &defProblem, Bytes: []byte(c.Problem)}
			n++
		}
	case roleAnswer:
		add(&defRequestIn, uint64(c.Frame))
		add(&defLatency, us(r.at.Sub(c.Time)))
		if m.Header.Type == unix.NLMSG_DONE {
			add(&defDumpParts, uint64(c.Parts))
		}
	case roleNotify:
		if r.dup != nil && r.dup.n > 1 {
			add(&defCopies, uint64(r.dup.n))
		}
	}
	if n == 0 {
		return
	}
	node := make([]Field, len(m.Root.Children)+1+n)
	copy(node, m.Root.Children)
	sub := node[len(m.Root.Children)+1:]
	copy(sub, kids[:n])
	node[len(m.Root.Children)] = Field{Def: &defConv, Children: sub}
	m.Root.Children = node[:len(m.Root.Children)+1]
}

// ConversationNode returns the "nl" node Annotate added to m, or nil.
func ConversationNode(m *Message) *Field {
	if k := m.Root.Children; len(k) > 0 && k[len(k)-1].Def == &defConv {
		return &k[len(k)-1]
	}
	return nil
}
