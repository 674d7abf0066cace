#!/usr/bin/env python3
"""Maps of annual emissions per sector, one PNG per pollutant, from `kctm emissions --write FILE`.

Usage: scripts/plot_emissions.py EMISSIONS.nc OUTDIR
Needs Debian's python3-netcdf4 and python3-matplotlib (`make plot-deps` installs them).
"""
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.colors import LogNorm  # noqa: E402
from netCDF4 import Dataset  # noqa: E402


def main(path, outdir):
    os.makedirs(outdir, exist_ok=True)
    with Dataset(path) as nc:
        sectors = nc.getncattr("sectors").split()
        lon, lat = nc["lon"][:], nc["lat"][:]
        extent = [float(lon.min()), float(lon.max()), float(lat.min()), float(lat.max())]
        for name in [v for v in nc.variables if v.startswith("E_")]:
            e = np.asarray(nc[name][:])
            pollutant = name[2:]
            positive = e[e > 0]
            if positive.size == 0:
                continue
            norm = LogNorm(vmin=max(positive.min(), positive.max() * 1e-4), vmax=positive.max())
            cols = 4
            rows = (len(sectors) + cols - 1) // cols
            fig, axes = plt.subplots(rows, cols, figsize=(4 * cols, 3.6 * rows), squeeze=False)
            for ax, sector, field in zip(axes.flat, sectors, e):
                total = field.sum()
                masked = np.ma.masked_less_equal(field, 0)
                # The Lambert grid drawn as an image over its longitude-latitude extent: close
                # enough near Hengyang for a map of where emissions are.
                mesh = ax.imshow(masked, origin="lower", norm=norm, cmap="magma_r",
                                 extent=extent, aspect="auto")
                ax.set_title(f"{sector}\n{total:,.0f} t/yr", fontsize=9)
                ax.tick_params(labelsize=7)
            for ax in axes.flat[len(sectors):]:
                ax.axis("off")
            fig.colorbar(mesh, ax=axes, shrink=0.8, label=f"{pollutant} [t/yr per cell]")
            fig.suptitle(f"Hengyang 2018 inventory and its neighbours on the kctm grid: {pollutant} "
                         f"(total {e.sum():,.0f} t/yr)")
            out = os.path.join(outdir, f"emissions_{pollutant}.png")
            fig.savefig(out, dpi=90)
            plt.close(fig)
            print(f"output: {out}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
