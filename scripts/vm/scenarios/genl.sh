# Generic netlink: controller dump, ethtool (netlink mode), wireguard, nl80211 (mac80211_hwsim),
# and the smaller families iproute2 speaks (mptcp, fou, tcp_metrics, seg6, l2tp, devlink).
# Produces genl-ctrl, ethtool, wireguard, nl80211, genl-misc.
export WG_COLOR_MODE=never

modprobe -a wireguard fou l2tp_netlink l2tp_ip l2tp_eth tcp_metrics 2>/dev/null
modprobe mac80211_hwsim radios=1
quiet ip link add veth0 type veth peer name veth1
quiet ip link set veth0 up
quiet ip link set veth1 up
quiet ip addr add 10.0.0.1/24 dev veth0
quiet ip link add dummy0 type dummy
quiet ip link set dummy0 up
quiet ip addr add 2001:db8::1/64 dev dummy0 nodad
# generated elsewhere once, fixed here so the capture is reproducible
WG_PRIV=kEVcJQ2Un6mW5aE7zJGgqRBlBs2bNjFY4AX1eTj9k2I=
WG_PEER=xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=
echo "$WG_PRIV" >/tmp/wg.key

cap_start genl-ctrl
desc "Generic netlink controller: 'genl ctrl list' (CTRL_CMD_GETFAMILY dump with ops, policies and multicast groups of every family) and single-family gets by name and id."
run genl ctrl list
run genl ctrl get name nlctrl
run genl ctrl get name nl80211
run genl ctrl get name ethtool
run genl ctrl get id 16
cap_stop

cap_start ethtool
desc "ethtool in netlink mode (genl family 'ethtool') on a veth: link info/modes/state, driver info, features (get and set), channels (get and set), rings/coalesce/pause/EEE/FEC (not supported by veth: EOPNOTSUPP), JSON output."
run ethtool veth0
run ethtool -i veth0
run ethtool -k veth0
try ethtool -g veth0
try ethtool -c veth0
run ethtool -l veth0
try ethtool -a veth0
try ethtool --show-eee veth0
try ethtool --show-fec veth0
run ethtool -K veth0 tso off gro on
run ethtool -L veth0 rx 1 tx 1
run ethtool --json -k veth1
try ethtool -G veth0 rx 4096
cap_stop

if ip link add wg0 type wireguard 2>/dev/null; then
	cap_start wireguard
desc "WireGuard genl family: wg set (private key, listen port, one peer with allowed IPs and endpoint), wg show / dump / showconf."
	run wg set wg0 listen-port 51820 private-key /tmp/wg.key peer "$WG_PEER" allowed-ips 10.9.0.0/24,fd00::/64 endpoint 10.0.0.2:51820 persistent-keepalive 25
	run wg show
	run wg show wg0 dump
	run wg showconf wg0
	run ip -d link show dev wg0
	cap_stop
else
	echo "wireguard: not available" >&2
fi

cap_start nl80211
desc "nl80211 with one mac80211_hwsim radio: iw dev/phy (split wiphy dump)/reg get/info/channels, a scan attempt, interface type change, add and delete of a monitor interface."
run iw dev
run iw phy
run iw reg get
run iw dev wlan0 info
run iw phy phy0 channels
run ip link set wlan0 up
run iw dev wlan0 scan
run ip link set wlan0 down
run iw dev wlan0 set type monitor
run iw phy phy0 interface add mon1 type monitor
run iw dev mon1 del
cap_stop

cap_start genl-misc
desc "Small genl families spoken by iproute2: mptcp_pm (limits, endpoints), fou, tcp_metrics, SEG6 (tunsrc), l2tp (tunnel and session), devlink (no devices)."
run ip mptcp limits set subflow 2 add_addr_accepted 2
run ip mptcp endpoint add 10.0.0.1 id 1 signal
run ip mptcp endpoint show
run ip mptcp limits show
run ip fou add port 5555 ipproto 4
run ip fou show
run ip tcp_metrics show
run ip sr tunsrc set 2001:db8::1
run ip sr tunsrc show
run ip l2tp add tunnel tunnel_id 1 peer_tunnel_id 2 encap udp local 10.0.0.1 remote 10.0.0.2 udp_sport 1701 udp_dport 1701
run ip l2tp add session tunnel_id 1 session_id 10 peer_session_id 20
run ip l2tp show tunnel
run ip l2tp show session
run devlink dev show
run devlink port show
cap_stop
