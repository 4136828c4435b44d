package decode

import unix "github.com/nldump/nldump/internal/abi"

// The flag bits of nlmsg_flags whose meaning does not depend on the message.
var baseFlagBits = map[uint64]string{
	unix.NLM_F_REQUEST:       "NLM_F_REQUEST",
	unix.NLM_F_MULTI:         "NLM_F_MULTI",
	unix.NLM_F_ACK:           "NLM_F_ACK",
	unix.NLM_F_ECHO:          "NLM_F_ECHO",
	unix.NLM_F_DUMP_INTR:     "NLM_F_DUMP_INTR",
	unix.NLM_F_DUMP_FILTERED: "NLM_F_DUMP_FILTERED",
}

// flagsWith returns the base flags plus the context-dependent bits.
func flagsWith(name string, extra map[uint64]string, combos ...Flag) *FlagSet {
	bits := make(map[uint64]string, len(baseFlagBits)+len(extra))
	for b, n := range baseFlagBits {
		bits[b] = n
	}
	for b, n := range extra {
		bits[b] = n
	}
	return NewFlagSet(name, "NLM_F_", bits, combos...)
}

// The nlmsg_flags readings by context: the bits 0x100-0x800 mean different things
// in GET, NEW and DEL requests and in ERROR/DONE replies.
var (
	flagsOther = flagsWith("nlmsg_flags", nil)
	flagsGet   = flagsWith("nlmsg_flags (get request)", map[uint64]string{
		unix.NLM_F_ROOT: "NLM_F_ROOT", unix.NLM_F_MATCH: "NLM_F_MATCH", unix.NLM_F_ATOMIC: "NLM_F_ATOMIC",
	}, Flag{unix.NLM_F_DUMP, "NLM_F_DUMP"})
	flagsNew = flagsWith("nlmsg_flags (new request)", map[uint64]string{
		unix.NLM_F_REPLACE: "NLM_F_REPLACE", unix.NLM_F_EXCL: "NLM_F_EXCL",
		unix.NLM_F_CREATE: "NLM_F_CREATE", unix.NLM_F_APPEND: "NLM_F_APPEND",
	})
	flagsDel = flagsWith("nlmsg_flags (delete request)", map[uint64]string{
		unix.NLM_F_NONREC: "NLM_F_NONREC", unix.NLM_F_BULK: "NLM_F_BULK",
	})
	flagsAck = flagsWith("nlmsg_flags (error/ack)", map[uint64]string{
		unix.NLM_F_CAPPED: "NLM_F_CAPPED", unix.NLM_F_ACK_TLVS: "NLM_F_ACK_TLVS",
	})
)

// FlagsFor returns the flag table that reads nlmsg_flags for an operation kind.
func FlagsFor(op Op) *FlagSet {
	switch op {
	case OpGet:
		return flagsGet
	case OpNew:
		return flagsNew
	case OpDel:
		return flagsDel
	case OpAck:
		return flagsAck
	}
	return flagsOther
}

// The nlmsghdr field definitions; their filter names are fixed.
var (
	defMsg = FieldDef{Name: "nlmsg", Label: "Netlink message", Kind: KindNone,
		Desc: "One netlink message: a struct nlmsghdr and its payload."}
	defHdr = FieldDef{Name: "nlmsg.hdr", Label: "struct nlmsghdr", CName: "struct nlmsghdr", Kind: KindStruct,
		Desc: "The 16-byte netlink message header."}
	defLen = FieldDef{Name: "nlmsg.len", Label: "Length", CName: "nlmsg_len", Kind: KindU32,
		Desc: "Length of the message including this header, in bytes.", Unit: "bytes"}
	defType = FieldDef{Name: "nlmsg.type", Label: "Type", CName: "nlmsg_type", Kind: KindU16,
		Desc: "Message type: a control type (below 16) or a protocol's type; for generic netlink the family id."}
	defSeq = FieldDef{Name: "nlmsg.seq", Label: "Sequence", CName: "nlmsg_seq", Kind: KindU32,
		Desc: "Sequence number chosen by the requester; replies and errors echo it."}
	defPid = FieldDef{Name: "nlmsg.pid", Label: "Port ID", CName: "nlmsg_pid", Kind: KindU32,
		Desc: "Netlink port id of the sending socket (0 for the kernel); replies carry the requester's."}
	defPadding = FieldDef{Name: "nlmsg.padding", Label: "Frame padding", Kind: KindPad,
		Desc: "Zero bytes after the last message of a frame (a sender's fixed-size buffer)."}
	defGarbage = FieldDef{Name: "nlmsg.trailing", Label: "Undecodable bytes", Kind: KindBinary,
		Desc: "Bytes at the end of a frame too short for a netlink message header."}
	defPayload = FieldDef{Name: "nlmsg.payload", Label: "Payload", Kind: KindBinary,
		Desc: "Message payload without a decoder."}
)

// flagDefs holds one nlmsg.flags definition per operation kind.
var flagDefs = func() [5]FieldDef {
	var d [5]FieldDef
	for op := OpOther; op <= OpAck; op++ {
		d[op] = FieldDef{Name: "nlmsg.flags", Label: "Flags", CName: "nlmsg_flags", Kind: KindU16,
			Flags: FlagsFor(op),
			Desc:  "Message flags; bits 0x100-0x800 read by context (GET: ROOT/MATCH/ATOMIC, NEW: REPLACE/EXCL/CREATE/APPEND, DEL: NONREC/BULK, ERROR/DONE: CAPPED/ACK_TLVS)."}
	}
	return d
}()

// controlTypes names the control message types below NLMSG_MIN_TYPE.
var controlTypes = map[uint16]string{
	unix.NLMSG_NOOP:    "NLMSG_NOOP",
	unix.NLMSG_ERROR:   "NLMSG_ERROR",
	unix.NLMSG_DONE:    "NLMSG_DONE",
	unix.NLMSG_OVERRUN: "NLMSG_OVERRUN",
}

// HeaderDefs returns the nlmsghdr field definitions, for `--fields`.
func HeaderDefs() []*FieldDef {
	return []*FieldDef{&defMsg, &defHdr, &defLen, &defType, &flagDefs[OpOther], &defSeq, &defPid, &defPadding}
}
