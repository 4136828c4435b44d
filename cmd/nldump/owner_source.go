package main

import (
	"sync/atomic"
	"time"

	"github.com/gopacket/gopacket/layers"
	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/capture/owner"
)

// ownerSource wraps a live capture: it hands out the generic netlink family map
// first (frames from genlmap.Query, so that the decoder and a file written with
// -w name every family from the first message), then the captured frames with
// the process owning each frame's socket in its Comment (owner.Tagger), numbered
// again from 1. The captured frames are read on a goroutine so that a request
// held for its answer is handed on after owner.DefaultHold even when nothing
// else arrives.
type ownerSource struct {
	inner  capture.Source
	tagger *owner.Tagger
	ch     chan sourceResult
	done   chan struct{} // closed by Close: the reading goroutine stops
	out    []capture.Frame
	err    error
	handed atomic.Int64 // read by Stats from the running count's goroutine
}

type sourceResult struct {
	f   capture.Frame
	err error
}

// newOwnerSource starts reading inner. lk resolves ports (nil: no process
// attribution, only the map and the numbering); selfPID's own frames (the
// resolver's socket dumps) are dropped.
func newOwnerSource(inner capture.Source, mapFrames []capture.Frame, lk owner.Lookuper, selfPID int) *ownerSource {
	s := &ownerSource{inner: inner, tagger: owner.NewTagger(lk, selfPID), ch: make(chan sourceResult, 4096), done: make(chan struct{})}
	for _, f := range mapFrames {
		s.out = append(s.out, s.tagger.Push(f, time.Now())...)
	}
	go func() {
		for {
			f, err := inner.Next()
			select {
			case s.ch <- sourceResult{f, err}:
			case <-s.done: // nobody reads any more (-c reached)
				return
			}
			if err != nil {
				close(s.ch)
				return
			}
		}
	}()
	return s
}

// Next returns the next frame: the map's, then the captured ones as the tagger
// releases them.
func (s *ownerSource) Next() (capture.Frame, error) {
	for {
		if len(s.out) > 0 {
			f := s.out[0]
			s.out = s.out[1:]
			s.handed.Add(1)
			return f, nil
		}
		if s.err != nil {
			return capture.Frame{}, s.err
		}
		var timeout <-chan time.Time
		var t *time.Timer
		if s.tagger.Waiting() {
			t = time.NewTimer(owner.DefaultHold)
			timeout = t.C
		}
		select {
		case r, ok := <-s.ch:
			s.take(r, ok)
		case <-timeout:
			// Only an idle capture expires a request: a frame waiting may
			// be its answer.
			select {
			case r, ok := <-s.ch:
				s.take(r, ok)
			default:
				s.out = append(s.out, s.tagger.Expire(time.Now())...)
			}
		}
		if t != nil {
			t.Stop()
		}
	}
}

// take passes one result of the reading goroutine to the tagger.
func (s *ownerSource) take(r sourceResult, ok bool) {
	if !ok {
		return
	}
	if r.f.Data != nil {
		s.out = append(s.out, s.tagger.Push(r.f, time.Now())...)
	}
	if r.err != nil {
		s.out = append(s.out, s.tagger.Flush()...)
		s.err = r.err
	}
}

// Stats returns the capture's statistics, counting the frames handed out.
func (s *ownerSource) Stats() capture.Stats {
	st := s.inner.Stats()
	st.Frames = int(s.handed.Load())
	return st
}

// LinkType returns LINKTYPE_NETLINK.
func (s *ownerSource) LinkType() layers.LinkType { return capture.LinkTypeNetlink }

// Close stops the reading goroutine and closes the capture.
func (s *ownerSource) Close() error {
	s.stop()
	return s.inner.Close()
}

// stop ends the reading goroutine once nothing reads any more; the capture
// stays open (its owner closes it).
func (s *ownerSource) stop() {
	select {
	case <-s.done:
	default:
		close(s.done)
	}
}
