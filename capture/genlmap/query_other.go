//go:build !linux

package genlmap

import (
	"errors"

	"github.com/nldump/nldump/capture"
)

// Query is available on Linux only: elsewhere there is no generic netlink.
func Query() ([]capture.Frame, error) {
	return nil, errors.New("generic netlink controller: not on Linux")
}
