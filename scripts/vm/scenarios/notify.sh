# Changes with multicast notifications: two "ip monitor" listeners (so every rtnetlink
# notification is delivered, and tapped, twice) and "tc monitor" while links, addresses,
# routes, neighbours, rules, nexthops and qdiscs are added and removed.
# Produces notify.

sysctl -qw net.core.fb_tunnels_only_for_init_net=2
modprobe -a 8021q bridge 2>/dev/null

cap_start notify
desc "Changes with notifications: 'ip monitor all', 'ip -t monitor link address route neigh rule nexthop' and 'tc monitor' listen while links, addresses, routes, neighbours, rules, nexthops, qdiscs, classes, filters, a vlan and a bridge port are added, changed and removed; every rtnetlink notification appears once per listening socket."
bg monitor-all ip monitor all
bg monitor-t ip -t monitor link address route neigh rule nexthop
bg tc-monitor tc monitor
run ip link add dummy0 type dummy
run ip link add veth0 type veth peer name veth1
run ip link set dummy0 up
run ip link set veth0 up
run ip link set veth1 up
run ip link set dummy0 mtu 1400
run ip link set dummy0 alias "uplink"
run ip addr add 10.0.0.1/24 dev dummy0
run ip addr add 2001:db8::1/64 dev dummy0 nodad
run ip addr add 192.168.1.1/24 dev veth0
run ip route add 198.51.100.0/24 via 10.0.0.254
run ip route replace 198.51.100.0/24 via 10.0.0.253 metric 10
run ip -6 route add 2001:db8:100::/48 via 2001:db8::2
run ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev dummy0 nud permanent
run ip neigh change 10.0.0.2 lladdr 02:00:00:00:00:22 dev dummy0 nud permanent
run ip neigh del 10.0.0.2 dev dummy0
run ip rule add from 10.0.0.0/8 table 100 pref 1000
run ip rule del pref 1000
run ip nexthop add id 1 via 10.0.0.2 dev dummy0
run ip nexthop add id 2 via 192.168.1.2 dev veth0
run ip nexthop add id 3 group 1/2
run ip route add 10.250.0.0/16 nhid 3
run ip nexthop del id 1
run ip nexthop flush
run tc qdisc add dev dummy0 root handle 1: htb default 10
run tc class add dev dummy0 parent 1: classid 1:10 htb rate 10mbit
run tc filter add dev dummy0 parent 1: protocol ip prio 1 matchall classid 1:10
run tc qdisc replace dev dummy0 root fq_codel
run tc qdisc del dev dummy0 root
run ip link add link dummy0 name dummy0.10 type vlan id 10
run ip link add br0 type bridge
run ip link set veth1 master br0
run ip link set veth1 nomaster
run ip link del br0
run ip route del 198.51.100.0/24
run ip -6 route del 2001:db8:100::/48
run ip addr del 10.0.0.1/24 dev dummy0
run ip -6 addr flush dev dummy0
run ip link set dummy0 down
run ip link del dummy0
run ip link del veth0
cap_stop
