package all_test

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
)

// TestExtAckPointsAtAttribute checks, on real kernel answers to crafted requests
// (testdata/pcaps/extack.pcap), that every "Attribute failed policy validation"
// error points (NLMSGERR_ATTR_OFFS) at the attribute the transcript says was
// wrong, and carries its policy. The expectations come from the transcript
// (extack.log), written by the probe that sent the requests, not from nldump.
func TestExtAckPointsAtAttribute(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "pcaps")
	logf, err := os.Open(filepath.Join(dir, "extack.log"))
	if err != nil {
		t.Skip("no extack capture")
	}
	defer logf.Close()
	attrName := regexp.MustCompile(`\b(IFLA|IFA|RTA|CTRL_ATTR)_[A-Z_]+\b`)
	var want []string // per failing request: the attribute at fault, or "" when not a policy error
	var desc string
	sc := bufio.NewScanner(logf)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "$ extack: "):
			desc = strings.TrimPrefix(line, "$ extack: ")
		case strings.HasPrefix(line, "error "):
			w := ""
			if strings.Contains(line, "policy validation") {
				w = attrName.FindString(desc)
				if w == "" {
					t.Fatalf("transcript names no attribute in %q", desc)
				}
			}
			want = append(want, w)
		}
	}
	src, err := capture.Open(filepath.Join(dir, "extack.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	d := decode.NewDecoder()
	var got []string
	policies := 0
	for {
		fr, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range d.DecodeFrame(&fr, nil) {
			if m.Error == nil || m.Error.Errno == 0 {
				continue
			}
			g := ""
			if m.Error.Msg == "Attribute failed policy validation" {
				if m.Error.Target == nil {
					t.Errorf("frame %d: policy error without a resolved NLMSGERR_ATTR_OFFS (offs %d)", fr.Number, m.Error.Offs)
					continue
				}
				g = m.Error.Target.Def.CName
				if m.Field("nl_policy.type") != nil {
					policies++
				}
			}
			got = append(got, g)
		}
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("attributes pointed at:\n got %q\nwant %q", got, want)
	}
	n := 0
	for _, w := range want {
		if w != "" {
			n++
		}
	}
	if n == 0 || policies != n {
		t.Errorf("%d policy errors in the transcript, %d decoded with NLMSGERR_ATTR_POLICY", n, policies)
	}
	t.Logf("%d errors, %d pointing at an attribute with its policy", len(got), policies)
}
