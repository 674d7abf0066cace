#!/usr/bin/env bash
# An output folder is one run's (1-hour runs on a 12 km grid):
#  1. a second run into a folder another run holds is refused at set-up with one line naming the
#     folder and the holder, and writes nothing (with 2 MPI ranks too, none left waiting);
#  2. a fresh run into a used folder is refused, naming --overwrite; with --overwrite no file of
#     the first run is left, and the user's own files stay;
#  3. a restart continues its checkpoint's run id, and is refused in another run's folder;
#  4. kctm validate and kctm attain refuse a folder that mixes two runs' files.
# Usage: output_folder.sh PATH/TO/kctm
set -euo pipefail
kctm=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
[[ -z ${KEEP:-} ]] || trap - EXIT
cd "$here/../.."  # the default config's relative paths
small=(--hours 1 --set grid.dx_km=12)
fail() { echo "output_folder: $*"; exit 1; }
run_id() { ncdump -h "$1" | sed -n 's/^\s*:kctm_run_id = "\(.*\)" ;$/\1/p'; }
# refused NAME PATTERN ARGS...: kctm ARGS fails (exit 1) with one stderr line matching PATTERN.
refused() {
  local name=$1 pattern=$2; shift 2
  local rc=0
  "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
  [[ $rc -eq 1 ]] || { cat "$work/$name.err"; fail "$name: exit $rc, expected 1"; }
  [[ $(grep -c 'kctm: error:' "$work/$name.err") -eq 1 && $(wc -l <"$work/$name.err") -eq 1 ]] ||
    [[ $name == mpi_* && $(grep -c 'kctm: error:' "$work/$name.err") -eq 1 ]] ||
    { cat "$work/$name.err"; fail "$name: not one error line"; }
  grep -qE -- "$pattern" "$work/$name.err" || { cat "$work/$name.err"; fail "$name: no '$pattern'"; }
  echo "ok   $name: $(grep 'kctm: error:' "$work/$name.err")"
}

# 1. The folder's lock held (as a running kctm holds it) by another process.
mkdir "$work/held"
echo "run R1, pid 4242 on elsewhere, started 2019-01-01T00:00:00Z" >"$work/held/.kctm.lock"
(exec 9>>"$work/held/.kctm.lock" && flock 9 && exec sleep 600) &
holder=$!
for _ in $(seq 50); do flock -n "$work/held/.kctm.lock" true || break; sleep 0.1; done
refused held "^kctm: error: $work/held: the output folder is in use by run R1, pid 4242 on elsewhere, started 2019-01-01T00:00:00Z \(wait for that run to end" \
  "$kctm" demo "${small[@]}" --out "$work/held"
! compgen -G "$work/held/kctm_*" >/dev/null || fail "held: output written"
if command -v mpirun >/dev/null; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
  refused mpi_held "$work/held: the output folder is in use by run R1" \
    timeout 120 mpirun --oversubscribe -x OMP_NUM_THREADS=1 -np 2 "$kctm" demo "${small[@]}" --out "$work/held"
fi
kill "$holder"; wait "$holder" 2>/dev/null || true
# A run that is really going: stopped once it holds the lock, while the second one starts.
"$kctm" demo --hours 3 --set grid.dx_km=12 --out "$work/busy" >"$work/busy.log" 2>&1 &
first=$!
for _ in $(seq 600); do [[ -s $work/busy/.kctm.lock ]] && break; sleep 0.05; done
kill -STOP "$first"
refused busy "^kctm: error: $work/busy: the output folder is in use by run [^ ]+, pid $first on " \
  "$kctm" demo "${small[@]}" --out "$work/busy"
kill -CONT "$first"
wait "$first" || { cat "$work/busy.log"; fail "busy: the first run failed"; }

# 2. A used folder: refused, then replaced with --overwrite. The first run spans two days and has
# source apportionment; the second, one day without it, so that leftovers would show.
"$kctm" demo --hours 2 --set grid.dx_km=12 --set time.start=2019-01-01T22:00:00+08:00 \
  --out "$work/used" >/dev/null 2>&1 || fail "used: the first run failed"
