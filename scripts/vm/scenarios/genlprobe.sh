# The generic netlink families no tool in the VM speaks, asked by scripts/vm/probes/genlprobe
# (built by mkcaptures.sh into the share as ./probe): TASKSTATS (task and thread-group
# stats, cgroupstats, exit notifications), NET_DM (drop monitor: summary and packet
# alerts of UDP datagrams to a closed port), thermal (zone and cooling device dumps,
# both groups joined), devlink (dumps without devices, errors) and psample (act_sample
# on lo's ingress). Produces genl-probe.

modprobe -a drop_monitor psample act_sample cls_matchall sch_ingress 2>/dev/null
# cgroupstats answers only for cgroup v1 hierarchies: a named one without controllers
mkdir -p /tmp/cgroup-v1
quiet mount -t cgroup -o none,name=nldump cgroup /tmp/cgroup-v1
quiet tc qdisc add dev lo clsact

cap_start genl-probe
desc "TASKSTATS (TASKSTATS_CMD_GET by pid and tgid: struct taskstats replies; a missing pid; CGROUPSTATS_CMD_GET on cgroup2 and on a cgroup v1 hierarchy; REGISTER_CPUMASK, the exit notification of a child, DEREGISTER), NET_DM (CONFIG_GET, START in summary mode with NET_DM_CMD_ALERT, CONFIG to packet mode, START, NET_DM_CMD_PACKET_ALERT of UDP datagrams to a closed port on 127.0.0.1, STATS_GET, STOP), thermal (TZ_GET_ID and CDEV_GET dumps, zone queries, groups joined), devlink (GET and PORT_GET dumps with no devices, INFO_GET errors, ESWITCH_SET with a mode out of range: a policy error with ext-ACK) and psample (GET_GROUP dumps, group and sample notifications from tc action sample on lo), asked by scripts/vm/probes/genlprobe."
run ./probe
cap_stop
