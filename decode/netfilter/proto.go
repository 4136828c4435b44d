package netfilter

import (
	"strconv"
	"strings"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

func init() { decode.Register(unix.NETLINK_NETFILTER, Proto{}) }

// Proto is the NETLINK_NETFILTER decoder; init registers it for protocol 12.
type Proto struct{}

// Name implements decode.Protocol.
func (Proto) Name() string { return "netfilter" }

// msgDef describes one message type of a subsystem.
type msgDef struct {
	// name is the C name (NFT_MSG_NEWRULE, IPCTNL_MSG_CT_NEW).
	name string
	// op is the operation kind the name says (NEW, DEL, GET).
	op decode.Op
	// set is the attribute set after struct nfgenmsg.
	set *decode.AttrSet
	// summary makes the one-line summary, if set.
	summary func(m *decode.Message) string
}

// subsystem is one NFNL_SUBSYS_*: the high byte of nlmsg_type.
type subsystem struct {
	// cname is NFNL_SUBSYS_NFTABLES etc.
	cname string
	// prefix is the message type names' prefix (NFT_MSG_), for unknown types.
	prefix string
	// msgs is indexed by the low byte of nlmsg_type.
	msgs [256]*msgDef
}

// subsystems is indexed by NFNL_SUBSYS_*.
var subsystems [256]*subsystem

// addSubsystem registers a subsystem whose message types are the uapi names with
// prefix (minus those in skip); attrs gives each type's attribute set and
// summary its summary function (both may return nil).
func addSubsystem(id int64, prefix string, skip []string, attrs func(name string) *decode.AttrSet, summary func(name string) func(*decode.Message) string) *subsystem {
	ss := &subsystem{cname: subsysEnum.Values[uint64(id)], prefix: prefix}
outer:
	for _, c := range uapiConsts {
		if !strings.HasPrefix(c.name, prefix) || strings.HasSuffix(c.name, "_MAX") || c.v < 0 || c.v > 255 {
			continue
		}
		for _, s := range skip {
			if strings.HasPrefix(c.name, s) {
				continue outer
			}
		}
		if ss.msgs[c.v] != nil {
			continue
		}
		md := &msgDef{name: c.name, op: opOf(strings.TrimPrefix(c.name, prefix))}
		if attrs != nil {
			md.set = attrs(c.name)
		}
		if summary != nil {
			md.summary = summary(c.name)
		}
		ss.msgs[c.v] = md
	}
	subsystems[id] = ss
	return ss
}

// opOf reads the operation kind from a message type name without its prefix.
func opOf(s string) decode.Op {
	switch {
	case strings.HasPrefix(s, "NEW"), strings.HasPrefix(s, "CT_NEW"), strings.HasPrefix(s, "EXP_NEW"),
		strings.HasPrefix(s, "TIMEOUT_NEW"), strings.HasPrefix(s, "ACCT_NEW"), strings.HasPrefix(s, "CTHELPER_NEW"),
		s == "CREATE", s == "ADD":
		return decode.OpNew
	case strings.HasPrefix(s, "DEL"), strings.HasPrefix(s, "DESTROY"), strings.Contains(s, "_DEL"):
		return decode.OpDel
	case strings.HasPrefix(s, "GET"), strings.Contains(s, "_GET"), s == "LIST", s == "SAVE", s == "HEADER", s == "TYPE":
		return decode.OpGet
	}
	return decode.OpOther
}

// lookup returns the subsystem and message definition of nlmsg_type t (either may
// be nil).
func lookup(t uint16) (*subsystem, *msgDef) {
	ss := subsystems[t>>8]
	if ss == nil {
		return nil, nil
	}
	return ss, ss.msgs[t&0xff]
}

// isBatch reports whether t is NFNL_MSG_BATCH_BEGIN or NFNL_MSG_BATCH_END.
func isBatch(t uint16) bool { return t == unix.NFNL_MSG_BATCH_BEGIN || t == unix.NFNL_MSG_BATCH_END }

// MessageType implements decode.Protocol: the subsystem's message type name (from
// the type's low byte, the subsystem being the high byte) and its operation kind.
func (Proto) MessageType(c *decode.Context, t uint16) (string, decode.Op) {
	switch t {
	case unix.NFNL_MSG_BATCH_BEGIN:
		return "NFNL_MSG_BATCH_BEGIN", decode.OpOther
	case unix.NFNL_MSG_BATCH_END:
		return "NFNL_MSG_BATCH_END", decode.OpOther
	}
	ss, md := lookup(t)
	switch {
	case md != nil:
		return md.name, md.op
	case ss != nil:
		return ss.prefix + strconv.Itoa(int(t&0xff)), decode.OpOther
	}
	return "NFNL_SUBSYS_" + strconv.Itoa(int(t>>8)) + "_MSG_" + strconv.Itoa(int(t&0xff)), decode.OpOther
}

var (
	rawAttrsDef = decode.FieldDef{Name: "nfnl.payload", Label: "Payload", Kind: decode.KindBinary,
		Desc: "Bytes after struct nfgenmsg of a subsystem or message type nldump does not know."}
)

// DecodePayload implements decode.Protocol: struct nfgenmsg, then the attributes of
// the message type.
func (Proto) DecodePayload(c *decode.Context, off, end int) []decode.Field {
	t := c.Header.Type
	hdr := nfgenmsg
	var set *decode.AttrSet
	ss, md := lookup(t)
	switch {
	case isBatch(t):
		hdr, set = nfgenmsgBatch, batchAttrs
	case md != nil:
		set = md.set
	}
	if off < end {
		c.Family = c.Data[off]
	}
	h := c.Struct(hdr, off, end)
	ao := off + hdr.Size
	if ao >= end {
		f := c.Alloc(1)
		f[0] = h
		return f
	}
	var attrs []decode.Field
	if set != nil {
		attrs = c.Attrs(set, ao, end)
		if (t>>8 == unix.NFNL_SUBSYS_ULOG || t>>8 == unix.NFNL_SUBSYS_QUEUE) && c.Msg != nil && !c.Echoed && c.Decoder() != nil {
			c.Msg.Info = c.Decoder().Session
		}
		if t>>8 == unix.NFNL_SUBSYS_NFTABLES {
			st := stateOf(c)
			st.learn(c, c.Family, ao, end)
			if c.Msg != nil && !c.Echoed {
				c.Msg.Info = st
			}
		}
	} else {
		attrs = c.Alloc(1)
		c.SetBytes(&attrs[0], &rawAttrsDef, ao, end)
		if ss == nil {
			c.Note(&attrs[0], "subsystem %d unknown to nldump: payload at offset %d shown raw", t>>8, ao)
		} else {
			c.Note(&attrs[0], "%s message type %d unknown to nldump: payload at offset %d shown raw", ss.cname, t&0xff, ao)
		}
	}
	f := c.Alloc(1 + len(attrs))
	f[0] = h
	copy(f[1:], attrs)
	return f
}

// Summary implements decode.Protocol.
func (Proto) Summary(m *decode.Message) string {
	defer func() { _ = recover() }() // a summary never takes the printer down
	return summary(m)
}

// summary is Summary without the recover, for tests.
func summary(m *decode.Message) string {
	t := m.Header.Type
	if isBatch(t) {
		return batchSummary(m)
	}
	_, md := lookup(t)
	if md == nil || md.summary == nil {
		return ""
	}
	return md.summary(m)
}

// DecodeDone implements decode.DoneDecoder: nfnetlink_log sends its batches of
// packets (NFULNL_MSG_PACKET) followed by an NLMSG_DONE without NLM_F_MULTI whose
// payload is struct nfgenmsg (family AF_UNSPEC, res_id the log group:
// net/netfilter/nfnetlink_log.c, __nfulnl_flush), not a status.
func (Proto) DecodeDone(c *decode.Context, off, end int) ([]decode.Field, bool) {
	if c.Header.Flags&unix.NLM_F_MULTI != 0 || end-off != nfgenmsg.Size {
		return nil, false
	}
	f := c.Alloc(1)
	f[0] = c.Struct(nfgenmsg, off, end)
	return f, true
}
