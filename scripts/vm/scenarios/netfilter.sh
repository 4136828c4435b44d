# nfnetlink (NETLINK_NETFILTER, protocol 12): nftables with "nft monitor", conntrack with
# "conntrack -E" and traffic on lo, and nflog via tcpdump's nflog interface.
# Produces nftables, conntrack, nflog.

modprobe -a nf_tables nft_chain_nat nf_conntrack nfnetlink_log nf_conntrack_netlink nft_ct nft_log nft_limit 2>/dev/null

cap_start nftables
desc "nft with 'nft monitor' listening: transactions (NFNL_MSG_BATCH_BEGIN/END) adding a table, base and regular chains, rules with payload/meta/ct/counter/limit/log/verdict expressions, named and anonymous sets, an interval set, a map; listing the ruleset (plain and JSON); deleting a rule by handle; a failing rule (ENOENT); flush and delete."
bg nft-monitor nft monitor
run nft add table inet filter
run nft add chain inet filter input '{ type filter hook input priority 0; policy accept; }'
run nft add chain inet filter output '{ type filter hook output priority 0; policy accept; }'
run nft add chain inet filter tcp_in
run nft add set inet filter blocked '{ type ipv4_addr; flags interval; elements = { 10.0.0.0/8, 192.0.2.1 }; }'
run nft add map inet filter portmap '{ type inet_service : verdict; elements = { 22 : accept, 23 : drop }; }'
run nft add rule inet filter input ct state established,related counter accept
run nft add rule inet filter input iifname lo accept
run nft add rule inet filter input ip saddr @blocked counter drop
run nft add rule inet filter input tcp dport '{ 80, 443 }' ct state new limit rate 10/second log prefix '"http "' accept
run nft add rule inet filter input meta l4proto tcp jump tcp_in
run nft add rule inet filter tcp_in tcp dport vmap @portmap
run nft add rule inet filter output meta mark set 0x10 counter
run nft --echo --handle add rule inet filter input ip6 saddr 2001:db8::/32 drop
run nft add element inet filter blocked '{ 198.51.100.0/24 }'
run nft list ruleset
run nft -j list ruleset
run nft list tables
run nft -a list chain inet filter input
run nft delete rule inet filter input handle 8
try nft add rule inet filter nosuchchain counter
run nft flush chain inet filter tcp_in
run nft delete table inet filter
cap_stop

# conntrack needs a rule that uses it to hook in
quiet nft add table ip cttab
quiet nft add chain ip cttab in '{ type filter hook input priority 0; }'
quiet nft add rule ip cttab in ct state established,related,new counter
quiet nft add chain ip cttab out '{ type filter hook output priority 0; }'
quiet nft add rule ip cttab out ct state new counter
nc -l -p 9000 >/dev/null &
sleep 0.3

cap_start conntrack
desc "ctnetlink: 'conntrack -E' listening (new/update/destroy events) while TCP, UDP and ICMP traffic runs on lo; listing, counting, statistics, creating, updating, getting and deleting entries; flushing."
bg ct-events conntrack -E
run bash -c 'echo hello >/dev/tcp/127.0.0.1/9000'
run bash -c 'echo hello >/dev/udp/127.0.0.1/9001'
run ping -c 2 127.0.0.1
run conntrack -L
run conntrack -L -p tcp
run conntrack -C
run conntrack -S
run conntrack -I -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1000 --dport 80 --state ESTABLISHED -t 120 -u ASSURED
run conntrack -U -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1000 --dport 80 -m 7
run conntrack -G -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1000 --dport 80
run conntrack -D -p icmp
try conntrack -D -s 203.0.113.9
run conntrack -L expect
run conntrack -F
cap_stop

quiet nft add table ip logt
quiet nft add chain ip logt out '{ type filter hook output priority 0; }'
quiet nft add rule ip logt out ip daddr 127.0.0.1 udp dport 9999 log group 5 prefix '"nflog-test "'

cap_start nflog
desc "nfnetlink_log: tcpdump reading the nflog:5 interface (NFULNL config commands, then NFULNL_MSG_PACKET messages) for UDP packets matching an nft 'log group 5' rule."
bg nflog-reader tcpdump -i nflog:5 -n -c 3
run bash -c 'for i in 1 2 3; do echo x >/dev/udp/127.0.0.1/9999; done'
sleep 2   # nfnetlink_log batches packets and flushes after 1 s
cap_stop
