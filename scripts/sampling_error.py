#!/usr/bin/env python3
"""How well N days a month stand for the month: the error of a sampled year's monthly means.

Usage: scripts/sampling_error.py OBS_CSV [--days N ...] [--first-day D]

From hourly CNEMC observations (date,hour,type,<stations>), the city's daily PM2.5 (the mean of
the stations' daily means, days with at least 20 hours, HJ 663-2013) for every month they cover.
For each N it prints, per month, the mean of the N consecutive days from day D (the days
`scripts/sampled-year.sh` runs) against the month's mean, and over every start day of every
month the root-mean-square relative error of an N-day window's mean: what sampling N days costs
before the model makes any error of its own.
"""
import argparse
import csv
import math
from collections import defaultdict


def city_daily_pm25(path):
    """{'YYYYMMDD': city mean of the stations' daily PM2.5} over days with data."""
    hours = defaultdict(lambda: defaultdict(list))  # day -> station -> hourly values
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        header = next(rows)
        stations = header[3:]
        for row in rows:
            if row[2] != "PM2.5":
                continue
            for code, value in zip(stations, row[3:]):
                if value.strip():
                    hours[row[0]][code].append(float(value))
    daily = {}
    for day, by_station in hours.items():
        means = [sum(v) / len(v) for v in by_station.values() if len(v) >= 20]
        if means:
            daily[day] = sum(means) / len(means)
    return daily


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("obs")
    parser.add_argument("--days", type=int, nargs="+", default=[2, 3, 5, 7])
    parser.add_argument("--first-day", type=int, default=10)
    args = parser.parse_args()
    daily = city_daily_pm25(args.obs)
    months = defaultdict(list)
    for day in sorted(daily):
        months[day[:6]].append(daily[day])
    print("month  mean  " + "  ".join(f"{n}d from day {args.first_day}" for n in args.days))
    for month, values in sorted(months.items()):
        mean = sum(values) / len(values)
        cells = []
        for n in args.days:
            window = values[args.first_day - 1:args.first_day - 1 + n]
            cells.append(f"{sum(window) / len(window):6.1f} ({100 * (sum(window) / len(window) / mean - 1):+4.0f} %)"
                         if len(window) == n else "     -")
        print(f"{month} {mean:5.1f}  " + "  ".join(cells))
    for n in args.days:
        errors = []
        for values in months.values():
            mean = sum(values) / len(values)
            for start in range(len(values) - n + 1):
                errors.append(sum(values[start:start + n]) / n / mean - 1)
        rms = math.sqrt(sum(e * e for e in errors) / len(errors))
        # N single days spread evenly over the month, every offset: runs of one day each.
        spread = []
        for values in months.values():
            mean = sum(values) / len(values)
            step = len(values) // n
            for offset in range(step):
                picked = values[offset::step][:n]
                spread.append(sum(picked) / n / mean - 1)
        rms_spread = math.sqrt(sum(e * e for e in spread) / len(spread))
        # Over several months the monthly errors average out as 1/sqrt(months).
        print(f"{n} days a month: RMS error of a month's mean {100 * rms:.0f} % as consecutive "
              f"days, {100 * rms_spread:.0f} % spread over the month; of a {len(months)}-month "
              f"mean about {100 * rms / math.sqrt(len(months)):.0f} % and "
              f"{100 * rms_spread / math.sqrt(len(months)):.0f} %")


if __name__ == "__main__":
    main()
