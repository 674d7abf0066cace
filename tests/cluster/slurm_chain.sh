#!/usr/bin/env bash
# The Slurm template's restart chain on a real (one-node) Slurm: a run submitted with
# scripts/slurm/kctm.sbatch under a 1-minute time limit, with Slurm's early warning signal 15 s
# before it, goes through in several chained jobs and writes the same output as the same run in one
# piece outside Slurm. Starts the cluster with scripts/slurm/local-cluster.sh (as root; installs
# slurm-wlm and munge when missing) and stops it at the end. `make slurm-check` runs it.
#
# Usage: tests/cluster/slurm_chain.sh [PATH/TO/kctm]      (default: build/kctm)
# Settings: HOURS (simulated hours, 24), DX_KM (grid, 6), RANKS (MPI ranks, 2), LAUNCHER (mpirun),
# CHAIN_TIMEOUT (seconds, 1200), KEEP=1 keeps the work folder (always kept on failure).
#
# The run must need more than ~45 s of computing: Slurm checks time limits every 30 s and sends the
# warning up to 30 s early, so it comes 15 to 45 s into each job, and a shorter run may end within
# the first job. The default (24 h at 6 km, about 2.5 minutes on 2 cores) leaves a wide margin; 18 h
# at 9 km took 26 s on an idle machine and ended in one job. (A longer lead, e.g. @45, can signal a
# job in its first seconds, while kctm starts.)
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
kctm=$(realpath "${1:-$repo/build/kctm}")
hours=${HOURS:-24}
dx_km=${DX_KM:-6}
ranks=${RANKS:-2}
launcher=${LAUNCHER:-mpirun}
chain_timeout=${CHAIN_TIMEOUT:-1200}
name="kctm-chain-test"

say() { echo "slurm_chain: $*"; }
fail() {
  echo "slurm_chain: FAIL: $*" >&2
  exit 1
}

[[ $(id -u) -eq 0 ]] || fail "run as root (it starts munged, slurmctld and slurmd)"
[[ -x $kctm ]] || fail "no kctm binary at $kctm (make build)"
command -v ncdump >/dev/null || fail "ncdump missing (apt-get install netcdf-bin)"
cpus=$(nproc)
cpt=$((cpus / ranks))
((cpt >= 1)) || fail "RANKS=$ranks is more than the $cpus CPUs here"

work=$(mktemp -d /tmp/kctm-slurm-chain.XXXXXX)
cluster=$work/cluster
export SLURM_CONF=$cluster/slurm.conf
ok=0
cleanup() {
  if [[ -f $SLURM_CONF ]]; then
    scancel --name="$name" >/dev/null 2>&1 || true
    "$repo/scripts/slurm/local-cluster.sh" stop "$cluster" >/dev/null 2>&1 || true
  fi
  if ((ok)) && [[ ${KEEP:-0} != 1 ]]; then
    rm -rf "$work"
  else
    echo "slurm_chain: work folder kept: $work" >&2
  fi
}
trap cleanup EXIT

show_jobs_output() {
  local f
  [[ -f $work/chain.log ]] && {
    echo "---- chain log" >&2
    cat "$work/chain.log" >&2
  }
  for f in "$work"/slurm-*.out; do
    [[ -e $f ]] || continue
    echo "---- $f (last 20 lines)" >&2
    tail -n 20 "$f" >&2
  done
}

"$repo/scripts/slurm/local-cluster.sh" start "$cluster"

# The run: the default Hengyang case on a coarse grid. Relative default paths (the county outlines)
# resolve against the working directory, the same for the reference and the jobs: the repository.
printf 'time:\n  hours: %s\ngrid:\n  dx_km: %s\n' "$hours" "$dx_km" >"$work/run.yaml"

# Reference: in one piece, outside Slurm. Both runs write to $work/out (the output folder is part of
# the configuration each file records), the reference's output is then moved to $work/ref.
say "reference run: $hours h at $dx_km km, $cpus threads"
start=$SECONDS
(cd "$repo" && OMP_NUM_THREADS=$cpus "$kctm" run "$work/run.yaml" --set "output.dir=$work/out") \
  >"$work/reference.log" 2>&1 || {
  tail -n 20 "$work/reference.log" >&2
  fail "the reference run failed (log: $work/reference.log)"
}
ref_s=$((SECONDS - start))
mv "$work/out" "$work/ref"
say "reference: ${ref_s} s"

