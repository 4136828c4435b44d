# rtnetlink state + dumps: links, addresses, routes, neighbours, rules, nexthops, tc, bridge.
# Produces rtnl-setup, rtnl-dumps, tc-setup, tc-dumps, bridge.
# (bash, sourced by the VM's /job/main after /usr/lib/nldump-vm/lib.sh)

# no gre0/gretap0/erspan0 fallback devices (they would bloat every link dump)
sysctl -qw net.core.fb_tunnels_only_for_init_net=2
modprobe -a 8021q vxlan bridge vrf macvlan mpls_router mpls_iptunnel mpls_gso ip_gre 2>/dev/null
sysctl -qw net.mpls.platform_labels=1000

cap_start rtnl-setup
desc "Requests creating rtnetlink state, one ip process each, with their ACKs: dummy/veth/bridge/vlan/vxlan/macvlan/vrf/gre links, altname, IPv4/IPv6 addresses, routes (gateway, multipath, metrics, blackhole/unreachable/prohibit, vrf, MPLS and seg6 encap, MPLS label route, nhid), neighbours, rules (port/uid ranges, fwmark, iif/oif, tos, suppress_prefixlength), nexthops and nexthop groups (weighted, resilient, MPLS encap)."
run ip link add dummy0 type dummy
run ip link add dummy1 address 02:00:00:00:01:01 mtu 9000 type dummy
run ip link add veth0 type veth peer name veth1
run ip link add br0 type bridge vlan_filtering 1 stp_state 0
run ip link set veth1 master br0
run ip link add link dummy0 name dummy0.100 type vlan id 100 protocol 802.1Q
run ip link add vxlan0 type vxlan id 42 dstport 4789 local 10.0.0.1 dev dummy0 ttl 64
run ip link add macvlan0 link dummy1 type macvlan mode bridge
run ip link add vrf-blue type vrf table 10
run ip link add gre1 type gre remote 10.0.0.2 local 10.0.0.1 ttl 32
run ip link set dev dummy1 master vrf-blue
run ip link property add dev dummy0 altname dummy-zero
for l in dummy0 dummy1 veth0 veth1 br0 dummy0.100 vxlan0 macvlan0 vrf-blue gre1; do run ip link set $l up; done
run ip addr add 10.0.0.1/24 dev dummy0
run ip addr add 10.0.0.100/24 dev dummy0 label dummy0:sec
run ip addr add 2001:db8::1/64 dev dummy0
run ip addr add 192.168.1.1/24 broadcast + dev veth0
run ip addr add 2001:db8:1::1/64 dev veth0 valid_lft 3600 preferred_lft 1800
run ip addr add 172.16.0.1/16 dev br0
run ip addr add 10.1.0.1/24 dev dummy1
run ip addr add 10.2.0.1 peer 10.2.0.2/32 dev gre1
run ip addr add 2001:db8:2::1/64 dev dummy0.100 nodad noprefixroute
run ip route add 198.51.100.0/24 via 10.0.0.254
run ip route add 203.0.113.0/24 nexthop via 10.0.0.2 weight 1 nexthop via 192.168.1.2 weight 3
run ip route add 192.0.2.0/24 via 10.0.0.3 metric 100 mtu 1400 advmss 1360 rtt 10ms window 65535 initcwnd 10 src 10.0.0.1 proto static
run ip route add blackhole 10.99.0.0/16
run ip route add unreachable 10.98.0.0/16
run ip route add prohibit 10.97.0.0/16
run ip route add 10.96.0.0/16 dev dummy0 table 100 scope link
run ip route add 10.95.0.0/16 via 10.1.0.254 vrf vrf-blue
run ip route add 10.200.0.0/16 encap mpls 100/200 via 10.0.0.2
run ip -f mpls route add 300 as 400 via inet 10.0.0.2 dev dummy0
run ip -6 route add 2001:db8:100::/48 via 2001:db8::2 metric 1024 pref high
run ip -6 route add 2001:db8:200::/48 nexthop via 2001:db8::2 dev dummy0 nexthop via 2001:db8:1::2 dev veth0
run ip -6 route add 2001:db8:300::/48 encap seg6 mode encap segs 2001:db8::10,2001:db8::11 dev dummy0
run ip neigh replace 10.0.0.2 lladdr 02:00:00:00:00:02 dev dummy0 nud permanent
run ip neigh add 10.0.0.3 lladdr 02:00:00:00:00:03 dev dummy0 nud reachable
run ip neigh add 2001:db8::2 lladdr 02:00:00:00:00:12 dev dummy0 nud stale
run ip neigh add proxy 10.0.0.50 dev dummy0
run ip rule add from 10.0.0.0/8 table 100 pref 1000
run ip rule add ipproto tcp dport 1000-2000 table 100 pref 1001
run ip rule add sport 5000-6000 uidrange 1000-2000 table 100 pref 1002
run ip rule add fwmark 0x10/0xff lookup 100 pref 1003
run ip rule add iif dummy0 oif veth0 table 100 pref 1004
run ip rule add to 192.0.2.0/24 tos 0x10 prohibit pref 1005
run ip rule add not from 10.0.0.0/8 table main suppress_prefixlength 0 pref 1006
run ip -6 rule add from 2001:db8::/32 table 100 pref 2000
run ip -6 rule add to 2001:db8:100::/48 ipproto udp sport 53 table 100 pref 2001
run ip nexthop add id 1 via 10.0.0.2 dev dummy0
run ip nexthop add id 2 via 192.168.1.2 dev veth0
run ip nexthop add id 3 group 1/2
run ip nexthop add id 4 group 1,2/2,3
run ip nexthop add id 5 blackhole
run ip nexthop add id 6 via 2001:db8::2 dev dummy0
run ip nexthop add id 7 group 6
run ip nexthop add id 8 encap mpls 500 via 10.0.0.2 dev dummy0
run ip nexthop add id 10 group 1/2 type resilient buckets 16 idle_timer 10 unbalanced_timer 20
run ip route add 10.250.0.0/16 nhid 3
run ip route add 10.251.0.0/16 nhid 10
run ip -6 route add 2001:db8:400::/48 nhid 7
cap_stop

