#!/usr/bin/env bash
# Bad input gets one clear line naming the file/key, a non-zero exit, and no output file.
# Usage: bad_input.sh PATH/TO/kctm
set -u
kctm=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/out"
failures=0

# expect_error NAME PATTERN -- ARGS...: the run must fail, print exactly one stderr line matching
# PATTERN, and leave no NetCDF file behind.
expect_error() {
  local name=$1 pattern=$2
  shift 3
  local rc=0
  "$kctm" "$@" >"$work/stdout" 2>"$work/stderr" || rc=$?
  local lines
  lines=$(wc -l <"$work/stderr")
  if [[ $rc -eq 0 ]]; then
    echo "FAIL $name: exit 0"; failures=$((failures + 1))
  elif [[ $lines -ne 1 ]]; then
    echo "FAIL $name: $lines lines on stderr:"; cat "$work/stderr"; failures=$((failures + 1))
  elif ! grep -qE -- "$pattern" "$work/stderr"; then
    echo "FAIL $name: message does not match '$pattern':"; cat "$work/stderr"; failures=$((failures + 1))
  elif compgen -G "$out/*.nc*" >/dev/null; then
    echo "FAIL $name: output files were left:"; ls "$out"; failures=$((failures + 1))
  else
    echo "ok   $name: $(cat "$work/stderr")"
  fi
}

printf 'grid:\n  dxkm: 1.0\n' >"$work/unknown.yaml"
expect_error unknown_key "^kctm: error: .*unknown.yaml:2: grid.dxkm: unknown config key \(did you mean 'grid.dx_km'\?\)$" \
  -- run "$work/unknown.yaml" --set "output.dir=$out"

mkdir "$work/folder.yaml"
expect_error folder_config "^kctm: error: .*folder.yaml: is a folder, not a file \(give the config file\)$" \
  -- run "$work/folder.yaml" --set "output.dir=$out"

printf 'time:\n  hours: six\n' >"$work/type.yaml"
expect_error wrong_type "type.yaml:2: time.hours: wrong type: expected an integer" -- run "$work/type.yaml" --set "output.dir=$out"

printf 'month,t\n' >"$work/normals.csv"
expect_error bad_normals "normals.csv:1: unexpected header" \
  -- demo --hours 1 --out "$out" --set "meteo.climatology.normals_file=$work/normals.csv"

expect_error missing_normals "meteo.climatology.normals_file: climate normals file not found: .*absent.csv" \
  -- demo --hours 1 --out "$out" --set "meteo.climatology.normals_file=$work/absent.csv"

expect_error no_wrf_files "meteo.wrf.files: no file matches '.*wrfout_\\*'" \
  -- demo --hours 1 --out "$out" --set meteo.kind=wrf --set "meteo.wrf.files=$work/wrfout_*"

expect_error bad_scale "--set emissions.scale: rule 'mobile=0.5' is not sector:pollutant:region=factor" \
  -- demo --hours 1 --out "$out" --set "emissions.scale=mobile=0.5"

expect_error unknown_scale_sector "emissions.scale: unknown sector 'trains'" \
  -- demo --hours 1 --out "$out" --set "emissions.scale=trains:NOx:*=0.5"

expect_error missing_user_inventory "emissions.user_file: inventory file not found: .*absent.nc" \
  -- demo --hours 1 --out "$out" --set "emissions.user_file=$work/absent.nc"

expect_error missing_speciation "emissions.speciation_file: speciation file not found: .*absent.yaml" \
  -- demo --hours 1 --out "$out" --set "emissions.speciation_file=$work/absent.yaml"

printf 'source: test\nsectors:\n  fugitive_dust:\n    PM25: {PEC: 0.5, POTH: 0.4}\n' >"$work/speciation.yaml"
expect_error bad_speciation_sum "speciation.yaml: sectors.fugitive_dust.PM25: the fractions add up to 0.9 \(they must add up to 1" \
  -- demo --hours 1 --out "$out" --set "emissions.speciation_file=$work/speciation.yaml"

# The built-in table with a share of a VOC speciated into RO2, which transport does not move.
sed 's/ALD: 0.08, NR: 0.20}/ALD: 0.08, RO2: 0.05, NR: 0.15}/' \
  "$(dirname "$0")/../../emissions/data/speciation.yaml" >"$work/radical.yaml"
expect_error radical_emitted "radical.yaml: emits RO2, a short-lived radical that transport leaves in place" \
  -- demo --hours 1 --out "$out" --set grid.dx_km=27 --set "emissions.speciation_file=$work/radical.yaml"

