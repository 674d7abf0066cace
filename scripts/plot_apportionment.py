#!/usr/bin/env python3
"""Plots of a kctm source-apportionment run and, optionally, of `kctm attain`'s projection.

Usage: /usr/bin/python3 scripts/plot_apportionment.py RUN_DIR [--outline GEOJSON]
           [--stations CSV] [--attain CSV] [--out DIR]
Needs Debian's python3-matplotlib and python3-netcdf4 (scripts/install-deps.sh installs them; run it
with /usr/bin/python3 when python3 is a pyenv or venv one).

Reads
  RUN_DIR/kctm_sa_YYYYMMDD.nc   every day file (not *.partial): PM25_SA(time, source, y, x)
                                [ug m-3], source_name(source), lat(y, x), lon(y, x), cell_area(y, x),
                                unit_id(y, x) (-1 outside Hengyang) and, when there,
                                unit_fraction(y, x) (for the Hengyang mean in the titles, weighted
                                as the summary's). Maps are the mean over all the hours of all
                                the files, each hour weighted alike.
  RUN_DIR/kctm_sa_summary.csv   place,source,category,<VAR>_ug_m3,<VAR>_share_pct,... with place
                                Hengyang then the station codes.
  --outline GEOJSON             county polygons (Polygon, MultiPolygon) in lon/lat, drawn as
                                thin black lines; default boundary-hengyang/
                                hengyang_430400_counties.geojson in the data folder, when it
                                exists; without one, the edge of unit_id >= 0 is drawn instead.
  --stations CSV                code,name_zh,district,lon,lat,... drawn as markers with the codes;
                                default aq-hengyang-2019/stations.csv in the data folder, when it
                                exists.
  --attain CSV                  from `kctm attain ... --csv FILE`: year,change,annual,
                                annual_target,special,special_target,good_share,
                                good_share_target (good_share may be empty).
Writes into --out (default RUN_DIR/plots), printing each path:
  map_PM25.png                  mean PM2.5 (the sum over the sources)
  map_PM25_<source>.png         each source's mean contribution to PM2.5
  stacked_contributions.png     PM2.5 by source at Hengyang and each station, and Hengyang's
                                sources split into sulfate, nitrate, ammonium, SOA and primary
  overview.png                  map_PM25 beside the stacked contributions by source, small (the
                                README's picture)
  attainment.png                (with --attain) projected annual and special-period PM2.5 and
                                good-day share against the targets, per year
Exits 1 with a one-line message naming the file when an input is missing or malformed.
"""
import argparse
import json
import math
import os
import re
import sys

try:
    import matplotlib
    import numpy as np
    from netCDF4 import Dataset
except ImportError as e:
    sys.exit(f"plot_apportionment: {e}; needs Debian's python3-matplotlib and python3-netcdf4 "
             "(make plot-deps); run it with /usr/bin/python3")

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from csv_rows import InputError, csv_rows, number  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The data folder as kctm finds it from a source tree (docs/DATA.md): $KCTM_DATA_DIR, else
# ../shared/data beside the repository.
DATA = os.environ.get("KCTM_DATA_DIR") or os.path.join(REPO, "..", "shared", "data")
DEFAULT_OUTLINE = os.path.join(DATA, "boundary-hengyang", "hengyang_430400_counties.geojson")
DEFAULT_STATIONS = os.path.join(DATA, "aq-hengyang-2019", "stations.csv")

DAY_FILE = re.compile(r"^kctm_sa_\d{8}\.nc$")
SUMMARY = "kctm_sa_summary.csv"
UNIT = "ug m-3"
# Summary columns of PM2.5's components, in stacking order, with their legend labels.
COMPONENTS = [("SULF_SA_ug_m3", "sulfate"), ("NIT_SA_ug_m3", "nitrate"),
              ("NH4_SA_ug_m3", "ammonium"), ("SOA_SA_ug_m3", "SOA"),
              ("PRIMARY_SA_ug_m3", "primary")]
