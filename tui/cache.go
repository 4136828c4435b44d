package tui

import (
	"sync"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/capture/owner"
	"github.com/nldump/nldump/decode"
)

// cacheSize is the number of decoded frames kept: the selected message's frame and
// a few around it, so that moving back and forth does not decode again.
const cacheSize = 8

// treeCache decodes the frames of selected messages again, now keeping their field
// trees, with a decoder that shares the list pass's session state (generic netlink
// family names, link names) under the session lock.
type treeCache struct {
	s     *Store
	dec   *decode.Decoder
	mu    *sync.Mutex
	ents  [cacheSize]cacheEnt
	clock uint64
}

type cacheEnt struct {
	frame int32
	used  uint64 // 0: empty
	fr    *capture.Frame
	msgs  []decode.Message
}

// newTreeCache returns a cache decoding with the session sess of the list pass.
// The decoder gets a session of its own sharing the learned names, so that decoding
// again does not disturb the list pass's request bookkeeping.
func newTreeCache(s *Store, sess *decode.Session, mu *sync.Mutex) *treeCache {
	dec := decode.NewDecoder()
	dec.Session = &decode.Session{GenlFamilies: sess.GenlFamilies, GenlGroups: sess.GenlGroups, Links: sess.Links}
	return &treeCache{s: s, dec: dec, mu: mu}
}

// Message returns the decoded message of row id, or nil.
func (c *treeCache) Message(id int32) *decode.Message {
	if int(id) >= c.s.Len() || id < 0 {
		return nil
	}
	r := c.s.Row(id)
	msgs := c.frame(r.Frame)
	if int(r.Index) < len(msgs) {
		return &msgs[r.Index]
	}
	return nil
}

// frame returns the messages of frame fi, decoding it if it is not cached.
func (c *treeCache) frame(fi int32) []decode.Message {
	c.clock++
	old := 0
	for i := range c.ents {
		e := &c.ents[i]
		if e.used != 0 && e.frame == fi {
			e.used = c.clock
			return e.msgs
		}
		if e.used < c.ents[old].used {
			old = i
		}
	}
	e := &c.ents[old]
	fr := c.s.frames[fi].frame()
	c.mu.Lock()
	msgs := c.dec.DecodeFrame(&fr, nil)
	owner.AttachProcess(msgs)
	c.mu.Unlock()
	*e = cacheEnt{frame: fi, used: c.clock, fr: &fr, msgs: msgs}
	return msgs
}
