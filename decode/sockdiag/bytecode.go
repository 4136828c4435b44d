package sockdiag

// The filter program of INET_DIAG_REQ_BYTECODE (include/uapi/linux/inet_diag.h):
// a sequence of ops, each a struct inet_diag_bc_op followed by the op's operand.
// Every op is a conditional jump: on a match to the op yes bytes further (yes is
// the op's own length), else no bytes further; a program accepts the socket when
// it runs off its end, and rejects it by jumping 4 bytes past the end.
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|     code      |      yes      |              no               |
//	+---------------+---------------+---------------+---------------+
//	|  operand (yes - 4 bytes):                                     |
//	|    S_GE, S_LE, D_GE, D_LE, S_EQ, D_EQ: a second op, port in "no"
//	|    S_COND, D_COND: struct inet_diag_hostcond {family, prefix_len, port, addr}
//	|    DEV_COND: u32 ifindex; MARK_COND: {mark, mask}; CGROUP_COND: u64 cgroup id
//	+---------------+---------------+---------------+---------------+
//
// code, yes and no are host-order; the hostcond address is in network order.

import (
	"strconv"
	"strings"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

var bcCodeEnum = decode.NewEnum("inet_diag_bc_code", "INET_DIAG_BC_", map[uint64]string{
	bcNop: "INET_DIAG_BC_NOP", bcJmp: "INET_DIAG_BC_JMP", bcSGe: "INET_DIAG_BC_S_GE", bcSLe: "INET_DIAG_BC_S_LE",
	bcDGe: "INET_DIAG_BC_D_GE", bcDLe: "INET_DIAG_BC_D_LE", bcAuto: "INET_DIAG_BC_AUTO", bcSCond: "INET_DIAG_BC_S_COND",
	bcDCond: "INET_DIAG_BC_D_COND", bcDevCond: "INET_DIAG_BC_DEV_COND", bcMarkCond: "INET_DIAG_BC_MARK_COND",
	bcSEq: "INET_DIAG_BC_S_EQ", bcDEq: "INET_DIAG_BC_D_EQ", bcCgroupCond: "INET_DIAG_BC_CGROUP_COND",
})

// bcOp is struct inet_diag_bc_op.
var bcOp = decode.NewStruct("inet_diag_bc_op", "inet_diag.bc",
	decode.Member{CName: "code", Name: "inet_diag.bc.code", Kind: decode.KindU8, Enum: bcCodeEnum, Desc: "Operation."},
	decode.Member{CName: "yes", Name: "inet_diag.bc.yes", Kind: decode.KindU8, Unit: "bytes", Desc: "Jump on a match: the op's length."},
	decode.Member{CName: "no", Name: "inet_diag.bc.no", Kind: decode.KindU16, Unit: "bytes", Desc: "Jump on a mismatch."},
)

// The operands.
var (
	bcPortArg = decode.NewStruct("inet_diag_bc_op", "inet_diag.bc",
		padm(2),
		decode.Member{CName: "no", Name: "inet_diag.bc.port", Label: "port", Kind: decode.KindU16, Desc: "Port compared with (the second op's no field)."},
	)
	bcHostcond0 = hostcond(0)
	bcHostcond4 = hostcond(4)
	bcHostcond6 = hostcond(16)
	bcDevArg    = decode.NewStruct("ifindex", "inet_diag.bc",
		decode.Member{CName: "ifindex", Name: "inet_diag.bc.ifindex", Kind: decode.KindU32, Desc: "Interface index the socket must be bound to."})
	bcMarkArg = decode.NewStruct("inet_diag_markcond", "inet_diag.bc",
		decode.Member{CName: "mark", Name: "inet_diag.bc.mark", Kind: decode.KindU32, Display: decode.DisplayHex, Desc: "Socket mark compared with."},
		decode.Member{CName: "mask", Name: "inet_diag.bc.mask", Kind: decode.KindU32, Display: decode.DisplayHex, Desc: "Bits of the mark compared."})
	bcCgroupArg = decode.NewStruct("cgroup_id", "inet_diag.bc",
		decode.Member{CName: "cgroup_id", Name: "inet_diag.bc.cgroup_id", Kind: decode.KindU64, Desc: "cgroup v2 id the socket must belong to."})
)

// hostcond returns struct inet_diag_hostcond with an address of n bytes.
func hostcond(n int) *decode.Struct {
	m := []decode.Member{
		{CName: "family", Name: "inet_diag.bc.family", Kind: decode.KindU8, Enum: familyEnum, Desc: "Address family (AF_UNSPEC: any address)."},
		{CName: "prefix_len", Name: "inet_diag.bc.prefix_len", Kind: decode.KindU8, Desc: "Prefix length of the address compared."},
		padm(2),
		{CName: "port", Name: "inet_diag.bc.port", Kind: decode.KindS32, Desc: "Port (-1: any)."},
	}
	if n > 0 {
		m = append(m, decode.Member{CName: "addr", Name: "inet_diag.bc.addr", Kind: decode.KindAddr, Size: n, Desc: "Address (network order)."})
	}
	return decode.NewStruct("inet_diag_hostcond", "inet_diag.bc", m...)
}

var defBcOp = decode.FieldDef{Name: "inet_diag.bc.op", Label: "Bytecode op", Kind: decode.KindStruct,
	Desc: "One filter op: struct inet_diag_bc_op and its operand."}

// bcOperand returns the operand layout of an op code.
func bcOperand(c *decode.Context, code byte, at, end int) *decode.Struct {
	switch code {
	case bcSGe, bcSLe, bcDGe, bcDLe, bcSEq, bcDEq:
		return bcPortArg
	case bcSCond, bcDCond:
		if at < end {
			switch c.Data[at] {
			case unix.AF_INET:
				return bcHostcond4
			case unix.AF_INET6:
				return bcHostcond6
			}
		}
		return bcHostcond0
	case bcDevCond:
		return bcDevArg
	case bcMarkCond:
		return bcMarkArg
	case bcCgroupCond:
		return bcCgroupArg
	}
	return nil
}

// bcOps walks the program in Data[vs:ve] and calls fn with each op's bounds.
func bcOps(c *decode.Context, vs, ve int, fn func(off, end int)) {
	for off := vs; off < ve; {
		n := ve - off
		if n >= 4 {
			if y := int(c.Data[off+1]); y >= 4 && y <= n {
				n = y
			}
		}
		fn(off, off+n)
		off += n
	}
}

// decodeBytecode is the Custom hook of INET_DIAG_REQ_BYTECODE: one field per op.
func decodeBytecode(c *decode.Context, f *decode.Field) {
	vs := f.Offset + 4
	ve := vs + len(f.Bytes)
	n := 0
	bcOps(c, vs, ve, func(int, int) { n++ })
	kids := c.Alloc(n)
	i := 0
	bcOps(c, vs, ve, func(off, end int) {
		k := &kids[i]
		i++
		c.SetBytes(k, &defBcOp, off, end)
		hdr := c.Struct(bcOp, off, end)
		if end-off < 4 {
			k.Children = hdr.Children
			c.Note(k, "bytecode op at offset %d: %d bytes, below the 4-byte struct inet_diag_bc_op", off, end-off)
			return
		}
		if y := int(c.Data[off+1]); y < 4 {
			c.Note(k, "bytecode op at offset %d: yes %d is below the op's 4 bytes; the rest of the program is shown as this op", off, y)
		}
		arg := bcOperand(c, c.Data[off], off+4, end)
		if arg == nil || end == off+4 {
			k.Children = hdr.Children
			return
		}
		kk := c.Alloc(len(hdr.Children) + 1)
		copy(kk, hdr.Children)
		kk[len(hdr.Children)] = c.Struct(arg, off+4, end)
		if end-off-4 > arg.Size {
			// Kernel-side operands are padded to 4 (an AF_UNSPEC hostcond with
			// an empty address): show the rest as the struct's extra bytes.
			kk[len(hdr.Children)].Children, _ = c.StructMembers(arg, off+4, end)
			kk[len(hdr.Children)].Length = end - off - 4
			kk[len(hdr.Children)].Bytes = c.Data[off+4 : end]
		}
		k.Children = kk
	})
	f.Children = kids[:i]
}

// bytecodeSummary renders a program as its ops: "D_COND 127.0.0.1/32 S_COND *:8080".
func bytecodeSummary(f *decode.Field) string {
	var b strings.Builder
	for i := range f.Children {
		op := &f.Children[i]
		code := op.Find("inet_diag.bc.code")
		if code == nil {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		name, ok := bcCodeEnum.Lookup(code.Value)
		if !ok {
			name = "op" + strconv.FormatUint(code.Value, 10)
		}
		b.WriteString(strings.TrimPrefix(name, "INET_DIAG_BC_"))
		switch code.Value {
		case bcSCond, bcDCond:
			b.WriteByte(' ')
			if a := op.Find("inet_diag.bc.addr"); a != nil {
				b.WriteString(a.ValueString())
				if p := op.Find("inet_diag.bc.prefix_len"); p != nil {
					b.WriteByte('/')
					b.WriteString(p.ValueString())
				}
			} else {
				b.WriteByte('*')
			}
			if p := op.Find("inet_diag.bc.port"); p != nil && p.Int() != -1 {
				b.WriteByte(':')
				b.WriteString(p.ValueString())
			}
		case bcSGe, bcSLe, bcDGe, bcDLe, bcSEq, bcDEq:
			if p := op.Find("inet_diag.bc.port"); p != nil {
				b.WriteByte(' ')
				b.WriteString(p.ValueString())
			}
		case bcDevCond:
			if p := op.Find("inet_diag.bc.ifindex"); p != nil {
				b.WriteString(" dev " + p.ValueString())
			}
		case bcMarkCond:
			if p, q := op.Find("inet_diag.bc.mark"), op.Find("inet_diag.bc.mask"); p != nil && q != nil {
				b.WriteString(" " + p.ValueString() + "/" + q.ValueString())
			}
		case bcCgroupCond:
			if p := op.Find("inet_diag.bc.cgroup_id"); p != nil {
				b.WriteString(" " + p.ValueString())
			}
		}
	}
	return b.String()
}
