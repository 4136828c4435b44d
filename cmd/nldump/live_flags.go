package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/spf13/pflag"
)

// liveOptions are the flags of live capture (-i) and of writing captures (-w).
type liveOptions struct {
	iface     string   // -i: an nlmon interface, or "auto"
	write     string   // -w: the capture file to write ("-" for standard output)
	bufferKiB int      // -B: socket receive buffer in KiB
	protoList []string // --proto as given
	print     bool     // --print: print messages while writing

	protos []uint16 // --proto parsed
}

// autoInterface is the -i value that makes nldump create its own nlmon interface.
const autoInterface = "auto"

func addLiveFlags(fs *pflag.FlagSet, o *liveOptions) {
	fs.StringVarP(&o.iface, "interface", "i", "", "capture live on the nlmon `INTERFACE` (e.g. nlmon0), or 'auto' to create one (nlmon0 or the next free nlmonN) and remove it on exit; needs CAP_NET_ADMIN and CAP_NET_RAW (root)")
	fs.StringVarP(&o.write, "write", "w", "", "write the frames to `FILE` (pcap; pcapng if the name ends in .pcapng; - for standard output) instead of printing them; with -r and -Y, keeps the whole frames that hold a matching message; only pcapng keeps the process of each live frame (pcap has no comments)")
	fs.IntVarP(&o.bufferKiB, "buffer-size", "B", capture.DefaultBufferSize>>10, "live capture: socket receive buffer in `KiB` (like tcpdump -B); frames arriving while it is full are dropped and counted")
	fs.StringSliceVar(&o.protoList, "proto", nil, "keep only the frames of these netlink `PROTOCOLS` (route, generic, sock_diag, netfilter, xfrm, ... or numbers; comma-separated); filtered in the kernel when capturing live")
	fs.BoolVar(&o.print, "print", false, "with -w, also print the messages (as without -w)")
}

// check validates the live and write flags and decides whether a run without input
// captures live: only as root with a terminal on standard input, like tcpdump.
func (l *liveOptions) check(o *options) error {
	if l.iface != "" && o.read != "" {
		return errors.New("-i and -r: give one input, a live interface or a capture file")
	}
	if l.iface != "" && o.tui && l.write != "" {
		return errors.New("--tui with -w: write the capture with -i IFACE -w FILE, browse it with nldump --tui -r FILE")
	}
	if l.bufferKiB <= 0 {
		return fmt.Errorf("-B %d: the buffer size is in KiB and must be positive", l.bufferKiB)
	}
	for _, p := range l.protoList {
		n, err := parseProtocol(p)
		if err != nil {
			return err
		}
		l.protos = append(l.protos, n)
	}
	if l.write != "" {
		if err := l.checkWrite(o); err != nil {
			return err
		}
	}
	if l.print && l.write == "" {
		return errors.New("--print goes with -w: without -w nldump prints anyway")
	}
	if o.read == "" && l.iface == "" && !o.fields && os.Geteuid() == 0 && term.IsTerminal(os.Stdin.Fd()) {
		l.iface = autoInterface
	}
	return nil
}

// checkWrite validates -w and decides whether messages are printed too.
func (l *liveOptions) checkWrite(o *options) error {
	lower := strings.ToLower(l.write)
	if strings.HasSuffix(lower, ".gz") {
		return fmt.Errorf("-w %s: nldump does not compress; write -w - | gzip > %s", l.write, l.write)
	}
	if o.tui {
		return errors.New("--tui and -w do not go together")
	}
	if o.read != "" && o.read != capture.Stdin && l.write != "-" && sameFile(o.read, l.write) {
		return fmt.Errorf("-w %s would overwrite the capture being read", l.write)
	}
	printing := l.print || o.verbose || o.hex || o.format == formatJSON || o.ext.stats
	if l.write == "-" && printing {
		return errors.New("-w - writes the capture to standard output; printing messages there too (--print, -V, -x, -T json, --stats) would mix them")
	}
	if !printing {
		o.quiet = true // like tcpdump -w: only the count
	}
	return nil
}

// sameFile reports whether a and b name the same file.
func sameFile(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(ia, ib)
	}
	aa, _ := filepath.Abs(a)
	ab, _ := filepath.Abs(b)
	return aa == ab
}

// parseProtocol reads a --proto value: a name as nldump prints it ("route",
// "generic") or a number.
func parseProtocol(s string) (uint16, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if n, ok := decode.ProtocolNumber(s); ok {
		return n, nil
	}
	if n, err := strconv.ParseUint(s, 0, 16); err == nil {
		return uint16(n), nil
	}
	return 0, fmt.Errorf("--proto %q: unknown netlink protocol; use route, usersock, sock_diag, nflog, xfrm, fib_lookup, netfilter, generic or a number", s)
}
