package main

import (
	"fmt"
	"io"

	"github.com/nldump/nldump/capture"
)

// liveInput is an open live capture (-i): the interface, created by nldump for
// -i auto, the capture socket, and the source to decode: the socket behind the
// generic netlink family map and the process tagger (owner_live.go).
type liveInput struct {
	name   string
	made   *capture.Nlmon // nil when the interface was there before
	live   *capture.Live
	extras *liveExtras
	src    capture.Source
}

// openLive opens the -i input. The family map and the port resolver come
// before the capture socket, so that their own exchanges are not captured.
// On error nothing is left behind.
func openLive(opts *options, stderr io.Writer) (*liveInput, error) {
	in := &liveInput{name: opts.live.iface}
	if in.name == autoInterface {
		n, err := capture.CreateNlmon("")
		if err != nil {
			return nil, err
		}
		in.made, in.name = n, n.Name
	}
	in.extras = prepareLive(opts.live.protos, stderr)
	live, err := capture.OpenLive(capture.LiveConfig{
		Interface:  in.name,
		BufferSize: opts.live.bufferKiB << 10,
		Protocols:  opts.live.protos,
	})
	if err != nil {
		in.removeInterface(stderr)
		return nil, err
	}
	in.live = live
	in.src = in.extras.wrap(live)
	return in, nil
}

// describe is the line a live capture starts with.
func (in *liveInput) describe(bufferKiB int) string {
	what := "listening on " + in.name
	if in.made != nil {
		what += " (created by nldump, removed on exit)"
	}
	return fmt.Sprintf("%s, link-type NETLINK, buffer %d KiB; %s", what, bufferKiB, in.extras.note())
}

// close closes the capture socket and removes the interface nldump created.
func (in *liveInput) close(stderr io.Writer) {
	in.live.Close()
	in.removeInterface(stderr)
}

// removeInterface deletes the interface nldump created, if it did.
func (in *liveInput) removeInterface(stderr io.Writer) {
	if in.made == nil {
		return
	}
	if err := in.made.Delete(); err != nil {
		fmt.Fprintf(stderr, "nldump: %v\n", err)
	}
	in.made = nil
}
