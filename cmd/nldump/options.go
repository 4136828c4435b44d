package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"syscall"

	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/decode/genl"
	"github.com/spf13/pflag"
)

var (
	errHelp       = errors.New("help requested")
	errBrokenPipe = syscall.EPIPE
)

// outputFormat is what -T selects.
type outputFormat int

const (
	formatText outputFormat = iota // summary lines (and -V, -x)
	formatJSON                     // one JSON object per message
)

// timeFormat is what -t selects, as in tshark.
type timeFormat int

const (
	timeRelative timeFormat = iota // r: seconds since the first frame
	timeAbsolute                   // a: time of day
	timeAbsDate                    // ad: date and time of day
	timeDelta                      // d: seconds since the previous message shown
	timeEpoch                      // e: seconds since 1970
	timeNone                       // n: no time
)

// options are the parsed command line.
type options struct {
	read         string
	count        int
	verbose      bool
	hex          bool
	format       outputFormat
	timeFmt      timeFormat
	order        decode.ByteOrderMode
	quiet        bool
	noSummary    bool
	lineBuffered bool
	fields       bool
	tui          bool
	mouse        bool
	genlFamilies []string
	specs        []string
	cpuProfile   string

	// Display filters, pairing and statistics (see filter.go, stats.go).
	ext extOptions
	// Live capture (-i) and writing captures (-w) (see live_flags.go).
	live liveOptions
}

const usageText = `nldump decodes Linux netlink traffic captured on an nlmon interface.

Usage:
  nldump -r FILE [flags]
  nldump -i nlmon0|auto [flags]                       (as root)

Examples:
  nldump -r testdata/pcaps/route-dumps.pcap          one line per message
  nldump -r capture.pcapng -V -c 5                    full field tree of the first 5 messages
  nldump -r capture.pcap -x                           hex and ASCII with field offsets
  nldump -r capture.pcap.gz -T json | jq .summary     one JSON object per message
  tcpdump -i nlmon0 -U -w - | nldump -r - -l          decode a live tcpdump as it arrives
  nldump --fields                                     every filter name with its type
  sudo nldump -i auto                                 capture live on a new nlmon interface
  sudo nldump -i auto -w x.pcap                       write a capture, printing only a count
  nldump -r x.pcap -Y 'nlmsgerr.error != 0' -w e.pcap keep the frames holding a matching message

Making a capture (as root, on a kernel with CONFIG_NLMON):
  ip link add nlmon0 type nlmon && ip link set nlmon0 up
  tcpdump -i nlmon0 -w capture.pcap

Exit status: 0 when all went well, 1 when the input could not be read (or ends
mid-record), 2 for a usage error.

Flags:
`

// parseFlags parses the command line.
func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := pflag.NewFlagSet("nldump", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	fs.StringVarP(&o.read, "read", "r", "", "read the capture `FILE` (pcap or pcapng, optionally gzip'ed; - for standard input)")
	fs.IntVarP(&o.count, "count", "c", 0, "stop after `N` messages")
	fs.BoolVarP(&o.verbose, "verbose", "V", false, "print the full field tree of every message")
	fs.BoolVarP(&o.hex, "hex", "x", false, "print each message's bytes in hex and ASCII, with the offsets of its fields")
	tformat := fs.StringP("output", "T", "text", "output `FORMAT`: text or json (one JSON object per message)")
	tfmt := fs.StringP("time", "t", "r", "time `FORMAT`: r relative to the first frame, a absolute, ad date and time, d delta, e epoch, n none")
	order := fs.String("byte-order", "auto", "byte `ORDER` of the capturing host: auto (detect per frame), little or big")
	fs.StringArrayVar(&o.genlFamilies, "genl-family", nil, "name a generic netlink family id by hand: `ID=NAME` (e.g. 0x15=ethtool); repeatable")
	fs.StringArrayVar(&o.specs, "spec", nil, "decode from kernel YNL spec files (Documentation/netlink/specs, a `FILE_OR_DIR` of *.yaml): generic netlink families, and with netlink-raw specs (rt-addr, nftables, ...) the message types they describe; repeatable")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "print no messages, only the end summary")
	fs.BoolVar(&o.noSummary, "no-summary", false, "do not print the end summary on standard error")
	fs.BoolVarP(&o.lineBuffered, "line-buffered", "l", false, "flush output after every frame (useful with -r -)")
	addExtFlags(fs, &o.ext)
	addLiveFlags(fs, &o.live)
	fs.BoolVar(&o.fields, "fields", false, "list every filter name with its type and description, then exit")
	fs.BoolVar(&o.tui, "tui", false, "browse the capture (-r FILE, or live with -i) in a terminal interface: message list, field tree and hex, linked")
	fs.BoolVar(&o.mouse, "mouse", false, "with --tui: the mouse wheel scrolls and a click selects (the terminal's own text selection then needs shift)")
	help := fs.BoolP("help", "h", false, "show this help")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile to `FILE` (for developers)")
	fs.MarkHidden("cpuprofile")
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return nil, errHelp
		}
		return nil, err
	}
	if *help {
		fs.Usage()
		return nil, errHelp
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q (filters are not positional; the capture file goes after -r)", fs.Arg(0))
	}
	switch strings.ToLower(*tformat) {
	case "text":
		o.format = formatText
	case "json", "ndjson":
		o.format = formatJSON
	default:
		return nil, fmt.Errorf("-T %q: unknown output format; use text or json", *tformat)
	}
	switch *tfmt {
	case "r":
		o.timeFmt = timeRelative
	case "a":
		o.timeFmt = timeAbsolute
	case "ad":
		o.timeFmt = timeAbsDate
	case "d":
		o.timeFmt = timeDelta
	case "e":
		o.timeFmt = timeEpoch
	case "n":
		o.timeFmt = timeNone
	default:
		return nil, fmt.Errorf("-t %q: unknown time format; use r, a, ad, d, e or n", *tfmt)
	}
	var err error
	if o.order, err = decode.ParseByteOrder(*order); err != nil {
		return nil, fmt.Errorf("--byte-order: %v", err)
	}
	if o.count < 0 {
		return nil, fmt.Errorf("-c %d: the count must be 0 (no limit) or more", o.count)
	}
	if o.format == formatJSON && (o.verbose || o.hex) {
		return nil, errors.New("-T json already holds the whole tree and offsets; drop -V and -x")
	}
	for _, v := range o.genlFamilies {
		if _, _, err := genl.ParseFamilyFlag(v); err != nil {
			return nil, err
		}
	}
	if o.fields {
		return o, nil
	}
	if err := o.ext.check(o); err != nil {
		return nil, err
	}
	if err := o.live.check(o); err != nil {
		return nil, err
	}
	if o.read == "" && o.live.iface == "" {
		return nil, errors.New("no input: give a capture file with -r FILE (or -r - for standard input), or capture live with -i nlmon0 or -i auto (as root)")
	}
	return o, nil
}
