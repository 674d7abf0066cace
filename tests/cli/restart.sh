#!/usr/bin/env bash
# Checkpoint/restart, as a batch job meets it. Over midnight (two daily files), with emissions,
# chemistry, source apportionment and horizontal diffusion on a 12 km grid:
#  1. SIGTERM mid-run: kctm finishes its step, writes the checkpoint, exits 75; --restart finishes
#     the run with output bit-identical to an uninterrupted run's.
#  2. SIGKILL after a checkpoint: no finished file is corrupt, only *.partial files are left, and
#     --restart from the last checkpoint again gives identical output.
#  3. A damaged checkpoint is refused with one line, exit 1, and nothing written.
# Usage: restart.sh PATH/TO/kctm
set -euo pipefail
kctm=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
settings=(--hours 5 --set grid.dx_km=12 --set time.start=2019-01-01T21:00:00+08:00
          --set transport.kh_m2_s=50 --set checkpoint.interval_hours=1 --set output.layers=0)
fail() { echo "restart: $*"; exit 1; }
wait_for() {  # wait_for GLOB: until a file matching GLOB exists (at most 120 s)
  for _ in $(seq 600); do compgen -G "$1" >/dev/null && return 0; sleep 0.2; done
  fail "timed out waiting for $1"
}

"$kctm" demo "${settings[@]}" --out "$work/whole" >"$work/whole.log" 2>&1
[[ ! -e $work/whole/kctm_restart.h5 ]] || fail "a finished run left its checkpoint"

# 1. SIGTERM once the first checkpoint (22:00) is there.
"$kctm" demo "${settings[@]}" --out "$work/term" >"$work/term1.log" 2>&1 &
pid=$!
wait_for "$work/term/kctm_restart.h5"
kill -TERM $pid
rc=0; wait $pid || rc=$?
[[ $rc -eq 75 ]] || { cat "$work/term1.log"; fail "SIGTERM: exit $rc, expected 75"; }
grep -q "stopped by a signal" "$work/term1.log" || fail "SIGTERM: no stop message"
"$kctm" demo "${settings[@]}" --out "$work/term" --restart "$work/term/kctm_restart.h5" \
  >"$work/term2.log" 2>&1 || { cat "$work/term2.log"; fail "SIGTERM: the restart failed"; }
"$here/same_outputs.sh" "$work/whole" "$work/term"
leftover=$(cd "$work/term" && ls | grep -v '^kctm_\(conc\|sa\)_.*\.\(nc\|csv\)$' || true)
[[ -z $leftover ]] || fail "SIGTERM: files left after the finished restart: $leftover"

# 2. SIGKILL once the checkpoint at local midnight (16:00 UTC) is there: day 1 is finished.
"$kctm" demo "${settings[@]}" --out "$work/kill" >"$work/kill1.log" 2>&1 &
pid=$!
wait_for "$work/kill/kctm_restart.20190101T160000.*"
wait_for "$work/kill/kctm_restart.h5"
sleep 1
kill -KILL $pid
wait $pid 2>/dev/null || true
for f in "$work"/kill/kctm_conc_*.nc "$work"/kill/kctm_sa_*.nc; do
  [[ -e $f ]] || continue
  ncdump -h "$f" >/dev/null || fail "SIGKILL left a corrupt $f"
done
"$kctm" demo "${settings[@]}" --out "$work/kill" --restart "$work/kill/kctm_restart.h5" \
  >"$work/kill2.log" 2>&1 || { cat "$work/kill2.log"; fail "SIGKILL: the restart failed"; }
"$here/same_outputs.sh" "$work/whole" "$work/kill"

# 3. A checkpoint with bytes changed in its data, and one of another grid, are refused.
"$kctm" demo "${settings[@]}" --out "$work/bad" >/dev/null 2>&1 &
pid=$!
wait_for "$work/bad/kctm_restart.h5"
kill -TERM $pid; wait $pid || true
cp "$work/bad/kctm_restart.h5" "$work/damaged.h5"
size=$(stat -c %s "$work/damaged.h5")
printf '\xff\xff\xff\xff\xff\xff\xff\xff' |
  dd of="$work/damaged.h5" bs=1 seek=$((size / 2)) conv=notrunc status=none
refused() {  # refused NAME PATTERN ARGS...: one error line naming the file, exit 1, no output
  local name=$1 pattern=$2; shift 2
  local rc=0
  "$kctm" demo "${settings[@]}" --out "$work/$name" "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
  [[ $rc -eq 1 ]] || fail "$name: exit $rc, expected 1"
  [[ $(wc -l <"$work/$name.err") -eq 1 ]] || { cat "$work/$name.err"; fail "$name: not one line"; }
  grep -q "$pattern" "$work/$name.err" || { cat "$work/$name.err"; fail "$name: no '$pattern'"; }
  ! compgen -G "$work/$name/kctm_*" >/dev/null || fail "$name: output written"
  cat "$work/$name.err"
}
refused damaged "damaged.h5: corrupt checkpoint" --restart "$work/damaged.h5"
refused other_grid "different run: grid" --set grid.dx_km=9 --restart "$work/bad/kctm_restart.h5"
refused not_hdf5 "not an HDF5 file" --restart "$here/restart.sh"
echo "restart: SIGTERM and SIGKILL restarts identical to the uninterrupted run; bad checkpoints refused"
