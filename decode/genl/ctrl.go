package genl

// nlctrl, the generic netlink controller (family id 0x10, GENL_ID_CTRL;
// include/uapi/linux/genetlink.h). It answers CTRL_CMD_GETFAMILY with
// CTRL_CMD_NEWFAMILY, announces families and multicast groups as they come and go,
// and dumps attribute policies (CTRL_CMD_GETPOLICY):
//
//	genlmsghdr { cmd = CTRL_CMD_*, version 2 }
//	CTRL_ATTR_FAMILY_ID    u16
//	CTRL_ATTR_FAMILY_NAME  string
//	CTRL_ATTR_VERSION, CTRL_ATTR_HDRSIZE, CTRL_ATTR_MAXATTR  u32
//	CTRL_ATTR_OPS          [ { CTRL_ATTR_OP_ID u32, CTRL_ATTR_OP_FLAGS u32 } ... ]
//	CTRL_ATTR_MCAST_GROUPS [ { CTRL_ATTR_MCAST_GRP_NAME, CTRL_ATTR_MCAST_GRP_ID } ... ]
//	CTRL_ATTR_POLICY       [ policy index: [ attr type: { NL_POLICY_TYPE_ATTR_* } ] ]
//	CTRL_ATTR_OP_POLICY    [ cmd: { CTRL_ATTR_POLICY_DO u32, CTRL_ATTR_POLICY_DUMP u32 } ]
//	CTRL_ATTR_OP           u32

