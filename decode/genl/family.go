package genl

import (
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// Command describes one generic netlink command (the genlmsghdr cmd value) of a
// family.
type Command struct {
	// Cmd is the command number.
	Cmd uint8
	// CName is the C name ("ETHTOOL_MSG_LINKINFO_GET", "CTRL_CMD_NEWFAMILY").
	CName string
	// Name is the short name shown in the message type ("LINKINFO_GET"); derived
	// from CName and the family's Prefix when empty.
	Name string
	// Attrs is the attribute set of the command's messages; the family's Attrs
	// when nil.
	Attrs *decode.AttrSet
	// Op says how the nlmsg_flags bits 0x100-0x800 of the command's requests read;
	// when OpOther it is guessed from the name (GET, NEW, DEL, ...).
	Op decode.Op
	// Header is a fixed header after genlmsghdr that replaces the family's for
	// this command, if any.
	Header *decode.Struct

	typeName string // "ethtool LINKINFO_GET"
}

// Family describes a generic netlink family: its commands, attribute sets, fixed
// header and summary. Families are registered by name with RegisterFamily; the
// family id a capture uses is learned from the controller (see Learn).
type Family struct {
	// Name is the family name as the controller announces it ("ethtool", "nl80211").
	Name string
	// Prefix is the common C-name prefix of the commands, stripped for display
	// ("ETHTOOL_MSG_", "NL80211_CMD_").
	Prefix string
	// Commands are the commands of requests (user space to kernel), and of every
	// message when Replies is empty.
	Commands []Command
	// Replies are the commands of messages from the kernel, for families that
	// number them separately (ethtool: ETHTOOL_MSG_KERNEL_*).
	Replies []Command
	// Events are the commands of the kernel's notifications (nlmsg_seq 0), for
	// families that number them apart from their replies (thermal:
	// THERMAL_GENL_EVENT_*). Empty for most families.
	Events []Command
	// DumpReply, if set, tells a dump reply that carries nlmsg_seq 0 from one of the
	// Events by its payload (c.Data[off:end], genlmsghdr first): thermal's dumps
	// have seq 0 and no NLM_F_MULTI, as its notifications do.
	DumpReply func(c *decode.Context, off, end int) bool
	// Attrs is the top-level attribute set used by commands without their own.
	Attrs *decode.AttrSet
	// Header is a fixed header that follows genlmsghdr, if the family has one.
	Header *decode.Struct
	// Summary, if set, returns the one-line description of a message after its type
	// name ("dev veth0"); cmd is the command, reply tells which enum it is from.
	Summary func(m *decode.Message, cmd uint8, reply bool) string
	// Learn, if set, is called for every decoded message of the family that is not
	// an echoed request, to fill the session (nlctrl records family ids).
	Learn func(c *decode.Context, fields []decode.Field, cmd uint8)

	reqCmds, repCmds, evCmds [256]*Command
	reqHdr, repHdr, evHdr    *decode.Struct
	// raw holds the message types of a netlink-raw spec (see RawSpecProtocol).
	raw map[uint16]*rawOp
}

// isEvent reports whether the message c decodes is one of f's Events.
func (f *Family) isEvent(c *decode.Context) bool {
	h := &c.Header
	if len(f.Events) == 0 || !isReply(h.Flags) || h.Seq != 0 {
		return false
	}
	if f.DumpReply != nil {
		if off, end, ok := payloadStart(c); ok && f.DumpReply(c, off, end) {
			return false
		}
	}
	return true
}

// commandOf returns the description of the command of the message c decodes.
func (f *Family) commandOf(cmd uint8, c *decode.Context) *Command {
	if f.isEvent(c) {
		return f.evCmds[cmd]
	}
	return f.Command(cmd, isReply(c.Header.Flags))
}

// headerOf returns the genlmsghdr layout of the message c decodes.
func (f *Family) headerOf(c *decode.Context) *decode.Struct {
	h := &c.Header
	switch {
	case f.isEvent(c):
		return f.evHdr
	case isReply(h.Flags):
		return f.repHdr
	}
	return f.reqHdr
}

// Command returns the description of command cmd in the given direction, or nil.
func (f *Family) Command(cmd uint8, reply bool) *Command {
	if reply && len(f.Replies) > 0 {
		return f.repCmds[cmd]
	}
	return f.reqCmds[cmd]
}

// registry holds the families by name.
var registry = struct {
	sync.RWMutex
	byName map[string]*Family
}{byName: map[string]*Family{}}

// RegisterFamily makes f the decoder of the generic netlink family called name,
// replacing any earlier one (a family loaded from a YNL spec replaces a built-in
// one). It prepares f's lookup tables; f must not be changed afterwards.
func RegisterFamily(name string, f *Family) {
	if f.Name == "" {
		f.Name = name
	}
	f.prepare()
	registry.Lock()
	registry.byName[name] = f
	registry.Unlock()
}

// LookupFamily returns the registered decoder of the family called name, or nil.
func LookupFamily(name string) *Family {
	registry.RLock()
	f := registry.byName[name]
	registry.RUnlock()
	return f
}

// Families returns the names of every registered family, sorted.
func Families() []string {
	registry.RLock()
	defer registry.RUnlock()
	out := make([]string, 0, len(registry.byName))
	for n := range registry.byName {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// prepare builds the command lookup arrays, type names and genlmsghdr layouts.
func (f *Family) prepare() {
	f.reqCmds, f.repCmds, f.evCmds = [256]*Command{}, [256]*Command{}, [256]*Command{}
	fill := func(list []Command, into *[256]*Command) *decode.Enum {
		vals := make(map[uint64]string, len(list))
		for i := range list {
			c := &list[i]
			if c.Name == "" {
				c.Name = strings.TrimPrefix(c.CName, f.Prefix)
			}
			if c.CName == "" {
				c.CName = f.Prefix + c.Name
			}
			if c.Op == decode.OpOther {
				c.Op = opFromName(c.Name)
			}
			c.typeName = f.Name + " " + c.Name
			into[c.Cmd] = c
			vals[uint64(c.Cmd)] = c.CName
		}
		return decode.NewEnum(f.Name+" command", f.Prefix, vals)
	}
	f.reqHdr = genlHeader(fill(f.Commands, &f.reqCmds))
	f.repHdr = f.reqHdr
	if len(f.Replies) > 0 {
		f.repHdr = genlHeader(fill(f.Replies, &f.repCmds))
	}
	f.evHdr = f.repHdr
	if len(f.Events) > 0 {
		f.evHdr = genlHeader(fill(f.Events, &f.evCmds))
	}
}

// opFromName guesses how a command's request flags read from its name.
func opFromName(name string) decode.Op {
	n := "_" + strings.ToUpper(name) + "_"
	switch {
	case strings.Contains(n, "_GET"), strings.Contains(n, "_DUMP"), strings.Contains(n, "_LIST"), strings.Contains(n, "_QUERY"):
		return decode.OpGet
	case strings.Contains(n, "_NEW"), strings.Contains(n, "_ADD"), strings.Contains(n, "_CREATE"):
		return decode.OpNew
	case strings.Contains(n, "_DEL"), strings.Contains(n, "_REMOVE"), strings.Contains(n, "_FLUSH"):
		return decode.OpDel
	}
	return decode.OpOther
}

// genlHeader returns a genlmsghdr layout whose cmd member is named by cmds.
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|      cmd      |    version    |           reserved            |
//	+---------------+---------------+---------------+---------------+
//	|   family header (if any), then attributes ...                 |
//	+---------------+---------------+---------------+---------------+
func genlHeader(cmds *decode.Enum) *decode.Struct {
	return decode.NewStruct("genlmsghdr", "genl",
		decode.Member{CName: "cmd", Kind: decode.KindU8, Enum: cmds,
			Desc: "Command of the family: what the message asks for or announces."},
		decode.Member{CName: "version", Kind: decode.KindU8,
			Desc: "Version of the family's interface the sender speaks."},
		decode.Member{CName: "reserved", Kind: decode.KindU16,
			Desc: "Reserved, zero."},
	)
}

// rawHeader is the genlmsghdr layout of families without a decoder.
var rawHeader = genlHeader(nil)

// UnknownTypeName returns the message type name of a family nldump knows no name
// for: "genl-0x1c".
func UnknownTypeName(id uint16) string { return "genl-0x" + strconv.FormatUint(uint64(id), 16) }

// typeNames caches the names of commands no table describes, so that naming a
// message never allocates after the first time.
var typeNames sync.Map // typeNameKey -> string

type typeNameKey struct {
	family string
	cmd    int
}

func cmdTypeName(family string, cmd int) string {
	k := typeNameKey{family, cmd}
	if s, ok := typeNames.Load(k); ok {
		return s.(string)
	}
	s := family
	if cmd >= 0 {
		s += " CMD_" + strconv.Itoa(cmd)
	}
	typeNames.Store(k, s)
	return s
}

// isReply reports whether a message with these flags comes from the kernel.
func isReply(flags uint16) bool { return flags&unix.NLM_F_REQUEST == 0 }
