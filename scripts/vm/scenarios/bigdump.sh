# A large route dump: 100,000 IPv4 and 20,000 IPv6 routes added with ip -batch (not
# captured), then only the dumps are captured. mkcaptures.sh gzips the result.
# Produces route-dump-120k.

sysctl -qw net.ipv6.route.max_size=1000000 2>/dev/null
for i in 0 1 2 3; do
	quiet ip link add dummy$i type dummy
	quiet ip link set dummy$i up
	quiet ip addr add 192.168.$i.1/24 dev dummy$i
	quiet ip addr add 2001:db8:ff0$i::1/64 dev dummy$i nodad
done
# half of the routes via a gateway, the other half only via a device; some with metrics
awk 'BEGIN {
	for (i = 0; i < 100000; i++) {
		d = i % 4
		r = sprintf("route add %d.%d.%d.0/24", 10 + int(i / 65536), int(i / 256) % 256, i % 256)
		if (i % 2) r = r sprintf(" via 192.168.%d.2", d); else r = r sprintf(" dev dummy%d", d)
		if (i % 10 == 0) r = r " metric 100 proto static"
		print r
	}
}' >/tmp/v4.batch
awk 'BEGIN {
	for (i = 0; i < 20000; i++) {
		d = i % 4
		r = sprintf("route add 2001:db8:%x:%x::/64", int(i / 256), i % 256)
		if (i % 2) r = r sprintf(" via 2001:db8:ff0%d::2", d); else r = r sprintf(" dev dummy%d", d)
		print r
	}
}' >/tmp/v6.batch
t=$(date +%s)
ip -batch /tmp/v4.batch || echo "v4 batch failed" >&2
ip -6 -batch /tmp/v6.batch || echo "v6 batch failed" >&2
echo "added 120000 routes in $(($(date +%s) - t)) s"

cap_start route-dump-120k
desc "Large dumps only (the adds are not captured): 100,000 IPv4 routes (half via a gateway, half device routes, every tenth with metric 100 proto static) and 20,000 IPv6 routes on four dummy links, added beforehand with ip -batch and ip -6 -batch; frames of ~30 KB with hundreds of RTM_NEWROUTE messages each, ending in NLMSG_DONE."
count ip route show
count ip -6 route show
cap_stop
