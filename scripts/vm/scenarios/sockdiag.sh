# sock_diag (NETLINK_SOCK_DIAG, protocol 4): ss over TCP, UDP, unix, netlink and packet sockets.
# Produces sockdiag.

syslogd -n -O /tmp/messages &            # a unix datagram socket at /dev/log
sleep 600 | nc -l -p 8080 >/dev/null &   # TCP listeners (busybox nc; stdin kept open)
nc -l -p 8081 >/dev/null &
sleep 0.3
(exec 3<>/dev/tcp/127.0.0.1/8080; sleep 600) &  # an established connection (bash /dev/tcp)
(exec 3<>/dev/udp/127.0.0.1/5353; sleep 600) &  # a connected UDP socket
ip monitor link >/dev/null &             # a netlink socket with groups
sleep 0.5

cap_start sockdiag
desc "sock_diag requests and dumps made by ss (inet_diag for TCP/UDP in IPv4 and IPv6, unix_diag, netlink_diag, packet_diag), with TCP info/memory extensions, against a TCP listener, an established TCP connection on lo, a UDP socket, a unix datagram socket, netlink sockets and tcpdump's own packet socket."
run ss -tan
run ss -tanie
run ss -tinm state established
run ss -uan
run ss -xa
run ss -a -A netlink
run ss -0 -a
run ss -tln -6
run ss -tan dst 127.0.0.1 sport = :8080
cap_stop
