#!/usr/bin/env bash
# A sampled year: a few days in every month, each run after its own spin-up, then the year's
# validation against the stations and the plan's targets from the year's apportionment.
#
# Usage: scripts/sampled-year.sh [run|report|all] [CONFIG]
#   run      runs every sampled day that has no finished output yet (a stopped run resumes from
#            its checkpoint, a failed one starts again); as a Slurm array, one task per month:
#              sbatch --array=1-12 --wrap 'MONTHS=$SLURM_ARRAY_TASK_ID scripts/sampled-year.sh run'
#   report   `kctm validate` and `kctm attain` over every finished run in YEAR_DIR
#   all      both (the default)
#   CONFIG   YAML config for `kctm run`; absent: the default configuration (`kctm demo`)
# Environment (paths relative to the repo root):
#   BUILD=build  YEAR_DIR=year  YEAR=2019  MONTHS="1 2 ... 12"
#   SAMPLES=3  runs a month, on the days `kctm climate --sample-days` chooses so that the
#            climatological weather's rain, stagnant and dry days have their month's shares
#   SAMPLE_DAYS=""  fixed days of every month instead (e.g. "5 15 25"; with WRF meteorology,
#            where the dates' own weather is run); DAYS=1 days each run keeps
#   SPINUP=1  days run before each, not kept (time.spinup_days); on the days `kctm climate`
#            chooses, more where the air over the city stays in the domain longer (stagnant
#            weather: `kctm climate --spinup-days`), up to SPINUP_MAX=5
#   SET=""  more `--set KEY=VALUE` words for every run, e.g. SET="--set grid.dx_km=9"
#   OBS=the data folder's aq-hengyang-2019/hengyang_sites_2019_hourly.csv (January-June 2019;
#       the data folder: `kctm info --data-dir`, docs/DATA.md)
#   SCENARIO=scenarios/hengyang-plan.yaml
# Writes YEAR_DIR/YYYY-MM-DD/ (each run's output and log), YEAR_DIR/validation/ (report.md,
# metrics.csv with the monthly rows, and the plots with the seasonal cycle where Debian's
# python3-matplotlib is installed: make plot-deps) and YEAR_DIR/attain.txt, attain.csv. The error of sampling
# a few days a month is estimated by scripts/sampling_error.py (docs/VALIDATION.md).
set -euo pipefail

die() {
  echo "sampled-year: $*" >&2
  exit 2
}

usage() {
  sed -n '/^# Usage:/,/^#   SCENARIO=/s/^# \{0,1\}//p' "$0" >&2
  exit 2
}

abspath() {
  case $1 in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s/%s\n' "$PWD" "$1" ;;
  esac
}

