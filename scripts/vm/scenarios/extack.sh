# Policy errors with every extended-ACK attribute: requests no tool sends (wrong
# attribute lengths and types, strict dump checks, missing attributes), crafted by
# scripts/vm/probes/extack (built by mkcaptures.sh into the share as ./probe).
# Produces extack.

quiet ip link add dummy0 type dummy
quiet ip link set dummy0 up
quiet ip addr add 10.0.0.1/24 dev dummy0

cap_start extack
desc "Policy errors the kernel answers with NLMSGERR_ATTR_OFFS pointing at the offending attribute, NLMSGERR_ATTR_POLICY, MISS_TYPE/MISS_NEST where reported, from requests crafted by scripts/vm/probes/extack (wrong attribute lengths and types, strict dump checks, missing attributes)."
run ./probe
cap_stop
