package main

import (
	"strconv"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/nldump/nldump/decode"
)

// appendJSON appends m as one JSON object and a newline (NDJSON). The object holds
// the header fields, direction, summary, and the whole field tree: every node has
// name (the filter name), label, value (display text), raw (the number, or the
// bytes in hex), offset and length in the frame, and children (empty for
// leaves; value is "" for containers); attributes also
// have type, and unknown ones "unknown": true. A message whose frame names its
// process (live captures) has "process": {"pid", "comm", "port"}, and a frame
// with a pcapng comment "frame_comment".
func (p *printer) appendJSON(b []byte, m *decode.Message) []byte {
	h := m.Header
	b = append(b, `{"frame":`...)
	b = strconv.AppendInt(b, int64(m.Frame.Number), 10)
	b = append(b, `,"index":`...)
	b = strconv.AppendInt(b, int64(m.Index), 10)
	b = append(b, `,"time":"`...)
	if m.Frame != p.timeFrame { // the messages of a frame share its time
		p.timeFrame = m.Frame
		p.timeText = m.Time().UTC().AppendFormat(p.timeText[:0], time.RFC3339Nano)
	}
	b = append(b, p.timeText...)
	b = append(b, '"')
	b = append(b, `,"time_relative":`...)
	b = appendSeconds(b, m.Time().Sub(p.first))
	b = append(b, `,"protocol":`...)
	b = appendJSONString(b, m.Protocol.Name())
	b = append(b, `,"protocol_num":`...)
	b = strconv.AppendUint(b, uint64(m.ProtoNum()), 10)
	b = append(b, `,"direction":`...)
	b = appendJSONString(b, m.Direction.String())
	b = append(b, `,"type":`...)
	b = appendJSONString(b, m.TypeName)
	b = append(b, `,"type_num":`...)
	b = strconv.AppendUint(b, uint64(h.Type), 10)
	b = append(b, `,"flags":`...)
	b = strconv.AppendUint(b, uint64(h.Flags), 10)
	b = append(b, `,"flag_names":[`...)
	names, _ := decode.FlagsFor(m.Op).Names(uint64(h.Flags))
	for i, n := range names {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, n)
	}
	b = append(b, `],"len":`...)
	b = strconv.AppendUint(b, uint64(h.Len), 10)
	b = append(b, `,"seq":`...)
	b = strconv.AppendUint(b, uint64(h.Seq), 10)
	b = append(b, `,"pid":`...)
	b = strconv.AppendUint(b, uint64(h.Pid), 10)
	b = appendProcessJSON(b, m) // live captures (owner.go)
	if c := frameComment(m.Frame); c != "" {
		b = append(b, `,"frame_comment":`...)
		b = appendJSONString(b, c)
	}
	b = append(b, `,"offset":`...)
	b = strconv.AppendInt(b, int64(m.Offset), 10)
	b = append(b, `,"byte_order":`...)
	if m.BigEndian {
		b = append(b, `"big"`...)
	} else {
		b = append(b, `"little"`...)
	}
	if m.Error != nil {
		b = append(b, `,"error":`...)
		b = strconv.AppendInt(b, int64(m.Error.Errno), 10)
		if m.Error.Msg != "" {
			b = append(b, `,"ext_ack_msg":`...)
			b = appendJSONString(b, m.Error.Msg)
		}
	}
	b = append(b, `,"summary":`...)
	b = appendJSONString(b, p.summary)
	b = append(b, `,"malformed":`...)
	b = strconv.AppendBool(b, m.Malformed)
	b = append(b, `,"tree":`...)
	b = p.appendJSONNodes(b, m.Root.Children)
	if m.Root.Note != "" {
		b = append(b, `,"note":`...)
		b = appendJSONString(b, m.Root.Note)
	}
	return append(b, "}\n"...)
}

func (p *printer) appendJSONNodes(b []byte, fs []decode.Field) []byte {
	b = append(b, '[')
	for i := range fs {
		if i > 0 {
			b = append(b, ',')
		}
		b = p.appendJSONNode(b, &fs[i])
	}
	return append(b, ']')
}

