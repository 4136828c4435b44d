package decode

// arenaFirst and arenaMax bound the number of fields allocated at a time: chunks
// start small (a decoder for one message stays cheap) and double up to arenaMax.
const (
	arenaFirst = 256
	arenaMax   = 8192
)

// arena hands out field slices from large chunks, so that decoding a message costs
// no allocation of its own. Slices stay valid until reset.
type arena struct {
	chunks [][]Field
	cur    int // index of the chunk in use
	used   int // fields used in chunks[cur]
}

// alloc returns n zeroed fields.
func (a *arena) alloc(n int) []Field {
	if n == 0 {
		return nil
	}
	if len(a.chunks) == 0 || a.used+n > len(a.chunks[a.cur]) {
		a.next(n)
	}
	s := a.chunks[a.cur][a.used : a.used+n : a.used+n]
	a.used += n
	clear(s) // here, not in reset: the fields are written next, while in cache
	return s
}

// next moves to a chunk that holds at least n fields.
func (a *arena) next(n int) {
	for a.cur+1 < len(a.chunks) {
		a.cur++
		a.used = 0
		if len(a.chunks[a.cur]) >= n {
			return
		}
	}
	size := arenaFirst
	if k := len(a.chunks); k > 0 {
		size = min(2*len(a.chunks[k-1]), arenaMax)
	}
	if n > size {
		size = n
	}
	a.chunks = append(a.chunks, make([]Field, size))
	a.cur = len(a.chunks) - 1
	a.used = 0
}

// reset makes every chunk available again (alloc zeroes what it hands out). Slices
// handed out before must no longer be used.
func (a *arena) reset() {
	a.cur, a.used = 0, 0
}

// drop forgets every chunk, so that slices handed out before stay valid and are
// owned by their holders.
func (a *arena) drop() {
	if len(a.chunks) == 0 {
		return
	}
	// Keep the unused tail of the current chunk for later allocations.
	rest := a.chunks[a.cur][a.used:]
	a.chunks = a.chunks[:0]
	a.cur, a.used = 0, 0
	if len(rest) >= 256 {
		a.chunks = append(a.chunks, rest)
	}
}
