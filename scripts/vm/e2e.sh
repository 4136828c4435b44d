#!/bin/bash
# End-to-end test of live capture (nldump -i) on a real kernel with nlmon, in the qemu VM.
#
#   scripts/vm/e2e.sh            # TestLiveVM, TestTUILiveVM: -i auto creates nlmon1, captures iproute2 and
#                                # genl traffic, -w file decodes like the live output, the
#                                # interface goes on SIGINT, SIGTERM and -c; nlmon0 stays
#   scripts/vm/e2e.sh --load [N] # TestLiveVMLoad: N (100000) route additions with ip -batch,
#                                # captured with -i auto -w: no drops, every request and ACK
#
# Builds cmd/nldump's test binary statically (it doubles as the nldump command) and runs it
# with scripts/vm/run.sh; the exit status is the test's (125: the VM gave none).
set -euo pipefail
cd "$(dirname "$0")/../.."

mode=(-test.run '^(TestLiveVM|TestTUILiveVM)$' -nldump.vm)
if [ "${1:-}" = "--load" ]; then
	mode=(-test.run '^TestLiveVMLoad$' -nldump.vm-load -nldump.vm-routes "${2:-100000}")
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nldump-e2e.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
CGO_ENABLED=0 go test -c -o "$tmp/nldump.test" ./cmd/nldump

# The VM image (kernel .deb download, initramfs) first, so that a failure to get the
# kernel says so instead of looking like a test failure.
if ! scripts/vm/build.sh >/dev/null 2>"$tmp/build.err"; then
	cat "$tmp/build.err" >&2
	echo "e2e.sh: cannot build the VM image (see above: is the Debian kernel package downloadable? apt-get update; host packages: qemu-system-x86 busybox-static cpio kmod iproute2 tcpdump file)" >&2
	exit 1
fi

start=$(date +%s)
set +e
scripts/vm/run.sh --test "$tmp/nldump.test" -test.v -test.timeout 10m "${mode[@]}"
rc=$?
set -e
echo "e2e.sh: status $rc after $(($(date +%s) - start)) s in the VM"
if [ "$rc" = 125 ]; then
	echo "e2e.sh: the VM reported no exit status (timeout or boot failure)" >&2
fi
exit "$rc"
