# xfrm (NETLINK_XFRM, protocol 6): states and policies with "ip xfrm monitor".
# Produces xfrm.

modprobe -a xfrm_user esp4 esp6 xfrm4_tunnel authenc 2>/dev/null

cap_start xfrm
desc "ip xfrm with 'ip xfrm monitor' listening: ESP states (tunnel mode with hmac(sha256)+cbc(aes), transport mode with rfc4106(gcm(aes)), IPv6), policies with templates and marks, list/get/count (SAD/SPD info), update, delete, flush."
bg xfrm-monitor ip xfrm monitor
run ip xfrm state add src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x1000 reqid 1 mode tunnel auth sha256 0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f enc aes 0x000102030405060708090a0b0c0d0e0f
run ip xfrm state add src 10.0.0.2 dst 10.0.0.1 proto esp spi 0x1001 reqid 1 mode tunnel auth sha256 0x1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100 enc aes 0x0f0e0d0c0b0a09080706050403020100
run ip xfrm state add src 10.0.0.1 dst 10.0.0.3 proto esp spi 0x2000 mode transport aead 'rfc4106(gcm(aes))' 0x000102030405060708090a0b0c0d0e0f10111213 128 replay-window 32
run ip xfrm state add src 2001:db8::1 dst 2001:db8::2 proto esp spi 0x3000 reqid 3 mode tunnel auth sha256 0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f enc aes 0x000102030405060708090a0b0c0d0e0f
run ip xfrm policy add src 10.1.0.0/24 dst 10.2.0.0/24 dir out tmpl src 10.0.0.1 dst 10.0.0.2 proto esp reqid 1 mode tunnel
run ip xfrm policy add src 10.2.0.0/24 dst 10.1.0.0/24 dir in tmpl src 10.0.0.2 dst 10.0.0.1 proto esp reqid 1 mode tunnel
run ip xfrm policy add src 10.3.0.0/24 dst 10.4.0.0/24 proto tcp dport 443 dir out priority 100 mark 0x5 mask 0xff action block
run ip xfrm state list
run ip xfrm state get src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x1000
run ip xfrm state count
run ip xfrm policy list
run ip xfrm policy count
run ip xfrm policy get src 10.1.0.0/24 dst 10.2.0.0/24 dir out
run ip xfrm state update src 10.0.0.1 dst 10.0.0.3 proto esp spi 0x2000 mode transport aead 'rfc4106(gcm(aes))' 0x000102030405060708090a0b0c0d0e0f10111213 128 replay-window 64
try ip xfrm state add src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x1000 reqid 1 mode tunnel auth sha256 0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f enc aes 0x000102030405060708090a0b0c0d0e0f
run ip xfrm state delete src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x1000
run ip xfrm policy delete src 10.1.0.0/24 dst 10.2.0.0/24 dir out
run ip xfrm policy flush
run ip xfrm state flush
cap_stop
