package xfrm

import (
	"testing"

	"github.com/nldump/nldump/decode"
)

// TestStructSizes checks every struct against its size on x86_64 (and every 64-bit
// Linux ABI), computed from include/uapi/linux/xfrm.h with C alignment rules
// (__u64 aligned to 8, trailing padding to the largest member's alignment), and a
// few member offsets where padding hides inside a struct.
func TestStructSizes(t *testing.T) {
	sizes := []struct {
		s    *decode.Struct
		size int
	}{
		{selectorL.s, 56}, {idL.s, 24}, {lifetimeCfgL.s, 64}, {lifetimeCurL.s, 32}, {statsL.s, 12},
		{usersaInfoL.s, 224}, {usersaIDL.s, 24}, {userspiInfoL.s, 232}, {userpolicyInfoL.s, 168},
		{userpolicyIDL.s, 64}, {userAcquireL.s, 280}, {userExpireL.s, 232}, {userPolexpireL.s, 176},
		{usersaFlushL.s, 1}, {aeventIDL.s, 48}, {userReportL.s, 60}, {kmaddressL.s, 40},
		{userMigrateL.s, 76}, {userMappingL.s, 64}, {addressFilterL.s, 36}, {userpolicyDefaultL.s, 3},
		{userTmplL.s, 64}, {encapTmplL.s, 24}, {markL.s, 8}, {replayStateL.s, 12}, {replayESNL.s, 24},
		{userpolicyTypeL.s, 6}, {userSecCtxL.s, 8}, {userOffloadL.s, 8},
		{algoL.s, 68}, {algoAuthL.s, 72}, {algoAEADL.s, 72},
		{sadhinfoL.s, 8}, {spdinfoL.s, 24}, {spdhinfoL.s, 8}, {spdhthreshL.s, 2}, {infoFlagsL.s, 4},
		{fibResultNL, 20},
	}
	for _, c := range sizes {
		if c.s.Size != c.size {
			t.Errorf("struct %s is %d bytes, the kernel's is %d", c.s.CName, c.s.Size, c.size)
		}
	}
	offsets := []struct {
		s      *decode.Struct
		member string
		off    int
	}{
		{selectorL.s, "family", 40}, {selectorL.s, "ifindex", 48},
		{idL.s, "spi", 16}, {idL.s, "proto", 20},
		{usersaInfoL.s, "id", 56}, {usersaInfoL.s, "saddr", 80}, {usersaInfoL.s, "lft", 96},
		{usersaInfoL.s, "curlft", 160}, {usersaInfoL.s, "stats", 192}, {usersaInfoL.s, "reqid", 208},
		{usersaInfoL.s, "family", 212}, {usersaInfoL.s, "flags", 216},
		{usersaIDL.s, "family", 20}, {usersaIDL.s, "proto", 22},
		{userpolicyInfoL.s, "priority", 152}, {userpolicyInfoL.s, "dir", 160}, {userpolicyInfoL.s, "share", 163},
		{userpolicyIDL.s, "dir", 60},
		{userAcquireL.s, "sel", 40}, {userAcquireL.s, "policy", 96}, {userAcquireL.s, "seq", 276},
		{userExpireL.s, "hard", 224}, {userPolexpireL.s, "hard", 168},
		{aeventIDL.s, "saddr", 24}, {aeventIDL.s, "reqid", 44},
		{userReportL.s, "sel", 4},
		{userMigrateL.s, "reqid", 68}, {userMigrateL.s, "new_family", 74},
		{userMappingL.s, "old_saddr", 28}, {userMappingL.s, "new_sport", 62},
		{userTmplL.s, "family", 24}, {userTmplL.s, "saddr", 28}, {userTmplL.s, "mode", 48}, {userTmplL.s, "aalgos", 52},
		{encapTmplL.s, "encap_oa", 8},
		{userpolicyTypeL.s, "reserved1", 2}, {userpolicyTypeL.s, "reserved2", 4},
		{kmaddressL.s, "family", 36},
		{algoAuthL.s, "alg_trunc_len", 68},
		{fibResultNL, "tb_id", 11}, {fibResultNL, "err", 16},
	}
	for _, c := range offsets {
		m := c.s.Member(c.member)
		if m == nil {
			t.Errorf("struct %s has no member %s", c.s.CName, c.member)
			continue
		}
		if m.Offset() != c.off {
			t.Errorf("%s.%s at offset %d, the kernel's is %d", c.s.CName, c.member, m.Offset(), c.off)
		}
	}
}

// TestMessageTypes checks the type table: every XFRM_MSG_* from NEWSA to
// GETDEFAULT is named, and NEW/UPD create, DEL/FLUSH delete, GET get.
func TestMessageTypes(t *testing.T) {
	want := map[uint16]struct {
		name string
		op   decode.Op
	}{
		0x10: {"XFRM_MSG_NEWSA", decode.OpNew}, 0x11: {"XFRM_MSG_DELSA", decode.OpDel},
		0x12: {"XFRM_MSG_GETSA", decode.OpGet}, 0x13: {"XFRM_MSG_NEWPOLICY", decode.OpNew},
		0x14: {"XFRM_MSG_DELPOLICY", decode.OpDel}, 0x15: {"XFRM_MSG_GETPOLICY", decode.OpGet},
		0x16: {"XFRM_MSG_ALLOCSPI", decode.OpOther}, 0x17: {"XFRM_MSG_ACQUIRE", decode.OpOther},
		0x18: {"XFRM_MSG_EXPIRE", decode.OpOther}, 0x19: {"XFRM_MSG_UPDPOLICY", decode.OpNew},
		0x1a: {"XFRM_MSG_UPDSA", decode.OpNew}, 0x1b: {"XFRM_MSG_POLEXPIRE", decode.OpOther},
		0x1c: {"XFRM_MSG_FLUSHSA", decode.OpDel}, 0x1d: {"XFRM_MSG_FLUSHPOLICY", decode.OpDel},
		0x1e: {"XFRM_MSG_NEWAE", decode.OpNew}, 0x1f: {"XFRM_MSG_GETAE", decode.OpGet},
		0x20: {"XFRM_MSG_REPORT", decode.OpOther}, 0x21: {"XFRM_MSG_MIGRATE", decode.OpOther},
		0x22: {"XFRM_MSG_NEWSADINFO", decode.OpNew}, 0x23: {"XFRM_MSG_GETSADINFO", decode.OpGet},
		0x24: {"XFRM_MSG_NEWSPDINFO", decode.OpNew}, 0x25: {"XFRM_MSG_GETSPDINFO", decode.OpGet},
		0x26: {"XFRM_MSG_MAPPING", decode.OpOther}, 0x27: {"XFRM_MSG_SETDEFAULT", decode.OpOther},
		0x28: {"XFRM_MSG_GETDEFAULT", decode.OpGet},
		0x29: {"XFRM_MSG_41", decode.OpOther},
	}
	for typ, w := range want {
		name, op := Proto{}.MessageType(nil, typ)
		if name != w.name || op != w.op {
			t.Errorf("type %#x: %s op %d, want %s op %d", typ, name, op, w.name, w.op)
		}
	}
}