MODE=${1:-all}
CONFIG=${2:-}
[[ $MODE == run || $MODE == report || $MODE == all ]] || usage
[[ $# -le 2 ]] || usage
if [[ -n $CONFIG ]]; then CONFIG=$(abspath "$CONFIG"); fi

cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
YEAR_DIR=${YEAR_DIR:-year}
YEAR=${YEAR:-2019}
MONTHS=${MONTHS:-1 2 3 4 5 6 7 8 9 10 11 12}
SAMPLES=${SAMPLES:-3}
SAMPLE_DAYS=${SAMPLE_DAYS:-}
DAYS=${DAYS:-1}
SPINUP=${SPINUP:-1}
SPINUP_MAX=${SPINUP_MAX:-5}
SET=${SET:-}
SCENARIO=${SCENARIO:-scenarios/hengyang-plan.yaml}
KCTM=$BUILD/kctm
OBS=${OBS:-$("$KCTM" info --data-dir)/aq-hengyang-2019/hengyang_sites_2019_hourly.csv}

[[ -x $KCTM ]] || die "no $KCTM: build first (make build)"
[[ -z $CONFIG || -f $CONFIG ]] || die "no config file $CONFIG"
[[ $YEAR =~ ^[0-9]{4}$ ]] || die "YEAR must be a year, not '$YEAR'"
[[ $DAYS =~ ^[1-9][0-9]*$ ]] || die "DAYS must be a positive whole number, not '$DAYS'"
[[ $SPINUP =~ ^[0-9]+$ ]] || die "SPINUP must be a whole number of days, not '$SPINUP'"
[[ $SPINUP_MAX =~ ^[0-9]+$ ]] && ((SPINUP_MAX >= SPINUP)) ||
  die "SPINUP_MAX must be a whole number of days, at least SPINUP ($SPINUP), not '$SPINUP_MAX'"
for m in $MONTHS; do
  [[ $m =~ ^[0-9]+$ ]] && ((m >= 1 && m <= 12)) || die "MONTHS holds '$m', not a month 1-12"
done
[[ $SAMPLES =~ ^[1-9][0-9]*$ ]] || die "SAMPLES must be a positive whole number, not '$SAMPLES'"
for d in $SAMPLE_DAYS; do
  [[ $d =~ ^[0-9]+$ ]] && ((d >= 1 && d + DAYS - 1 <= 28)) ||
    die "SAMPLE_DAYS holds '$d': each run must fit in days 1-28 of its month"
done

run_day() {  # run_day YYYY-MM-DD SPINUP_DAYS: one sampled run into YEAR_DIR/YYYY-MM-DD
  local day=$1 spinup=$2 out=$YEAR_DIR/$1
  if [[ -f $out/kctm_sa_summary.csv ]]; then
    echo "sampled-year: $day done"
    return
  fi
  mkdir -p "$out"
  # shellcheck disable=SC2206  # SET is words on purpose
  local args=(--set "time.start=${day}T00:00:00+08:00" --set "time.hours=$((24 * DAYS))"
    --set "time.spinup_days=$spinup" --set "output.dir=$out" $SET)
  # A stopped run goes on from its checkpoint; what a failed one left is replaced.
  if [[ -f $out/kctm_restart.h5 ]]; then
    args+=(--restart "$out/kctm_restart.h5")
  else
    args+=(--overwrite)
  fi
  echo "sampled-year: $day ($DAYS d after $spinup d of spin-up) into $out"
  local status=0
  if [[ -n $CONFIG ]]; then
    "$KCTM" run "$CONFIG" "${args[@]}" >"$out/log" 2>&1 || status=$?
  else
    "$KCTM" demo --hours $((24 * DAYS)) --out "$out" "${args[@]}" >"$out/log" 2>&1 || status=$?
  fi
  if ((status != 0)); then
    tail -5 "$out/log" >&2
    die "the run of $day failed (exit $status); its log: $out/log"
  fi
}

if [[ $MODE != report ]]; then
  chosen=""  # "MONTH DAY:SPINUP..." lines: the days `kctm climate` chooses by their weather
  if [[ -z $SAMPLE_DAYS ]]; then
    config=()
    [[ -z $CONFIG ]] || config=("$CONFIG")
    # shellcheck disable=SC2086  # SET is words on purpose
    chosen=$("$KCTM" climate "${config[@]}" $SET --sample-days "$SAMPLES" --run-days "$DAYS" \
      --spinup-days "$SPINUP" --spinup-max "$SPINUP_MAX") ||
      die "kctm climate could not choose the sampled days"
  fi
  for m in $MONTHS; do
    days=${SAMPLE_DAYS:-$(awk -v m="$m" '$1 == m { $1 = ""; print }' <<<"$chosen")}
    [[ -n $days ]] || die "kctm climate chose no days for month $m"
    for d in $days; do
      spinup=$SPINUP
      [[ $d != *:* ]] || { spinup=${d#*:}; d=${d%%:*}; }
      run_day "$(printf '%s-%02d-%02d' "$YEAR" "$m" "$d")" "$spinup"
    done
  done
fi
[[ $MODE != run ]] || exit 0

mapfile -t runs < <(find "$YEAR_DIR" -mindepth 2 -maxdepth 2 -name kctm_sa_summary.csv \
  -printf '%h\n' | sort)
((${#runs[@]} > 0)) || die "no finished runs in $YEAR_DIR"
echo "sampled-year: ${#runs[@]} runs in $YEAR_DIR"
obs_args=()
if [[ -f $OBS ]]; then
  obs_args=(--obs "$OBS")
  status=0
  "$KCTM" validate "${runs[@]}" --obs "$OBS" --out "$YEAR_DIR/validation" || status=$?
  ((status == 0 || status == 3)) || die "kctm validate failed (exit $status)"
  if /usr/bin/python3 -c 'import matplotlib' 2>/dev/null; then
    /usr/bin/python3 scripts/plot_validation.py "$YEAR_DIR/validation" >/dev/null
  else
    echo "sampled-year: no plots of the validation (make plot-deps installs what they need)"
  fi
else
  echo "sampled-year: no observation file $OBS: validation skipped (this machine lacks the data)"
fi
"$KCTM" attain "${runs[@]}" --scenario "$SCENARIO" "${obs_args[@]}" --csv "$YEAR_DIR/attain.csv" |
  tee "$YEAR_DIR/attain.txt"
