# Helpers for capture scenarios (bash, sourced inside the VM by /job/main).
#
#   cap_start NAME [tcpdump args...]   start "tcpdump -i nlmon0 -U -w /out/NAME.pcap"; the
#                                      transcript of commands goes to /out/NAME.log
#                                      (CAP_IF=any cap_start ... captures on another interface)
#   run CMD...                         run a command, log "$ CMD", its output and exit status
#   try CMD...                         same, but a failure is expected (exit status logged)
#   batch TOOL [OPTS...] <<EOF        run TOOL OPTS -batch with the here-document's commands
#   bg NAME CMD...                     start a background listener (e.g. ip monitor); its output
#                                      goes to the transcript when the capture stops
#   desc TEXT...                       describe the open capture (first lines of the transcript,
#                                      used by scripts/mkcaptures.sh for the README)
#   cap_stop                           stop listeners and tcpdump (SIGTERM), wait for the file
#
# Only one capture is open at a time. Commands outside cap_start/cap_stop are not logged and
# are not captured (use `quiet CMD...` for setup that must not fail silently).

OUT=${OUT:-/out}
CAP_NAME=""
CAP_PID=""
CAP_LOG=/dev/null
CAP_T0=0
BG_PIDS=()
BG_NAMES=()

# setup commands: no transcript, report failures on the console
quiet() {
	"$@" >/tmp/quiet.out 2>&1 || { echo "setup failed ($?): $*" >&2; cat /tmp/quiet.out >&2; return 0; }
}

cap_start() {
	local name=$1; shift
	[ -z "$CAP_PID" ] || cap_stop
	CAP_NAME=$name
	CAP_LOG=$OUT/$name.log
	: >"$CAP_LOG"
	tcpdump -i "${CAP_IF:-nlmon0}" --immediate-mode -U -Z root -B 16384 -w "$OUT/$name.pcap" "$@" 2>/tmp/tcpdump.$name.err &
	CAP_PID=$!
	local i
	for i in $(seq 100); do
		grep -q 'listening on' /tmp/tcpdump.$name.err 2>/dev/null && break
		kill -0 $CAP_PID 2>/dev/null || break
		sleep 0.1
	done
	sleep 0.2
	echo "=== capture $name started"
}

desc() { printf '# %s\n' "$*" >>"$CAP_LOG"; }

# shell-quote the arguments (so the transcript shows commands that can be pasted)
_quote() {
	local a out=""
	for a; do
		if [[ $a =~ ^[][A-Za-z0-9_./:=,@%+^-]+$ ]]; then out+="$a "; else out+="'${a//\'/\'\\\'\'}' "; fi
	done
	printf '%s' "${out% }"
}
_log_cmd() { local c; c=$(_quote "$@"); printf '$ %s\n' "$c" >>"$CAP_LOG"; echo "[$CAP_NAME] \$ $c"; }

run() {
	_log_cmd "$@"
	local rc
	"$@" >/tmp/run.out 2>&1
	rc=$?
	cat /tmp/run.out >>"$CAP_LOG"
	[ $rc = 0 ] || { echo "[exit status $rc]" >>"$CAP_LOG"; echo "[$CAP_NAME] unexpected exit $rc: $(head -c 300 /tmp/run.out)"; }
	return 0
}

try() {
	_log_cmd "$@"
	local rc
	"$@" >/tmp/run.out 2>&1
	rc=$?
	cat /tmp/run.out >>"$CAP_LOG"
	echo "[exit status $rc]" >>"$CAP_LOG"
	echo "[$CAP_NAME]   -> $rc: $(head -c 200 /tmp/run.out | tr '\n' ' ')"
	return 0
}

# count CMD...: like run, but only the number of output lines goes to the transcript
count() {
	local c; c=$(_quote "$@")
	printf '$ %s | wc -l\n' "$c" >>"$CAP_LOG"; echo "[$CAP_NAME] \$ $c | wc -l"
	local rc
	"$@" >/tmp/run.out 2>&1
	rc=$?
	wc -l </tmp/run.out >>"$CAP_LOG"
	[ $rc = 0 ] || { echo "[exit status $rc]" >>"$CAP_LOG"; echo "[$CAP_NAME] unexpected exit $rc"; }
	return 0
}

# batch TOOL [OPTS...] <<EOF ... EOF: run "TOOL OPTS -batch FILE" with the here-document as
# FILE (one process for many commands: tc/bridge dump all links at start-up, once per process)
BATCH_N=0
batch() {
	BATCH_N=$((BATCH_N + 1))
	local f=/tmp/batch.$BATCH_N
	cat >"$f"
	printf '$ %s -batch - <<EOF\n' "$(_quote "$@")" >>"$CAP_LOG"
	cat "$f" >>"$CAP_LOG"
	echo EOF >>"$CAP_LOG"
	echo "[$CAP_NAME] \$ $* -batch ($(wc -l <"$f") commands)"
	local rc
	"$@" -batch "$f" >/tmp/run.out 2>&1
	rc=$?
	cat /tmp/run.out >>"$CAP_LOG"
	[ $rc = 0 ] || { echo "[exit status $rc]" >>"$CAP_LOG"; echo "[$CAP_NAME] unexpected exit $rc: $(head -c 300 /tmp/run.out)"; }
	return 0
}

bg() {
	local name=$1; shift
	local c; c=$(_quote "$@")
	printf '$ %s &    # background listener "%s"\n' "$c" "$name" >>"$CAP_LOG"
	echo "[$CAP_NAME] \$ $c &"
	"$@" >/tmp/bg.$name.out 2>&1 &
	BG_PIDS+=($!)
	BG_NAMES+=("$name")
	sleep 0.3
}

cap_stop() {
	[ -n "$CAP_PID" ] || return 0
	# let late replies/notifications arrive (tcpdump runs in immediate mode, so what the
	# tap has delivered is written before SIGTERM)
	sleep 1
	local i
	for i in "${!BG_PIDS[@]}"; do
		kill -TERM "${BG_PIDS[$i]}" 2>/dev/null
		wait "${BG_PIDS[$i]}" 2>/dev/null
		{
			echo "--- output of background listener \"${BG_NAMES[$i]}\":"
			cat /tmp/bg.${BG_NAMES[$i]}.out
		} >>"$CAP_LOG"
	done
	BG_PIDS=()
	BG_NAMES=()
	sleep 0.3
	kill -TERM "$CAP_PID" 2>/dev/null
	wait "$CAP_PID" 2>/dev/null
	echo "=== capture $CAP_NAME stopped: $(grep -E 'captured|dropped' /tmp/tcpdump.$CAP_NAME.err | tr '\n' ' ')"
	CAP_PID=""
	CAP_NAME=""
	CAP_LOG=/dev/null
}

# kernel version into the transcript dir (for the README)
uname -r >"$OUT/KERNEL" 2>/dev/null || true
