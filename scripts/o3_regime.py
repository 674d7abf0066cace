#!/usr/bin/env python3
"""Which O3 formation regime a sampled year's runs are in, by two indicators.

Usage: scripts/o3_regime.py YEAR_DIR STATIONS_CSV [--months 5 6]

1. The satellites' indicator: the model's column ratio HCHO/NO2 (molecules over the model's
   layers, up to its top) at 13:00-14:00 Beijing time, the OMI and TROPOMI overpass, over the
   Hengyang cells (unit_id >= 0) and at the stations' cells, classed by the thresholds Wang et
   al. (2021, ACP 21:7253) derived from satellite HCHO/NO2 against ground O3 over Chinese
   cities: VOC-limited below 2.3, NOx-limited above 4.2, transitional between.
2. The model's own: the apportionment's O3 formed under NOx-limited conditions (O3N) against
   that formed VOC-limited (O3V), by category of source, from each run's kctm_sa_summary.csv
   (the split follows P(H2O2)/P(HNO3) at 0.35, Sillman 1995; docs/SOURCE_APPORTIONMENT.md).

STATIONS_CSV has columns code, lon, lat (the data folder's aq-hengyang-2019/stations.csv).
Reads YEAR_DIR/YYYY-MM-DD/ as scripts/sampled-year.sh writes them, run with every layer in
their output (SET="--set output.layers=0"); needs python3-netcdf4.
"""
import argparse
import csv
import glob
import os
import re

import netCDF4
import numpy as np

VOC_LIMITED_BELOW, NOX_LIMITED_ABOVE = 2.3, 4.2
MOLAR_MASS = {"HCHO": 30.03, "NO2": 46.01}  # chemistry/species.hpp [g mol-1]
AIR_MOLAR_MASS, AVOGADRO = 28.96, 6.022e23


def overpass_ratios(path, stations, columns, profiles):
    """Column HCHO/NO2 at 13-14 h Beijing time: (Hengyang cells, station cells) arrays. Adds the
    Hengyang cells' columns [molecules cm-2] to `columns` (by species) and their median HCHO per
    layer [ppb] to `profiles`."""
    d = netCDF4.Dataset(path)
    t = d.variables["time"]
    bounds = d.variables["lev_bnds"][:]
    interfaces = re.search(r"levels_m: \[([^\]]*)\]", d.getncattr("kctm_config"))
    layers = len(interfaces.group(1).split(",")) - 1 if interfaces else len(bounds)
    if len(bounds) < layers:
        raise SystemExit(f"{path}: holds {len(bounds)} of the model's {layers} layers; a column "
                         "needs every one: run with --set output.layers=0")
    dz = (bounds[:, 1] - bounds[:, 0])[:, None, None]
    # Air density of a standard atmosphere (1.2 kg m-3 at the ground, 8 km scale height): the
    # output holds concentrations only, and ppb aloft need only be approximate.
    air_kg_m3 = 1.2 * np.exp(-0.5 * (bounds[:, 0] + bounds[:, 1]) / 8000.0)
    lat, lon = d.variables["lat"][:], d.variables["lon"][:]
    hengyang = d.variables["unit_id"][:] >= 0
    cells = [np.unravel_index(np.argmin((lat - s[1]) ** 2 + (lon - s[0]) ** 2), lat.shape)
             for s in stations]
    city, at_stations = [], []
    for n, when in enumerate(netCDF4.num2date(t[:], t.units)):
        if (when.hour + 8) % 24 not in (13, 14):
            continue
        column = {v: (d.variables[v][n] * dz).sum(axis=0) / MOLAR_MASS[v] for v in MOLAR_MASS}
        ratio = column["HCHO"] / np.maximum(column["NO2"], 1e-30)
        city.extend(ratio[hengyang].ravel())
        at_stations.extend(ratio[j, i] for j, i in cells)
        for v in MOLAR_MASS:  # umol m-2 to molecules cm-2
            columns.setdefault(v, []).extend(column[v][hengyang] * 1e-6 * AVOGADRO * 1e-4)
        hcho = np.asarray(d.variables["HCHO"][n])[:, hengyang]  # ug m-3
        profiles.append(np.median(hcho, axis=1) / air_kg_m3 * AIR_MOLAR_MASS / MOLAR_MASS["HCHO"])
    return city, at_stations


def classes(r):
    r = np.asarray(r)
    return (f"median {np.median(r):.2f} (quartiles {np.percentile(r, 25):.2f}-"
            f"{np.percentile(r, 75):.2f}); VOC-limited {100 * np.mean(r < VOC_LIMITED_BELOW):.0f} %, "
            f"transitional {100 * np.mean((r >= VOC_LIMITED_BELOW) & (r <= NOX_LIMITED_ABOVE)):.0f} %, "
            f"NOx-limited {100 * np.mean(r > NOX_LIMITED_ABOVE):.0f} %")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("year_dir")
    p.add_argument("stations_csv")
    p.add_argument("--months", type=int, nargs="+", default=[5, 6])
    a = p.parse_args()
    stations = [(float(s["lon"]), float(s["lat"])) for s in csv.DictReader(open(a.stations_csv))]
    runs = sorted(r for m in a.months for r in glob.glob(os.path.join(a.year_dir, f"*-{m:02d}-*"))
                  if os.path.exists(os.path.join(r, "kctm_sa_summary.csv")))
    city, at_stations, columns, profiles = [], [], {}, []
    kinds = {}  # (place, category) -> sums of O3, O3B, O3N, O3V [ug m-3]
    for run in runs:
        for path in sorted(glob.glob(os.path.join(run, "kctm_conc_*.nc"))):
            c, s = overpass_ratios(path, stations, columns, profiles)
            city += c
            at_stations += s
        with open(os.path.join(run, "kctm_sa_summary.csv")) as f:
            for row in csv.DictReader(line for line in f if not line.startswith("#")):
                place = "Hengyang" if row["place"] == "Hengyang" else "stations"
                sums = kinds.setdefault((place, row["category"]), np.zeros(4))
                sums += [float(row[f"{k}_SA_ug_m3"]) for k in ("O3", "O3B", "O3N", "O3V")]
    print(f"{len(runs)} runs of months {a.months}")
    print("column HCHO/NO2 at 13-14 h Beijing time")
    print(f"  Hengyang cells: {classes(city)}")
    print(f"  station cells:  {classes(at_stations)}")
    for v, values in columns.items():
        print(f"  {v} column over Hengyang: median {np.median(values):.2e} molecules cm-2")
    if profiles:
        bounds = netCDF4.Dataset(path).variables["lev_bnds"][:]
        print("  HCHO over Hengyang by layer (median of the cells, mean of the hours), ppb:")
        for (bottom, top), ppb in zip(bounds, np.mean(profiles, axis=0)):
            print(f"    {bottom:6.0f}-{top:6.0f} m  {ppb:5.2f}")
    for place in ("stations", "Hengyang"):
        total = sum(v[0] for (p, _), v in kinds.items() if p == place)
        print(f"O3 at {place}, by category of source")
        for (p, category), v in sorted(kinds.items()):
            formed = v[2] + v[3]
            if p == place and v[0] > 0:
                print(f"  {category:11s} {100 * v[0] / total:5.1f} % of O3; brought in "
                      f"{100 * v[1] / v[0]:5.1f} %; formed NOx-limited "
                      f"{100 * v[2] / formed if formed > 0 else 0:5.1f} % of what it formed")


if __name__ == "__main__":
    main()