ATTAIN_HEADER = ["year", "change", "annual", "annual_target", "special", "special_target",
                 "good_share", "good_share_target"]


# ---------------------------------------------------------------------------------------------
# Reading


def read_run(run_dir):
    """Mean PM25_SA over every hour of every day file.

    -> dict with sources [str], pm25 (source, y, x) float64 [ug m-3], lon, lat, cell_area,
    unit_id (y, x), weight (y, x) (area in Hengyang's units, for the Hengyang mean), hours, files.
    """
    if not os.path.isdir(run_dir):
        raise InputError(f"{run_dir}: no such directory")
    files = sorted(os.path.join(run_dir, n) for n in os.listdir(run_dir) if DAY_FILE.match(n))
    if not files:
        raise InputError(f"{os.path.join(run_dir, 'kctm_sa_YYYYMMDD.nc')}: no such files")
    run = None
    total = None
    hours = 0
    for path in files:
        try:
            with Dataset(path) as nc:
                grid, field = _read_day(path, nc)
        except OSError as e:
            raise InputError(f"{path}: cannot read as NetCDF ({e.strerror or e})") from None
        if run is None:
            run = grid
            total = np.zeros(field.shape[1:])
        else:
            _check_same_grid(path, run, grid)
        total += field.sum(axis=0)
        hours += field.shape[0]
    if hours == 0:
        raise InputError(f"{files[0]}: no time steps in any file")
    run["pm25"] = total / hours
    run["hours"] = hours
    run["files"] = files
    return run


def _variable(path, nc, name, ndim):
    if name not in nc.variables:
        raise InputError(f"{path}: no variable {name}")
    v = nc.variables[name]
    if v.ndim != ndim:
        raise InputError(f"{path}: {name} has {v.ndim} dimensions, expected {ndim}")
    return v


def _read_day(path, nc):
    """One day file -> (grid dict, PM25_SA (time, source, y, x) float64 with NaN for fill)."""
    pm = _variable(path, nc, "PM25_SA", 4)
    if tuple(pm.dimensions) != ("time", "source", "y", "x"):
        raise InputError(f"{path}: PM25_SA dimensions are {pm.dimensions}, "
                         "expected (time, source, y, x)")
    units = getattr(pm, "units", UNIT)
    if units != UNIT:
        raise InputError(f"{path}: PM25_SA in {units!r}, expected {UNIT!r}")
    sources = [str(s) for s in np.atleast_1d(_variable(path, nc, "source_name", 1)[:])]
    grid = {"sources": sources}
    for name in ("lon", "lat", "cell_area"):
        grid[name] = np.ma.filled(_variable(path, nc, name, 2)[:].astype(float), np.nan)
    uid = _variable(path, nc, "unit_id", 2)[:]
    grid["unit_id"] = np.ma.filled(uid, -1).astype(int)
    if "unit_fraction" in nc.variables:
        frac = np.ma.filled(nc.variables["unit_fraction"][:].astype(float), 0.0)
    else:
        frac = (grid["unit_id"] >= 0).astype(float)
    # As kctm's summary: cells that unit_id puts in a unit, weighted by area and unit_fraction
    # (cells with a sliver inside but unit_id -1 stay out).
    grid["weight"] = np.where(grid["unit_id"] >= 0, np.nan_to_num(grid["cell_area"]) * frac, 0.0)
    shape = grid["lon"].shape
    for name in ("lat", "cell_area", "unit_id", "weight"):
        if grid[name].shape != shape:
            raise InputError(f"{path}: {name} is {grid[name].shape}, lon is {shape}")
    if pm.shape[1:] != (len(sources),) + shape:
        raise InputError(f"{path}: PM25_SA is {pm.shape}, expected (time, {len(sources)}, "
                         f"{shape[0]}, {shape[1]})")
    field = np.ma.filled(pm[:].astype(float), np.nan)
    return grid, field


