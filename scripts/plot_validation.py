#!/usr/bin/env python3
"""Plots of a `kctm validate` report: model against station observations, per pollutant.

Usage: python3 scripts/plot_validation.py REPORT_DIR
Needs Debian's python3-matplotlib (scripts/install-deps.sh installs it; run it with /usr/bin/python3
when python3 is a pyenv or venv one).

Reads REPORT_DIR/pairs.csv, header `station,time_utc,pollutant,unit,model,observed`: one row per
station, hour and pollutant; time_utc is the END of the averaging hour (2019-01-01T01:00:00Z);
observed may be empty. For each pollutant P present it writes into REPORT_DIR, with "." taken out
of P in the name (PM2.5 -> PM25):
  timeseries_P.png  city mean (over stations, per hour) of model and observed against Beijing time
  scatter_P.png     model against observed for every station-hour with both, 1:1, 2:1 and 1:2 lines
  diurnal_P.png     mean by hour of day in Beijing time (the hour the average starts) of both
  seasonal_P.png    mean by month (Beijing time) of both, over the hours with an observation:
                    the seasonal cycle of a sampled year; with REPORT_DIR/months.csv also the
                    whole observed month (what a climatological run's month is judged against)
and prints each path written. Exits 1 with a one-line message when pairs.csv is missing or
malformed.
"""
import math
import os
import re
import sys
from collections import defaultdict
from datetime import datetime, timedelta, timezone

try:
    import matplotlib
except ImportError:
    sys.exit("plot_validation: needs Debian's python3-matplotlib (make plot-deps); "
             "run it with /usr/bin/python3")

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from csv_rows import InputError, csv_rows, number  # noqa: E402

HEADER = ["station", "time_utc", "pollutant", "unit", "model", "observed"]
ORDER = ["PM2.5", "PM10", "SO2", "NO2", "O3", "CO"]
BEIJING = timezone(timedelta(hours=8))


def parse_time(text):
    """ISO 8601 with a zone (Z or +hh:mm) -> aware datetime in Beijing time."""
    t = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if t.tzinfo is None:
        raise ValueError("no time zone")
    return t.astimezone(BEIJING)


def read_pairs(path):
    """-> {pollutant: {"unit": str, "rows": [(beijing_time, model, observed)]}}, NaN = missing."""
    data = {}
    for where, row in csv_rows(path, header=HEADER):
        pollutant, unit = row["pollutant"], row["unit"]
        if not row["station"] or not pollutant or not unit:
            raise InputError(f"{where}: empty station, pollutant or unit")
        try:
            t = parse_time(row["time_utc"])
        except ValueError:
            raise InputError(f"{where}: bad time_utc {row['time_utc']!r}") from None
        m = number(row["model"], where, "model")
        o = number(row["observed"], where, "observed", optional=True)
        entry = data.setdefault(pollutant, {"unit": unit, "rows": []})
        if entry["unit"] != unit:
            raise InputError(f"{where}: {pollutant} in {unit}, earlier rows in {entry['unit']}")
        entry["rows"].append((t, m, o))
    return data


def nanmean(values):
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    return float(v.mean()) if v.size else math.nan


def grouped_means(rows, key):
    """Mean of model and of observed per key(time), each ignoring its missing values."""
    groups = defaultdict(lambda: ([], []))
    for t, m, o in rows:
        models, obs = groups[key(t)]
        models.append(m)
        obs.append(o)
    keys = sorted(groups)
    return (keys, [nanmean(groups[k][0]) for k in keys], [nanmean(groups[k][1]) for k in keys])


def save(fig, path):
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    print(path)


def plot_timeseries(p, unit, rows, path):
    times, model, obs = grouped_means(rows, key=lambda t: t.replace(tzinfo=None))
    fig, ax = plt.subplots(figsize=(10, 4))
    ax.plot(times, obs, color="black", marker=".", lw=1, label="observed")
    ax.plot(times, model, color="tab:red", marker=".", lw=1, label="model")
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_title(f"{p}: model vs observed, city mean")
    ax.set_xlabel("Beijing time (UTC+8), end of averaging hour")
    ax.set_ylabel(f"{p} [{unit}]")
    ax.grid(alpha=0.3)
    ax.legend()
    save(fig, path)


def pearson(x, y):
    if x.size < 2 or x.std() == 0 or y.std() == 0:
        return math.nan
    return float(np.corrcoef(x, y)[0, 1])


