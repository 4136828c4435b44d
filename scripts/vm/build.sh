#!/bin/bash
# Build a bootable Debian kernel + initramfs for making real netlink captures (nlmon).
#
#   scripts/vm/build.sh            # prints the cache dir when done
#
# Everything heavy lives in ${NLDUMP_VM_CACHE:-$HOME/.cache/nldump-vm}, never in the repo:
#   deb/                     the kernel .deb (apt-get download, no root needed)
#   kernel-$KVER/            the unpacked package
#   vmlinuz                  -> kernel image
#   base.cpio.gz             busybox, host userspace tools + their shared libraries,
#                            network modules with modules.dep, /init
#   KVER                     the kernel version
#
# The kernel package is linux-image-amd64's current dependency unless NLDUMP_VM_KPKG names
# one (e.g. NLDUMP_VM_KPKG=linux-image-6.1.0-56-amd64). Rebuilding is skipped when the
# image is newer than this script and the tools it copies; NLDUMP_VM_REBUILD=1 forces it.
#
# Host packages needed: qemu-system-x86 busybox-static cpio kmod iproute2 tcpdump;
# optional (copied when present): ethtool nftables conntrack wireguard-tools iw bash strace.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${NLDUMP_VM_CACHE:-$HOME/.cache/nldump-vm}
mkdir -p "$CACHE/deb"

log() { echo "build.sh: $*" >&2; }

for t in busybox cpio gzip depmod dpkg-deb apt-get ldd; do
	command -v "$t" >/dev/null || { log "missing host tool: $t"; exit 1; }
done
BUSYBOX=$(command -v busybox)
file -L "$BUSYBOX" | grep -q 'statically linked' || { log "$BUSYBOX is not static (install busybox-static)"; exit 1; }

