#!/usr/bin/env bash
# Results do not depend on the rank count: the demo's setup (emissions, chemistry, source
# apportionment, horizontal diffusion) on a 12 km grid with 1, 2 and 4 MPI ranks (oversubscribed
# here) writes bit-identical files, every layer of them. A 2-rank run stopped by SIGUSR1 (which
# mpirun forwards) and restarted on 4 ranks from its checkpoint gives the same files again.
# Usage: mpi_ranks.sh PATH/TO/kctm
set -euo pipefail
kctm=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
fail() { echo "mpi_ranks: $*"; exit 1; }
command -v mpirun >/dev/null || fail "no mpirun (Debian: openmpi-bin)"
# Open MPI refuses root unless told; one thread per rank keeps 4 ranks on 2 cores bearable.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMP_NUM_THREADS=1
mpi=(mpirun --oversubscribe -x OMP_NUM_THREADS)
settings=(--hours 3 --set grid.dx_km=12 --set transport.kh_m2_s=50
          --set checkpoint.interval_hours=1 --set output.layers=0)

for n in 1 2 4; do
  "${mpi[@]}" -np $n "$kctm" demo "${settings[@]}" --out "$work/r$n" >"$work/r$n.log" 2>&1 ||
    { tail -5 "$work/r$n.log"; fail "$n ranks: the run failed"; }
done
grep -q "2 ranks: 2 x 1 blocks" "$work/r2.log" || fail "2 ranks: no 2 x 1 decomposition logged"
grep -q "4 ranks: 2 x 2 blocks" "$work/r4.log" || fail "4 ranks: no 2 x 2 decomposition logged"
"$here/same_outputs.sh" "$work/r1" "$work/r2"
"$here/same_outputs.sh" "$work/r1" "$work/r4"

"${mpi[@]}" -np 2 "$kctm" demo "${settings[@]}" --out "$work/split" >"$work/split1.log" 2>&1 &
pid=$!
for _ in $(seq 600); do [[ -e $work/split/kctm_restart.h5 ]] && break; sleep 0.2; done
[[ -e $work/split/kctm_restart.h5 ]] || fail "no checkpoint from the 2-rank run"
kill -USR1 $pid
rc=0; wait $pid || rc=$?
[[ $rc -eq 75 ]] || { tail -5 "$work/split1.log"; fail "SIGUSR1: exit $rc, expected 75"; }
"${mpi[@]}" -np 4 "$kctm" demo "${settings[@]}" --out "$work/split" \
  --restart "$work/split/kctm_restart.h5" >"$work/split2.log" 2>&1 ||
  { tail -5 "$work/split2.log"; fail "the 4-rank restart failed"; }
"$here/same_outputs.sh" "$work/r1" "$work/split"
echo "mpi_ranks: 1, 2 and 4 ranks, and 2 ranks restarted on 4, give identical files"
