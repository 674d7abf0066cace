#!/usr/bin/env bash
# Installs the build into a temporary prefix and builds a consumer with find_package(kctm).
# Usage: check_install.sh BUILD_DIR CONSUMER_SOURCE_DIR
set -euo pipefail
build=$1
consumer=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$consumer" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/build" -j 2 >/dev/null
"$work/build/kctm_consumer"
test -x "$work/prefix/bin/kctm"
"$work/prefix/bin/kctm" config --print-default | grep "dx_km" >/dev/null  # not -q: an early exit would SIGPIPE kctm
