#!/usr/bin/env bash
# Whether two runs' output folders hold the same results, bit for bit: every kctm_*.nc in A has a
# twin in B whose values print the same at full precision (ncdump -p 9,17 round-trips float and
# double exactly; the history, kctm_config and kctm_run_id attributes, which name the wall time,
# the settings and the run, are left out), and every kctm_*.csv is byte-identical but for the
# comment line naming its run.
# Usage: same_outputs.sh DIR_A DIR_B
set -euo pipefail
a=$1 b=$2
shopt -s nullglob
files=("$a"/kctm_*.nc "$a"/kctm_*.csv)
((${#files[@]})) || { echo "same_outputs: no kctm_*.nc or kctm_*.csv in $a"; exit 1; }
values() { ncdump -p 9,17 "$1" | grep -vE '^\s*:(history|kctm_config|kctm_run_id) = ' | sed 1d; }
rows() { grep -v '^# kctm_run_id: ' "$1"; }
for f in "${files[@]}"; do
  name=$(basename "$f")
  [[ -f $b/$name ]] || { echo "same_outputs: $b/$name is missing"; exit 1; }
  case $name in
    *.csv) cmp -s <(rows "$f") <(rows "$b/$name") || { echo "same_outputs: $name differs"; exit 1; } ;;
    *.nc)
      if ! cmp -s <(values "$f") <(values "$b/$name"); then
        echo "same_outputs: $name differs:"
        diff <(values "$f") <(values "$b/$name") | head -5
        exit 1
      fi ;;
  esac
done
echo "same_outputs: ${#files[@]} files identical in $a and $b"
