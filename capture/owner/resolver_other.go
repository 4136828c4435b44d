//go:build !linux

package owner

import (
	"errors"
	"time"
)

// Resolver is available on Linux only.
type Resolver struct{}

// Stats counts a Resolver's work.
type Stats struct {
	Lookups, Found, Unknown int
	Dumps, Scans, FastScans int
	DumpTime, ScanTime      time.Duration
}

// NewResolver fails: netlink exists on Linux only.
func NewResolver() (*Resolver, error) { return nil, errors.New("process attribution needs Linux") }

// Close does nothing.
func (r *Resolver) Close() error { return nil }

// Port returns 0.
func (r *Resolver) Port() uint32 { return 0 }

// Self returns no process.
func (r *Resolver) Self() Process { return Process{} }

// Stats returns zero counters.
func (r *Resolver) Stats() Stats { return Stats{} }

// Prefetch does nothing.
func (r *Resolver) Prefetch(uint16, time.Time) {}

// Lookup finds nothing.
func (r *Resolver) Lookup(uint16, uint32) (Process, bool) { return Process{}, false }
