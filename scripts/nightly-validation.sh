#!/usr/bin/env bash
# Nightly validation: build kctm, run a simulation, compare it with the station observations
# (`kctm validate`) and show how the aggregate NMB, NME and r changed since the previous night.
#
# Usage: scripts/nightly-validation.sh [CONFIG] [OBS_FILE]
#   CONFIG    YAML config for `kctm run`; empty or absent: `kctm demo` with its defaults
#   OBS_FILE  hourly observations (default: aq-hengyang-2019/hengyang_sites_2019_hourly.csv in
#             the data folder, `kctm info --data-dir`; docs/DATA.md)
# Environment (paths relative to the repo root):
#   BUILD=build  NIGHTLY_DIR=nightly  HOURS=24  START=2019-01-01T00:00:00+08:00 (January-June 2019)
#   LIMITS=examples/validation_limits.yaml  (`kctm validate --limits`; LIMITS= for none)
# Writes NIGHTLY_DIR/<UTC stamp>/run (the model output) and .../report (report.md, metrics.csv,
# pairs.csv, change.md). Exits with `kctm validate`'s status: 0 fine, 3 a limit crossed, else an
# error; exits 0 without doing anything when the observation file is not there.
set -euo pipefail

die() {
  echo "nightly-validation: $*" >&2
  exit 2
}

usage() {
  sed -n '/^# Usage:/,/^#   LIMITS=/s/^# \{0,1\}//p' "$0" >&2
  exit 2
}

# Arguments are relative to where the script was started; everything else to the repo root.
abspath() {
  case $1 in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s/%s\n' "$PWD" "$1" ;;
  esac
}

[[ $# -le 2 ]] || usage
[[ ${1:-} != -h && ${1:-} != --help ]] || usage
CONFIG=${1:-}
OBS=${2:-}
if [[ -n $CONFIG ]]; then CONFIG=$(abspath "$CONFIG"); fi
if [[ -n $OBS ]]; then OBS=$(abspath "$OBS"); fi

cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
NIGHTLY_DIR=${NIGHTLY_DIR:-nightly}
HOURS=${HOURS:-24}
START=${START:-2019-01-01T00:00:00+08:00}
LIMITS=${LIMITS-examples/validation_limits.yaml}

[[ $HOURS =~ ^[1-9][0-9]*$ ]] || die "HOURS must be a positive whole number, not '$HOURS'"
start_s=$(date -d "$START" +%s 2>/dev/null) || die "START is not a date and time: '$START'"
# The observations cover 2019-01-01 to 2019-06-30, Beijing time.
if ((start_s < $(date -d 2019-01-01T00:00:00+08:00 +%s) ||
  start_s >= $(date -d 2019-07-01T00:00:00+08:00 +%s))); then
  die "START must be inside January-June 2019 (Beijing time), not '$START'"
fi
if [[ -n $CONFIG && ! -f $CONFIG ]]; then die "no config file $CONFIG"; fi
if [[ -n $LIMITS && ! -f $LIMITS ]]; then die "no limits file $LIMITS (LIMITS= for none)"; fi

make build BUILD="$BUILD"
OBS=${OBS:-$("$BUILD/kctm" info --data-dir)/aq-hengyang-2019/hengyang_sites_2019_hourly.csv}
if [[ ! -f $OBS ]]; then
  echo "nightly-validation: SKIPPED, no observation file $OBS (this machine lacks the data)"
  exit 0
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=$NIGHTLY_DIR/$stamp
mkdir -p "$NIGHTLY_DIR"
mkdir "$out"

if [[ -n $CONFIG ]]; then
  "$BUILD/kctm" run "$CONFIG" --set "time.start=$START" --set "time.hours=$HOURS" \
    --set "output.dir=$out/run"
else
  "$BUILD/kctm" demo --hours "$HOURS" --out "$out/run" --set "time.start=$START"
fi

limits=()
if [[ -n $LIMITS ]]; then limits=(--limits "$LIMITS"); fi
status=0
"$BUILD/kctm" validate "$out/run" --obs "$OBS" --out "$out/report" "${limits[@]}" || status=$?
if ((status != 0 && status != 3)); then
  echo "nightly-validation: kctm validate failed (exit $status)" >&2
  exit "$status"
fi

# The most recent earlier night with a report; none: /dev/null, so every "previous" is empty.
previous=/dev/null
for metrics in "$NIGHTLY_DIR"/*/report/metrics.csv; do
  night=${metrics%/report/metrics.csv}
  night=${night##*/}
  if [[ -f $metrics && $night =~ ^[0-9]{8}T[0-9]{6}Z$ && $night < $stamp ]]; then
    previous=$metrics
  fi
done

awk -v previous="$previous" -v now="$out/report/metrics.csv" '
  function known(x) { return x ~ /^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/ }
  function cell(x, scale, f) { return known(x) ? sprintf(f, x * scale) : "–" }
  function change(a, b, scale, f) { return known(a) && known(b) ? sprintf(f, (b - a) * scale) : "–" }
  BEGIN { FS = "," }
  { sub(/\r$/, "") }
  FNR == 1 {
    delete col
    for (i = 1; i <= NF; i++) col[$i] = i
    skip = !("pollutant" in col && "station" in col && "month" in col && "nmb" in col &&
             "nme" in col && "r" in col)
    if (skip) {
      print FILENAME ":1: no pollutant, station, month, nmb, nme or r column" > "/dev/stderr"
      # An old or broken previous report only leaves the comparison empty.
      if (FILENAME == previous) unreadable = " (unreadable, left out)"
      else { failed = 1; exit 1 }
    }
    next
  }
  skip { next }
  $col["station"] == "all" && $col["month"] == "all" {
    p = $col["pollutant"]
    when = FILENAME == previous ? "previous" : "now"
    if (!(p in seen)) { seen[p] = 1; order[++n] = p }
    nmb[when, p] = $col["nmb"]; nme[when, p] = $col["nme"]; r[when, p] = $col["r"]
  }
  END {
    if (failed) exit 1
    print "# Change since the previous nightly validation"
    print ""
    print "Previous: `" (previous == "/dev/null" ? "none" : previous) "`" unreadable "  "
    print "Now: `" now "`"
    print ""
    print "Over every station and month; NMB and NME in %, Δ = now - previous."
    print ""
    print "| pollutant | NMB prev | NMB now | ΔNMB | NME prev | NME now | ΔNME | r prev | r now | Δr |"
    print "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
    for (i = 1; i <= n; i++) {
      p = order[i]
      a = "previous" SUBSEP p; b = "now" SUBSEP p
      printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", p,
        cell(nmb[a], 100, "%+.1f"), cell(nmb[b], 100, "%+.1f"), change(nmb[a], nmb[b], 100, "%+.1f"),
        cell(nme[a], 100, "%.1f"), cell(nme[b], 100, "%.1f"), change(nme[a], nme[b], 100, "%+.1f"),
        cell(r[a], 1, "%.2f"), cell(r[b], 1, "%.2f"), change(r[a], r[b], 1, "%+.2f")
    }
  }' "$out/report/metrics.csv" "$previous" | tee "$out/report/change.md"

# The plots the report links to (Debian's matplotlib; the report stands without them).
"${PLOT_PYTHON:-/usr/bin/python3}" scripts/plot_validation.py "$out/report" ||
  echo "nightly-validation: no plots (python3-matplotlib missing?)" >&2

echo "nightly-validation: report in $out/report/report.md"
if ((status == 3)); then
  echo "nightly-validation: a validation limit was crossed (see the report)" >&2
fi
exit "$status"
