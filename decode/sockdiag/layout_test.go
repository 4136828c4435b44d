package sockdiag

// The struct layouts against golang.org/x/sys/unix, which generates its types from
// the kernel headers with cgo: every member x/sys names must sit at the same
// offset under the same name, and the sizes must agree.

import (
	"reflect"
	"strings"
	"testing"

	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// checkLayout compares s with the Go struct type of v: Go field F sits at the
// offset of member prefix+lower(F) and has its size.
func checkLayout(t *testing.T, s *decode.Struct, v any, prefix string) {
	t.Helper()
	rt := reflect.TypeOf(v)
	if s.Size != int(rt.Size()) {
		t.Errorf("struct %s: %d bytes, x/sys %s %d", s.CName, s.Size, rt.Name(), rt.Size())
	}
	for i := 0; i < rt.NumField(); i++ {
		gf := rt.Field(i)
		if gf.Name == "_" {
			continue
		}
		cname := prefix + strings.ToLower(gf.Name)
		m := s.Member(cname)
		if m == nil {
			t.Errorf("struct %s: no member %s (x/sys %s.%s)", s.CName, cname, rt.Name(), gf.Name)
			continue
		}
		if m.Offset() != int(gf.Offset) || m.Size != int(gf.Type.Size()) {
			t.Errorf("struct %s %s: offset %d size %d, x/sys offset %d size %d", s.CName, cname, m.Offset(), m.Size, gf.Offset, gf.Type.Size())
		}
	}
}

func TestLayoutsMatchXSys(t *testing.T) {
	for _, s := range []*decode.Struct{tcpInfoLE, tcpInfoBE} {
		checkLayout(t, s, unix.TCPInfo{}, "tcpi_")
	}
	if tcpInfoSize != tcpInfoLE.Size {
		t.Errorf("SizeofTCPInfo %d, struct %d", tcpInfoSize, tcpInfoLE.Size)
	}
	checkLayout(t, tcpVegasInfo, unix.TCPVegasInfo{}, "tcpv_")
	checkLayout(t, tcpDCTCPInfo, unix.TCPDCTCPInfo{}, "dctcp_")
	checkLayout(t, tcpBBRInfo, unix.TCPBBRInfo{}, "bbr_")
	// x/sys has no type for the sock_diag structs; their sizes from the uapi headers.
	for _, c := range []struct {
		s    *decode.Struct
		size int
	}{
		{inetReq4, 56}, {inetReq6, 56}, {inetLegacy4, 60}, {inetLegacy6, 60}, {inetMsg4, 72}, {inetMsg6, 72},
		{unixReq, 24}, {unixMsg, 16}, {netlinkReq, 20}, {netlinkMsg, 28}, {packetReq, 20}, {packetMsg, 16},
		{inetMeminfo, 16}, {tcpDiagMD5sig, 100}, {sockoptLE, 2}, {packetInfo, 24}, {packetMclist, 44},
		{packetRing, 28}, {netlinkRing, 16}, {unixVFS, 8}, {unixRqlen, 8}, {sockFilter, 8},
		{skMeminfo, unix.SK_MEMINFO_VARS * 4}, {bcOp, 4}, {bcHostcond4, 12}, {bcHostcond6, 24},
		{sockaddrIn, 128}, {sockaddrIn6, 128}, {sockaddrOther, 128},
		{vsockReq, 24}, {vsockMsg, 32}, {xdpReq, 20}, {xdpMsg, 16}, {xdpUmem, 40}, {xdpStats, 48}, {xdpInfo, 8},
	} {
		if c.s.Size != c.size {
			t.Errorf("struct %s: %d bytes, want %d", c.s.CName, c.s.Size, c.size)
		}
	}
	// The sockid sits at the same offsets in both families' layouts.
	for _, pair := range [][2]*decode.Struct{{inetMsg4, inetMsg6}, {inetReq4, inetReq6}, {inetLegacy4, inetLegacy6}} {
		for _, cn := range []string{"idiag_sport", "idiag_src", "idiag_dst", "idiag_if", "idiag_cookie[1]"} {
			if pair[0].Member(cn).Offset() != pair[1].Member(cn).Offset() {
				t.Errorf("%s %s: IPv4 offset %d, IPv6 %d", pair[0].CName, cn, pair[0].Member(cn).Offset(), pair[1].Member(cn).Offset())
			}
		}
	}
	// sockaddr_in and sockaddr_in6 as x/sys lays them out.
	if o := sockaddrIn.Member("sin_addr").Offset(); o != int(reflect.TypeOf(unix.RawSockaddrInet4{}).Field(2).Offset) {
		t.Errorf("sin_addr at %d", o)
	}
	if o := sockaddrIn6.Member("sin6_scope_id").Offset(); o != int(reflect.TypeOf(unix.RawSockaddrInet6{}).Field(4).Offset) {
		t.Errorf("sin6_scope_id at %d", o)
	}
	// The SK_MEMINFO_* array: member SK_MEMINFO_x is u32 number x.
	for idx, cname := range map[int]string{
		unix.SK_MEMINFO_RMEM_ALLOC: "SK_MEMINFO_RMEM_ALLOC", unix.SK_MEMINFO_RCVBUF: "SK_MEMINFO_RCVBUF",
		unix.SK_MEMINFO_WMEM_ALLOC: "SK_MEMINFO_WMEM_ALLOC", unix.SK_MEMINFO_SNDBUF: "SK_MEMINFO_SNDBUF",
		unix.SK_MEMINFO_FWD_ALLOC: "SK_MEMINFO_FWD_ALLOC", unix.SK_MEMINFO_WMEM_QUEUED: "SK_MEMINFO_WMEM_QUEUED",
		unix.SK_MEMINFO_OPTMEM: "SK_MEMINFO_OPTMEM", unix.SK_MEMINFO_BACKLOG: "SK_MEMINFO_BACKLOG",
		unix.SK_MEMINFO_DROPS: "SK_MEMINFO_DROPS",
	} {
		if m := skMeminfo.Member(cname); m == nil || m.Offset() != idx*4 {
			t.Errorf("%s: not u32 number %d", cname, idx)
		}
	}
	if o := inetMsg4.Member("idiag_inode").Offset(); o != 68 {
		t.Errorf("idiag_inode at %d, want 68", o)
	}
}