import (
	"strconv"
	"strings"
	"sync"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// opFlags names the bits of CTRL_ATTR_OP_FLAGS.
var opFlags = decode.NewFlagSet("genl op flags", "GENL_", map[uint64]string{
	unix.GENL_ADMIN_PERM:     "GENL_ADMIN_PERM",
	unix.GENL_CMD_CAP_DO:     "GENL_CMD_CAP_DO",
	unix.GENL_CMD_CAP_DUMP:   "GENL_CMD_CAP_DUMP",
	unix.GENL_CMD_CAP_HASPOL: "GENL_CMD_CAP_HASPOL",
	unix.GENL_UNS_ADMIN_PERM: "GENL_UNS_ADMIN_PERM",
})

var ctrlOpAttrs = decode.NewAttrSet("CTRL_ATTR_OP", "genl.ctrl.op",
	decode.Attr{Type: unix.CTRL_ATTR_OP_ID, CName: "CTRL_ATTR_OP_ID", Kind: decode.KindU32,
		Desc: "Command number of the operation."},
	decode.Attr{Type: unix.CTRL_ATTR_OP_FLAGS, CName: "CTRL_ATTR_OP_FLAGS", Kind: decode.KindU32, Flags: opFlags,
		Desc: "What the operation supports (do, dump, policy) and the permission it needs."},
)

var ctrlGroupAttrs = decode.NewAttrSet("CTRL_ATTR_MCAST_GRP", "genl.ctrl.mcast_grp",
	decode.Attr{Type: unix.CTRL_ATTR_MCAST_GRP_NAME, CName: "CTRL_ATTR_MCAST_GRP_NAME", Kind: decode.KindString,
		Desc: "Name of the multicast group."},
	decode.Attr{Type: unix.CTRL_ATTR_MCAST_GRP_ID, CName: "CTRL_ATTR_MCAST_GRP_ID", Kind: decode.KindU32,
		Desc: "Id of the multicast group (what NETLINK_ADD_MEMBERSHIP takes)."},
)

var ctrlOpPolicyAttrs = decode.NewAttrSet("CTRL_ATTR_POLICY", "genl.ctrl.op_policy",
	decode.Attr{Type: unix.CTRL_ATTR_POLICY_DO, CName: "CTRL_ATTR_POLICY_DO", Kind: decode.KindU32,
		Desc: "Index of the policy that validates the operation's do requests."},
	decode.Attr{Type: unix.CTRL_ATTR_POLICY_DUMP, CName: "CTRL_ATTR_POLICY_DUMP", Kind: decode.KindU32,
		Desc: "Index of the policy that validates the operation's dump requests."},
)

// ctrlAttrs is the CTRL_ATTR_* set of every nlctrl message.
var ctrlAttrs = decode.NewAttrSet("CTRL_ATTR", "genl.ctrl",
	decode.Attr{Type: unix.CTRL_ATTR_FAMILY_ID, CName: "CTRL_ATTR_FAMILY_ID", Kind: decode.KindU16,
		Desc: "The family's id: the nlmsg_type of its messages in this network namespace."},
	decode.Attr{Type: unix.CTRL_ATTR_FAMILY_NAME, CName: "CTRL_ATTR_FAMILY_NAME", Kind: decode.KindString,
		Desc: "The family's name."},
	decode.Attr{Type: unix.CTRL_ATTR_VERSION, CName: "CTRL_ATTR_VERSION", Kind: decode.KindU32,
		Desc: "The family's interface version."},
	decode.Attr{Type: unix.CTRL_ATTR_HDRSIZE, CName: "CTRL_ATTR_HDRSIZE", Kind: decode.KindU32, Unit: "bytes",
		Desc: "Size of the family's fixed header after genlmsghdr."},
	decode.Attr{Type: unix.CTRL_ATTR_MAXATTR, CName: "CTRL_ATTR_MAXATTR", Kind: decode.KindU32,
		Desc: "Highest attribute type of the family's top-level set."},
	decode.Attr{Type: unix.CTRL_ATTR_OPS, CName: "CTRL_ATTR_OPS", Array: true, Elem: &decode.Attr{Nested: ctrlOpAttrs},
		Desc: "The family's operations."},
	decode.Attr{Type: unix.CTRL_ATTR_MCAST_GROUPS, CName: "CTRL_ATTR_MCAST_GROUPS", Array: true, Elem: &decode.Attr{Nested: ctrlGroupAttrs},
		Desc: "The family's multicast groups."},
	decode.Attr{Type: unix.CTRL_ATTR_POLICY, CName: "CTRL_ATTR_POLICY", Array: true,
		Elem: &decode.Attr{Array: true, Elem: &decode.Attr{Nested: decode.PolicyAttrs}},
		Desc: "Attribute policies, by policy index then attribute type."},
	decode.Attr{Type: unix.CTRL_ATTR_OP_POLICY, CName: "CTRL_ATTR_OP_POLICY", Array: true, Elem: &decode.Attr{Nested: ctrlOpPolicyAttrs},
		Desc: "Which policy validates each operation, by command number."},
	decode.Attr{Type: unix.CTRL_ATTR_OP, CName: "CTRL_ATTR_OP", Kind: decode.KindU32,
		Desc: "Command whose policy a CTRL_CMD_GETPOLICY request asks for."},
)

// ctrlFamily is nlctrl's decoder; it is always family 0x10.
var ctrlFamily = &Family{
	Name:   "nlctrl",
	Prefix: "CTRL_CMD_",
	Attrs:  ctrlAttrs,
	Commands: []Command{
		{Cmd: unix.CTRL_CMD_UNSPEC, CName: "CTRL_CMD_UNSPEC"},
		{Cmd: unix.CTRL_CMD_NEWFAMILY, CName: "CTRL_CMD_NEWFAMILY"},
		{Cmd: unix.CTRL_CMD_DELFAMILY, CName: "CTRL_CMD_DELFAMILY"},
		{Cmd: unix.CTRL_CMD_GETFAMILY, CName: "CTRL_CMD_GETFAMILY"},
		{Cmd: unix.CTRL_CMD_NEWOPS, CName: "CTRL_CMD_NEWOPS"},
		{Cmd: unix.CTRL_CMD_DELOPS, CName: "CTRL_CMD_DELOPS"},
		{Cmd: unix.CTRL_CMD_GETOPS, CName: "CTRL_CMD_GETOPS"},
		{Cmd: unix.CTRL_CMD_NEWMCAST_GRP, CName: "CTRL_CMD_NEWMCAST_GRP"},
		{Cmd: unix.CTRL_CMD_DELMCAST_GRP, CName: "CTRL_CMD_DELMCAST_GRP"},
		{Cmd: unix.CTRL_CMD_GETMCAST_GRP, CName: "CTRL_CMD_GETMCAST_GRP"},
		{Cmd: unix.CTRL_CMD_GETPOLICY, CName: "CTRL_CMD_GETPOLICY", Op: decode.OpGet},
	},
	Summary: ctrlSummary,
	Learn:   ctrlLearn,
}

func init() { RegisterFamily("nlctrl", ctrlFamily) }

// ctrlLearn records the family id and multicast groups announced by a
// CTRL_CMD_NEWFAMILY or CTRL_CMD_NEWMCAST_GRP message from the kernel.
func ctrlLearn(c *decode.Context, attrs []decode.Field, cmd uint8) {
	if cmd != unix.CTRL_CMD_NEWFAMILY && cmd != unix.CTRL_CMD_NEWMCAST_GRP || !isReply(c.Header.Flags) {
		return
	}
	d := c.Decoder()
	if d == nil || d.Session == nil {
		return
	}
	var id uint16
	var name []byte
	var groups, ops *decode.Field
	for i := range attrs {
		a := &attrs[i]
		if a.Unknown || a.Note != "" {
			continue
		}
		switch a.Type {
		case unix.CTRL_ATTR_FAMILY_ID:
			id = uint16(a.Value)
		case unix.CTRL_ATTR_FAMILY_NAME:
			name = decode.TrimNUL(a.Bytes)
		case unix.CTRL_ATTR_MCAST_GROUPS:
			groups = a
		case unix.CTRL_ATTR_OPS:
			ops = a
		}
	}
	if ops != nil {
		nameOpIDs(LookupFamily(string(name)), ops)
	}
	if id == 0 || len(name) == 0 {
		return
	}
	fam := learnFamily(d.Session, id, name)
	if groups == nil {
		return
	}
	for _, g := range groups.Children {
		var gid uint32
		var gname []byte
		for _, k := range g.Children {
			switch {
			case k.Unknown || k.Note != "":
			case k.Type == unix.CTRL_ATTR_MCAST_GRP_ID:
				gid = uint32(k.Value)
			case k.Type == unix.CTRL_ATTR_MCAST_GRP_NAME:
				gname = decode.TrimNUL(k.Bytes)
			}
		}
		learnGroup(d.Session, fam, gid, gname)
	}
}

// opIDDefs holds, per family nldump decodes, a CTRL_ATTR_OP_ID definition whose
// values are named by the family's commands.
var opIDDefs sync.Map // *Family -> *decode.FieldDef

// nameOpIDs names the command numbers in a CTRL_ATTR_OPS list by the family's
// commands (CTRL_ATTR_OP_ID 1 of ethtool: ETHTOOL_MSG_STRSET_GET), when nldump
// knows the family.
func nameOpIDs(f *Family, ops *decode.Field) {
	if f == nil || f.reqHdr == nil {
		return
	}
	v, ok := opIDDefs.Load(f)
	if !ok {
		base := ctrlOpAttrs.Lookup(unix.CTRL_ATTR_OP_ID).Def()
		def := *base
		def.Enum = f.reqHdr.Members[0].Enum
		def.Desc = "Command number of the operation, named by the " + f.Name + " family's commands."
		v, _ = opIDDefs.LoadOrStore(f, &def)
	}
	def := v.(*decode.FieldDef)
	for i := range ops.Children {
		op := &ops.Children[i]
		for k := range op.Children {
			if a := &op.Children[k]; a.Type == unix.CTRL_ATTR_OP_ID && !a.Unknown && a.Note == "" {
				a.Def = def
			}
		}
	}
}

// learnFamily records id -> name, allocating only when the entry is new or changed.
func learnFamily(s *decode.Session, id uint16, name []byte) string {
	if old, ok := s.GenlFamilies[id]; ok && old == string(name) {
		return old
	}
	n := string(name)
	s.GenlFamilies[id] = n
	return n
}

// learnGroup records group id -> "family/group".
func learnGroup(s *decode.Session, fam string, id uint32, name []byte) {
	if id == 0 || len(name) == 0 {
		return
	}
	if old, ok := s.GenlGroups[id]; ok && len(old) == len(fam)+1+len(name) &&
		old[:len(fam)] == fam && old[len(fam)+1:] == string(name) {
		return
	}
	s.GenlGroups[id] = fam + "/" + string(name)
}

// ctrlSummary describes an nlctrl message: "ethtool id 21 (3 groups)".
func ctrlSummary(m *decode.Message, cmd uint8, reply bool) string {
	var id, op *decode.Field
	var name string
	var ops, groups *decode.Field
	var policy, opPolicy *decode.Field
	for i, p := range m.Payload() {
		a := &m.Payload()[i]
		if !p.IsAttr() || p.Unknown {
			continue
		}
		switch p.Type {
		case unix.CTRL_ATTR_FAMILY_ID:
			id = a
		case unix.CTRL_ATTR_FAMILY_NAME:
			name = p.ValueString()
		case unix.CTRL_ATTR_OPS:
			ops = a
		case unix.CTRL_ATTR_MCAST_GROUPS:
			groups = a
		case unix.CTRL_ATTR_POLICY:
			policy = a
		case unix.CTRL_ATTR_OP_POLICY:
			opPolicy = a
		case unix.CTRL_ATTR_OP:
			op = a
		}
	}
	var b strings.Builder
	word := func(s string) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	fam := name
	if fam == "" && id != nil {
		fam = familyName(m, uint16(id.Value))
	}
	switch cmd {
	case unix.CTRL_CMD_NEWFAMILY, unix.CTRL_CMD_DELFAMILY:
		word(fam)
		if id != nil && name != "" {
			word("id " + strconv.FormatUint(id.Value, 10))
		}
		if cmd == unix.CTRL_CMD_NEWFAMILY && reply {
			var parts []string
			if ops != nil {
				parts = append(parts, plural(len(ops.Children), "op"))
			}
			if groups != nil {
				parts = append(parts, plural(len(groups.Children), "group"))
			}
			if len(parts) > 0 {
				word("(" + strings.Join(parts, ", ") + ")")
			}
		}
	case unix.CTRL_CMD_GETFAMILY:
		switch {
		case fam != "":
			word(fam)
		case m.Header.Flags&unix.NLM_F_DUMP == unix.NLM_F_DUMP:
			word("all families")
		}
	case unix.CTRL_CMD_NEWMCAST_GRP, unix.CTRL_CMD_DELMCAST_GRP:
		word(fam)
		if groups != nil {
			for _, g := range groups.Children {
				if n := g.Find("genl.ctrl.mcast_grp.name"); n != nil {
					word("group " + n.ValueString())
				}
				if n := g.Find("genl.ctrl.mcast_grp.id"); n != nil {
					word("id " + n.ValueString())
				}
			}
		}
	case unix.CTRL_CMD_GETPOLICY:
		word(fam)
		if op != nil {
			word("op " + opName(fam, uint8(op.Value), false))
		}
		if opPolicy != nil {
			for _, o := range opPolicy.Children {
				word("op " + opName(fam, uint8(o.Type), false))
				for _, k := range o.Children {
					if k.Type == unix.CTRL_ATTR_POLICY_DO {
						word("do policy " + k.ValueString())
					} else if k.Type == unix.CTRL_ATTR_POLICY_DUMP {
						word("dump policy " + k.ValueString())
					}
				}
			}
		}
		if policy != nil {
			for _, p := range policy.Children {
				word("policy " + strconv.Itoa(int(p.Type)))
				for _, a := range p.Children {
					word("attr " + strconv.Itoa(int(a.Type)))
					if t := a.Find("nl_policy.type"); t != nil {
						if n, ok := t.Def.Enum.Lookup(t.Value); ok {
							word(strings.ToLower(strings.TrimPrefix(n, "NL_ATTR_TYPE_")))
						}
					}
				}
			}
		}
	}
	return b.String()
}

// familyName names family id from the decoder's session, for summaries.
func familyName(m *decode.Message, id uint16) string {
	if id == unix.GENL_ID_CTRL {
		return "nlctrl"
	}
	if s := sessionOf(m); s != nil {
		if n := s.GenlFamilies[id]; n != "" {
			return n
		}
	}
	return UnknownTypeName(id)
}

// opName names command cmd of the family called fam, or gives its number.
func opName(fam string, cmd uint8, reply bool) string {
	if f := LookupFamily(fam); f != nil {
		if c := f.Command(cmd, reply); c != nil {
			return c.Name
		}
	}
	return strconv.Itoa(int(cmd))
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

func itoa(n int) string { return strconv.Itoa(n) }
