#!/usr/bin/env bash
# The day files of a short demo and its daily products open in the tools users reach for: xarray
# with CF decoding (times, coordinates, UDUNITS-2 units, the Lambert conformal grid mapping;
# cf_check.py), CDO (sinfon, timmean: no warning) and NCO (ncks -m, one record). Skips (exit 77)
# when a tool is absent: `make cf-deps` installs them from Debian. Usage: cf_tools.sh PATH/TO/kctm
set -euo pipefail
kctm=$1
here=$(cd "$(dirname "$0")" && pwd)
missing=()
for tool in cdo ncks udunits2; do command -v "$tool" >/dev/null || missing+=("$tool"); done
/usr/bin/python3 -c 'import xarray, netCDF4' 2>/dev/null || missing+=("python3-xarray")
if ((${#missing[@]})); then
  echo "skipped: ${missing[*]} absent (make cf-deps installs cdo, nco, udunits-bin, python3-xarray)"
  exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$kctm" demo --hours 2 --set grid.dx_km=12 --out "$out" >"$out/log" 2>&1 || { cat "$out/log"; exit 1; }
"$kctm" post "$out" >>"$out/log" 2>&1 || { cat "$out/log"; exit 1; }
files=("$out"/kctm_conc_*.nc "$out"/kctm_sa_*.nc "$out"/kctm_daily.nc)

for f in "${files[@]}"; do
  name=$(basename "$f")
  cdo -s sinfon "$f" >"$out/cdo.log" 2>&1 && cdo -s timmean "$f" "$out/timmean.nc" >>"$out/cdo.log" 2>&1 \
    || { echo "CDO cannot read $name:"; cat "$out/cdo.log"; exit 1; }
  # CDO has no string coordinates: it says so of the sources' names, and only of them.
  if grep -i warning "$out/cdo.log" | grep -v "Coordinates variable source_name can't be assigned"; then
    echo "CDO warns about $name"
    exit 1
  fi
  ncks -m "$f" >/dev/null && ncks -H -d time,0 "$f" >/dev/null || { echo "NCO cannot read $name"; exit 1; }
done
echo "CDO and NCO read ${#files[@]} files"
/usr/bin/python3 "$here/cf_check.py" "${files[@]}"
