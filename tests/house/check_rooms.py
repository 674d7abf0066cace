#!/usr/bin/env python3
"""Checks the house's layout (docs/ARCHITECTURE.md) on the source tree:
- every quoted include names a file of a room, and a room includes only itself and the rooms
  before it in CMakeLists.txt's KCTM_ROOMS (lowest floor first): no cycles, no upward includes;
- kernels/, chemistry/ and deposition/ (device code) include nothing of files, YAML, MPI, NetCDF or HDF5;
- no room holds more than 15 % of the product's C++ lines;
- the physical constants are spelled only in base/constants.hpp;
- the backend (OpenMP, CUDA/HIP device pass, host vs device space) is tested only in
  kernels/backend_traits.hpp, which the rest asks.
Prints one line per finding and exits 1 if there is any. Usage: check_rooms.py SOURCE_DIR"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
cmake = (root / "CMakeLists.txt").read_text()
rooms = re.search(r"set\(KCTM_ROOMS([^)]*)\)", cmake).group(1).split()
floor = {r: i for i, r in enumerate(rooms)}
generated = {"base/version.hpp", "chemistry/kctm_c1_generated.hpp"}
device_rooms = {"kernels", "chemistry", "deposition"}
host_only = re.compile(r"#include\s*<(fstream|netcdf[^>]*|ncFile\.h|yaml-cpp/[^>]*|mpi\.h|hdf5\.h|H5Cpp\.h)>")
constants = re.compile(r"9\.81\b|9\.80665|287\.0|1004|3\.14159|M_PI")
constants_home = "base/constants.hpp"
backend = re.compile(r"\b_OPENMP\b|__CUDA_ARCH__|__HIP_DEVICE_COMPILE__|KOKKOS_ENABLE_[A-Z]|DefaultHostExecutionSpace")
backend_home = "kernels/backend_traits.hpp"
max_share = 0.15

findings = []
lines = {r: 0 for r in rooms}
for room in rooms:
    for path in sorted((root / room).rglob("*.[hc]pp")):
        rel = path.relative_to(root).as_posix()
        tool = path.parent.name == "codegen"  # a host tool built before the library
        text = path.read_text()
        lines[room] += text.count("\n")
        for n, line in enumerate(text.splitlines(), 1):
            m = re.match(r'\s*#include\s*"([^"]+)"', line)
            if m:
                inc = m.group(1)
                top = inc.split("/")[0]
                if top not in floor:
                    if not (path.parent / inc).exists():
                        findings.append(f"{rel}:{n}: includes \"{inc}\", which is in no room")
                elif inc not in generated and not (root / inc).exists():
                    findings.append(f"{rel}:{n}: includes \"{inc}\", which does not exist")
                elif floor[top] > floor[room]:
                    findings.append(f"{rel}:{n}: {room}/ includes {inc} from a higher floor")
            if room in device_rooms and not tool and host_only.search(line):
                findings.append(f"{rel}:{n}: device code includes a host-only library: {line.strip()}")
            if rel != constants_home and constants.search(line):
                findings.append(f"{rel}:{n}: a physical constant outside {constants_home}: {line.strip()}")
            if rel != backend_home and backend.search(line):
                findings.append(f"{rel}:{n}: a backend test outside {backend_home}: {line.strip()}")

total = sum(lines.values())
for room in rooms:
    share = lines[room] / total
    print(f"{room:<14} {lines[room]:>6} lines  {100 * share:4.1f} %")
    if share > max_share:
        findings.append(f"{room}/: {100 * share:.1f} % of the product's {total} C++ lines (at most {100 * max_share:.0f} %)")

for f in findings:
    print(f)
print(f"{len(rooms)} rooms, {total} lines: {len(findings)} findings")
sys.exit(1 if findings else 0)