def _check_same_grid(path, first, grid):
    if grid["sources"] != first["sources"]:
        raise InputError(f"{path}: sources {grid['sources']} differ from the first file's "
                         f"{first['sources']}")
    if grid["lon"].shape != first["lon"].shape or not (
            np.allclose(grid["lon"], first["lon"], equal_nan=True)
            and np.allclose(grid["lat"], first["lat"], equal_nan=True)):
        raise InputError(f"{path}: grid differs from the first file's")


def read_summary(path):
    """kctm_sa_summary.csv -> (places [str], sources [str], {(place, source): {column: float}})
    with the columns PM25_SA_ug_m3 and COMPONENTS', places and sources in file order."""
    wanted = ["PM25_SA_ug_m3"] + [c for c, _ in COMPONENTS]
    places, sources, values = [], [], {}
    for where, row in csv_rows(path, required=["place", "source", "category"] + wanted):
        place, source = row["place"], row["source"]
        if not place or not source:
            raise InputError(f"{where}: empty place or source")
        if (place, source) in values:
            raise InputError(f"{where}: {place},{source} repeated")
        values[(place, source)] = {c: number(row[c], where, c) for c in wanted}
        if place not in places:
            places.append(place)
        if source not in sources:
            sources.append(source)
    if "Hengyang" not in places:
        raise InputError(f"{path}: no place Hengyang")
    for place in places:
        for source in sources:
            if (place, source) not in values:
                raise InputError(f"{path}: no row for place {place}, source {source}")
    return places, sources, values


def read_outline(path):
    """GeoJSON FeatureCollection -> list of rings, each an (n, 2) array of lon, lat."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as e:
        raise InputError(f"{path}: {e.strerror}") from None
    except (ValueError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: not JSON ({e})") from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" \
            or not isinstance(data.get("features"), list):
        raise InputError(f"{path}: not a GeoJSON FeatureCollection")
    rings = []
    for i, feature in enumerate(data["features"]):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        kind = geometry.get("type") if isinstance(geometry, dict) else None
        coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
        if kind == "Polygon":
            polygons = [coords]
        elif kind == "MultiPolygon":
            polygons = coords
        else:
            raise InputError(f"{path}: feature {i} is {kind}, expected Polygon or MultiPolygon")
        try:
            for polygon in polygons:
                for ring in polygon:
                    a = np.asarray(ring, dtype=float)
                    if a.ndim != 2 or a.shape[1] < 2 or len(a) < 2:
                        raise ValueError
                    rings.append(a[:, :2])
        except (TypeError, ValueError):
            raise InputError(f"{path}: feature {i} has malformed coordinates") from None
    if not rings:
        raise InputError(f"{path}: no polygons")
    return rings


def read_stations(path):
    """code,name_zh,district,lon,lat,... -> [(code, lon, lat)]."""
    stations = []
    for where, row in csv_rows(path, required=["code", "lon", "lat"]):
        if not row["code"]:
            raise InputError(f"{where}: empty code")
        stations.append((row["code"], number(row["lon"], where, "lon"),
                         number(row["lat"], where, "lat")))
    return stations


def read_attain(path):
    """kctm attain's CSV -> {column: list}, year as int, good_share NaN where empty."""
    columns = {c: [] for c in ATTAIN_HEADER}
    for where, row in csv_rows(path, header=ATTAIN_HEADER):
        try:
            year = int(row["year"])
        except ValueError:
            raise InputError(f"{where}: year is not an integer: {row['year']!r}") from None
        if year in columns["year"]:
            raise InputError(f"{where}: year {year} repeated")
        columns["year"].append(year)
        for name in ATTAIN_HEADER[1:]:
            columns[name].append(number(row[name], where, name, optional=(name == "good_share")))
    return columns


# ---------------------------------------------------------------------------------------------
# Plotting


def save(fig, path):
    fig.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(fig)
    print(path)


