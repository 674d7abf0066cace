#!/usr/bin/env bash
# The sampled-year campaign in small: two months, one day each at 9 km (the day `kctm climate`
# chooses for its weather), without spin-up (SPINUP_MAX=0 holds back what the weather would ask
# for); then the validation over both runs (where the
# observations are present) and the plan's targets from their apportionment together. A second
# `run` finds both done. Usage: sampled_year.sh PATH/TO/kctm
set -euo pipefail
kctm=$(readlink -f "$1")
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export BUILD=$(dirname "$kctm") YEAR_DIR=$out MONTHS="1 2" SAMPLES=1 DAYS=1 SPINUP=0 SPINUP_MAX=0
export SET="--set grid.dx_km=9 --set log.progress_interval_s=100000"
scripts/sampled-year.sh all | tee "$out/log"
# shellcheck disable=SC2086  # SET is words on purpose
mapfile -t days < <("$kctm" climate $SET --sample-days 1 |
  awk '$1 <= 2 { printf "2019-%02d-%02d\n", $1, $2 }')
[[ ${#days[@]} == 2 ]] || { echo "kctm climate chose ${#days[@]} days for two months"; exit 1; }
for day in "${days[@]}"; do
  [[ -f $out/$day/kctm_sa_summary.csv ]] || { echo "no finished run of $day"; exit 1; }
  grep -q "$day (1 d after 0 d of spin-up)" "$out/log" || { echo "$day: not without spin-up"; exit 1; }
done
grep -q "mean of 2 run(s)" "$out/attain.txt" || { echo "attain did not take both runs"; exit 1; }
grep -qE '^2025 ' "$out/attain.txt" || { echo "no 2025 row"; exit 1; }
grep -qE '^local +[0-9.]+ +68\.4$' "$out/attain.txt" || { echo "no local share beside the plan's"; exit 1; }
for month in 1 2; do
  grep -qE "^$month +1 +[0-9.]+ " "$out/attain.txt" || { echo "no row of month $month"; exit 1; }
done
if [[ -f $("$kctm" info --data-dir)/aq-hengyang-2019/hengyang_sites_2019_hourly.csv ]]; then
  for month in 2019-01 2019-02; do
    grep -q "^PM2.5,all,$month," "$out/validation/metrics.csv" ||
      { echo "no PM2.5 row for $month in the validation"; exit 1; }
    grep -q "^PM2.5,$month," "$out/validation/months.csv" ||
      { echo "no whole-month PM2.5 row for $month in the validation"; exit 1; }
  done
else
  echo "SKIPPED the validation part: no observations in the data folder (this machine lacks them)"
fi
# The same run given twice is refused, naming it.
if "$kctm" attain "$out/${days[0]}" "$out/${days[0]}/" --scenario scenarios/hengyang-plan.yaml \
  >"$out/twice" 2>&1; then
  echo "attain took one run twice"; exit 1
fi
grep -q "${days[0]}/: given twice" "$out/twice" || { cat "$out/twice"; exit 1; }
scripts/sampled-year.sh run | tee "$out/again"
[[ $(grep -c " done$" "$out/again") == 2 ]] || { echo "a second run did not find both done"; exit 1; }
echo "sampled year (smoke): both months run, validated and projected"