// jsonDefPrefix returns `{"name":…,"label":…,"cname":…` for a definition, encoded
// once per definition: field definitions are static, shared by every field.
func (p *printer) jsonDefPrefix(d *decode.FieldDef) []byte {
	// A direct-mapped cache in front of the map: a pointer compare instead of a
	// map lookup for nearly every node.
	slot := &p.jsonDefCache[(uintptr(unsafe.Pointer(d))>>4)%uintptr(len(p.jsonDefCache))]
	if slot.def == d {
		return slot.prefix
	}
	if pre, ok := p.jsonDefs[d]; ok {
		slot.def, slot.prefix = d, pre
		return pre
	}
	pre := append([]byte(nil), `{"name":`...)
	pre = appendJSONString(pre, d.Name)
	pre = append(pre, `,"label":`...)
	pre = appendJSONString(pre, d.Label)
	if d.CName != "" {
		pre = append(pre, `,"cname":`...)
		pre = appendJSONString(pre, d.CName)
	}
	if p.jsonDefs == nil {
		p.jsonDefs = make(map[*decode.FieldDef][]byte)
	}
	p.jsonDefs[d] = pre
	slot.def, slot.prefix = d, pre
	return pre
}

// jsonDefSlot is one entry of the printer's direct-mapped definition cache.
type jsonDefSlot struct {
	def    *decode.FieldDef
	prefix []byte
}

func (p *printer) appendJSONNode(b []byte, f *decode.Field) []byte {
	d := f.Def
	b = append(b, p.jsonDefPrefix(d)...)
	b = append(b, `,"value":`...)
	if d.Kind == decode.KindString {
		// The string as sent (JSON escapes what must be escaped), not the
		// terminal-escaped text.
		b = appendJSONBytes(b, decode.TrimNUL(f.Bytes))
	} else {
		b = appendJSONValue(b, f)
	}
	switch {
	case d.Kind.Signed():
		b = append(b, `,"raw":`...)
		b = strconv.AppendInt(b, f.Int(), 10)
	case d.Kind.IsInt():
		b = append(b, `,"raw":`...)
		b = strconv.AppendUint(b, f.Value, 10)
	case len(f.Bytes) > 0 && d.Kind != decode.KindBinary && d.Kind != decode.KindPad && d.Kind != decode.KindNested && d.Kind != decode.KindStruct:
		b = append(b, `,"raw":"`...)
		b = decode.AppendHex(b, f.Bytes)
		b = append(b, '"')
	}
	b = append(b, `,"offset":`...)
	b = strconv.AppendInt(b, int64(f.Offset), 10)
	b = append(b, `,"length":`...)
	b = strconv.AppendInt(b, int64(f.Length), 10)
	if f.IsAttr() {
		b = append(b, `,"type":`...)
		b = strconv.AppendUint(b, uint64(f.Type), 10)
	}
	if f.Unknown {
		b = append(b, `,"unknown":true`...)
	}
	if f.Note != "" {
		b = append(b, `,"note":`...)
		b = appendJSONString(b, f.Note)
	}
	b = append(b, `,"children":`...)
	b = p.appendJSONNodes(b, f.Children)
	return append(b, '}')
}

// appendJSONValue appends the field's display value as a JSON string ("" for
// containers). The value is built in place after the opening quote and escaped
// only when it holds a byte that needs it.
func appendJSONValue(b []byte, f *decode.Field) []byte {
	b = append(b, '"')
	start := len(b)
	b = f.AppendValue(b)
	for _, c := range b[start:] {
		if c < 0x20 || c == '"' || c == '\\' || c >= 0x7f {
			v := append([]byte(nil), b[start:]...)
			return appendJSONBytes(b[:start-1], v)
		}
	}
	return append(b, '"')
}

func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x7f {
			return appendJSONBytes(b, []byte(s))
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// appendJSONBytes appends s as a JSON string; control characters become \u00XX and
// invalid UTF-8 becomes U+FFFD, so the output is valid JSON and terminal-safe.
func appendJSONBytes(b []byte, s []byte) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c < 0x20 || c == 0x7f:
				b = append(b, '\\', 'u', '0', '0', hexDigit(c>>4), hexDigit(c&0xf))
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, `\ufffd`...)
		case r >= 0x80 && r < 0xa0:
			b = append(b, '\\', 'u', '0', '0', hexDigit(byte(r>>4)), hexDigit(byte(r)&0xf))
		case r == 0x2028 || r == 0x2029:
			b = append(b, '\\', 'u', '2', '0', '2', hexDigit(byte(r)&0xf))
		default:
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return append(b, '"')
}