def cell_corners(centres):
    """(ny, nx) cell centres -> (ny+1, nx+1) corners, by linear extrapolation at the edges and
    averaging the four surrounding centres inside: the curvilinear grid for pcolormesh."""
    c = np.asarray(centres, dtype=float)
    p = np.empty((c.shape[0] + 2, c.shape[1] + 2))
    p[1:-1, 1:-1] = c
    p[0, 1:-1] = 2 * c[0] - c[1]
    p[-1, 1:-1] = 2 * c[-1] - c[-2]
    p[:, 0] = 2 * p[:, 1] - p[:, 2]
    p[:, -1] = 2 * p[:, -2] - p[:, -3]
    return 0.25 * (p[:-1, :-1] + p[1:, :-1] + p[:-1, 1:] + p[1:, 1:])


def hengyang_mean(run, field):
    """Area-weighted mean of field over Hengyang's county-level units (the summary's 'Hengyang')."""
    w = run["weight"]
    ok = np.isfinite(field) & (w > 0)
    return float((field[ok] * w[ok]).sum() / w[ok].sum()) if ok.any() else math.nan


def plot_map(run, field, title, path, outline, stations):
    """One field on the lon/lat grid with the county outline and the stations."""
    fig, ax = plt.subplots(figsize=(7.5, 6.5))
    draw_map(fig, ax, run, field, title, outline, stations)
    save(fig, path)


def draw_map(fig, ax, run, field, title, outline, stations):
    """The map of plot_map on the axes `ax` of `fig`."""
    lon_c, lat_c = cell_corners(run["lon"]), cell_corners(run["lat"])
    data = np.ma.masked_invalid(field)
    vmax = float(data.max()) if data.count() else 1.0
    mesh = ax.pcolormesh(lon_c, lat_c, data, shading="flat", cmap="viridis",
                         vmin=0.0, vmax=vmax if vmax > 0 else 1.0, rasterized=True)
    fig.colorbar(mesh, ax=ax, shrink=0.85, label=f"PM2.5 [{UNIT}]")
    if outline:
        for ring in outline:
            ax.plot(ring[:, 0], ring[:, 1], color="black", linewidth=0.6)
    elif (run["unit_id"] >= 0).any():
        ax.contour(run["lon"], run["lat"], (run["unit_id"] >= 0).astype(float), levels=[0.5],
                   colors="black", linewidths=0.6)
    for code, lon, lat in stations or []:
        ax.plot(lon, lat, marker="^", markersize=6, markerfacecolor="white",
                markeredgecolor="black", linestyle="none")
    # Codes in one column beside the city, linked to their markers: the stations lie within a
    # few km of each other, so labels at the markers would overlap at the domain's scale.
    if stations:
        ordered = sorted(stations, key=lambda s: -s[2])
        x_text = max(s[1] for s in stations) + 0.25
        if outline:  # east of the counties, clear of their lines
            x_text = max(x_text, max(float(r[:, 0].max()) for r in outline) + 0.08)
        y_top = max(s[2] for s in stations) + 0.12
        step = 0.075
        for k, (code, lon, lat) in enumerate(ordered):
            ax.annotate(code, xy=(lon, lat), xytext=(x_text, y_top - k * step), fontsize=7,
                        va="center", color="black",
                        bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.8),
                        arrowprops=dict(arrowstyle="-", color="white", linewidth=0.6))
    ax.set_xlim(lon_c.min(), lon_c.max())
    ax.set_ylim(lat_c.min(), lat_c.max())
    ax.set_aspect(1.0 / math.cos(math.radians(float(np.nanmean(run["lat"])))))
    ax.set_xlabel("longitude [degrees east]")
    ax.set_ylabel("latitude [degrees north]")
    mean = hengyang_mean(run, field)
    ax.set_title(f"{title}\nmean of {run['hours']} h; Hengyang mean {mean:.2f} {UNIT}",
                 fontsize=10)


def file_name(source):
    return re.sub(r"[^A-Za-z0-9_-]", "_", source)


def source_colours(sources):
    cmap = plt.get_cmap("tab20" if len(sources) > 10 else "tab10")
    return {s: cmap(i % cmap.N) for i, s in enumerate(sources)}


