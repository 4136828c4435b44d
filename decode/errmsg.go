package decode

// NLMSG_ERROR payload (struct nlmsgerr, include/uapi/linux/netlink.h):
//
//	+---------------+---------------+---------------+---------------+
//	|                  error (s32: 0 = ACK, else -errno)            |
//	+---------------+---------------+---------------+---------------+
//	|             echoed request's nlmsghdr (16 bytes)              |
//	+---------------+---------------+---------------+---------------+
//	|  echoed request's payload, unless NLM_F_CAPPED ...            |
//	+---------------+---------------+---------------+---------------+
//	|  extended-ACK attributes (NLMSGERR_ATTR_*), if NLM_F_ACK_TLVS |
//	+---------------+---------------+---------------+---------------+
//
// NLMSG_DONE carries an s32 status (0 or -errno), then the extended-ACK attributes
// when NLM_F_ACK_TLVS is set.

import (
	"strconv"
	"strings"

	unix "github.com/nldump/nldump/internal/abi"
)

// Extended-ACK attribute types missing from golang.org/x/sys/unix (enum
// nlmsgerr_attrs, include/uapi/linux/netlink.h).
const (
	nlmsgerrAttrPolicy   = 4 // NLMSGERR_ATTR_POLICY
	nlmsgerrAttrMissType = 5 // NLMSGERR_ATTR_MISS_TYPE
	nlmsgerrAttrMissNest = 6 // NLMSGERR_ATTR_MISS_NEST
)

// ErrorInfo is what an NLMSG_ERROR or NLMSG_DONE message says.
type ErrorInfo struct {
	// Errno is the error field: 0 for an ACK, else a negative errno.
	Errno int32
	// Done is true for NLMSG_DONE.
	Done bool
	// Request is the echoed request's header (NLMSG_ERROR only).
	Request *Header
	// RequestType is the echoed request's type name.
	RequestType string
	// Msg is the extended-ACK message (NLMSGERR_ATTR_MSG) as the kernel sent it,
	// without its NUL: escape it (Escape) before it reaches a terminal.
	Msg string
	// Offs is NLMSGERR_ATTR_OFFS, or -1.
	Offs int
	// Target is the attribute of the echoed request that Offs points at, or nil.
	Target *Field
	// MissType is NLMSGERR_ATTR_MISS_TYPE, or -1.
	MissType int
}

// ErrnoName returns the symbolic name of a positive errno ("EEXIST").
func ErrnoName(errno int) string {
	if errno == unix.EOPNOTSUPP {
		return "EOPNOTSUPP" // the kernel's name; ENOTSUP is the same number
	}
	if n := unix.ErrnoName(errno); n != "" {
		return n
	}
	return "E" + strconv.Itoa(errno)
}

