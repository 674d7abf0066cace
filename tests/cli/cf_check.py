#!/usr/bin/env python3
"""Opens kctm's NetCDF files as xarray does with CF decoding and checks what a CF reader relies on.

Usage: cf_check.py FILE...   (Debian's python3-xarray and udunits-bin; exit 1 naming each problem)

For every file: `time` decodes to datetimes; x, y, lat and lon (and lev, where the file has
layers or names the lowest one) are coordinates; every variable's `units` is one UDUNITS-2
parses (the `udunits2` tool); every variable on the grid names a `grid_mapping` variable with the
CF Lambert conformal attributes.
"""
import subprocess
import sys

import numpy as np
import xarray as xr

# CF-1.8 Appendix F, lambert_conformal_conic: the attributes a reader needs to place the grid.
LAMBERT = ["standard_parallel", "longitude_of_central_meridian", "latitude_of_projection_origin",
           "false_easting", "false_northing"]


def udunits_parses(units):
    """Whether UDUNITS-2 reads `units` (udunits2 exits 1 on units it does not recognise)."""
    done = subprocess.run(["udunits2", "-H", units, "-W", ""], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True)
    return done.returncode == 0


def problems_of(path):
    # decode_coords="all" also turns grid_mapping and bounds into links (kept in .encoding).
    try:
        ds = xr.open_dataset(path, decode_cf=True, decode_coords="all")
    except ValueError as e:
        return [f"{path}: xarray cannot decode it: {e}"]
    problems = []
    with ds:
        if not np.issubdtype(ds["time"].dtype, np.datetime64):
            problems.append(f"time decodes to {ds['time'].dtype}, not datetimes")
        wanted = ["x", "y", "lat", "lon"] + (["lev"] if "lev" in ds.variables else [])
        for name in wanted:
            if name not in ds.coords:
                problems.append(f"{name} is not a coordinate")
        for name, var in ds.variables.items():
            units = var.attrs.get("units", var.encoding.get("units"))
            if units is not None and not udunits_parses(str(units)):
                problems.append(f"{name}: units '{units}' are not UDUNITS-2")
        mappings = set()
        for name, var in ds.data_vars.items():
            if not {"y", "x"} <= set(var.dims):
                continue
            mapping = var.encoding.get("grid_mapping", var.attrs.get("grid_mapping"))
            if mapping is None:
                problems.append(f"{name}: no grid_mapping")
            elif mapping not in ds.variables:
                problems.append(f"{name}: grid_mapping '{mapping}' is not a variable")
            else:
                mappings.add(mapping)
        for mapping in sorted(mappings):
            crs = ds[mapping].attrs
            if crs.get("grid_mapping_name") != "lambert_conformal_conic":
                problems.append(f"{mapping}: grid_mapping_name is "
                                f"{crs.get('grid_mapping_name')!r}")
            problems += [f"{mapping}: no {a}" for a in LAMBERT if a not in crs]
    return [f"{path}: {p}" for p in problems]


def main():
    problems = [p for path in sys.argv[1:] for p in problems_of(path)]
    for p in problems:
        print(p)
    if not problems:
        print(f"{len(sys.argv) - 1} file(s) read as CF by xarray")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
