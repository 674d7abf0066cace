#!/usr/bin/env bash
# `kctm post` end to end on a short demo: the daily NetCDF file and the stations' CSV, with a
# partial day written as missing, and the refusals of a missing folder and a folder without day
# files, each in one line (a folder of two runs: tests/integration/test_daily_products.cpp).
# Usage: post.sh PATH/TO/kctm
set -euo pipefail
kctm=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$kctm" demo --hours 2 --set grid.dx_km=12 --out "$out/run" >"$out/log" 2>&1 || { cat "$out/log"; exit 1; }
stations=../shared/data/aq-hengyang-2019/stations.csv
"$kctm" post "$out/run" --out "$out/post" | tee "$out/post.txt"
grep -q "^output: $out/post/kctm_daily.nc$" "$out/post.txt"
grep -q "^1 day(s), 0 with all the hours" "$out/post.txt"
header=$(ncdump -h "$out/post/kctm_daily.nc")
for promised in 'float PM25_24h\(time, y, x\)' 'float O3_MDA8\(time, y, x\)' 'int AQI\(time, y, x\)' \
  'PM25_24h:grid_mapping = "crs"' 'PM25_24h:_FillValue = -9999.f' 'time:bounds = "time_bnds"' \
  'crs:grid_mapping_name = "lambert_conformal_conic"' ':kctm_run_id = '; do
  grep -qE "$promised" <<<"$header" || { echo "missing in kctm_daily.nc: $promised"; exit 1; }
done
# Two hours of 1 January: every product of the day is missing, none is a two-hour mean.
ncdump -v PM25_24h,AQI "$out/post/kctm_daily.nc" | sed -n '/^data:/,$p' | tr -d ' ,;\n' \
  | grep -qE '^data:PM25_24h=_+AQI=_+}$' || { echo "a partial day was not written missing"; exit 1; }
# The stations: the run's own (its configuration's source_apportionment.stations_file).
csv=$out/post/kctm_daily_stations.csv
if [[ -f $stations ]]; then
  grep -q "^output: $csv$" "$out/post.txt"
  head -1 "$csv" | grep -q '^# kctm_run_id: '
  sed -n 2p "$csv" | grep -q '^station,date,PM2.5_24h_ug_m3,PM10_24h_ug_m3,.*,O3_MDA8_ug_m3,AQI,category,primary$'
  sed -n 3p "$csv" | grep -qE '^[0-9A-Z]+,2019-01-01,,,,,,,,,,$' || { echo "bad station row"; exit 1; }
else
  echo "skipped the stations' CSV: $stations is absent"
fi

refuses() {  # refuses PATTERN ARGS...: exit 1 with one line matching PATTERN
  local rc=0
  "$kctm" post "${@:2}" >"$out/err" 2>&1 || rc=$?
  [[ $rc -eq 1 && $(wc -l <"$out/err") -eq 1 ]] && grep -qE "$1" "$out/err" \
    || { echo "expected one error line like '$1', got (exit $rc):"; cat "$out/err"; exit 1; }
}
refuses "kctm: error: $out/none: cannot read the run folder" "$out/none"
mkdir "$out/empty"
refuses "kctm: error: $out/empty: no kctm_conc_\*.nc output" "$out/empty"
echo "kctm post writes the daily products and refuses bad folders"
