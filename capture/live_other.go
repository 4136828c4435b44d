//go:build !linux

package capture

import (
	"runtime"

	"github.com/gopacket/gopacket/layers"
)

// Live is a Source that captures from an nlmon interface. It needs Linux: on this
// operating system OpenLive returns an error matching ErrLiveUnsupported.
type Live struct{}

var errNoLive = liveError("nlmon", ErrLiveUnsupported, "live capture needs Linux (nlmon interfaces), not "+runtime.GOOS,
	"capture on Linux with nldump -i or tcpdump -i nlmon0 -w FILE, then read the file here with -r", nil)

// OpenLive returns an error matching ErrLiveUnsupported.
func OpenLive(LiveConfig) (*Live, error) { return nil, errNoLive }

// Name returns "".
func (l *Live) Name() string { return "" }

// Next returns the ErrLiveUnsupported error.
func (l *Live) Next() (Frame, error) { return Frame{}, errNoLive }

// Stats returns zero Stats.
func (l *Live) Stats() Stats { return Stats{Live: true} }

// LinkType returns LINKTYPE_NETLINK.
func (l *Live) LinkType() layers.LinkType { return LinkTypeNetlink }

// Close does nothing.
func (l *Live) Close() error { return nil }

// BufferSize returns 0.
func (l *Live) BufferSize() int { return 0 }

// Stop does nothing.
func (l *Live) Stop() {}

// Nlmon is an nlmon interface that CreateNlmon created.
type Nlmon struct {
	// Name is the interface name ("nlmon0").
	Name string
	// Index is the interface index.
	Index int
}

// CreateNlmon returns an error matching ErrLiveUnsupported.
func CreateNlmon(string) (*Nlmon, error) { return nil, errNoLive }

// Delete does nothing.
func (n *Nlmon) Delete() error { return nil }

// NlmonInterfaces returns an error matching ErrLiveUnsupported.
func NlmonInterfaces() ([]string, error) { return nil, errNoLive }
