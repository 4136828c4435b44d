package capture

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// nlmon interfaces are made, brought up and removed with rtnetlink:
//
//	RTM_NEWLINK  NLM_F_REQUEST|ACK|CREATE|EXCL
//	  struct ifinfomsg   (all zero)
//	  IFLA_IFNAME        "nlmon0"
//	  IFLA_LINKINFO      { IFLA_INFO_KIND "nlmon" }
//	RTM_NEWLINK  NLM_F_REQUEST|ACK
//	  struct ifinfomsg   ifi_index, ifi_flags IFF_UP, ifi_change IFF_UP
//	RTM_DELLINK  NLM_F_REQUEST|ACK
//	  struct ifinfomsg   ifi_index
//
// struct ifinfomsg: family u8, pad u8, type u16 (ARPHRD_*), index s32, flags u32,
// change u32, in host byte order.

// ifinfomsgLen is the size of struct ifinfomsg (include/uapi/linux/rtnetlink.h).
const ifinfomsgLen = 16

// maxAutoNlmon bounds the names CreateNlmon tries: nlmon0 to nlmon99.
const maxAutoNlmon = 100

// Nlmon is an nlmon interface that CreateNlmon created.
type Nlmon struct {
	// Name is the interface name ("nlmon0").
	Name string
	// Index is the interface index.
	Index int
}

// link is what an RTM_NEWLINK reply says about an interface.
type link struct {
	name  string
	index int
	typ   uint16 // ARPHRD_*
	flags uint32 // IFF_*
	kind  string // IFLA_INFO_KIND: "nlmon", "dummy", ...; "" for none
}

// dialRoute opens an rtnetlink socket that asks for extended acknowledgements, so
// that errors carry the kernel's text.
func dialRoute() (*netlink.Conn, error) {
	c, err := netlink.Dial(unix.NETLINK_ROUTE, nil)
	if err != nil {
		return nil, err
	}
	// Older kernels lack extended ACKs; the errors are then just shorter.
	_ = c.SetOption(netlink.ExtendedAcknowledge, true)
	return c, nil
}

// ifinfomsg encodes struct ifinfomsg.
func ifinfomsg(index int, flags, change uint32) []byte {
	b := make([]byte, ifinfomsgLen)
	binary.NativeEndian.PutUint32(b[4:], uint32(int32(index)))
	binary.NativeEndian.PutUint32(b[8:], flags)
	binary.NativeEndian.PutUint32(b[12:], change)
	return b
}

// CreateNlmon creates an nlmon interface and brings it up. An empty name takes the
// first free one of nlmon0, nlmon1, ... The caller removes it with Delete. It needs
// CAP_NET_ADMIN; on a kernel without nlmon it returns an *Error matching
// ErrNoNlmonSupport that carries the kernel's extended-ACK text.
func CreateNlmon(name string) (*Nlmon, error) {
	c, err := dialRoute()
	if err != nil {
		return nil, liveError("rtnetlink", nil, "cannot open an rtnetlink socket: "+err.Error(), "", err)
	}
	defer c.Close()
	names := []string{name}
	if name == "" {
		names = names[:0]
		for i := range maxAutoNlmon {
			names = append(names, "nlmon"+strconv.Itoa(i))
		}
	}
	for _, n := range names {
		err = newNlmon(c, n)
		if errors.Is(err, unix.EEXIST) && name == "" {
			continue
		}
		if err != nil {
			return nil, linkError(n, "create", err)
		}
		l, err := findLink(c, n)
		if err != nil {
			return nil, linkError(n, "look up", err)
		}
		if l == nil {
			return nil, liveError(n, ErrNoInterface, "created, then vanished before it could be brought up", "", nil)
		}
		nl := &Nlmon{Name: n, Index: l.index}
		if err := setUp(c, l.index); err != nil {
			nl.Delete()
			return nil, linkError(n, "bring up", err)
		}
		return nl, nil
	}
	return nil, liveError(names[0], nil, fmt.Sprintf("nlmon0 to nlmon%d all exist", maxAutoNlmon-1), "capture on one of them with -i NAME", nil)
}

// newNlmon sends RTM_NEWLINK for an nlmon interface called name.
func newNlmon(c *netlink.Conn, name string) error {
	ae := netlink.NewAttributeEncoder()
	ae.String(unix.IFLA_IFNAME, name)
	ae.Nested(unix.IFLA_LINKINFO, func(nae *netlink.AttributeEncoder) error {
		nae.String(unix.IFLA_INFO_KIND, "nlmon")
		return nil
	})
	attrs, err := ae.Encode()
	if err != nil {
		return err
	}
	_, err = c.Execute(netlink.Message{
		Header: netlink.Header{
			Type:  unix.RTM_NEWLINK,
			Flags: netlink.Request | netlink.Acknowledge | netlink.Create | netlink.Excl,
		},
		Data: append(ifinfomsg(0, 0, 0), attrs...),
	})
	return err
}

// setUp sets IFF_UP on interface index.
func setUp(c *netlink.Conn, index int) error {
	_, err := c.Execute(netlink.Message{
		Header: netlink.Header{Type: unix.RTM_NEWLINK, Flags: netlink.Request | netlink.Acknowledge},
		Data:   ifinfomsg(index, unix.IFF_UP, unix.IFF_UP),
	})
	return err
}

