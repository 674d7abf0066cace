#!/usr/bin/env bash
# Strong scaling of full model steps (emissions, transport, chemistry, source apportionment: the
# default run) on a fixed grid with 1, 2, ... MPI ranks of THREADS OpenMP threads each. Reports per
# rank count the time of the step loop (kctm's own clock, set-up excluded), cell-steps per second,
# the speed-up over the first rank count and the parallel efficiency (speed-up / ranks ratio), as a
# table and as JSON.
# Usage: benchmarks/strong_scaling.sh [KCTM] [RANKS...]     (default: build/kctm 1 2)
# Settings: DX_KM (grid, 1), HOURS (simulated hours, 1), THREADS (per rank, 1),
#           OUT (JSON, build/strong_scaling.json),
#           EXTRA (more kctm arguments, e.g. "--set source_apportionment.enabled=false").
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
kctm=$(realpath "${1:-$repo/build/kctm}")
shift || true
if (($#)); then ranks_list=("$@"); else ranks_list=(1 2); fi
dx=${DX_KM:-1} hours=${HOURS:-1} threads=${THREADS:-1} out=${OUT:-$repo/build/strong_scaling.json}
cores=$(nproc)
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rows=()
base=""
printf '%6s %8s %12s %10s %14s %9s %11s\n' ranks threads grid "loop [s]" cell-steps/s speed-up efficiency
for n in "${ranks_list[@]}"; do
  # Each rank bound to its own THREADS cores (Open MPI binds a rank to one core by default).
  # shellcheck disable=SC2086
  (cd "$repo" && OMP_NUM_THREADS=$threads mpirun --oversubscribe --map-by "slot:PE=$threads" \
    -x OMP_NUM_THREADS -np "$n" \
    "$kctm" demo --hours "$hours" --out "$work/r$n" --set grid.dx_km="$dx" \
    --set checkpoint.interval_hours=0 ${EXTRA:-}) >"$work/r$n.log" 2>&1 ||
    { tail -5 "$work/r$n.log"; echo "strong_scaling: the $n-rank run failed"; exit 1; }
  # "N steps (M advection sub-steps) in S s on NX x NY x NZ cells"
  read -r steps seconds nx ny nz < <(sed -nE \
    's/.* ([0-9]+) steps \([0-9]+ advection sub-steps\) in ([0-9.]+) s on ([0-9]+) x ([0-9]+) x ([0-9]+) cells.*/\1 \2 \3 \4 \5/p' \
    "$work/r$n.log" | tail -1)
  [[ -n ${seconds:-} ]] || { echo "strong_scaling: no timing line in the $n-rank log"; exit 1; }
  rate=$(awk -v s="$steps" -v t="$seconds" -v c="$((nx * ny * nz))" 'BEGIN{printf "%.4g", c*s/t}')
  [[ -n $base ]] || base=$seconds
  speedup=$(awk -v b="$base" -v t="$seconds" 'BEGIN{printf "%.3f", b/t}')
  eff=$(awk -v s="$speedup" -v n="$n" -v n0="${ranks_list[0]}" 'BEGIN{printf "%.3f", s*n0/n}')
  printf '%6s %8s %12s %10s %14s %9s %11s\n' "$n" "$threads" "${nx}x${ny}x${nz}" "$seconds" "$rate" \
    "$speedup" "$eff"
  rows+=("{\"ranks\": $n, \"threads_per_rank\": $threads, \"steps\": $steps, \"loop_s\": $seconds, \"cell_steps_per_s\": $rate, \"speedup\": $speedup, \"efficiency\": $eff}")
done
{
  echo "{\"benchmark\": \"strong_scaling\", \"dx_km\": $dx, \"hours\": $hours, \"cores\": $cores,"
  echo " \"extra\": \"${EXTRA:-}\","
  echo " \"grid\": [$nx, $ny, $nz], \"runs\": ["
  (IFS=,; echo "  ${rows[*]}")
  echo " ]}"
} >"$out"
echo "strong_scaling: $out"
