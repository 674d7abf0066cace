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
echo "demo output has the promised CF header"
