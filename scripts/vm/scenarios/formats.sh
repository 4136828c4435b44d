# The same traffic recorded four ways at once: LINKTYPE_NETLINK pcap from nlmon0 (tcpdump),
# pcapng from nlmon0 (dumpcap), and tcpdump on the "any" device as LINUX_SLL and LINUX_SLL2
# (the nlmon frames appear there with ARPHRD_NETLINK 824; lo is idle).
# Produces formats.pcap, formats.pcapng, formats-sll.pcap, formats-sll2.pcap.

quiet ip link add dummy0 type dummy
quiet ip link set dummy0 up
quiet ip link add veth0 type veth peer name veth1

# the extra recorders start first, so their own start-up is not in the main capture
dumpcap -q -i nlmon0 -w /out/formats.pcapng 2>/tmp/dumpcap.err &
P1=$!
tcpdump -i any -y LINUX_SLL --immediate-mode -U -Z root -w /out/formats-sll.pcap 2>/tmp/sll.err &
P2=$!
tcpdump -i any -y LINUX_SLL2 --immediate-mode -U -Z root -w /out/formats-sll2.pcap 2>/tmp/sll2.err &
P3=$!
sleep 2

cap_start formats
desc "The same short exchange (link and address dumps, an address added and removed with a monitor listening, a failing request) recorded simultaneously as LINKTYPE_NETLINK pcap (formats.pcap, tcpdump on nlmon0), pcapng (formats.pcapng, dumpcap on nlmon0, which starts slightly earlier and also holds the start-up of the two other recorders), LINKTYPE_LINUX_SLL (formats-sll.pcap) and LINKTYPE_LINUX_SLL2 (formats-sll2.pcap), both tcpdump -i any, where netlink frames have ARPHRD type 824. The SLL files start a little earlier too (they hold each other's and formats.pcap's start-up)."
bg monitor ip monitor address
run ip link show
run ip addr show dev dummy0
run ip addr add 10.0.0.1/24 dev dummy0
run ip addr del 10.0.0.1/24 dev dummy0
try ip link set veth0 mtu 100000
run genl ctrl get name nlctrl
cap_stop
sleep 0.5
kill -TERM $P1 $P2 $P3
wait $P1 $P2 $P3
cat /tmp/dumpcap.err /tmp/sll.err /tmp/sll2.err