echo "the user's own" >"$work/used/notes.txt"
old=$(run_id "$work/used/kctm_conc_20190102.nc")
refused used "^kctm: error: $work/used: holds an earlier run's files \(kctm_conc_20190101.nc and 4 more\) \(rerun with --overwrite" \
  "$kctm" demo "${small[@]}" --set source_apportionment.enabled=false --out "$work/used"
[[ $(run_id "$work/used/kctm_conc_20190102.nc") == "$old" ]] || fail "used: the refused run touched the files"
"$kctm" demo "${small[@]}" --set time.start=2019-01-01T22:00:00+08:00 \
  --set source_apportionment.enabled=false --out "$work/used" --overwrite >"$work/overwrite.log" 2>&1 ||
  { cat "$work/overwrite.log"; fail "--overwrite: the run failed"; }
left=$(cd "$work/used" && ls)
[[ $left == $'kctm_conc_20190101.nc\nnotes.txt' ]] || fail "--overwrite left: $left"
[[ $(run_id "$work/used/kctm_conc_20190101.nc") != "$old" ]] || fail "--overwrite: the old run's id"
echo "ok   overwrite: only the new run's file and the user's notes.txt are left"

# 3. A restart goes on with its checkpoint's run id; another run's folder refuses it.
"$kctm" demo --hours 3 --set grid.dx_km=12 --set checkpoint.interval_hours=1 \
  --out "$work/chain" >"$work/chain1.log" 2>&1 &
pid=$!
for _ in $(seq 600); do [[ -e $work/chain/kctm_restart.h5 ]] && break; sleep 0.1; done
kill -TERM "$pid"
rc=0; wait "$pid" || rc=$?
[[ $rc -eq 75 ]] || { cat "$work/chain1.log"; fail "restart: exit $rc after SIGTERM, expected 75"; }
id=$(sed -n 's/.* info: run \([^ ]*\) into .*/\1/p' "$work/chain1.log")
[[ -n $id ]] || fail "restart: no run id in the log"
refused restart_used "^kctm: error: $work/used: holds another run's files \(kctm_conc_20190101.nc: [^ ]+\) than the checkpoint's run $id" \
  "$kctm" demo --hours 3 --set grid.dx_km=12 --out "$work/used" --restart "$work/chain/kctm_restart.h5"
refused fresh_on_checkpoint "holds an earlier run's files .* \(continue it with --restart $work/chain/kctm_restart.h5, or rerun with --overwrite" \
  "$kctm" demo --hours 3 --set grid.dx_km=12 --out "$work/chain"
"$kctm" demo --hours 3 --set grid.dx_km=12 --out "$work/chain" --restart "$work/chain/kctm_restart.h5" \
  >"$work/chain2.log" 2>&1 || { cat "$work/chain2.log"; fail "restart: the restart failed"; }
for f in "$work"/chain/kctm_*.nc; do
  [[ $(run_id "$f") == "$id" ]] || fail "restart: $f carries $(run_id "$f"), not $id"
done
[[ $(head -1 "$work/chain/kctm_sa_summary.csv") == "# kctm_run_id: $id" ]] || fail "restart: summary's id"
echo "ok   restart: every file carries the first part's run id $id"

# 4. Readers refuse a folder of two runs.
printf 'code,name,lon,lat\nA,city,112.57,26.89\n' >"$work/stations.csv"
printf 'station,time,pollutant,value,unit\nA,2019-01-01T01:00:00+08:00,PM2.5,40,ug/m3\n' >"$work/obs.csv"
cp "$work/used/kctm_conc_20190101.nc" "$work/chain/kctm_conc_20190102.nc"
refused validate_mixed "^kctm: error: $work/chain: files of two runs: kctm_conc_20190101.nc \(run $id\) and kctm_conc_20190102.nc \(run [^ ]+\)" \
  "$kctm" validate "$work/chain" --obs "$work/obs.csv" --stations "$work/stations.csv" --out "$work/report"
rm "$work/chain/kctm_conc_20190102.nc"
sed -i 1d "$work/chain/kctm_sa_summary.csv"
refused attain_no_id "^kctm: error: $work/chain: kctm_sa_summary.csv \(no run id\) beside kctm_conc_20190101.nc \(run $id\) \(written before kctm recorded its runs" \
  "$kctm" attain "$work/chain" --at area --scenario scenarios/hengyang-plan.yaml
echo "output_folder: locked, not overwritten unasked, one run id per folder, mixed folders refused"
