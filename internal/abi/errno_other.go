//go:build !linux

package abi

import "strconv"

// ErrnoName returns the name of Linux errno e ("EINVAL"), or "" when unknown.
func ErrnoName(e int) string {
	if e > 0 && e < len(errnos) {
		return errnos[e].name
	}
	return ""
}

// ErrnoText returns the text of Linux errno e ("invalid argument").
func ErrnoText(e int) string {
	if e > 0 && e < len(errnos) && errnos[e].text != "" {
		return errnos[e].text
	}
	return "errno " + strconv.Itoa(e)
}
