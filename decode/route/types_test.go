package route

import (
	"strings"
	"testing"

	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// xsysTypes is every RTM_* message type golang.org/x/sys/unix defines (generated from
// zerrors_linux.go, without RTM_BASE, RTM_MAX, RTM_NR_* and RTM_F_*).
var xsysTypes = []struct {
	t    uint16
	name string
}{
	{unix.RTM_DELACTION, "RTM_DELACTION"},
	{unix.RTM_DELADDR, "RTM_DELADDR"},
	{unix.RTM_DELADDRLABEL, "RTM_DELADDRLABEL"},
	{unix.RTM_DELANYCAST, "RTM_DELANYCAST"},
	{unix.RTM_DELCHAIN, "RTM_DELCHAIN"},
	{unix.RTM_DELLINK, "RTM_DELLINK"},
	{unix.RTM_DELLINKPROP, "RTM_DELLINKPROP"},
	{unix.RTM_DELMDB, "RTM_DELMDB"},
	{unix.RTM_DELMULTICAST, "RTM_DELMULTICAST"},
	{unix.RTM_DELNEIGH, "RTM_DELNEIGH"},
	{unix.RTM_DELNETCONF, "RTM_DELNETCONF"},
	{unix.RTM_DELNEXTHOP, "RTM_DELNEXTHOP"},
	{unix.RTM_DELNEXTHOPBUCKET, "RTM_DELNEXTHOPBUCKET"},
	{unix.RTM_DELNSID, "RTM_DELNSID"},
	{unix.RTM_DELQDISC, "RTM_DELQDISC"},
	{unix.RTM_DELROUTE, "RTM_DELROUTE"},
	{unix.RTM_DELRULE, "RTM_DELRULE"},
	{unix.RTM_DELTCLASS, "RTM_DELTCLASS"},
	{unix.RTM_DELTFILTER, "RTM_DELTFILTER"},
	{unix.RTM_DELTUNNEL, "RTM_DELTUNNEL"},
	{unix.RTM_DELVLAN, "RTM_DELVLAN"},
	{unix.RTM_GETACTION, "RTM_GETACTION"},
	{unix.RTM_GETADDR, "RTM_GETADDR"},
	{unix.RTM_GETADDRLABEL, "RTM_GETADDRLABEL"},
	{unix.RTM_GETANYCAST, "RTM_GETANYCAST"},
	{unix.RTM_GETCHAIN, "RTM_GETCHAIN"},
	{unix.RTM_GETDCB, "RTM_GETDCB"},
	{unix.RTM_GETLINK, "RTM_GETLINK"},
	{unix.RTM_GETLINKPROP, "RTM_GETLINKPROP"},
	{unix.RTM_GETMDB, "RTM_GETMDB"},
	{unix.RTM_GETMULTICAST, "RTM_GETMULTICAST"},
	{unix.RTM_GETNEIGH, "RTM_GETNEIGH"},
	{unix.RTM_GETNEIGHTBL, "RTM_GETNEIGHTBL"},
	{unix.RTM_GETNETCONF, "RTM_GETNETCONF"},
	{unix.RTM_GETNEXTHOP, "RTM_GETNEXTHOP"},
	{unix.RTM_GETNEXTHOPBUCKET, "RTM_GETNEXTHOPBUCKET"},
	{unix.RTM_GETNSID, "RTM_GETNSID"},
	{unix.RTM_GETQDISC, "RTM_GETQDISC"},
	{unix.RTM_GETROUTE, "RTM_GETROUTE"},
	{unix.RTM_GETRULE, "RTM_GETRULE"},
	{unix.RTM_GETSTATS, "RTM_GETSTATS"},
	{unix.RTM_GETTCLASS, "RTM_GETTCLASS"},
	{unix.RTM_GETTFILTER, "RTM_GETTFILTER"},
	{unix.RTM_GETTUNNEL, "RTM_GETTUNNEL"},
	{unix.RTM_GETVLAN, "RTM_GETVLAN"},
	{unix.RTM_NEWACTION, "RTM_NEWACTION"},
	{unix.RTM_NEWADDR, "RTM_NEWADDR"},
	{unix.RTM_NEWADDRLABEL, "RTM_NEWADDRLABEL"},
	{unix.RTM_NEWANYCAST, "RTM_NEWANYCAST"},
	{unix.RTM_NEWCACHEREPORT, "RTM_NEWCACHEREPORT"},
	{unix.RTM_NEWCHAIN, "RTM_NEWCHAIN"},
	{unix.RTM_NEWLINK, "RTM_NEWLINK"},
	{unix.RTM_NEWLINKPROP, "RTM_NEWLINKPROP"},
	{unix.RTM_NEWMDB, "RTM_NEWMDB"},
	{unix.RTM_NEWMULTICAST, "RTM_NEWMULTICAST"},
	{unix.RTM_NEWNDUSEROPT, "RTM_NEWNDUSEROPT"},
	{unix.RTM_NEWNEIGH, "RTM_NEWNEIGH"},
	{unix.RTM_NEWNEIGHTBL, "RTM_NEWNEIGHTBL"},
	{unix.RTM_NEWNETCONF, "RTM_NEWNETCONF"},
	{unix.RTM_NEWNEXTHOP, "RTM_NEWNEXTHOP"},
	{unix.RTM_NEWNEXTHOPBUCKET, "RTM_NEWNEXTHOPBUCKET"},
	{unix.RTM_NEWNSID, "RTM_NEWNSID"},
	{unix.RTM_NEWPREFIX, "RTM_NEWPREFIX"},
	{unix.RTM_NEWQDISC, "RTM_NEWQDISC"},
	{unix.RTM_NEWROUTE, "RTM_NEWROUTE"},
	{unix.RTM_NEWRULE, "RTM_NEWRULE"},
	{unix.RTM_NEWSTATS, "RTM_NEWSTATS"},
	{unix.RTM_NEWTCLASS, "RTM_NEWTCLASS"},
	{unix.RTM_NEWTFILTER, "RTM_NEWTFILTER"},
	{unix.RTM_NEWTUNNEL, "RTM_NEWTUNNEL"},
	{unix.RTM_NEWVLAN, "RTM_NEWVLAN"},
	{unix.RTM_SETDCB, "RTM_SETDCB"},
	{unix.RTM_SETLINK, "RTM_SETLINK"},
	{unix.RTM_SETNEIGHTBL, "RTM_SETNEIGHTBL"},
	{unix.RTM_SETSTATS, "RTM_SETSTATS"},
}

// TestEveryTypeNamed checks that every x/sys RTM_* type has its name and that its
// operation kind, derived here from the name (NEW/DEL/GET/SET), equals what the
// decoder derives from the number ((type - RTM_BASE) & 3).
func TestEveryTypeNamed(t *testing.T) {
	if len(xsysTypes) < 70 {
		t.Fatalf("only %d types listed", len(xsysTypes))
	}
	for _, x := range xsysTypes {
		name, op := Proto{}.MessageType(&decode.Context{}, x.t)
		if name != x.name {
			t.Errorf("type %d: name %q, want %q", x.t, name, x.name)
		}
		want := decode.OpOther
		switch {
		case strings.HasPrefix(x.name, "RTM_NEW"):
			want = decode.OpNew
		case strings.HasPrefix(x.name, "RTM_DEL"):
			want = decode.OpDel
		case strings.HasPrefix(x.name, "RTM_GET"):
			want = decode.OpGet
		}
		if op != want {
			t.Errorf("%s: op %v, want %v", x.name, op, want)
		}
		if lookupMsg(x.t).hdr == nil {
			t.Errorf("%s: no family header", x.name)
		}
	}
	if got := len(MessageTypes()); got != len(xsysTypes) {
		t.Errorf("MessageTypes has %d types, x/sys %d", got, len(xsysTypes))
	}
	if name, op := (Proto{}).MessageType(&decode.Context{}, unix.RTM_MAX+5); name != "RTM_128" || op != decode.OpOther {
		t.Errorf("unknown type: %q %v", name, op)
	}
}
