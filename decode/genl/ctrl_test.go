package genl

import (
	"strings"
	"testing"

	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// newFamilyEthtool is the controller's answer to GETFAMILY ethtool: id 21, two
// operations, two multicast groups.
func newFamilyEthtool(w wire, flags uint16) []byte {
	return w.msg(unix.GENL_ID_CTRL, flags, 7, 4242,
		genlhdr(unix.CTRL_CMD_NEWFAMILY, 2),                // cmd=NEWFAMILY version=2
		w.Attr(unix.CTRL_ATTR_FAMILY_NAME, str("ethtool")), // "ethtool\0"
		w.Attr(unix.CTRL_ATTR_FAMILY_ID, w.U16(21)),        // id 21
		w.Attr(unix.CTRL_ATTR_VERSION, w.U32(1)),           // version 1
		w.Attr(unix.CTRL_ATTR_HDRSIZE, w.U32(0)),           // no fixed header
		w.Attr(unix.CTRL_ATTR_MAXATTR, w.U32(0)),           // maxattr 0
		w.Nest(unix.CTRL_ATTR_OPS,
			w.Nest(1, // op #1
				w.Attr(unix.CTRL_ATTR_OP_ID, w.U32(unix.ETHTOOL_MSG_STRSET_GET)),
				w.Attr(unix.CTRL_ATTR_OP_FLAGS, w.U32(unix.GENL_CMD_CAP_DO|unix.GENL_CMD_CAP_DUMP|unix.GENL_CMD_CAP_HASPOL))),
			w.Nest(2, // op #2
				w.Attr(unix.CTRL_ATTR_OP_ID, w.U32(unix.ETHTOOL_MSG_LINKINFO_SET)),
				w.Attr(unix.CTRL_ATTR_OP_FLAGS, w.U32(unix.GENL_ADMIN_PERM|unix.GENL_CMD_CAP_DO|unix.GENL_CMD_CAP_HASPOL))),
		),
		w.Nest(unix.CTRL_ATTR_MCAST_GROUPS,
			w.Nest(1, w.Attr(unix.CTRL_ATTR_MCAST_GRP_ID, w.U32(5)), w.Attr(unix.CTRL_ATTR_MCAST_GRP_NAME, str("monitor"))),
			w.Nest(2, w.Attr(unix.CTRL_ATTR_MCAST_GRP_ID, w.U32(6)), w.Attr(unix.CTRL_ATTR_MCAST_GRP_NAME, str("other"))),
		),
	)
}

func TestCtrlNewFamily(t *testing.T) {
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			w := o.w
			d := decode.NewDecoder()
			msgs := d.DecodeFrame(frame(newFamilyEthtool(w, 0)), nil)
			if len(msgs) != 1 {
				t.Fatalf("%d messages", len(msgs))
			}
			m := &msgs[0]
			if m.TypeName != "nlctrl NEWFAMILY" || m.Malformed {
				t.Fatalf("type %q malformed %v\n%s", m.TypeName, m.Malformed, treeText(m))
			}
			got := treeText(m)
			want := `nlmsg
 nlmsg.hdr
  nlmsg.len=160 bytes
  nlmsg.type=nlctrl NEWFAMILY (16)
  nlmsg.flags=0x0000
  nlmsg.seq=7
  nlmsg.pid=4242
 genl
  genl.cmd=CTRL_CMD_NEWFAMILY (1)
  genl.version=2
  genl.reserved=0
 genl.ctrl.family_name=ethtool
 genl.ctrl.family_id=21
 genl.ctrl.version=1
 genl.ctrl.hdrsize=0 bytes
 genl.ctrl.maxattr=0
 genl.ctrl.ops
  genl.ctrl.ops.elem
   genl.ctrl.op.id=ETHTOOL_MSG_STRSET_GET (1)
   genl.ctrl.op.flags=0x0000000e (CMD_CAP_DO|CMD_CAP_DUMP|CMD_CAP_HASPOL)
  genl.ctrl.ops.elem
   genl.ctrl.op.id=ETHTOOL_MSG_LINKINFO_SET (3)
   genl.ctrl.op.flags=0x0000000b (ADMIN_PERM|CMD_CAP_DO|CMD_CAP_HASPOL)
 genl.ctrl.mcast_groups
  genl.ctrl.mcast_groups.elem
   genl.ctrl.mcast_grp.id=5
   genl.ctrl.mcast_grp.name=monitor
  genl.ctrl.mcast_groups.elem
   genl.ctrl.mcast_grp.id=6
   genl.ctrl.mcast_grp.name=other
`
			if got != want {
				t.Errorf("tree:\n%s\nwant:\n%s", got, want)
			}
			if s := m.Summary(); s != "ethtool id 21 (2 ops, 2 groups)" {
				t.Errorf("summary %q", s)
			}
			if d.Session.GenlFamilies[21] != "ethtool" {
				t.Errorf("family not learned: %v", d.Session.GenlFamilies)
			}
			if d.Session.GenlGroups[5] != "ethtool/monitor" || d.Session.GenlGroups[6] != "ethtool/other" {
				t.Errorf("groups not learned: %v", d.Session.GenlGroups)
			}
		})
	}
}