// Delete removes the interface. An interface already gone is no error.
func (n *Nlmon) Delete() error {
	c, err := dialRoute()
	if err != nil {
		return liveError(n.Name, nil, "cannot open an rtnetlink socket to delete it: "+err.Error(), "remove it with: ip link del "+n.Name, err)
	}
	defer c.Close()
	_, err = c.Execute(netlink.Message{
		Header: netlink.Header{Type: unix.RTM_DELLINK, Flags: netlink.Request | netlink.Acknowledge},
		Data:   ifinfomsg(n.Index, 0, 0),
	})
	if errors.Is(err, unix.ENODEV) {
		return nil
	}
	if err != nil {
		return linkError(n.Name, "delete", err)
	}
	return nil
}

// linkError explains a failed rtnetlink request about interface name.
func linkError(name, op string, err error) *Error {
	msg := "cannot " + op + " the nlmon interface: " + errnoText(err)
	var oe *netlink.OpError
	if errors.As(err, &oe) && oe.Message != "" {
		msg += fmt.Sprintf(" (kernel: %q)", oe.Message)
	}
	switch {
	case errors.Is(err, unix.EPERM), errors.Is(err, unix.EACCES):
		return liveError(name, ErrPermission, "cannot "+op+" the nlmon interface: this needs CAP_NET_ADMIN", hintCapabilities, err)
	case errors.Is(err, unix.EOPNOTSUPP):
		return liveError(name, ErrNoNlmonSupport, msg+"; this kernel has no nlmon support",
			"load the module with modprobe nlmon (the kernel needs CONFIG_NLMON=m or =y)", err)
	}
	return liveError(name, nil, msg, "", err)
}

// errnoText is the text of the system error inside err ("operation not supported").
func errnoText(err error) string {
	var en unix.Errno
	if errors.As(err, &en) {
		return en.Error()
	}
	return err.Error()
}

// links lists the interfaces of the network namespace (RTM_GETLINK dump).
func links(c *netlink.Conn) ([]link, error) {
	msgs, err := c.Execute(netlink.Message{
		Header: netlink.Header{Type: unix.RTM_GETLINK, Flags: netlink.Request | netlink.Dump},
		Data:   ifinfomsg(0, 0, 0),
	})
	if err != nil {
		return nil, err
	}
	var ls []link
	for _, m := range msgs {
		if m.Header.Type != unix.RTM_NEWLINK || len(m.Data) < ifinfomsgLen {
			continue
		}
		ls = append(ls, parseLink(m.Data))
	}
	return ls, nil
}

// parseLink reads an RTM_NEWLINK payload: struct ifinfomsg, IFLA_IFNAME and
// IFLA_LINKINFO's IFLA_INFO_KIND.
func parseLink(b []byte) link {
	l := link{
		typ:   binary.NativeEndian.Uint16(b[2:]),
		index: int(int32(binary.NativeEndian.Uint32(b[4:]))),
		flags: binary.NativeEndian.Uint32(b[8:]),
	}
	ad, err := netlink.NewAttributeDecoder(b[ifinfomsgLen:])
	if err != nil {
		return l
	}
	for ad.Next() {
		switch ad.Type() {
		case unix.IFLA_IFNAME:
			l.name = ad.String()
		case unix.IFLA_LINKINFO:
			ad.Nested(func(nad *netlink.AttributeDecoder) error {
				for nad.Next() {
					if nad.Type() == unix.IFLA_INFO_KIND {
						l.kind = nad.String()
					}
				}
				return nil
			})
		}
	}
	return l
}

// findLink returns the interface called name, or nil.
func findLink(c *netlink.Conn, name string) (*link, error) {
	ls, err := links(c)
	if err != nil {
		return nil, err
	}
	for i := range ls {
		if ls[i].name == name {
			return &ls[i], nil
		}
	}
	return nil, nil
}

// NlmonInterfaces returns the names of the nlmon interfaces (ARPHRD_NETLINK) of the
// network namespace.
func NlmonInterfaces() ([]string, error) {
	c, err := dialRoute()
	if err != nil {
		return nil, err
	}
	defer c.Close()
	ls, err := links(c)
	if err != nil {
		return nil, err
	}
	return nlmonNames(ls), nil
}

func nlmonNames(ls []link) []string {
	var names []string
	for _, l := range ls {
		if l.typ == unix.ARPHRD_NETLINK {
			names = append(names, l.name)
		}
	}
	return names
}

// checkInterface finds the interface to capture on and checks that it is an nlmon
// interface that is up.
func checkInterface(name string) (*link, error) {
	c, err := dialRoute()
	if err != nil {
		return nil, liveError(name, nil, "cannot open an rtnetlink socket to look it up: "+err.Error(), "", err)
	}
	defer c.Close()
	ls, err := links(c)
	if err != nil {
		return nil, liveError(name, nil, "cannot list the interfaces: "+errnoText(err), "", err)
	}
	var l *link
	for i := range ls {
		if ls[i].name == name {
			l = &ls[i]
		}
	}
	nlmons := nlmonNames(ls)
	others := hintCreate
	if len(nlmons) > 0 {
		others = "nlmon interfaces here: " + strings.Join(nlmons, ", ") + "; or -i auto to create one"
	}
	switch {
	case l == nil:
		return nil, liveError(name, ErrNoInterface, "no such interface", others, nil)
	case l.typ != unix.ARPHRD_NETLINK:
		what := "its link type is " + arphrdString(l.typ)
		if l.kind != "" {
			what = "a " + l.kind + " interface, link type " + arphrdString(l.typ)
		}
		return nil, liveError(name, ErrNotNlmon, "not an nlmon interface: "+what+", not 824 (NETLINK)", others, nil)
	case l.flags&unix.IFF_UP == 0:
		return nil, liveError(name, ErrInterfaceDown, "the nlmon interface is down and taps nothing", "bring it up with: ip link set "+name+" up", nil)
	}
	return l, nil
}
