package main

import (
	"io"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/decode/genl"
	"github.com/nldump/nldump/decode/genl/ynl"
	"github.com/nldump/nldump/decode/route"
	unix "github.com/nldump/nldump/internal/abi"
)

// prepareSession fills the session with what decoding needs to know before the
// first message: the generic netlink family ids the whole file announces (a first
// pass, so that messages before the controller exchange are named too; not for
// standard input, which cannot be read twice), then the ids named by hand, which
// win.
func prepareSession(o *options, s *decode.Session) error {
	for _, p := range o.specs {
		if _, err := ynl.Load(p); err != nil {
			return err
		}
	}
	if o.read != capture.Stdin {
		if err := learnFamilies(o.read, s); err != nil {
			return err
		}
	}
	for _, v := range o.genlFamilies {
		id, name, err := genl.ParseFamilyFlag(v)
		if err != nil {
			return err
		}
		s.GenlFamilies[id] = name
	}
	return nil
}

// learnFamilies reads the file once, looking only at nlctrl messages and at the
// interface names of RTM_NEWLINK messages.
func learnFamilies(path string, s *decode.Session) error {
	src, err := capture.Open(path)
	if err != nil {
		return err
	}
	defer src.Close()
	for {
		fr, err := src.Next()
		if fr.Data != nil {
			switch fr.Protocol {
			case unix.NETLINK_GENERIC:
				genl.Learn(s, &fr)
			case unix.NETLINK_ROUTE:
				route.Learn(s, &fr)
			}
		}
		if err == io.EOF || err != nil {
			return nil // the main pass reports read errors
		}
	}
}
