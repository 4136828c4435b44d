package genl

import "testing"

// TestPcapL2tpSeg6 checks the l2tp and SEG6 decoders on the real iproute2 traffic
// of genl-misc.pcap (see genl-misc.log): `ip sr tunsrc set 2001:db8::1`,
// `ip l2tp add tunnel tunnel_id 1 peer_tunnel_id 2 encap udp local 10.0.0.1
// remote 10.0.0.2 udp_sport 1701 udp_dport 1701`, `ip l2tp add session
// tunnel_id 1 session_id 10 peer_session_id 20` and the show dumps.
func TestPcapL2tpSeg6(t *testing.T) {
	want := map[string]string{
		"SEG6 SET_TUNSRC":     "tunsrc 2001:db8::1",
		"SEG6 GET_TUNSRC":     "tunsrc 2001:db8::1",
		"l2tp TUNNEL_CREATE":  "tunnel 1 10.0.0.1 -> 10.0.0.2",
		"l2tp SESSION_CREATE": "tunnel 1 session 10",
		"l2tp TUNNEL_GET":     "tunnel 1 10.0.0.1 -> 10.0.0.2",
		"l2tp SESSION_GET":    "tunnel 1 session 10 dev l2tpeth0",
	}
	fields := map[string]string{
		"l2tp.encap_type":               "L2TP_ENCAPTYPE_UDP (0)",
		"l2tp.udp_sport":                "1701",
		"l2tp.udp_dport":                "1701",
		"l2tp.peer_session_id":          "20",
		"l2tp.pw_type":                  "L2TP_PWTYPE_ETH (5)",
		"l2tp.stats.rx_cookie_discards": "0",
	}
	seen := map[string]bool{}
	for _, m := range decodeCapture(t, readFrames(t, "genl-misc.pcap")) {
		w, ok := want[m.TypeName]
		if !ok || m.Summary() == "" {
			continue
		}
		seen[m.TypeName] = true
		if m.TypeName == "l2tp TUNNEL_CREATE" {
			if f := m.Field("l2tp.peer_conn_id"); f == nil || f.ValueString() != "2" {
				t.Errorf("frame %d: peer_conn_id %v, want 2", m.Frame.Number, f)
			}
		}
		if got := m.Summary(); got != w {
			t.Errorf("frame %d %s: summary %q, want %q", m.Frame.Number, m.TypeName, got, w)
		}
		for name, v := range fields {
			if f := m.Field(name); f != nil {
				seen[name] = true
				if got := f.ValueString(); got != v {
					t.Errorf("frame %d %s: %s = %q, want %q", m.Frame.Number, m.TypeName, name, got, v)
				}
			}
		}
	}
	for k := range want {
		if !seen[k] {
			t.Errorf("no %s message with a summary", k)
		}
	}
	for k := range fields {
		if !seen[k] {
			t.Errorf("no message with %s", k)
		}
	}
}