def plot_scatter(p, unit, rows, path):
    pairs = np.array([(o, m) for _, m, o in rows if math.isfinite(m) and math.isfinite(o)])
    obs, model = (pairs[:, 0], pairs[:, 1]) if pairs.size else (np.empty(0), np.empty(0))
    r = pearson(obs, model)
    fig, ax = plt.subplots(figsize=(5.5, 5.5))
    ax.scatter(obs, model, s=6, alpha=0.4, color="tab:blue", edgecolors="none")
    lo = min(0.0, float(obs.min()), float(model.min())) if obs.size else 0.0
    hi = max(float(obs.max()), float(model.max())) * 1.05 if obs.size else 1.0
    hi = hi if hi > lo else lo + 1.0
    line = np.array([lo, hi])
    ax.plot(line, line, color="black", lw=1, label="1:1")
    ax.plot(line, 2 * line, color="grey", lw=1, ls="--", label="2:1 and 1:2")
    ax.plot(line, 0.5 * line, color="grey", lw=1, ls="--")
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_aspect("equal")
    r_text = "n/a" if math.isnan(r) else f"{r:.2f}"
    ax.set_title(f"{p}: model vs observed, station-hours\nN = {obs.size}, r = {r_text}")
    ax.set_xlabel(f"observed {p} [{unit}]")
    ax.set_ylabel(f"model {p} [{unit}]")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left")
    save(fig, path)


def plot_diurnal(p, unit, rows, path):
    # The hour the average starts: the row ending 01:00 Beijing time is hour 0.
    hours, model, obs = grouped_means(rows, key=lambda t: (t - timedelta(hours=1)).hour)
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(hours, obs, color="black", marker="o", ms=3, lw=1, label="observed")
    ax.plot(hours, model, color="tab:red", marker="o", ms=3, lw=1, label="model")
    ax.set_xticks(range(0, 24, 3))
    ax.set_xlim(-0.5, 23.5)
    ax.set_title(f"{p}: mean diurnal cycle, model vs observed [{unit}]")
    ax.set_xlabel("hour of day, Beijing time (UTC+8), start of averaging hour")
    ax.set_ylabel(f"{p} [{unit}]")
    ax.grid(alpha=0.3)
    ax.legend()
    save(fig, path)


def read_whole_months(path):
    """-> {(quantity, "YYYY-MM"): observed mean of the whole month} from months.csv; {} without it."""
    if not os.path.exists(path):
        return {}
    return {(row["quantity"], row["month"]):
            number(row["observed_month"], where, "observed_month", optional=True)
            for where, row in csv_rows(path, required=("quantity", "month", "observed_month"))}


def plot_seasonal(p, unit, rows, whole_months, path):
    # Only the hours with an observation, so that model and observed mean the same hours.
    paired = [(t, m, o) for t, m, o in rows if math.isfinite(o)]
    months, model, obs = grouped_means(
        paired, key=lambda t: (t - timedelta(hours=1)).strftime("%Y-%m"))
    fig, ax = plt.subplots(figsize=(7, 4))
    x = np.arange(len(months))
    whole = [whole_months.get((p, m), math.nan) for m in months]
    if any(math.isfinite(w) for w in whole):
        ax.plot(x, whole, color="black", ls="--", marker="s", ms=4, lw=1,
                label="observed, whole month")
    ax.plot(x, obs, color="black", marker="o", ms=4, lw=1, label="observed, same hours")
    ax.plot(x, model, color="tab:red", marker="o", ms=4, lw=1, label="model")
    ax.set_xticks(x)
    ax.set_xticklabels(months, rotation=45)
    ax.set_ylim(bottom=0)
    ax.set_title(f"{p}: monthly mean of the hours observed, model vs observed [{unit}]")
    ax.set_xlabel("month, Beijing time (UTC+8)")
    ax.set_ylabel(f"{p} [{unit}]")
    ax.grid(alpha=0.3)
    ax.legend()
    save(fig, path)


def main(argv):
    if len(argv) != 2:
        print("usage: python3 scripts/plot_validation.py REPORT_DIR", file=sys.stderr)
        return 2
    report = argv[1]
    try:
        data = read_pairs(os.path.join(report, "pairs.csv"))
    except InputError as e:
        print(f"plot_validation: {e}", file=sys.stderr)
        return 1
    try:
        whole_months = read_whole_months(os.path.join(report, "months.csv"))
    except InputError as e:
        print(f"plot_validation: {e}", file=sys.stderr)
        return 1
    pollutants = [p for p in ORDER if p in data] + sorted(p for p in data if p not in ORDER)
    for p in pollutants:
        name = re.sub(r"[^A-Za-z0-9_-]", "", p)
        unit, rows = data[p]["unit"], data[p]["rows"]
        plot_timeseries(p, unit, rows, os.path.join(report, f"timeseries_{name}.png"))
        plot_scatter(p, unit, rows, os.path.join(report, f"scatter_{name}.png"))
        plot_diurnal(p, unit, rows, os.path.join(report, f"diurnal_{name}.png"))
        plot_seasonal(p, unit, rows, whole_months,
                      os.path.join(report, f"seasonal_{name}.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
