#!/usr/bin/env bash
# Installs the build into a temporary prefix, builds a consumer with find_package(kctm), and runs
# the installed kctm from another folder on a copy of its default configuration.
# Usage: check_install.sh BUILD_DIR CONSUMER_SOURCE_DIR
set -euo pipefail
build=$1
consumer=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
# Every installed header's own includes ("room/file.hpp") are installed too.
include_dir="$work/prefix/include/kctm"
missing=0
while IFS= read -r -d '' header; do
  while IFS= read -r inc; do
    if [[ ! -f $include_dir/$inc && ! -f $(dirname "$header")/$inc ]]; then
      echo "installed ${header#"$include_dir"/} includes \"$inc\", which is not installed"
      missing=1
    fi
  done < <(sed -n 's/^[[:space:]]*#include[[:space:]]*"\([^"]*\)".*/\1/p' "$header")
done < <(find "$include_dir" -name '*.hpp' -print0)
((missing == 0)) || exit 1
cmake -S "$consumer" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/build" -j 2 >/dev/null
"$work/build/kctm_consumer"
test -x "$work/prefix/bin/kctm"
"$work/prefix/bin/kctm" config --print-default | grep "dx_km" >/dev/null  # not -q: an early exit would SIGPIPE kctm
test -f "$work/prefix/share/kctm/default_config.yaml"
test -f "$work/prefix/share/kctm/emissions/hengyang_2018_inventory.yaml"
test -f "$work/prefix/share/kctm/data/README.md"
# The default configuration works from any folder: its data paths are in the data folder, the
# others relative to the copy. Once with the folder kctm finds, once with an empty one.
mkdir -p "$work/elsewhere/runs/x" "$work/empty-data"
cd "$work/elsewhere"
"$work/prefix/bin/kctm" config --print-default >runs/x/run.yaml
fast=(--set time.hours=1 --set grid.dx_km=27 --set log.progress_interval_s=1000)
"$work/prefix/bin/kctm" run runs/x/run.yaml "${fast[@]}" >run.log 2>&1 || { cat run.log; exit 1; }
ls runs/x/kctm-output/kctm_conc_*.nc >/dev/null
"$work/prefix/bin/kctm" info | grep -q "^data folder: "
KCTM_DATA_DIR="$work/empty-data" "$work/prefix/bin/kctm" info >info.log
grep -q "^data folder: $work/empty-data (environment KCTM_DATA_DIR)" info.log || { cat info.log; exit 1; }
grep -q "missing boundary-hengyang/" info.log
KCTM_DATA_DIR="$work/empty-data" "$work/prefix/bin/kctm" run runs/x/run.yaml "${fast[@]}" \
  --set output.dir=no-data >run2.log 2>&1 || { cat run2.log; exit 1; }
grep -q "one unit" run2.log || { echo "no warning of the missing outlines"; cat run2.log; exit 1; }
echo "installed kctm: OK"
