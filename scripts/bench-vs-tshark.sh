#!/usr/bin/env bash
# Times nldump against tshark on the same capture, in one go, and prints the ratios:
#   nldump -V  vs  tshark -V
#   nldump -T json  vs  tshark -T json
# plus how many netlink message headers each output holds (top-level ones and those
# echoed inside NLMSG_ERROR; tshark 4.0 gives up inside large dump frames) and each
# run's peak memory.
#
#   scripts/bench-vs-tshark.sh [CAPTURE] [RUNS]
#
# CAPTURE defaults to the largest route dump in testdata/pcaps; RUNS (default 3) is
# the number of timed runs of each command (the best is kept).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
cap=${1:-}
runs=${2:-3}
if [ -z "$cap" ]; then
	for c in route-dump-120k.pcap.gz rtnl-dumps.pcap; do
		[ -f "$REPO/testdata/pcaps/$c" ] && { cap=$REPO/testdata/pcaps/$c; break; }
	done
fi
command -v tshark >/dev/null || { echo "bench-vs-tshark: tshark is not installed (apt-get install tshark)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# tshark reads .gz itself, but to compare decoding and not gunzip, both read the same
# uncompressed file.
case "$cap" in
*.gz) gunzip -c "$cap" >"$work/cap.pcap" ;;
*) cp "$cap" "$work/cap.pcap" ;;
esac
(cd "$REPO" && go build -o "$work/nldump" ./cmd/nldump)

# best_time CMD...: runs CMD $runs times with output to /dev/null (so that the disk
# does not time the output's size) and prints the best
# CPU time (user + system seconds: what the decoding costs, unaffected by other load
# on the machine) and wall time of that run; leaves its peak RSS (KiB) in $work/rss
# and, from one more untimed run, the output in $work/out.
best_time() {
	local best="" wall t rss u s
	for _ in $(seq "$runs"); do
		/usr/bin/env time -f '%e %M %U %S' -o "$work/time" "$@" >/dev/null 2>&1 || true
		read -r t rss u s <"$work/time"
		local cpu
		cpu=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')
		if [ -z "$best" ] || awk "BEGIN{exit !($cpu < $best)}"; then best=$cpu; wall=$t; echo "$rss" >"$work/rss"; fi
	done
	"$@" >"$work/out" 2>/dev/null || true # once more, untimed, for the header count
	echo "$best $wall"
}
command -v /usr/bin/time >/dev/null || { echo "bench-vs-tshark: needs GNU time (apt-get install time)" >&2; exit 1; }

f=$work/cap.pcap
echo "capture: $cap ($(du -h "$f" | cut -f1) uncompressed)"
printf '%-22s %9s %9s %9s %12s\n' command cpu-s wall-s peak-MiB headers
row() { # label "cpu wall" count
	set -- "$1" $2 "$3"
	printf '%-22s %9s %9s %9s %12s\n' "$1" "$2" "$3" "$(( $(cat "$work/rss") / 1024 ))" "$4"
}
tn=$(best_time "$work/nldump" -r "$f" -V); nv=$(grep -c 'struct nlmsghdr$' "$work/out" || true); row "nldump -V" "$tn" "$nv"
tt=$(best_time tshark -r "$f" -V); tv=$(grep -c '^    Netlink message header' "$work/out" || true); row "tshark -V" "$tt" "$tv"
jn=$(best_time "$work/nldump" -r "$f" -T json); nj=$(grep -o '"name":"nlmsg.hdr"' "$work/out" | wc -l); row "nldump -T json" "$jn" "$nj"
jt=$(best_time tshark -r "$f" -T json); tj=$(grep -c '"netlink.hdr_len"' "$work/out" || true); row "tshark -T json" "$jt" "$tj"
echo
ratio() { # label tshark "cpu wall" nldump "cpu wall"
	set -- "$1" $2 $3
	awk -v l="$1" -v tc="$2" -v tw="$3" -v nc="$4" -v nw="$5" \
		'BEGIN{printf "%-8s nldump is %.1fx faster than tshark in wall time, %.1fx in CPU time\n", l, tw/nw, tc/nc}'
}
ratio "-V:" "$tt" "$tn"
ratio "-T json:" "$jt" "$jn"
echo "(nldump decodes and prints on two goroutines, so its wall time can be below its CPU time; tshark uses one)"
