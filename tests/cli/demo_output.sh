#!/usr/bin/env bash
# `kctm demo --hours 6` prints progress and writes a CF NetCDF file that ncdump reads, with the
# variables, units and coordinates the output promises. Usage: demo_output.sh PATH/TO/kctm
set -euo pipefail
kctm=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$kctm" demo --hours 6 --out "$out" >"$out/log" 2>&1 || { cat "$out/log"; exit 1; }
cat "$out/log"
grep -q "ETA" "$out/log"
grep -q "output: $out/kctm_conc_20190101.nc" "$out/log"
header=$(ncdump -h "$out/kctm_conc_20190101.nc")
check() { grep -qE "$1" <<<"$header" || { echo "missing in header: $1"; exit 1; }; }
check 'time = UNLIMITED ; // \(6 currently\)'
check 'float TRACER\(time, lev, y, x\)'
check 'TRACER:units = "ug m-3"'
check 'TRACER:grid_mapping = "crs"'
check 'TRACER:coordinates = "lat lon"'
check 'double lat\(y, x\)'
check 'lat:units = "degrees_north"'
check 'lon:units = "degrees_east"'
check 'x:standard_name = "projection_x_coordinate"'
check 'crs:grid_mapping_name = "lambert_conformal_conic"'
check 'time:units = "hours since 2018-12-31 16:00:00"'
check ':Conventions = "CF-1.8"'
check ':kctm_version = '
check ':kctm_config = '
check ':kctm_run_id = '
echo "demo output has the promised CF header"

# Source apportionment: the file, its source axis, the summary; then the plan's targets from it.
sa=$(ncdump -h "$out/kctm_sa_20190101.nc")
grep -qE 'float PM25_SA\(time, source, y, x\)' <<<"$sa" || { echo "no PM25_SA(time, source, y, x)"; exit 1; }
grep -qE 'string source_name\(source\)' <<<"$sa" || { echo "no source names"; exit 1; }
head -1 "$out/kctm_sa_summary.csv" | grep -q '^# kctm_run_id: '
sed -n 2p "$out/kctm_sa_summary.csv" | grep -q '^place,source,category,PM25_SA_ug_m3,PM25_SA_share_pct'
"$kctm" attain "$out" --scenario scenarios/hengyang-plan.yaml --csv "$out/attain.csv" |
  tee "$out/attain.txt"
grep -qE '^2025 ' "$out/attain.txt"
if /usr/bin/python3 -c 'import matplotlib, netCDF4' 2>/dev/null; then
  /usr/bin/python3 scripts/plot_apportionment.py "$out" --attain "$out/attain.csv"
  for f in map_PM25 map_PM25_mobile stacked_contributions attainment; do test -s "$out/plots/$f.png"; done
else
  echo "skipped the apportionment plots: Debian's python3-matplotlib or python3-netcdf4 is absent"
fi
obs=$("$kctm" info --data-dir)/aq-hengyang-2019/hengyang_sites_2019_hourly.csv
if [[ -f $obs ]]; then
  "$kctm" validate "$out" --out "$out/validation"  # --obs: the data folder's, by default
  test -s "$out/validation/report.md"
  if /usr/bin/python3 -c 'import matplotlib' 2>/dev/null; then
    /usr/bin/python3 scripts/plot_validation.py "$out/validation"
    for p in PM25 O3; do
      for kind in timeseries scatter diurnal seasonal; do test -s "$out/validation/${kind}_$p.png"; done
    done
  else
    echo "skipped the validation plots: Debian's python3-matplotlib is absent"
  fi
else
  echo "skipped kctm validate: $obs is absent"
fi