// ErrnoText returns strerror's text for a positive errno ("File exists").
func ErrnoText(errno int) string {
	s := unix.ErrnoText(errno)
	if s == "" || strings.HasPrefix(s, "errno ") {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// ErrorText returns "-17 EEXIST (File exists)" for -17, "0 (ACK)" for 0.
func ErrorText(e int32) string {
	if e == 0 {
		return "0"
	}
	n := int(e)
	if n < 0 {
		n = -n
	}
	return strconv.Itoa(int(e)) + " " + ErrnoName(n) + " (" + ErrnoText(n) + ")"
}

// errnoEnum names error values for display and filters ("EEXIST" == -17).
var errnoEnum = func() *Enum {
	vals := map[uint64]string{}
	for n := 1; n < 134; n++ {
		if name := unix.ErrnoName(n); name != "" {
			vals[uint64(int64(-n))] = name
		}
	}
	return NewEnum("errno", "", vals)
}()

var (
	defErr = FieldDef{Name: "nlmsgerr", Label: "Error message", CName: "struct nlmsgerr", Kind: KindNone,
		Desc: "The payload of NLMSG_ERROR: an errno (0 for an ACK) and the request it answers."}
	defErrno = FieldDef{Name: "nlmsgerr.error", Label: "Error", CName: "error", Kind: KindS32, Enum: errnoEnum,
		Desc: "0 for an acknowledgement, else the negative errno of the failed request."}
	defEchoed = FieldDef{Name: "nlmsgerr.request", Label: "Echoed request", Kind: KindNone,
		Desc: "The request this error or ACK answers, as the kernel echoed it (header only when NLM_F_CAPPED)."}
	defDone = FieldDef{Name: "nlmsgdone.status", Label: "Status", CName: "int", Kind: KindS32, Enum: errnoEnum,
		Desc: "NLMSG_DONE status: 0, or a negative errno when the dump failed."}
	defExtAck = FieldDef{Name: "nlmsgerr.ext_ack", Label: "Extended ACK", Kind: KindNone,
		Desc: "Extended-ACK attributes (NLM_F_ACK_TLVS): message, offending attribute offset, cookie, policy."}
	defTarget = FieldDef{Name: "nlmsgerr.attr", Label: "Points at", Kind: KindNone,
		Desc: "The attribute of the echoed request that NLMSGERR_ATTR_OFFS points at."}
)

// policyTypeEnum names enum netlink_attribute_type.
var policyTypeEnum = NewEnum("netlink_attribute_type", "NL_ATTR_TYPE_", map[uint64]string{
	unix.NL_ATTR_TYPE_INVALID: "NL_ATTR_TYPE_INVALID", unix.NL_ATTR_TYPE_FLAG: "NL_ATTR_TYPE_FLAG",
	unix.NL_ATTR_TYPE_U8: "NL_ATTR_TYPE_U8", unix.NL_ATTR_TYPE_U16: "NL_ATTR_TYPE_U16",
	unix.NL_ATTR_TYPE_U32: "NL_ATTR_TYPE_U32", unix.NL_ATTR_TYPE_U64: "NL_ATTR_TYPE_U64",
	unix.NL_ATTR_TYPE_S8: "NL_ATTR_TYPE_S8", unix.NL_ATTR_TYPE_S16: "NL_ATTR_TYPE_S16",
	unix.NL_ATTR_TYPE_S32: "NL_ATTR_TYPE_S32", unix.NL_ATTR_TYPE_S64: "NL_ATTR_TYPE_S64",
	unix.NL_ATTR_TYPE_BINARY: "NL_ATTR_TYPE_BINARY", unix.NL_ATTR_TYPE_STRING: "NL_ATTR_TYPE_STRING",
	unix.NL_ATTR_TYPE_NUL_STRING: "NL_ATTR_TYPE_NUL_STRING", unix.NL_ATTR_TYPE_NESTED: "NL_ATTR_TYPE_NESTED",
	unix.NL_ATTR_TYPE_NESTED_ARRAY: "NL_ATTR_TYPE_NESTED_ARRAY", unix.NL_ATTR_TYPE_BITFIELD32: "NL_ATTR_TYPE_BITFIELD32",
	// NL_ATTR_TYPE_SINT and NL_ATTR_TYPE_UINT (Linux 6.8) are missing from x/sys;
	// enum netlink_attribute_type, include/uapi/linux/netlink.h.
	16: "NL_ATTR_TYPE_SINT", 17: "NL_ATTR_TYPE_UINT",
})

// PolicyAttrs is the NL_POLICY_TYPE_ATTR_* set: one attribute's validation policy,
// as sent in NLMSGERR_ATTR_POLICY and in CTRL_CMD_GETPOLICY replies.
var PolicyAttrs = NewAttrSet("NL_POLICY_TYPE_ATTR", "nl_policy",
	Attr{Type: unix.NL_POLICY_TYPE_ATTR_TYPE, CName: "NL_POLICY_TYPE_ATTR_TYPE", Kind: KindU32, Enum: policyTypeEnum},
	Attr{Type: unix.NL_POLICY_TYPE_ATTR_MIN_VALUE_S, CName: "NL_POLICY_TYPE_ATTR_MIN_VALUE_S", Kind: KindS64},
	Attr{Type: unix.NL_POLICY_TYPE_ATTR_MAX_VALUE_S, CName: "NL_POLICY_TYPE_ATTR_MAX_VALUE_S", Kind: KindS64},
	Attr{Type: unix.NL_POLICY_TYPE_ATTR_MIN_VALUE_U, CName: "NL_POLICY_TYPE_ATTR_MIN_VALUE_U", Kind: KindU64},
	Attr{Type: unix.NL_POLICY_TYPE_ATTR_MAX_VALUE_U, CName: "NL_POLICY_TYPE_ATTR_MAX_VALUE_U", Kind: KindU64},
	Attr{Type: unix.NL_POLICY_TYPE_ATTR_MIN_LENGTH, CName: "NL_POLICY_TYPE_ATTR_MIN_LENGTH", Kind: KindU32},
	Attr{Type: unix.NL_POLICY_TYPE_ATTR_MAX_LENGTH, CName: "NL_POLICY_TYPE_ATTR_MAX_LENGTH", Kind: KindU32},
	Attr{Type: unix.NL_POLICY_TYPE_ATTR_POLICY_IDX, CName: "NL_POLICY_TYPE_ATTR_POLICY_IDX", Kind: KindU32},
	Attr{Type: unix.NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE, CName: "NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE", Kind: KindU32},
	Attr{Type: unix.NL_POLICY_TYPE_ATTR_BITFIELD32_MASK, CName: "NL_POLICY_TYPE_ATTR_BITFIELD32_MASK", Kind: KindU32, Display: DisplayHex},
	Attr{Type: unix.NL_POLICY_TYPE_ATTR_PAD, CName: "NL_POLICY_TYPE_ATTR_PAD", Kind: KindPad},
	Attr{Type: unix.NL_POLICY_TYPE_ATTR_MASK, CName: "NL_POLICY_TYPE_ATTR_MASK", Kind: KindU64, Display: DisplayHex},
)

// extAckAttrs is the NLMSGERR_ATTR_* set.
var extAckAttrs = NewAttrSet("NLMSGERR_ATTR", "nlmsgerr",
	Attr{Type: unix.NLMSGERR_ATTR_MSG, CName: "NLMSGERR_ATTR_MSG", Kind: KindString, Label: "Message",
		Desc: "The kernel's text explaining the error."},
	Attr{Type: unix.NLMSGERR_ATTR_OFFS, CName: "NLMSGERR_ATTR_OFFS", Kind: KindU32, Label: "Offset",
		Desc: "Byte offset, from the start of the echoed request's nlmsghdr, of the attribute that caused the error."},
	Attr{Type: unix.NLMSGERR_ATTR_COOKIE, CName: "NLMSGERR_ATTR_COOKIE", Kind: KindBinary, Label: "Cookie",
		Desc: "Opaque data the subsystem returns with the ACK."},
	Attr{Type: nlmsgerrAttrPolicy, CName: "NLMSGERR_ATTR_POLICY", Nested: PolicyAttrs, Label: "Policy",
		Desc: "The validation policy of the offending attribute."},
	Attr{Type: nlmsgerrAttrMissType, CName: "NLMSGERR_ATTR_MISS_TYPE", Kind: KindU32, Label: "Missing type",
		Desc: "Type of a required attribute that was missing."},
	Attr{Type: nlmsgerrAttrMissNest, CName: "NLMSGERR_ATTR_MISS_NEST", Kind: KindU32, Label: "Missing in nest at",
		Desc: "Offset of the nest in which the required attribute was missing."},
)

// ExtAckAttrs returns the NLMSGERR_ATTR_* set (for `--fields`).
func ExtAckAttrs() *AttrSet { return extAckAttrs }

// errorPayload decodes the payload of NLMSG_ERROR.
func (d *Decoder) errorPayload(c *Context, m *Message, off, end int) []Field {
	info := &ErrorInfo{Offs: -1, MissType: -1}
	m.Error = info
	f := c.Alloc(1)
	e := &f[0]
	e.Def, e.Offset, e.Length, e.Bytes = &defErr, off, end-off, c.Data[off:end]
	if end-off < 4 {
		c.Note(e, "NLMSG_ERROR payload at offset %d is %d bytes, too short for the error code", off, end-off)
		return f
	}
	info.Errno = int32(c.U32(off))
	if info.Errno != 0 {
		m.Direction = DirError
	}
	n := 1
	ro := off + 4 // echoed request
	var reqFields []Field
	reqEnd := ro
	if end-ro >= unix.NLMSG_HDRLEN {
		rh := readHeader(c.Data[ro:], c.BigEndian)
		info.Request = &rh
		d.echo = *c
		rc := &d.echo
		rc.Header, rc.Echoed = rh, true
		name, op := d.typeName(rc, m.Protocol, rh.Type)
		info.RequestType = name
		reqEnd = ro + unix.NLMSG_HDRLEN
		if m.Header.Flags&unix.NLM_F_CAPPED == 0 {
			reqEnd = ro + int(rh.Len)
			if int(rh.Len) < unix.NLMSG_HDRLEN || reqEnd > end {
				reqEnd = end
			}
		}
		var payload []Field
		if reqEnd > ro+unix.NLMSG_HDRLEN && rh.Type >= unix.NLMSG_MIN_TYPE {
			payload = d.safePayload(rc, m.Protocol, ro+unix.NLMSG_HDRLEN, reqEnd)
		}
		reqFields = c.Alloc(1 + len(payload))
		d.headerField(rc, &reqFields[0], ro, rh, op, m.Protocol, name)
		copy(reqFields[1:], payload)
		n++
	} else if end > ro {
		n++ // a partial header, shown raw
	}
	ackOff := align4(reqEnd)
	hasAck := m.Header.Flags&unix.NLM_F_ACK_TLVS != 0 && ackOff < end
	if hasAck {
		n++
	}
	kids := c.Alloc(n)
	c.SetUint(&kids[0], &defErrno, off, 4, false)
	i := 1
	switch {
	case reqFields != nil:
		kids[i] = Field{Def: &defEchoed, Offset: ro, Length: reqEnd - ro, Bytes: c.Data[ro:reqEnd], Children: reqFields}
		i++
	case end > ro:
		c.SetBytes(&kids[i], &defPayload, ro, end)
		c.Note(&kids[i], "echoed request at offset %d is %d bytes, too short for an nlmsghdr", ro, end-ro)
		i++
	}
	if hasAck {
		d.extAck(c, m, &kids[i], ackOff, end, ro, reqFields)
	}
	e.Children = kids
	return f
}

// donePayload decodes the payload of NLMSG_DONE.
// DoneDecoder is implemented by protocols some of whose NLMSG_DONE messages carry
// something other than the int status: nfnetlink_log ends a batch of logged
// packets with an NLMSG_DONE holding struct nfgenmsg. DecodeDone decodes the
// payload c.Data[off:end] and reports whether it did; if not, the status is read.
type DoneDecoder interface {
	DecodeDone(c *Context, off, end int) ([]Field, bool)
}

func (d *Decoder) donePayload(c *Context, m *Message, off, end int) []Field {
	if off >= end {
		return nil
	}
	info := &ErrorInfo{Done: true, Offs: -1, MissType: -1}
	m.Error = info
	if dd, ok := m.Protocol.(DoneDecoder); ok {
		if f, ok := dd.DecodeDone(c, off, end); ok {
			return f
		}
	}
	if end-off < 4 {
		f := c.Alloc(1)
		c.SetBytes(&f[0], &defPayload, off, end)
		c.Note(&f[0], "NLMSG_DONE payload at offset %d is %d bytes, too short for the status", off, end-off)
		return f
	}
	info.Errno = int32(c.U32(off))
	n := 1
	ackOff := off + 4
	hasAck := m.Header.Flags&unix.NLM_F_ACK_TLVS != 0 && ackOff < end
	if hasAck || ackOff < end {
		n++
	}
	f := c.Alloc(n)
	c.SetUint(&f[0], &defDone, off, 4, false)
	switch {
	case hasAck:
		d.extAck(c, m, &f[1], ackOff, end, -1, nil)
	case ackOff < end:
		// Some dumps end with more than the status (e.g. protocol-specific data).
		c.SetBytes(&f[1], &defPayload, ackOff, end)
	}
	return f
}

// extAck decodes the extended-ACK attributes into f and fills m.Error from them.
func (d *Decoder) extAck(c *Context, m *Message, f *Field, off, end, reqOff int, req []Field) {
	info := m.Error
	f.Def, f.Offset, f.Length, f.Bytes = &defExtAck, off, end-off, c.Data[off:end]
	f.Children = c.Attrs(extAckAttrs, off, end)
	for i := range f.Children {
		a := &f.Children[i]
		if a.Unknown || a.Note != "" {
			continue
		}
		switch a.Type {
		case unix.NLMSGERR_ATTR_MSG:
			info.Msg = string(TrimNUL(a.Bytes))
		case nlmsgerrAttrMissType:
			info.MissType = int(a.Value)
		case unix.NLMSGERR_ATTR_OFFS:
			info.Offs = int(a.Value)
			if reqOff < 0 || req == nil {
				continue
			}
			target := reqOff + info.Offs
			t := findAttrAt(req, target)
			if t == nil {
				// The echoed request's payload was not decoded into attributes
				// (a protocol without a decoder yet): the summary gives the offset.
				continue
			}
			info.Target = t
			def := new(FieldDef)
			*def = *t.Def
			def.Name = defTarget.Name
			def.Desc = defTarget.Desc
			def.CName = ""
			def.attr, def.strct, def.reach = nil, nil, nil // it has no children
			def.Label = "Points at " + t.Def.Label
			if t.Def.CName != "" {
				def.Label = "Points at " + t.Def.CName
			}
			if t.Unknown {
				def.Label = "Points at attribute type " + itoa(int(t.Type))
			}
			k := c.Alloc(1)
			k[0] = Field{Def: def, Offset: t.Offset, Length: t.Length, Value: t.Value, Bytes: t.Bytes, Type: t.Type}
			a.Children = k
		}
	}
}

// findAttrAt returns the deepest attribute field starting at frame offset off.
func findAttrAt(fields []Field, off int) *Field {
	for i := range fields {
		f := &fields[i]
		if off < f.Offset || off >= f.Offset+f.Length {
			continue
		}
		if r := findAttrAt(f.Children, off); r != nil {
			return r
		}
		if f.Offset == off && f.IsAttr() {
			return f
		}
	}
	return nil
}

// summary describes an NLMSG_ERROR or NLMSG_DONE message.
func (e *ErrorInfo) summary(m *Message) string {
	var b strings.Builder
	switch {
	case e.Done && e.Errno == 0:
		b.WriteString("end of dump")
	case e.Done:
		b.WriteString("dump failed: ")
		b.WriteString(ErrorText(e.Errno))
	case e.Errno == 0:
		b.WriteString("ACK")
	default:
		b.WriteString("error ")
		b.WriteString(ErrorText(e.Errno))
	}
	if e.Request != nil {
		b.WriteString(" for ")
		b.WriteString(e.RequestType)
		b.WriteString(" seq ")
		b.WriteString(strconv.FormatUint(uint64(e.Request.Seq), 10))
	}
	if e.Msg != "" {
		b.WriteString(": \"")
		b.WriteString(Escape(e.Msg))
		b.WriteString("\"")
	}
	if e.Target != nil {
		b.WriteString(" at ")
		if e.Target.Def.CName != "" && !e.Target.Unknown {
			b.WriteString(e.Target.Def.CName)
		} else {
			b.WriteString("attribute type ")
			b.WriteString(itoa(int(e.Target.Type)))
		}
	} else if e.Offs >= 0 {
		b.WriteString(" at request offset ")
		b.WriteString(itoa(e.Offs))
	}
	if e.MissType >= 0 {
		b.WriteString(" (missing attribute type ")
		b.WriteString(itoa(e.MissType))
		b.WriteString(")")
	}
	return b.String()
}