def _stacked_panel(ax, labels, layers, total_format, title, legend_title, ncol):
    """Horizontal bars of `labels`, stacked by `layers` [(name, widths, colour)], totals at the
    ends; returns the totals."""
    y = np.arange(len(labels))
    left = np.zeros(len(labels))
    for name, widths, colour in layers:
        ax.barh(y, widths, left=left, color=colour, label=name, edgecolor="white", linewidth=0.4)
        left += widths
    for yi, total in zip(y, left):
        ax.text(total, yi, f" {total:{total_format}}", va="center", fontsize=8)
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    ax.invert_yaxis()
    ax.set_xlabel(f"PM2.5 [{UNIT}]")
    ax.set_title(title)
    ax.set_xlim(0, left.max() * 1.15 if left.max() > 0 else 1)
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=ncol,
              title=legend_title)
    return left


def plot_stacked(places, sources, values, path):
    """PM2.5 by source per place, and Hengyang's sources split by component."""
    colours = source_colours(sources)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(14, 0.45 * max(len(places), len(sources) + 1)
                                                  + 2.2))
    by_source = [(s, np.array([values[(p, s)]["PM25_SA_ug_m3"] for p in places]), colours[s])
                 for s in sources]
    _stacked_panel(ax1, places, by_source, ".1f", f"Mean PM2.5 by source [{UNIT}]", "source", 3)
    comp_colours = plt.get_cmap("Set2")
    by_component = []
    for k, (column, label) in enumerate(COMPONENTS):
        w = np.array([values[("Hengyang", s)][column] for s in sources])
        by_component.append((label, np.append(w, w.sum()), comp_colours(k)))
    _stacked_panel(ax2, sources + ["total"], by_component, ".2f",
                   f"Hengyang: each source's PM2.5 by component [{UNIT}]", "component", 5)
    ax2.axhline(len(sources) - 0.5, color="grey", linewidth=0.6)
    fig.tight_layout()
    save(fig, path)


