# Failing requests: errors with and without extended-ACK messages / offsets.
# Produces errors.

sysctl -qw net.core.fb_tunnels_only_for_init_net=2
modprobe -a 8021q vxlan 2>/dev/null
quiet ip link add dummy0 type dummy
quiet ip link add dummy1 type dummy
quiet ip link add veth0 type veth peer name veth1
quiet ip link add vxlan0 type vxlan id 42 dstport 4789
quiet ip link set dummy0 up
quiet ip link set veth0 up
quiet ip addr add 10.0.0.1/24 dev dummy0
quiet ip nexthop add id 1 via 10.0.0.2 dev dummy0
quiet tc qdisc add dev dummy0 root handle 1: htb

cap_start errors
desc "Failing requests: NLMSG_ERROR with negative errno, the echoed request and (where the kernel sets one) extended-ACK message/offset; a few client-side failures that send nothing or only a name lookup."
try ip link set veth0 mtu 100000
try ip link set veth0 mtu 10
try ip link add link dummy0 name v0 type vlan id 5000
try ip link add x type nosuchkind
try ip link add dummy0 type dummy
try ip link add vxlan1 type vxlan id 42 dstport 4789
try ip link set dummy0 master dummy1
try ip link property add dev dummy0 altname dummy1
try ip link set dev nosuchdev up
try ip addr add 10.0.0.1/24 dev dummy0
try ip addr del 10.9.9.9/24 dev dummy0
try ip route add 10.10.0.0/16 via 10.99.99.1
try ip -6 route add 2001:db8:dead::/48 via fe80::1
try ip route del 10.11.0.0/16
try ip route add 10.12.0.0/16 via 10.0.0.2 dev veth0
try ip route get 10.0.0.5 from 10.0.0.77 iif veth1
try ip nexthop add id 100 via 10.99.99.1 dev dummy0
try ip nexthop add id 1 via 10.0.0.3 dev dummy0
try ip nexthop add id 101 group 1/999
try ip nexthop del id 42
try ip route add 10.13.0.0/16 nhid 77
try ip rule add from 10.0.0.0/8 goto 1 pref 100
try ip rule del pref 4242
try ip neigh del 10.0.0.99 dev dummy0
try ip -6 addr add 2001:db8::5/64 dev dummy0 valid_lft 10 preferred_lft 20
try tc qdisc add dev dummy0 root handle 1: htb
try tc qdisc del dev dummy1 root
try tc filter add dev dummy0 parent 9999: protocol ip prio 1 matchall action drop
try tc class add dev dummy0 parent 5: classid 5:1 htb rate 1mbit
try genl ctrl get name nosuchfamily
try ip -6 route add 2001:db8:1::/64 dev dummy0 table 100 nhid 1
try ip link set dummy0 netns 4242
try ip nexthop bucket show id 999
try ip nexthop bucket show id 1
try ip nexthop show id 999
cap_stop
