#!/bin/bash
# Boot the nldump capture VM (Debian kernel with nlmon, under qemu) and run something in it.
#
#   scripts/vm/run.sh SCENARIO.sh OUTDIR [ARGS...]
#       Runs SCENARIO.sh with bash as root in the VM, in OUTDIR, which is the host directory
#       OUTDIR shared over virtio-9p and mounted at /out. The scenario may source
#       /usr/lib/nldump-vm/lib.sh (cap_start/run/try/bg/cap_stop, see there).
#
#   scripts/vm/run.sh --test BINARY [ARGS...]
#       Copies BINARY (a static executable, e.g. from CGO_ENABLED=0 go test -c) into the VM
#       and runs it as root from /job with ARGS. NLDUMP_VM_OUT=DIR shares DIR at /out
#       (default: a temporary directory, removed afterwards).
#
# In the VM nlmon0 exists and is up, lo is up, and PATH has the host's iproute2, tcpdump,
# ethtool, nft, conntrack, wg, iw ... (real binaries, copied with their libraries) before
# busybox's applets. The guest's output goes to stdout; the exit status is the guest
# command's, or 125 when the VM did not report one (timeout, panic, boot failure).
#
# Environment: NLDUMP_VM_MEM (MiB, default 2048), NLDUMP_VM_SMP (default: host CPUs, max 4),
# NLDUMP_VM_TIMEOUT (seconds, default 900), NLDUMP_VM_CACHE (see build.sh),
# NLDUMP_VM_CONSOLE=FILE keeps the whole serial console log.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
usage() { sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] || usage

JOB=$(mktemp -d "${TMPDIR:-/tmp}/nldump-vm.XXXXXX")
trap 'rm -rf "$JOB"' EXIT
if ! "$HERE/build.sh" >"$JOB/build.out" 2>"$JOB/build.err"; then
	cat "$JOB/build.err" >&2
	echo "run.sh: build.sh failed" >&2
	exit 125
fi
grep -v '^build.sh: up to date' "$JOB/build.err" >&2 || true
CACHE=$(tail -1 "$JOB/build.out")
mkdir -p "$JOB/root/job"

if [ "$1" = "--test" ]; then
	[ $# -ge 2 ] || usage
	bin=$2; shift 2
	cp "$bin" "$JOB/root/job/test"
	chmod +x "$JOB/root/job/test"
	{
		echo 'cd /job'
		printf 'exec ./test'; printf ' %q' "$@"; echo
	} >"$JOB/root/job/main"
	OUTDIR=${NLDUMP_VM_OUT:-$JOB/out}
else
	[ $# -ge 2 ] || usage
	scenario=$1 OUTDIR=$2; shift 2
	cp "$scenario" "$JOB/root/job/scenario.sh"
	{
		echo 'source /usr/lib/nldump-vm/lib.sh'
		printf 'source /job/scenario.sh'; printf ' %q' "$@"; echo
	} >"$JOB/root/job/main"
fi
mkdir -p "$OUTDIR"
OUTDIR=$(cd "$OUTDIR" && pwd)

# The job is a second (gzip) cpio archive appended to the base image.
(cd "$JOB/root" && find . | cpio -o -H newc -R 0:0 --quiet) | gzip -1 >"$JOB/job.cpio.gz"
cat "$CACHE/base.cpio.gz" "$JOB/job.cpio.gz" >"$JOB/initrd"

ACCEL="-accel tcg"
if [ -w /dev/kvm ] && { [ -d /sys/module/kvm_intel ] || [ -d /sys/module/kvm_amd ]; }; then
	ACCEL="-enable-kvm -cpu host"
fi
SMP=${NLDUMP_VM_SMP:-$(nproc)}
[ "$SMP" -le 4 ] || SMP=4
CONSOLE=${NLDUMP_VM_CONSOLE:-$JOB/console.log}

set +e
timeout "${NLDUMP_VM_TIMEOUT:-900}" qemu-system-x86_64 $ACCEL -m "${NLDUMP_VM_MEM:-2048}" -smp "$SMP" \
	-nographic -no-reboot -nic none \
	-kernel "$CACHE/vmlinuz" -initrd "$JOB/initrd" \
	-append "console=ttyS0 quiet loglevel=3 panic=-1" \
	-virtfs "local,path=$OUTDIR,mount_tag=out,security_model=none,id=out" \
	</dev/null 2>&1 | tr -d '\r' | tee "$CONSOLE" |
	sed -u -n '/NLMON-VM-START$/,/^NLMON-VM-EXIT=/{/NLMON-VM-/!p}'
set -e
rc=$(sed -n 's/^NLMON-VM-EXIT=\([0-9]*\)$/\1/p' "$CONSOLE" | tail -1)
if [ -z "$rc" ]; then
	echo "run.sh: the VM did not report an exit status; console tail:" >&2
	tail -20 "$CONSOLE" >&2
	exit 125
fi
exit "$rc"
