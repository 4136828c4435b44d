package capture

import "bytes"

// File magic numbers, as the bytes that start the file.
var (
	pcapMicroLE = []byte{0xd4, 0xc3, 0xb2, 0xa1} // 0xa1b2c3d4 little-endian
	pcapMicroBE = []byte{0xa1, 0xb2, 0xc3, 0xd4}
	pcapNanoLE  = []byte{0x4d, 0x3c, 0xb2, 0xa1} // 0xa1b23c4d little-endian
	pcapNanoBE  = []byte{0xa1, 0xb2, 0x3c, 0x4d}
	pcapngSHB   = []byte{0x0a, 0x0d, 0x0d, 0x0a} // section header block type
)

// sniff recognises a capture format by the first four bytes of the file.
func sniff(magic []byte) Format {
	if len(magic) < 4 {
		return FormatUnknown
	}
	m := magic[:4]
	switch {
	case bytes.Equal(m, pcapMicroLE), bytes.Equal(m, pcapMicroBE),
		bytes.Equal(m, pcapNanoLE), bytes.Equal(m, pcapNanoBE):
		return FormatPcap
	case bytes.Equal(m, pcapngSHB):
		return FormatPcapng
	}
	return FormatUnknown
}

// otherFormats are files that people hand to a pcap reader by mistake, by their first
// bytes, with the fix.
var otherFormats = []struct {
	magic []byte
	what  string
	hint  string
}{
	{[]byte{0xa1, 0xb2, 0xcd, 0x34}, "a modified (Kuznetzov) pcap file", "convert it with editcap -F pcap IN OUT"},
	{[]byte{0x34, 0xcd, 0xb2, 0xa1}, "a modified (Kuznetzov) pcap file", "convert it with editcap -F pcap IN OUT"},
	{[]byte("BZh"), "bzip2-compressed", "decompress it first with bzip2 -d"},
	{[]byte{0xfd, '7', 'z', 'X', 'Z', 0}, "xz-compressed", "decompress it first with xz -d"},
	{[]byte{0x28, 0xb5, 0x2f, 0xfd}, "zstd-compressed", "decompress it first with zstd -d"},
	{[]byte{0x04, 0x22, 0x4d, 0x18}, "lz4-compressed", "decompress it first with lz4 -d"},
	{[]byte("<?xml"), "an XML file (PDML?)", hintNlmon},
}

// notCaptureError is the error for input that is not a capture. magic holds the first
// bytes of the (decompressed) input, up to four.
func notCaptureError(s *stream, magic []byte) *Error {
	if len(magic) == 0 {
		if s.gzip {
			return s.errorf(ErrNotCapture, 0, -1, hintNlmon, nil, "gzip data is empty")
		}
		return s.errorf(ErrNotCapture, 0, -1, hintNlmon, nil, "empty file")
	}
	head, _ := s.br.Peek(8)
	for _, o := range otherFormats {
		if bytes.HasPrefix(head, o.magic) {
			return s.errorf(ErrNotCapture, 0, -1, o.hint, nil, "not a pcap or pcapng file: %s", o.what)
		}
	}
	what := "not a pcap or pcapng file"
	if s.gzip {
		what = "gzip data is not a pcap or pcapng file"
	}
	if len(magic) < 4 {
		return s.errorf(ErrNotCapture, 0, -1, hintNlmon, nil, "%s (only %d bytes: % x)", what, len(magic), magic)
	}
	return s.errorf(ErrNotCapture, 0, -1, hintNlmon, nil, "%s (starts with % x)", what, magic[:4])
}