func TestCtrlRequestsNotLearned(t *testing.T) {
	w := wire{}
	// A NEWFAMILY sent by user space (NLM_F_REQUEST) announces nothing.
	d := decode.NewDecoder()
	d.DecodeFrame(frame(newFamilyEthtool(w, unix.NLM_F_REQUEST)), nil)
	sess := decode.NewSession()
	Learn(sess, frame(newFamilyEthtool(w, unix.NLM_F_REQUEST)))
	if len(d.Session.GenlFamilies)+len(sess.GenlFamilies) != 0 {
		t.Errorf("learned from a request: %v %v", d.Session.GenlFamilies, sess.GenlFamilies)
	}
}

func TestCtrlGetFamilyAndPolicy(t *testing.T) {
	w := wire{}
	cases := []struct {
		name     string
		data     []byte
		typ      string
		summary  string
		flagText string
	}{
		{"getfamily by name",
			w.msg(unix.GENL_ID_CTRL, unix.NLM_F_REQUEST|unix.NLM_F_ACK, 1, 0,
				genlhdr(unix.CTRL_CMD_GETFAMILY, 1),
				w.Attr(unix.CTRL_ATTR_FAMILY_NAME, str("wireguard"))), // "wireguard\0"
			"nlctrl GETFAMILY", "wireguard", "0x0005 (REQUEST|ACK)"},
		{"getfamily dump",
			w.msg(unix.GENL_ID_CTRL, unix.NLM_F_REQUEST|unix.NLM_F_DUMP, 2, 0,
				genlhdr(unix.CTRL_CMD_GETFAMILY, 1)),
			"nlctrl GETFAMILY", "all families", "0x0301 (REQUEST|DUMP)"},
		{"getpolicy request",
			w.msg(unix.GENL_ID_CTRL, unix.NLM_F_REQUEST|unix.NLM_F_DUMP, 3, 0,
				genlhdr(unix.CTRL_CMD_GETPOLICY, 2),
				w.Attr(unix.CTRL_ATTR_FAMILY_NAME, str("ethtool")),
				w.Attr(unix.CTRL_ATTR_OP, w.U32(unix.ETHTOOL_MSG_LINKINFO_GET))),
			"nlctrl GETPOLICY", "ethtool op LINKINFO_GET", "0x0301 (REQUEST|DUMP)"},
		{"getpolicy reply: op policy",
			w.msg(unix.GENL_ID_CTRL, unix.NLM_F_MULTI, 3, 77,
				genlhdr(unix.CTRL_CMD_GETPOLICY, 2),
				w.Attr(unix.CTRL_ATTR_FAMILY_ID, w.U16(unix.GENL_ID_CTRL)),
				w.Nest(unix.CTRL_ATTR_OP_POLICY,
					w.Nest(unix.CTRL_CMD_GETFAMILY, // cmd 3
						w.Attr(unix.CTRL_ATTR_POLICY_DO, w.U32(0)),
						w.Attr(unix.CTRL_ATTR_POLICY_DUMP, w.U32(0))))),
			"nlctrl GETPOLICY", "nlctrl op GETFAMILY do policy 0 dump policy 0", "0x0002 (MULTI)"},
		{"getpolicy reply: attribute policy",
			w.msg(unix.GENL_ID_CTRL, unix.NLM_F_MULTI, 3, 77,
				genlhdr(unix.CTRL_CMD_GETPOLICY, 2),
				w.Attr(unix.CTRL_ATTR_FAMILY_ID, w.U16(unix.GENL_ID_CTRL)),
				w.Nest(unix.CTRL_ATTR_POLICY,
					w.Nest(0, // policy 0
						w.Nest(unix.CTRL_ATTR_FAMILY_NAME, // attr 2
							w.Attr(unix.NL_POLICY_TYPE_ATTR_TYPE, w.U32(unix.NL_ATTR_TYPE_NUL_STRING)),
							w.Attr(unix.NL_POLICY_TYPE_ATTR_MAX_LENGTH, w.U32(15)))))),
			"nlctrl GETPOLICY", "nlctrl policy 0 attr 2 nul_string", "0x0002 (MULTI)"},
		{"delfamily notification",
			w.msg(unix.GENL_ID_CTRL, 0, 0, 0,
				genlhdr(unix.CTRL_CMD_DELFAMILY, 2),
				w.Attr(unix.CTRL_ATTR_FAMILY_NAME, str("wireguard")),
				w.Attr(unix.CTRL_ATTR_FAMILY_ID, w.U16(30))),
			"nlctrl DELFAMILY", "wireguard id 30", "0x0000"},
		{"new multicast group",
			w.msg(unix.GENL_ID_CTRL, 0, 0, 0,
				genlhdr(unix.CTRL_CMD_NEWMCAST_GRP, 2),
				w.Attr(unix.CTRL_ATTR_FAMILY_NAME, str("devlink")),
				w.Attr(unix.CTRL_ATTR_FAMILY_ID, w.U16(22)),
				w.Nest(unix.CTRL_ATTR_MCAST_GROUPS,
					w.Nest(1, w.Attr(unix.CTRL_ATTR_MCAST_GRP_NAME, str("config")), w.Attr(unix.CTRL_ATTR_MCAST_GRP_ID, w.U32(9))))),
			"nlctrl NEWMCAST_GRP", "devlink group config id 9", "0x0000"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			msgs := decode.NewDecoder().DecodeFrame(frame(tc.data), nil)
			if len(msgs) != 1 {
				t.Fatalf("%d messages", len(msgs))
			}
			m := &msgs[0]
			if m.TypeName != tc.typ || m.Malformed {
				t.Errorf("type %q malformed %v", m.TypeName, m.Malformed)
			}
			if s := m.Summary(); s != tc.summary {
				t.Errorf("summary %q, want %q", s, tc.summary)
			}
			if f := m.Field("nlmsg.flags").ValueString(); f != tc.flagText {
				t.Errorf("flags %s, want %s", f, tc.flagText)
			}
			if u := unknownAttrs(m); len(u) > 0 {
				t.Errorf("unknown attributes %v\n%s", u, treeText(m))
			}
		})
	}
}

