package owner

import (
	"os"
	"sync"
	"time"
)

// Rate limits and lifetimes of a Resolver's caches.
const (
	// MinDumpInterval is the least time between two socket dumps of one protocol.
	// A dump is cheap (one exchange, about 30 bytes per socket).
	MinDumpInterval = 5 * time.Millisecond
	// MinScanInterval is the least time between two scans of every process's
	// file descriptors, the expensive step (milliseconds on a busy host).
	MinScanInterval = 100 * time.Millisecond
	// Recheck is how old a cached port may get before a lookup checks it again
	// with a dump (a port id is reused once its socket is closed).
	Recheck = time.Second
	// Forget is how long a port or inode not seen in any dump or scan is kept:
	// messages of a process that just exited may still be on their way.
	Forget = 10 * time.Second
)

type portEntry struct {
	ino     uint64
	seen    time.Time // last dump that listed it
	checked time.Time // last time a lookup resolved it
}

type inodeEntry struct {
	p    Process
	seen time.Time
}

// Resolver maps netlink port ids of the caller's network namespace to the
// processes owning them. It is safe for concurrent use.
type Resolver struct {
	mu       sync.Mutex
	diag     *diagSocket
	ports    map[portKey]portEntry
	inodes   map[uint64]inodeEntry
	lastDump map[uint16]time.Time
	lastScan time.Time
	// idlePrefetch is set when a protocol's last prefetch found no new socket.
	idlePrefetch map[uint16]bool
	self         Process
	stats        Stats
}

// Stats counts a Resolver's work.
type Stats struct {
	// Lookups is the number of Lookup calls for a non-zero port; Found how many
	// found the owner, Unknown how many did not.
	Lookups, Found, Unknown int
	// Dumps and Scans count socket dumps and full /proc scans; FastScans the
	// scans of the single process whose pid equals the port id.
	Dumps, Scans, FastScans int
	// DumpTime and ScanTime are the time spent in them.
	DumpTime, ScanTime time.Duration
}

// NewResolver opens the NETLINK_SOCK_DIAG socket and checks that the kernel dumps
// netlink sockets.
func NewResolver() (*Resolver, error) {
	d, err := openDiag()
	if err != nil {
		return nil, err
	}
	r := &Resolver{
		diag:     d,
		ports:    make(map[portKey]portEntry),
		inodes:   make(map[uint64]inodeEntry),
		lastDump: make(map[uint16]time.Time),

		idlePrefetch: make(map[uint16]bool),
	}
	r.self, _ = scanProcess(os.Getpid(), map[uint64]Process{})
	// A first dump of every protocol checks the kernel and learns the
	// long-lived sockets (daemons) before the first message.
	now := time.Now()
	if err := r.dump(ndiagProtoAll, now, nil); err != nil {
		d.close()
		return nil, err
	}
	r.scanLocked(now)
	return r, nil
}

// Close closes the diagnostics socket.
func (r *Resolver) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.diag != nil {
		r.diag.close()
		r.diag = nil
	}
	return nil
}

// Port returns the port id of the resolver's own NETLINK_SOCK_DIAG socket: its
// dumps show up in a capture of the same namespace, request and replies carrying
// this port id.
func (r *Resolver) Port() uint32 { return r.diag.port }

// Self returns the calling process, as the resolver reports it.
func (r *Resolver) Self() Process { return r.self }

// Stats returns the counters so far.
func (r *Resolver) Stats() Stats {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stats
}

// Prefetch learns the current sockets of a netlink protocol and their owners now:
// call it when a request arrives whose port is not known yet (nlmsg_pid 0), sent
// at time sent, while its sender is surely alive (it waits for the answer, which
// names the port but may be read after the process has exited). A dump made
// since sent already holds the socket and is not repeated; otherwise the dump is
// made at once, unless the last prefetch of the protocol found no new socket
// less than MinDumpInterval ago (a daemon sending many requests).
func (r *Resolver) Prefetch(proto uint16, sent time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := time.Now()
	last := r.lastDump[proto]
	if r.diag == nil || !sent.IsZero() && !last.Before(sent) ||
		r.idlePrefetch[proto] && now.Sub(last) < MinDumpInterval {
		return
	}
	var fresh []portKey
	r.dump(uint8(proto), now, &fresh)
	r.idlePrefetch[proto] = len(fresh) == 0
	for _, k := range fresh {
		r.fastLocked(k, now)
	}
}

