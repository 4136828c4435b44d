package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nldump/nldump/decode"
)

// prepareSession applies what the command line says about the capture's state
// before decoding starts: generic netlink family ids named by hand.
func prepareSession(o *options, s *decode.Session) error {
	for _, v := range o.genlFamilies {
		id, name, err := parseGenlFamily(v)
		if err != nil {
			return err
		}
		s.GenlFamilies[id] = name
	}
	return nil
}

// parseGenlFamily parses --genl-family ID=NAME.
func parseGenlFamily(v string) (uint16, string, error) {
	idText, name, ok := strings.Cut(v, "=")
	if !ok || name == "" {
		return 0, "", fmt.Errorf("--genl-family %q: want ID=NAME, e.g. --genl-family 0x15=ethtool", v)
	}
	id, err := strconv.ParseUint(idText, 0, 16)
	if err != nil || id < 16 {
		return 0, "", fmt.Errorf("--genl-family %q: the id must be a number from 16 to 65535 (decimal or 0x hex), as the controller reports it", v)
	}
	return uint16(id), name, nil
}
