package main

import (
	"bufio"
	"fmt"

	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/filter"
	"github.com/spf13/pflag"
)

// extOptions are the flags of display filtering, request/reply pairing and
// statistics.
type extOptions struct {
	displayFilter string
	pair          bool
	dedup         bool
	stats         bool

	flt *filter.Filter // the compiled -Y filter
}

func addExtFlags(fs *pflag.FlagSet, o *extOptions) {
	fs.StringVarP(&o.displayFilter, "display-filter", "Y", "", "print only the messages matching the display `FILTER` (e.g. 'nlmsg.type == RTM_NEWROUTE and rta.dst in 10.0.0.0/8'; see nldump --fields)")
	fs.BoolVar(&o.pair, "pair", false, "pair requests with their replies: show [request in N], [response in N], latency and problems (nl.* fields)")
	fs.BoolVar(&o.dedup, "dedup", false, "show a notification delivered to several sockets once, with its number of copies (xN)")
	fs.BoolVar(&o.stats, "stats", false, "print statistics after the messages: counts per protocol and type, errors, slowest requests, dumps, notifications (JSON with -T json)")
}

// check compiles the display filter; a bad one is a usage error.
func (o *extOptions) check(_ *options) error {
	if o.displayFilter != "" {
		f, err := filter.Compile(o.displayFilter)
		if err != nil {
			return fmt.Errorf("-Y: %v", err)
		}
		o.flt = f
	}
	return nil
}

// needPairing reports whether the run needs the conversation fields.
func (o *extOptions) needPairing() bool {
	return o.pair || o.dedup || o.stats || o.flt != nil && o.flt.Uses("nl.")
}

// extRun applies filtering, pairing and statistics to the messages of a run.
type extRun struct {
	o       *extOptions
	pairer  *decode.Pairer
	stats   *statsCollector
	matched int
}

// newExtRun prepares a run: for a file, pairing reads it once ahead so that
// requests know their answers.
func newExtRun(opts *options, dec *decode.Decoder) (*extRun, error) {
	x := &extRun{o: &opts.ext}
	if x.o.needPairing() {
		x.pairer = decode.NewPairer()
		if err := pairAhead(opts, x.pairer); err != nil {
			return nil, err
		}
	}
	if x.o.stats {
		x.stats = newStatsCollector(dec.Session)
	}
	return x, nil
}

// keep annotates m and reports whether it should be printed.
func (x *extRun) keep(m *decode.Message) bool {
	if x.pairer != nil {
		if !x.pairer.Annotate(m) && x.o.dedup {
			return false // a further copy of a notification already shown
		}
	}
	if x.o.flt != nil && !x.o.flt.Match(m) {
		return false
	}
	x.matched++
	if x.stats != nil {
		x.stats.add(m, x.pairer, x.o.dedup)
	}
	return true
}

// finish prints the statistics.
func (x *extRun) finish(w *bufio.Writer, opts *options) {
	if x.stats != nil {
		if x.pairer != nil {
			x.pairer.Finish()
		}
		x.stats.print(w, opts.format == formatJSON, x.pairer)
	}
}

// summaryNote is added to the end summary: how many messages matched.
func (x *extRun) summaryNote() string {
	if x.o.flt == nil {
		return ""
	}
	return fmt.Sprintf("%d matched the filter", x.matched)
}