func TestCtrlPolicyTree(t *testing.T) {
	w := wire{}
	data := w.msg(unix.GENL_ID_CTRL, unix.NLM_F_MULTI, 3, 77,
		genlhdr(unix.CTRL_CMD_GETPOLICY, 2),
		w.Attr(unix.CTRL_ATTR_FAMILY_ID, w.U16(unix.GENL_ID_CTRL)),
		w.Nest(unix.CTRL_ATTR_POLICY,
			w.Nest(1, // policy 1
				w.Nest(unix.CTRL_ATTR_FAMILY_ID, // attr 1
					w.Attr(unix.NL_POLICY_TYPE_ATTR_TYPE, w.U32(unix.NL_ATTR_TYPE_U16)),
					w.Attr(unix.NL_POLICY_TYPE_ATTR_MIN_VALUE_U, w.U64(0)),
					w.Attr(unix.NL_POLICY_TYPE_ATTR_MAX_VALUE_U, w.U64(65535))))))
	m := &decode.NewDecoder().DecodeFrame(frame(data), nil)[0]
	got := treeText(m)
	for _, line := range []string{
		"nl_policy.type=NL_ATTR_TYPE_U16 (3)",
		"nl_policy.max_value_u=65535",
		"genl.ctrl.policy.elem",
	} {
		if !strings.Contains(got, line) {
			t.Errorf("no %q in\n%s", line, got)
		}
	}
}
