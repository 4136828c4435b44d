package abi

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// ErrnoName returns the name of Linux errno e ("EINVAL"), or "" when unknown.
func ErrnoName(e int) string { return unix.ErrnoName(syscall.Errno(e)) }

// ErrnoText returns the text of Linux errno e ("invalid argument").
func ErrnoText(e int) string { return syscall.Errno(e).Error() }
