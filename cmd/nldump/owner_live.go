package main

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/capture/genlmap"
	"github.com/nldump/nldump/capture/owner"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/decode/genl"
	unix "github.com/nldump/nldump/internal/abi"
)

// liveExtras is what a live capture adds to the frames it captures: the generic
// netlink family map at the start and the owning process of every frame.
type liveExtras struct {
	res       *owner.Resolver
	src       *ownerSource // the wrapped capture, once wrap made it
	mapFrames []capture.Frame
	families  int
	groups    int
}

// prepareLive asks the controller for the family map and opens the port
// resolver, before the capture starts (so that neither exchange is captured).
// Either may fail (no generic netlink, no CONFIG_NETLINK_DIAG, not root): the
// capture goes on without it, with a warning on stderr. protos are the --proto
// protocols: without NETLINK_GENERIC among them the map is not needed.
func prepareLive(protos []uint16, stderr io.Writer) *liveExtras {
	x := &liveExtras{}
	var frames []capture.Frame
	var err error
	if wantsGeneric(protos) {
		frames, err = genlmap.Query()
	}
	if err != nil {
		fmt.Fprintf(stderr, "nldump: warning: generic netlink family map: %v (families are named only from what the capture shows)\n", err)
	} else {
		x.mapFrames = frames
		s := decode.NewSession()
		for i := range frames {
			genl.Learn(s, &frames[i])
		}
		x.families, x.groups = len(s.GenlFamilies), len(s.GenlGroups)
	}
	if x.res, err = owner.NewResolver(); err != nil {
		fmt.Fprintf(stderr, "nldump: warning: no process attribution: %v\n", err)
		x.res = nil
	}
	return x
}

// wrap returns the source to decode: src behind the family map and the tagger.
func (x *liveExtras) wrap(src capture.Source) capture.Source {
	var lk owner.Lookuper
	if x.res != nil {
		lk = x.res
	}
	s := newOwnerSource(src, x.mapFrames, lk, os.Getpid())
	x.src = s
	if len(x.mapFrames) > 0 {
		// The map's exchange, should the capture have started before it.
		if pid, ok := firstPid(x.mapFrames[len(x.mapFrames)-1].Data); ok {
			s.tagger.Ignore(unix.NETLINK_GENERIC, pid)
		}
	}
	if x.res != nil {
		s.tagger.Ignore(unix.NETLINK_SOCK_DIAG, x.res.Port())
	}
	return s
}

// note describes what was added, for the start of a live capture:
// "family map: 15 families, 11 multicast groups; processes: on".
func (x *liveExtras) note() string {
	m := "no family map"
	if len(x.mapFrames) > 0 {
		fams := "families"
		if x.families == 1 {
			fams = "family"
		}
		m = fmt.Sprintf("family map: %d %s, %s", x.families, fams, plural(x.groups, "multicast group"))
	}
	if x.res == nil {
		return m + "; no process attribution"
	}
	return m + "; process attribution on"
}

// close stops reading the capture, closes the resolver and returns its counters for the end summary
// ("processes: 12 of 14 ports found"), or "".
func (x *liveExtras) close() string {
	if x.src != nil {
		x.src.stop()
	}
	if x.res == nil {
		return ""
	}
	st := x.res.Stats()
	x.res.Close()
	return fmt.Sprintf("processes found for %d of %d lookups (%d socket dumps, %d /proc scans)", st.Found, st.Lookups, st.Dumps, st.Scans)
}

// wantsGeneric reports whether a capture limited to protos (all when empty)
// sees generic netlink.
func wantsGeneric(protos []uint16) bool {
	for _, p := range protos {
		if p == unix.NETLINK_GENERIC {
			return true
		}
	}
	return len(protos) == 0
}

// firstPid returns the nlmsg_pid of the first message of b (host order).
func firstPid(b []byte) (uint32, bool) {
	if len(b) < unix.NLMSG_HDRLEN {
		return 0, false
	}
	return binary.NativeEndian.Uint32(b[12:]), true
}