# expect_box_error NAME PATTERN LINE: a box config of a start and LINE, written to NAME.yaml.
expect_box_error() {
  printf 'start: 2019-07-15T06:00:00+08:00\n%s\n' "$3" >"$work/$1.yaml"
  expect_error "$1" "$1.yaml:2: $2" -- box "$work/$1.yaml" --out "$out/box.csv"
}
expect_box_error box_unknown_species "initial.NOX: unknown species \(did you mean 'NO'\?\)" \
  'initial: {O3: 30, NOX: 3}'
expect_box_error box_bad_humidity "relative_humidity: out of range \(must lie in \[0, 1\]; got 1.5\)" \
  'relative_humidity: 1.5'
expect_box_error box_hot "temperature_k: out of range \(must lie in \[180, 330\]" 'temperature_k: 1e300'
expect_box_error box_huge_initial "initial.O3: out of range" 'initial: {O3: 1e300}'
printf 'source_apportionment:\n  sources: "traffic = mobile@*; cars = mobile@*"\n' >"$work/overlap.yaml"
expect_error overlapping_sources "overlap.yaml:2: source_apportionment.sources: sources 'traffic' and 'cars' both take mobile@" \
  -- run "$work/overlap.yaml" --set "output.dir=$out" --set grid.dx_km=9
expect_error unknown_source_factor "source_apportionment.factors: unknown source 'mobil' \(did you mean 'mobile'\?\)" \
  -- demo --hours 1 --out "$out" --set grid.dx_km=9 --set source_apportionment.factors=mobil=0

mkdir -p "$work/empty_run"
printf 'code,name,lon,lat\nA,city,112.57,26.89\n' >"$work/stations.csv"
printf 'station,time,pollutant,value,unit\nA,2019-01-01T01:00:00+08:00,PM2.5,40,ug/m3\n' >"$work/obs.csv"
printf 'station,time,pollutant,value,unit\nA,2019-01-01T01:00:00+08:00,PM3,40,ug/m3\n' >"$work/bad_obs.csv"
printf 'PM2.5:\n  nmb_max: 0.3\n' >"$work/limits.yaml"
expect_error validate_no_output "empty_run: no kctm_conc_\*.nc output in the run folder" \
  -- validate "$work/empty_run" --obs "$work/obs.csv" --stations "$work/stations.csv" --out "$work/report"
expect_error validate_bad_pollutant "bad_obs.csv:2: unknown pollutant 'PM3'" \
  -- validate "$work/empty_run" --obs "$work/bad_obs.csv" --stations "$work/stations.csv" --out "$work/report"
expect_error validate_bad_limit "limits.yaml: PM2.5.nmb_max: unknown limit" \
  -- validate "$work/empty_run" --obs "$work/obs.csv" --stations "$work/stations.csv" --limits "$work/limits.yaml"

mkdir -p "$work/sa_run"
printf 'place,source,category,PRIMARY_SA_ug_m3,SULF_SA_ug_m3,NIT_SA_ug_m3,NH4_SA_ug_m3,SOA_SA_ug_m3,PM25_SA_ug_m3\nHengyang,power,local,1,1,1,1,1,5\n' \
  >"$work/sa_run/kctm_sa_summary.csv"
scenario() {  # scenario YEAR PHASE: a scenario file with that target year and phase value
  printf 'base: {pm25_annual: 40, pm25_special_period: 60, good_day_share: 80, pm25_polluted_days: 20, days: 365}\n' >"$work/scenario.yaml"
  printf 'targets: {%s: {pm25_annual: 35, pm25_special_period: 50, good_day_share: 85}}\nphase: {2025: %s}\nchanges: {}\n' \
    "$1" "$2" >>"$work/scenario.yaml"
}
scenario 2025 1.5
expect_error attain_phase "scenario.yaml: phase.2025: 1.5 is out of range \(from 0 to 1\)$" \
  -- attain "$work/sa_run" --at area --scenario "$work/scenario.yaml"
scenario 2025.5 1
expect_error attain_year "scenario.yaml: targets.2025.5: not a year \(e.g. 2025\)$" \
  -- attain "$work/sa_run" --at area --scenario "$work/scenario.yaml"

printf 'chemistry:\n  rtol: -1\n' >"$work/rtol.yaml"
expect_error bad_rtol "rtol.yaml:2: chemistry.rtol: out of range \(must lie in \[1e-08, 0.1\]" -- run "$work/rtol.yaml" --set "output.dir=$out"

expect_error missing_config "missing.yaml: config file not found" -- run "$work/missing.yaml"

ln -s "$work/loop_b" "$work/loop_a" && ln -s "$work/loop_a" "$work/loop_b"
expect_error config_link_loop "loop_a: cannot reach the config file: Too many levels of symbolic links" \
  -- run "$work/loop_a" --set "output.dir=$out"
expect_error restart_folder "^kctm: error: --restart: .*folder.yaml is a folder, not a file \(give the checkpoint file\)$" \
  -- demo --hours 1 --out "$out" --restart "$work/folder.yaml"