# ---- 1. kernel ---------------------------------------------------------------------------
KPKG=${NLDUMP_VM_KPKG:-$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/{print $2; exit}')}
[ -n "$KPKG" ] || { log "cannot find the kernel package (apt-get update?)"; exit 1; }
KVER=${KPKG#linux-image-}
KDIR=$CACHE/kernel-$KVER
if [ ! -f "$KDIR/boot/vmlinuz-$KVER" ]; then
	if ! ls "$CACHE/deb/${KPKG}"_*.deb >/dev/null 2>&1; then
		log "downloading $KPKG"
		(cd "$CACHE/deb" && apt-get download "$KPKG" 2>&1 | grep -v '^W: Download is performed unsandboxed' >&2)
	fi
	rm -rf "$KDIR.tmp" && mkdir -p "$KDIR.tmp"
	dpkg-deb -x "$(ls "$CACHE/deb/${KPKG}"_*.deb | tail -1)" "$KDIR.tmp"
	# Newer kernels ship compressed modules; busybox insmod/modprobe want plain .ko files.
	find "$KDIR.tmp/lib/modules" -name '*.ko.xz' -exec xz -d {} + 2>/dev/null || true
	find "$KDIR.tmp/lib/modules" -name '*.ko.zst' -exec zstd -q --rm -d {} \; 2>/dev/null || true
	depmod -b "$KDIR.tmp" "$KVER"
	rm -rf "$KDIR" && mv "$KDIR.tmp" "$KDIR"
fi
ln -sfn "kernel-$KVER/boot/vmlinuz-$KVER" "$CACHE/vmlinuz"

# ---- 2. decide whether the initramfs is up to date -------------------------------------------
TOOLS="ip tc bridge genl ss tcpdump dumpcap ethtool nft conntrack wg devlink iw bash strace"
IMG=$CACHE/base.cpio.gz
stale=${NLDUMP_VM_REBUILD:-0}
[ -f "$IMG" ] && [ "$(cat "$CACHE/KVER" 2>/dev/null)" = "$KVER" ] || stale=1
if [ "$stale" = 0 ]; then
	for f in "$0" "$HERE/init" "$HERE/lib.sh" $(for t in $TOOLS; do command -v $t || true; done); do
		[ "$f" -nt "$IMG" ] && stale=1 && break
	done
fi
if [ "$stale" = 0 ]; then
	log "up to date: $IMG ($KVER)"
	echo "$CACHE"
	exit 0
fi

# ---- 3. initramfs tree ---------------------------------------------------------------------
ROOT=$CACHE/root
rm -rf "$ROOT"
mkdir -p "$ROOT"/{usr/bin,usr/sbin,usr/lib,usr/lib64,bb,dev,proc,sys,tmp,run,out,job,etc,root,var/run}
ln -s usr/bin "$ROOT/bin"; ln -s usr/sbin "$ROOT/sbin"
ln -s usr/lib "$ROOT/lib"; ln -s usr/lib64 "$ROOT/lib64"

# busybox applets in /bb (last on PATH, so the real tools win in bash scripts);
# modprobe must be at /sbin/modprobe for the kernel's request_module().
cp "$BUSYBOX" "$ROOT/usr/bin/busybox"
for a in $("$BUSYBOX" --list); do ln -s ../usr/bin/busybox "$ROOT/bb/$a"; done
for a in modprobe insmod rmmod lsmod depmod; do ln -sf ../bin/busybox "$ROOT/usr/sbin/$a"; done
ln -sf busybox "$ROOT/usr/bin/sh"

# copy_file PATH: copy a file to the same (canonical) place in the image; if PATH's name
# differs from the canonical one (a .so symlink), add that name as a symlink too.
copy_file() {
	local src=$1 real dir name
	real=$(readlink -f "$src")
	dir=$(readlink -f "$(dirname "$src")")
	name=$(basename "$src")
	mkdir -p "$ROOT$(dirname "$real")" "$ROOT$dir"
	[ -e "$ROOT$real" ] || cp -p "$real" "$ROOT$real"
	if [ "$dir/$name" != "$real" ] && [ ! -e "$ROOT$dir/$name" ]; then
		ln -s "$real" "$ROOT$dir/$name"
	fi
}
copy_bin() {
	local path=$1 lib
	copy_file "$path"
	for lib in $(ldd "$path" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}'); do
		copy_file "$lib"
	done
}
missing=""
for t in $TOOLS; do
	p=$(command -v "$t" 2>/dev/null || true)
	if [ -z "$p" ]; then missing="$missing $t"; continue; fi
	# keep /usr/sbin vs /usr/bin as on the host (merged /usr: resolve /sbin -> /usr/sbin)
	copy_bin "$(readlink -f "$(dirname "$p")")/$(basename "$p")"
done
[ -z "$missing" ] || log "not on the host, not in the image:$missing"
[ -d /etc/iproute2 ] && cp -a /etc/iproute2 "$ROOT/etc/"
[ -d /usr/share/iproute2 ] && mkdir -p "$ROOT/usr/share" && cp -a /usr/share/iproute2 "$ROOT/usr/share/"
for d in /usr/lib/x86_64-linux-gnu/tc /usr/lib/tc; do
	[ -d "$d" ] && mkdir -p "$ROOT$d" && cp -p "$d"/*.dist "$ROOT$d/" 2>/dev/null || true
done
printf 'root:x:0:0:root:/root:/bin/bash\ntcpdump:x:0:0::/:/bin/false\n' >"$ROOT/etc/passwd"
printf 'root:x:0:\ntcpdump:x:0:\n' >"$ROOT/etc/group"
printf '127.0.0.1 localhost\n::1 localhost\n' >"$ROOT/etc/hosts"
printf 'hosts: files\npasswd: files\ngroup: files\nprotocols: files\nservices: files\n' >"$ROOT/etc/nsswitch.conf"
for f in /etc/protocols /etc/services /etc/ethertypes; do [ -f "$f" ] && cp "$f" "$ROOT/etc/"; done

# ---- 4. modules ----------------------------------------------------------------------------
# Roots: all of net/ and the virtual network drivers, 9p for the share, mac80211_hwsim for
# nl80211; plus everything modules.dep says they need.
KM=$KDIR/lib/modules/$KVER
(
	cd "$KM"
	{
		find kernel/net -name '*.ko' ! -name '9pnet_rdma.ko' ! -name '9pnet_xen.ko'
		find kernel/drivers/net -maxdepth 1 -name '*.ko'
		find kernel/drivers/net/{bonding,team,vxlan,wireguard,ipvlan,ppp} -name '*.ko' 2>/dev/null
		find kernel/drivers/net/wireless -maxdepth 1 -name 'mac80211_hwsim.ko'
		find kernel/fs/9p kernel/drivers/virtio kernel/crypto -name '*.ko'
	} | sort -u >"$CACHE/modules.roots"
	awk -v roots="$CACHE/modules.roots" '
		BEGIN { while ((getline l < roots) > 0) want[l] = 1 }
		{ m = $1; sub(/:$/, "", m); dep[m] = ""; for (i = 2; i <= NF; i++) dep[m] = dep[m] " " $i }
		END {
			for (m in want) stack[++n] = m
			while (n > 0) {
				m = stack[n--]; if (m in seen) continue; seen[m] = 1; print m
				k = split(dep[m], d, " "); for (i = 1; i <= k; i++) if (!(d[i] in seen)) stack[++n] = d[i]
			}
		}' modules.dep | sort >"$CACHE/modules.list"
	mkdir -p "$ROOT/usr/lib/modules/$KVER"
	cpio -pdm --quiet "$ROOT/usr/lib/modules/$KVER" <"$CACHE/modules.list"
	cp modules.builtin modules.builtin.modinfo modules.order "$ROOT/usr/lib/modules/$KVER/"
)
depmod -b "$ROOT" "$KVER"
log "$(wc -l <"$CACHE/modules.list") modules"

# ---- 5. init and helpers -------------------------------------------------------------------
install -m 0755 "$HERE/init" "$ROOT/init"
mkdir -p "$ROOT/usr/lib/nldump-vm"
install -m 0644 "$HERE/lib.sh" "$ROOT/usr/lib/nldump-vm/lib.sh"
echo "$KVER" >"$ROOT/etc/nldump-vm-kernel"

(cd "$ROOT" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) | gzip -1 >"$IMG.tmp"
mv "$IMG.tmp" "$IMG"
echo "$KVER" >"$CACHE/KVER"
log "built $IMG ($(du -h "$IMG" | cut -f1), kernel $KVER)"
echo "$CACHE"
