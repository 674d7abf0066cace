#!/usr/bin/env bash
# The README's commands work: every ```sh block is marked, the line before it, either
# <!-- readme-check --> (run here, in a fresh folder, with this kctm on PATH) or
# <!-- readme-check: skip --> (too long to run here: each `kctm SUBCOMMAND` it names must exist);
# and the README stays short (at most 200 lines).
# Usage: readme_commands.sh PATH/TO/kctm README.md
set -euo pipefail
kctm=$(realpath "$1")
readme=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
ln -s "$kctm" "$work/bin/kctm"
export PATH="$work/bin:$PATH"

lines=$(wc -l <"$readme")
((lines <= 200)) || { echo "README.md has $lines lines: keep it under 200 (details go to docs/)"; exit 1; }

# Split the README into its checked blocks (one script each) and its skipped commands.
awk -v dir="$work" '
  /^<!-- readme-check -->$/ { mark = "run"; next }
  /^<!-- readme-check: skip -->$/ { mark = "skip"; next }
  /^```sh$/ {
    if (mark == "") { printf "README.md:%d: a sh block without a readme-check mark\n", NR; bad = 1 }
    inside = 1; n += 1; file = dir "/" mark "-" n ".sh"; printf "" > file; mark = ""; next
  }
  /^```$/ && inside { inside = 0; close(file); next }
  inside { print >> file }
  { if (NF) mark = "" }
  END { exit bad }' "$readme"

checked=0
for block in "$work"/run-*.sh; do
  [[ -e $block ]] || continue
  echo "== running $(basename "$block"):"; sed 's/^/   /' "$block"
  (cd "$work" && bash -euo pipefail "$block") >"$block.log" 2>&1 || {
    echo "README block failed:"; tail -20 "$block.log"; exit 1
  }
  checked=$((checked + 1))
done
((checked > 0)) || { echo "no block of the README is checked"; exit 1; }

# The skipped blocks' kctm commands exist (kctm SUBCOMMAND --help succeeds).
for sub in $(cat "$work"/skip-*.sh 2>/dev/null | grep -oE '(^|[ (])kctm [a-z]+' | awk '{print $2}' | sort -u); do
  kctm "$sub" --help >/dev/null || { echo "README names 'kctm $sub', which does not exist"; exit 1; }
done
echo "README: $checked block(s) run, $lines lines"
