#!/usr/bin/env bash
# A full disk ends a run with one line that says so, a non-zero exit, no crash, and nothing partial
# left: no day file, no checkpoint, no checkpoint's copy of an open day file. Needs root for a
# small tmpfs; skipped (exit 77) where it cannot mount one.
# Usage: disk_full.sh PATH/TO/kctm
set -u
kctm=$1
work=$(mktemp -d)
full="$work/full"
mkdir "$full"
trap 'umount "$full" 2>/dev/null; rm -rf "$work"' EXIT
if ! mount -t tmpfs -o size=3M tmpfs "$full" 2>/dev/null; then
  echo "skipped: cannot mount a 3 MB tmpfs here (needs root)"
  exit 77
fi
failures=0
# A checkpoint every hour (the checkpoint meets the full disk) or none (a day file meets it: every
# layer of it, which outgrows the disk within the run).
for interval in 1 0; do
  rm -rf "${full:?}/out"
  rc=0
  "$kctm" demo --hours 6 --out "$full/out" --set grid.dx_km=9 --set output.layers=0 \
    --set "checkpoint.interval_hours=$interval" >"$work/stdout" 2>"$work/stderr" || rc=$?
  left=$(cd "$full/out" && ls)
  if [[ $rc -ne 1 ]]; then
    echo "FAIL checkpoint every $interval h: exit $rc"; failures=$((failures + 1))
  elif [[ $(wc -l <"$work/stderr") -ne 1 ]] || ! grep -qi "no space left" "$work/stderr"; then
    echo "FAIL checkpoint every $interval h: stderr is not one line naming the full disk:"
    cat "$work/stderr"; failures=$((failures + 1))
  elif [[ -n $left ]]; then
    echo "FAIL checkpoint every $interval h: left $left"; failures=$((failures + 1))
  else
    echo "ok   checkpoint every $interval h: $(cat "$work/stderr")"
  fi
done
exit $((failures > 0))