def plot_overview(run, places, sources, values, path, outline, stations):
    """The README's picture: the mean PM2.5 map beside PM2.5 by source per place."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(13, 5.6), width_ratios=[1.1, 1])
    draw_map(fig, ax1, run, run["pm25"].sum(axis=0), f"Mean PM2.5 [{UNIT}]", outline, stations)
    colours = source_colours(sources)
    by_source = [(s, np.array([values[(p, s)]["PM25_SA_ug_m3"] for p in places]), colours[s])
                 for s in sources]
    _stacked_panel(ax2, places, by_source, ".1f", f"PM2.5 by source [{UNIT}]", "source", 3)
    fig.tight_layout()
    fig.savefig(path, dpi=70, bbox_inches="tight")
    plt.close(fig)
    print(path)


def _target_panel(ax, years, projected, target, unit, title, met):
    x = np.arange(len(years))
    ok = np.isfinite(projected)
    colours = ["tab:green" if m else "tab:red" for m in met]
    ax.bar(x[ok], np.asarray(projected)[ok], width=0.6,
           color=[c for c, k in zip(colours, ok) if k])
    ax.plot(x, target, linestyle="none", marker="_", markersize=28, markeredgewidth=3,
            color="black")
    for xi, v, t in zip(x, projected, target):
        if math.isfinite(v):
            ax.text(xi + 0.32, v, f"{v:.1f}", ha="left", va="center", fontsize=8)
        else:
            ax.text(xi, t / 2, "no projection\n(kctm attain\nneeds --obs)", ha="center",
                    va="center", fontsize=8, color="grey")
    ax.set_xticks(x)
    ax.set_xlim(-0.6, len(years) - 0.4)
    ax.set_xticklabels([str(y) for y in years])
    ax.set_xlabel("year")
    ax.set_ylabel(unit)
    ax.set_title(title, fontsize=10)


def plot_attainment(att, path):
    """Annual and special-period PM2.5 and the good-day share against the targets, per year."""
    years = att["year"]
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.8))
    annual, special, good = (np.array(att[c]) for c in ("annual", "special", "good_share"))
    _target_panel(axes[0], years, annual, att["annual_target"], f"PM2.5 [{UNIT}]",
                  f"Annual mean PM2.5 [{UNIT}]",
                  [a <= t for a, t in zip(annual, att["annual_target"])])
    _target_panel(axes[1], years, special, att["special_target"], f"PM2.5 [{UNIT}]",
                  f"Special-control period mean PM2.5 [{UNIT}]",
                  [a <= t for a, t in zip(special, att["special_target"])])
    _target_panel(axes[2], years, good, att["good_share_target"], "good days [%]",
                  "Good-day share [% of days]",
                  [g >= t for g, t in zip(good, att["good_share_target"])])
    top = max(max(att["good_share_target"]), np.nanmax(good) if np.isfinite(good).any() else 0)
    axes[2].set_ylim(0, min(100.0, top * 1.08) if top > 0 else 100.0)
    fig.suptitle("kctm attain: first-order projection against the plan's targets")
    handles = [Patch(color="tab:green", label="projected, target met"),
               Patch(color="tab:red", label="projected, target not met"),
               Line2D([], [], color="black", marker="_", markersize=14, markeredgewidth=3,
                      linestyle="none", label="target")]
    fig.legend(handles=handles, loc="lower center", ncol=3, fontsize=9,
               bbox_to_anchor=(0.5, -0.04))
    fig.tight_layout()
    save(fig, path)


# ---------------------------------------------------------------------------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="plot_apportionment.py",
        description="Maps and bar charts of a kctm source-apportionment run.")
    parser.add_argument("run_dir", metavar="RUN_DIR")
    parser.add_argument("--outline", metavar="GEOJSON",
                        help="county polygons (default: the shared Hengyang counties, if there)")
    parser.add_argument("--stations", metavar="CSV",
                        help="stations code,name_zh,district,lon,lat,... (default: the shared "
                             "Hengyang stations, if there)")
    parser.add_argument("--attain", metavar="CSV", help="kctm attain's --csv output")
    parser.add_argument("--out", metavar="DIR", help="output folder (default RUN_DIR/plots)")
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    try:
        if not os.path.isdir(args.run_dir):
            raise InputError(f"{args.run_dir}: no such directory")
        outline_path = args.outline or (DEFAULT_OUTLINE if os.path.exists(DEFAULT_OUTLINE)
                                        else None)
        stations_path = args.stations or (DEFAULT_STATIONS if os.path.exists(DEFAULT_STATIONS)
                                          else None)
        outline = read_outline(outline_path) if outline_path else None
        stations = read_stations(stations_path) if stations_path else None
        attain = read_attain(args.attain) if args.attain else None
        places, sources, values = read_summary(os.path.join(args.run_dir, SUMMARY))
        run = read_run(args.run_dir)
    except InputError as e:
        print(f"plot_apportionment: {e}", file=sys.stderr)
        return 1
    out = args.out or os.path.join(args.run_dir, "plots")
    try:
        os.makedirs(out, exist_ok=True)
    except OSError as e:
        print(f"plot_apportionment: {out}: {e.strerror}", file=sys.stderr)
        return 1

    plot_map(run, run["pm25"].sum(axis=0), f"Mean PM2.5, all sources [{UNIT}]",
             os.path.join(out, "map_PM25.png"), outline, stations)
    for source, field in zip(run["sources"], run["pm25"]):
        plot_map(run, field, f"PM2.5 from {source} [{UNIT}]",
                 os.path.join(out, f"map_PM25_{file_name(source)}.png"), outline, stations)
    plot_stacked(places, sources, values, os.path.join(out, "stacked_contributions.png"))
    plot_overview(run, places, sources, values, os.path.join(out, "overview.png"), outline,
                  stations)
    if attain:
        plot_attainment(attain, os.path.join(out, "attainment.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
