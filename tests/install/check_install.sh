#!/usr/bin/env bash
# Installs the build into a temporary prefix and builds a consumer with find_package(kctm).
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
