package owner

import (
	"os"
	"slices"
	"strconv"
	"strings"
)

// procDir is where processes are listed; a variable for tests.
var procDir = "/proc"

// scanProcess records in into the socket inodes process pid holds open
// (/proc/PID/fd/N -> "socket:[INODE]") and returns the process, with its comm;
// ok is false when the process is gone or unreadable.
func scanProcess(pid int, into map[uint64]Process) (Process, bool) {
	dir := procDir + "/" + strconv.Itoa(pid)
	comm, err := os.ReadFile(dir + "/comm")
	if err != nil {
		return Process{}, false
	}
	p := Process{PID: pid, Comm: strings.TrimSuffix(string(comm), "\n")}
	f, err := os.Open(dir + "/fd")
	if err != nil {
		return p, false
	}
	names, _ := f.Readdirnames(-1)
	f.Close()
	for _, n := range names {
		l, err := os.Readlink(dir + "/fd/" + n)
		if err != nil || !strings.HasPrefix(l, "socket:[") || !strings.HasSuffix(l, "]") {
			continue
		}
		ino, err := strconv.ParseUint(l[len("socket:["):len(l)-1], 10, 64)
		if err != nil {
			continue
		}
		// A socket shared by several processes (inherited across fork) is
		// attributed to the first found; scanAll goes in pid order.
		if _, seen := into[ino]; !seen {
			into[ino] = p
		}
	}
	return p, true
}

// scanAll maps the socket inodes of every process to their owner.
func scanAll() map[uint64]Process {
	m := make(map[uint64]Process)
	f, err := os.Open(procDir)
	if err != nil {
		return m
	}
	names, _ := f.Readdirnames(-1)
	f.Close()
	pids := make([]int, 0, len(names))
	for _, n := range names {
		if pid, err := strconv.Atoi(n); err == nil && pid > 0 {
			pids = append(pids, pid)
		}
	}
	slices.Sort(pids)
	for _, pid := range pids {
		scanProcess(pid, m)
	}
	return m
}