expect_error restart_link_loop "^kctm: error: --restart: cannot reach the checkpoint file .*loop_a" \
  -- demo --hours 1 --out "$out" --restart "$work/loop_a"
expect_error initial_state_not_checkpoint "^kctm: error: .*rtol.yaml: not an HDF5 file: not a kctm checkpoint, or truncated$" \
  -- demo --hours 1 --out "$out" --set "time.initial_state=$work/rtol.yaml"
expect_error initial_state_missing "^kctm: error: --set time.initial_state: checkpoint file not found: .*no_such_state.h5 \(check the path\)$" \
  -- demo --hours 1 --out "$out" --set "time.initial_state=$work/no_such_state.h5"
expect_error initial_state_folder "^kctm: error: --set time.initial_state: .*folder.yaml is a folder, not a file \(give the checkpoint file\)$" \
  -- demo --hours 1 --out "$out" --set "time.initial_state=$work/folder.yaml"
expect_error obs_folder "^kctm: error: --obs: .*folder.yaml is a folder, not a file \(give the observation file\)$" \
  -- validate "$work/empty_run" --obs "$work/folder.yaml" --stations "$work/stations.csv"
expect_error hex_float "^kctm: error: --set grid.dx_km: wrong type: expected a number \(got '0x1p4'\)$" \
  -- demo --hours 1 --out "$out" --set grid.dx_km=0x1p4
expect_error hours_overflow "^kctm: error: --set time.hours: out of range \(must lie in \[1, 1e\+06\]: over a century at most; got 9223372036854775807\)$" \
  -- demo --hours 1 --out "$out" --set time.hours=9223372036854775807
printf 'time:\n  hours: 2\n  hours: 3\n' >"$work/repeated.yaml"
expect_error repeated_key "repeated.yaml:3: time.hours: key given twice \(first at line 2\)$" \
  -- run "$work/repeated.yaml" --set "output.dir=$out"
expect_error tracer_name "^kctm: error: --set tracer.name: 'a/b' is not a valid NetCDF variable name" \
  -- demo --hours 1 --out "$out" --set tracer.name=a/b
expect_error tracer_output_name "^kctm: error: .*kctm_conc_\*.nc: two variables would be named 'PM25'" \
  -- demo --hours 1 --out "$out" --set tracer.name=PM25
expect_error tracer_coordinate_name "two variables would be named 'lat'" \
  -- demo --hours 1 --out "$out" --set tracer.name=lat
expect_error tracer_species "^kctm: error: --set tracer.name: 'O3' is a species of the chemistry" \
  -- demo --hours 1 --out "$out" --set tracer.name=O3

printf 'grid:\n  mask:\n    counties_file: nowhere.geojson\n' >"$work/mask.yaml"
expect_error missing_boundary_file "mask.yaml:3: grid.mask.counties_file: boundary file not found: .*nowhere.geojson" -- run "$work/mask.yaml" --set "output.dir=$out"

touch "$work/a_file"
expect_error unwritable_output "^kctm: error: --set output.dir: cannot create the output folder .*Not a directory" -- demo --hours 1 --out "$work/a_file/sub"

printf 'grid:\n  dx_km: -3\n' >"$work/negative.yaml"
expect_error negative_resolution "negative.yaml:2: grid.dx_km: out of range" -- run "$work/negative.yaml" --set "output.dir=$out"

# Settings within their own ranges that break the model together, or exceed the machine.
expect_error too_rough "^kctm: error: --set meteo.climatology.roughness_m: too rough for the lowest layer" \
  -- demo --hours 1 --out "$out" --set meteo.climatology.roughness_m=3 --set "grid.levels_m=[0, 8, 100, 1000]"
expect_error unlimited_ppm_with_chemistry "^kctm: error: --set transport.monotone: false needs chemistry.enabled: false" \
  -- demo --hours 1 --out "$out" --set transport.monotone=false
expect_error continental_domain "^kctm: error: --set grid.core_box.lon_min: a domain of 11423 x 332 km" \
  -- demo --hours 1 --out "$out" --set grid.core_box.lon_min=0
expect_error memory "^kctm: error: grid of 1415 x 1331 x 21 cells and [0-9]+ fields: the run needs about [0-9.e+]+ GiB of memory" \
  -- demo --hours 1 --out "$out" --set grid.dx_km=0.25

expect_error bad_set "--set time.start: not an ISO 8601 time" -- demo --hours 1 --out "$out" --set time.start=yesterday

expect_error unknown_option "unknown|not expected|extras" -- demo --hourz 3

if ((failures)); then
  echo "$failures bad-input case(s) failed"
  exit 1
fi
echo "all bad-input cases refused cleanly"