// Lookup returns the process owning port of netlink protocol proto. Port 0 is
// the kernel: ok is false. A port not in the cache, or not checked for Recheck,
// makes the resolver dump the protocol's sockets again and, for a socket it
// cannot place, scan the processes (rate-limited); ok is false when the owner
// stays unknown (most often: the process exited before the lookup).
func (r *Resolver) Lookup(proto uint16, port uint32) (Process, bool) {
	if port == 0 {
		return Process{}, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stats.Lookups++
	now := time.Now()
	k := portKey{proto, port}
	e, ok := r.ports[k]
	if !ok || now.Sub(e.checked) > Recheck {
		if now.Sub(r.lastDump[proto]) >= MinDumpInterval && r.diag != nil {
			r.dump(uint8(proto), now, nil)
		}
	}
	p, found := r.resolveLocked(k, now)
	if found {
		r.stats.Found++
	} else {
		r.stats.Unknown++
	}
	return p, found
}

// resolveLocked finds the owner of a port the dumps know: by the inode cache,
// then by the process whose pid is the port id (a process's first netlink
// socket gets its pid as port id), then, if the socket is still open, by a scan
// of every process.
func (r *Resolver) resolveLocked(k portKey, now time.Time) (Process, bool) {
	e, ok := r.ports[k]
	if !ok {
		return Process{}, false
	}
	if ie, ok := r.inodes[e.ino]; ok {
		e.checked = now
		r.ports[k] = e
		return ie.p, true
	}
	if p, ok := r.fastLocked(k, now); ok {
		return p, true
	}
	// A socket the latest dump did not list is closed: no process holds it
	// any more, and scanning for it would only cost time.
	if !e.seen.Before(r.lastDump[k.proto]) && now.Sub(r.lastScan) >= MinScanInterval {
		r.scanLocked(now)
		if ie, ok := r.inodes[e.ino]; ok {
			e.checked = now
			r.ports[k] = e
			return ie.p, true
		}
	}
	return Process{}, false
}

// dump dumps the sockets of proto into the port cache, adding the ports not
// known before to fresh when it is not nil. A failed dump keeps what it read.
// fastLocked looks for the socket of a port the dumps know in the process whose
// pid is the port id, where a process's first netlink socket of a protocol is
// (the kernel's autobind tries the thread group id first): a few system calls
// instead of a scan of every process. Prefetch uses only this, to stay quick
// while the requesting process may be about to exit.
func (r *Resolver) fastLocked(k portKey, now time.Time) (Process, bool) {
	e, ok := r.ports[k]
	if !ok || k.port >= 1<<22 { // PID_MAX_LIMIT
		return Process{}, false
	}
	if ie, ok := r.inodes[e.ino]; ok {
		return ie.p, true
	}
	t := time.Now()
	m := make(map[uint64]Process)
	scanProcess(int(k.port), m)
	r.stats.FastScans++
	r.stats.ScanTime += time.Since(t)
	for ino, p := range m {
		r.inodes[ino] = inodeEntry{p, now}
	}
	p, ok := m[e.ino]
	if ok {
		e.checked = now
		r.ports[k] = e
	}
	return p, ok
}

func (r *Resolver) dump(proto uint8, now time.Time, fresh *[]portKey) error {
	t := time.Now()
	r.lastDump[uint16(proto)] = now
	if proto == ndiagProtoAll {
		for p := range uint16(32) { // MAX_LINKS
			r.lastDump[p] = now
		}
	}
	err := r.diag.dump(proto, func(p uint8, port uint32, ino uint64) {
		if port == 0 {
			return // the kernel's socket, or not bound
		}
		k := portKey{uint16(p), port}
		e, ok := r.ports[k]
		if fresh != nil && (!ok || e.ino != ino) {
			*fresh = append(*fresh, k)
		}
		if e.ino != ino {
			e.checked = time.Time{}
		}
		e.ino, e.seen = ino, now
		r.ports[k] = e
	})
	r.stats.Dumps++
	r.stats.DumpTime += time.Since(t)
	for k, e := range r.ports {
		if now.Sub(e.seen) > Forget {
			delete(r.ports, k)
		}
	}
	return err
}

// scanLocked scans every process and replaces the inode cache, keeping for
// Forget the inodes of processes that are gone.
func (r *Resolver) scanLocked(now time.Time) {
	t := time.Now()
	m := scanAll()
	r.lastScan = now
	r.stats.Scans++
	r.stats.ScanTime += time.Since(t)
	for ino, p := range m {
		r.inodes[ino] = inodeEntry{p, now}
	}
	for ino, e := range r.inodes {
		if now.Sub(e.seen) > Forget {
			delete(r.inodes, ino)
		}
	}
}