cap_start rtnl-dumps
desc "rtnetlink dumps (and a few GET requests) of the state made by rtnl-setup: links, addresses, routes (IPv4, IPv6, MPLS, all tables), neighbours, proxy neighbours, rules, nexthops and resilient-group buckets, netconf, neighbour tables, address labels."
run ip link show
run ip -d link show
run ip -s link show dev dummy0
run ip addr show
run ip -6 addr
run ip route show
run ip route show table all
run ip -6 route
run ip -f mpls route
run ip route get 198.51.100.7
run ip -6 route get 2001:db8:100::1
run ip neigh
run ip -6 neigh
run ip neigh show proxy
run ip rule
run ip -6 rule
run ip nexthop
run ip nexthop bucket
run ip netconf
run ip -6 netconf
run ip ntable
run ip link show dev dummy0
run ip addrlabel
cap_stop

cap_start tc-setup
desc "One tc -batch process adding qdiscs (htb+classes, fq_codel, sfq, prio, tbf, netem, pfifo, fq, ingress, clsact), filters (u32, fw, flower, matchall, basic) and actions (gact, police, skbedit, mirred, vlan, pedit, csum); starts with tc's full link dump."
# tc dumps all links at start-up: one process for all commands keeps the capture small
batch tc <<'EOT'
qdisc add dev dummy0 root handle 1: htb default 10
class add dev dummy0 parent 1: classid 1:1 htb rate 100mbit
class add dev dummy0 parent 1:1 classid 1:10 htb rate 10mbit ceil 20mbit prio 1
class add dev dummy0 parent 1:1 classid 1:20 htb rate 1mbit burst 15k
qdisc add dev dummy0 parent 1:10 handle 10: fq_codel
qdisc add dev dummy0 parent 1:20 handle 20: sfq perturb 10
qdisc add dev dummy1 root handle 1: prio bands 3
qdisc add dev dummy1 parent 1:1 handle 11: tbf rate 1mbit burst 32kbit latency 400ms
qdisc add dev dummy1 parent 1:2 handle 12: netem delay 100ms 10ms distribution normal loss 1% duplicate 0.5%
qdisc add dev dummy1 parent 1:3 handle 13: pfifo limit 100
qdisc add dev veth0 root fq
qdisc add dev dummy0 ingress
qdisc add dev br0 clsact
filter add dev dummy0 parent 1: protocol ip prio 1 u32 match ip dst 10.0.0.0/24 match ip dport 80 0xffff flowid 1:10
filter add dev dummy0 parent 1: protocol ip prio 2 handle 5 fw flowid 1:20
filter add dev dummy0 parent ffff: protocol ip prio 1 flower ip_proto tcp dst_port 22 action gact drop
filter add dev dummy0 parent ffff: protocol all prio 2 matchall action police rate 1mbit burst 10k conform-exceed drop
filter add dev br0 ingress prio 1 protocol ip flower dst_ip 172.16.0.0/16 action skbedit mark 5 action mirred egress redirect dev veth0
filter add dev br0 egress prio 2 protocol all basic match 'meta(priority eq 0)' action vlan push id 10
filter add dev br0 egress prio 3 protocol ip u32 match ip src 1.2.3.4/32 action pedit ex munge ip ttl set 10
filter add dev br0 egress prio 4 protocol ip flower src_mac 02:00:00:00:00:01 action csum iph and tcp
actions add action gact pass index 100
EOT
cap_stop

cap_start tc-dumps
desc "tc dumps of qdiscs (with statistics), classes, filters per block/hook and actions."
run tc qdisc show
run tc -s qdisc show dev dummy1
run tc class show dev dummy0
run tc filter show dev dummy0
run tc filter show dev dummy0 ingress
run tc filter show dev br0 ingress
run tc filter show dev br0 egress
run tc actions list action gact
cap_stop

cap_start bridge
desc "bridge -batch adding VLANs (port and self), FDB entries (bridge port and vxlan remote), port attributes and an MDB entry, then bridge link/fdb/vlan/mdb dumps."
batch bridge <<'EOT'
vlan add dev veth1 vid 10 pvid untagged
vlan add dev veth1 vid 20-30
vlan add dev br0 vid 10 self
fdb add 02:00:00:00:00:aa dev veth1 master static vlan 10
fdb append 00:00:00:00:00:00 dev vxlan0 dst 10.0.0.2
fdb append 00:00:00:00:00:00 dev vxlan0 dst 10.0.0.3
link set dev veth1 cost 10 learning off
mdb add dev br0 port veth1 grp 239.1.1.1 permanent vid 10
EOT
run bridge link
run bridge fdb
run bridge vlan
run bridge -d vlan show
run bridge mdb
cap_stop
