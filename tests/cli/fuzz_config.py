#!/usr/bin/env python3
"""Fuzz over every numeric config key: each key at 0, -1, tiny, huge and overflowing values (and
scenario factors far out of range), one short run each on a tiny grid. Every run must either be
refused (a non-zero exit, exactly one line on stderr, no output file) or finish with finite,
non-negative concentrations; never a crash, never a .partial file left behind.

Usage: fuzz_config.py KCTM [--per-key N] [--seed S]
  --per-key N  run N of each key's values, drawn with the seed (default 2: every key, about 160
               runs, two minutes on 2 cores); 0 runs every value of every key (about 540 runs)
"""
import argparse
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

# A 1-hour run on 14 x 13 cells of 27 km: well under a second when it is accepted.
BASE = ["time.hours=1", "grid.dx_km=27", "grid.buffer_km=0", "log.progress_interval_s=1000",
        "checkpoint.interval_hours=0"]
SCALARS = ["0", "-1", "1e-300", "1e300", "-1e300", "9223372036854775807"]
LISTS = ["[0, 1e300]", "[0]", "[0, -5, 10]", "[0, 20, 1e-300]"]
MONTHLY = ["[1e300, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]", "[-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]"]
# Numbers inside strings: scenario factors and the sources' factors.
EXTRA = [("emissions.scale", '"*:*:*=1e40"'), ("emissions.scale", '"mobile:NOx:*=nan"'),
         ("emissions.scale", '"*:*:*=1e-300"'), ("emissions.scale", '"*:*:*=-0"'),
         ("source_apportionment.factors", '"mobile=1e40"'),
         ("source_apportionment.factors", '"mobile=inf"'),
         ("source_apportionment.factors", '"regional=0"')]
KEY_LINE = re.compile(r"^( *)([A-Za-z0-9_]+):\s*(.*?)\s*(#.*)?$")
NUMBER = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")


def numeric_keys(default_yaml):
    """(key, kind) of every numeric leaf of the default config: scalar, list or monthly."""
    keys, stack, pending = [], [], None
    for line in default_yaml.splitlines():
        if pending is not None:  # a list spanning lines
            if "]" in line.split("#")[0]:
                keys.append((pending, "list"))
                pending = None
            continue
        m = KEY_LINE.match(line)
        if not m or line.lstrip().startswith("#"):
            continue
        depth = len(m.group(1)) // 2
        stack = stack[:depth] + [m.group(2)]
        key, value = ".".join(stack), m.group(3)
        monthly = value.startswith("!monthly")
        value = value.replace("!monthly", "").strip()
        if value.startswith("[") and "]" not in value:
            pending = key
        elif monthly:
            keys.append((key, "monthly"))
        elif value.startswith("["):
            keys.append((key, "list"))
        elif NUMBER.match(value):
            keys.append((key, "scalar"))
    return keys


def cases(kctm):
    text = subprocess.run([kctm, "config", "--print-default"], check=True, capture_output=True,
                          text=True).stdout
    out = []
    for key, kind in numeric_keys(text):
        values = SCALARS + (LISTS if kind == "list" else MONTHLY if kind == "monthly" else [])
        out += [(key, v) for v in values]
    return out + EXTRA


def unsound_values(path):
    """Names of the data variables of a NetCDF file holding a non-finite or negative value."""
    header = subprocess.run(["ncdump", "-h", path], check=True, capture_output=True,
                            text=True).stdout
    names = re.findall(r"^\s*(?:float|double) (\w+)\(time, ", header, re.M)
    bad = []
    for name in names:
        dump = subprocess.run(["ncdump", "-v", name, path], check=True, capture_output=True,
                              text=True).stdout
        # The data section's own line: "data:" also appears inside the recorded configuration.
        data = re.split(r"^data:$", dump, maxsplit=1, flags=re.M)[1].split("=", 1)[1]
        for token in re.split(r"[\s,;}]+", data):
            if not token:
                continue
            v = float(token.replace("_", "nan")) if token != "_" else math.nan
            if not math.isfinite(v) or v < 0:
                bad.append(f"{name}={token}")
                break
    return bad


def check(kctm, config, key, value, work):
    out = os.path.join(work, "out")
    shutil.rmtree(out, ignore_errors=True)
    sets = BASE + [f"output.dir={out}", f"{key}={value}"]
    args = [kctm, "run", config] + [a for s in sets for a in ("--set", s)]
    try:
        p = subprocess.run(args, capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return "took over 120 s"
    files = os.listdir(out) if os.path.isdir(out) else []
    if any(f.endswith(".partial") for f in files):
        return f"left {[f for f in files if f.endswith('.partial')]}"
    if p.returncode < 0 or p.returncode >= 128:
        return f"crashed (exit {p.returncode}): {p.stderr.strip()[-300:]}"
    if p.returncode != 0:
        lines = p.stderr.strip().splitlines()
        if len(lines) != 1 or not lines[0].startswith("kctm: error: "):
            return f"refused with {len(lines)} lines on stderr: {p.stderr.strip()[-300:]}"
        if any(f.endswith(".nc") or f.endswith(".csv") for f in files):
            return f"refused but left {files}"
        return None
    for f in sorted(files):
        if f.endswith(".nc"):
            bad = unsound_values(os.path.join(out, f))
            if bad:
                return f"exit 0 with {bad[:3]} in {f}"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kctm")
    ap.add_argument("--per-key", type=int, default=2)
    ap.add_argument("--seed", type=int, default=2019)
    args = ap.parse_args()
    todo = cases(args.kctm)
    if args.per_key > 0:
        rng, by_key = random.Random(args.seed), {}
        for key, value in todo:
            by_key.setdefault(key, []).append(value)
        todo = [(key, v) for key, values in by_key.items()
                for v in rng.sample(values, min(args.per_key, len(values)))]
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        config = os.path.join(work, "empty.yaml")
        with open(config, "w") as f:
            f.write("{}\n")
        for key, value in todo:
            problem = check(args.kctm, config, key, value, work)
            if problem:
                failures += 1
                print(f"FAIL {key}={value}: {problem}", flush=True)
    print(f"{len(todo) - failures} of {len(todo)} fuzzed settings refused cleanly or ran soundly")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
