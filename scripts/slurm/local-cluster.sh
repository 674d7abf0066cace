#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for testing the Slurm scripts (tests/cluster/):
#
#   scripts/slurm/local-cluster.sh start DIR   # writes its config, key, state and logs in DIR
#   export SLURM_CONF=DIR/slurm.conf           # sbatch, squeue, sinfo, scancel then use it
#   scripts/slurm/local-cluster.sh stop DIR
#
# As root (slurmd launches jobs as their users). Installs Debian's slurm-wlm and munge when missing.
# Nothing outside DIR is written: munged runs with its own key and socket in DIR, slurmctld and
# slurmd with DIR/slurm.conf; the node is "localhost" with all of this machine's CPUs and memory,
# in one partition "debug" (the default) with a MaxTime of 1 hour (kctm.sbatch's time limit: jobs
# asking more stay pending). No cgroups, no accounting: proctrack/linuxproc, task/none,
# select/cons_tres. Ports: SLURMCTLD_PORT (16817), SLURMD_PORT (16818). The daemons live until `stop` (or until the machine, or the session that started them,
# goes away: run `start` again then).
set -euo pipefail

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}
(($# == 2)) || usage
action=$1
mkdir -p "$2"
dir=$(cd "$2" && pwd)
conf=$dir/slurm.conf
ctld_port=${SLURMCTLD_PORT:-16817}
slurmd_port=${SLURMD_PORT:-16818}

log() { echo "local-cluster: $*"; }
die() {
  echo "local-cluster: error: $*" >&2
  exit 1
}

[[ $(id -u) -eq 0 ]] || die "run as root (slurmd must be able to start jobs as their users)"

install_missing() {
  local missing=() p status
  for p in slurmctld slurmd slurm-client munge; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ $status == "install ok installed" ]] || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  log "installing ${missing[*]}"
  apt-get update -q
  # policy-rc.d-less machines may try to start the packages' own services: harmless, they use
  # /etc/slurm/slurm.conf (absent) and /run/munge, not DIR.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends slurm-wlm munge
}

# The pid in FILE, if that process is alive.
live_pid() {
  local pid
  [[ -s $1 ]] || return 1
  pid=$(<"$1")
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Waits up to $2 seconds for the process whose pid file is $1 to end.
wait_gone() {
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    live_pid "$1" >/dev/null || return 0
    sleep 0.1
  done
  return 1
}

show_logs() {
  local f
  for f in "$dir"/log/*.log; do
    [[ -e $f ]] || continue
    echo "---- $f (last 30 lines)" >&2
    tail -n 30 "$f" >&2
  done
}

write_config() {
  local host cpus mem
  host=$(hostname -s)
  cpus=$(nproc)
  # slurmd's own view of the memory (a node configured with more than slurmd finds is drained).
  mem=$(slurmd -C 2>/dev/null | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' | head -n 1)
  [[ -n $mem ]] || mem=$(($(awk '/^MemTotal:/ {print $2}' /proc/meminfo) / 1024))
  cat >"$conf" <<EOF
# Written by scripts/slurm/local-cluster.sh: a one-node test cluster, everything inside $dir.
ClusterName=kctm-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
SwitchType=switch/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
ReturnToService=2
# Finished jobs stay visible to squeue/scontrol for 10 minutes (the chain test reads them).
MinJobAge=600
# Seconds between SIGTERM and SIGKILL at a time limit or scancel.
KillWait=30
NodeName=localhost NodeHostname=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=60 State=UP
EOF
}

start() {
  install_missing
  if live_pid "$dir/run/slurmctld.pid" >/dev/null || live_pid "$dir/run/slurmd.pid" >/dev/null; then
    die "a cluster from $dir is running already (stop it first: $0 stop $dir)"
  fi
  mkdir -p "$dir"/{munge,state,spool,run,log}
  chmod 700 "$dir" "$dir/munge"
  write_config

  # munged: its own key and socket; --force because it runs as root here.
  head -c 1024 /dev/urandom >"$dir/munge/munge.key"
  chmod 400 "$dir/munge/munge.key"
  munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
    --pid-file="$dir/run/munged.pid" --log-file="$dir/log/munged.log" \
    --seed-file="$dir/munge/munged.seed" ||
    {
      show_logs
      die "munged did not start"
    }

  slurmctld -f "$conf" || {
    show_logs
    die "slurmctld did not start"
  }
  slurmd -f "$conf" -N localhost || {
    show_logs
    die "slurmd did not start"
  }

  local i state=""
  for ((i = 0; i < 60; i++)); do
    state=$(SLURM_CONF=$conf sinfo -h -n localhost -o %T 2>/dev/null || true)
    [[ $state == idle ]] && break
    sleep 1
  done
  if [[ $state != idle ]]; then
    show_logs
    die "the node is not idle after 60 s (state: ${state:-unknown}); logs above"
  fi
  log "up: $(nproc) CPUs, state in $dir; export SLURM_CONF=$conf"
}

stop() {
  local f pid
  if [[ -f $conf ]] && live_pid "$dir/run/slurmctld.pid" >/dev/null; then
    # Stops slurmctld and the slurmd it knows; the pid files below catch the rest.
    SLURM_CONF=$conf scontrol shutdown >/dev/null 2>&1 || true
  fi
  for f in slurmd slurmctld munged; do
    pid=$(live_pid "$dir/run/$f.pid") || continue
    # The Slurm daemons end on their own after the shutdown; munged needs a signal.
    [[ $f != munged ]] && wait_gone "$dir/run/$f.pid" 10 && continue
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "$dir/run/$f.pid" 10 || kill -KILL "$pid" 2>/dev/null || true
  done
  log "stopped ($dir)"
}

case $action in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