# The chain: 1-minute jobs, each warned 15 s before its limit (+ up to 30 s). SBATCH_* variables
# reach every job of the chain; the job shape (tasks, CPUs, time limit) is carried over by the
# template.
say "submitting scripts/slurm/kctm.sbatch: $ranks rank(s) x $cpt CPUs, launcher $launcher"
start=$SECONDS
first=$(cd "$repo" && SBATCH_TIMELIMIT=1 SBATCH_SIGNAL=B:USR1@15 SBATCH_OUTPUT="$work/slurm-%j.out" \
  KCTM=$kctm CONFIG=$work/run.yaml OUT=$work/out RANKS=$ranks LAUNCHER=$launcher \
  CHAIN_LOG=$work/chain.log MAX_JOBS=20 \
  sbatch --parsable --job-name="$name" --ntasks="$ranks" --cpus-per-task="$cpt" \
  scripts/slurm/kctm.sbatch) || fail "sbatch failed"
say "first job: $first"

# Wait for the chain's last word, and for its jobs to leave the queue.
while :; do
  sleep 5
  if (( SECONDS - start > chain_timeout )); then
    show_jobs_output
    fail "the chain did not finish within $chain_timeout s"
  fi
  grep -qE 'run is complete|error:' "$work/chain.log" 2>/dev/null || continue
  [[ -z $(squeue -h --name="$name" -o %i) ]] && break
done
chain_s=$((SECONDS - start))

jobs=$(grep -c ': start:' "$work/chain.log" || true)
warned=$(grep -c 'time limit near (USR1)' "$work/chain.log" || true)
continued=$(grep -c 'exited 75 .* continued by job' "$work/chain.log" || true)
say "chain: $jobs jobs in ${chain_s} s ($warned warned by Slurm, $continued continued)"
if ! grep -q 'run is complete' "$work/chain.log"; then
  show_jobs_output
  fail "the chain stopped with an error (chain log above)"
fi
if ((jobs < 2)); then
  show_jobs_output
  fail "the run ended within one job: nothing was chained (the reference took ${ref_s} s; raise HOURS)"
fi
((continued == jobs - 1 && warned >= jobs - 1)) || {
  show_jobs_output
  fail "$jobs jobs, but $continued continued after a checkpoint and $warned got Slurm's warning"
}
# Every job of the chain ended well in Slurm's eyes (finished jobs stay listed for MinJobAge).
ids=$(grep -oE "job [0-9]+ link" "$work/chain.log" | awk "{print \$2}" | sort -un)
for id in $ids; do
  state=$(scontrol show job -o "$id" 2>/dev/null | grep -oE 'JobState=[A-Z_]+' || true)
  [[ $state == JobState=COMPLETED ]] || {
    show_jobs_output
    fail "job $id: ${state:-not found}, not COMPLETED"
  }
done

# Same files, same values: tests/cli/same_outputs.sh (NetCDF values at full precision, all but
# the history and config attributes; CSVs byte for byte), and no file the reference lacks.
mapfile -t files < <(cd "$work/ref" && ls kctm_*.nc kctm_*.csv 2>/dev/null)
mapfile -t got < <(cd "$work/out" && ls kctm_*.nc kctm_*.csv 2>/dev/null)
[[ "${files[*]}" == "${got[*]}" ]] || fail "different files: reference has ${files[*]}, the chain ${got[*]}"
"$repo/tests/cli/same_outputs.sh" "$work/ref" "$work/out" ||
  fail "the chain's output differs from the uninterrupted run's"
same=0
for f in "${files[@]}"; do
  if cmp -s "$work/ref/$f" "$work/out/$f"; then same=$((same + 1)); fi
done
say "PASS: $jobs chained jobs gave the uninterrupted run's output (${#files[@]} files, $same of them byte-identical)"
ok=1
