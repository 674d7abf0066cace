#include "app/emissions_summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "inputs/emissions_setup.hpp"

namespace kctm {

std::string emissions_summary(const RunConfig& config) {
  const Domain d = build_domain(config, 0);
  const EmissionModel model = build_emission_model(d, emission_options(config));
  const Inventory& inv = model.inventory();
  std::string out = fmt::format(
      "Emission inventory: {}\n[t/yr]; * = share spread by the remainder rule\n\n", inv.source);
  out += fmt::format("{:<24}", "sector");
  for (const std::string& p : inv.pollutants) out += fmt::format("{:>11}", p);
  out += "\n";
  for (std::size_t s = 0; s < inv.sectors.size(); ++s) {
    out += fmt::format("{:<24}", inv.sectors[s]);
    for (std::size_t p = 0; p < inv.pollutants.size(); ++p) {
      const double t = inv.t(static_cast<int>(p), static_cast<int>(s));
      const bool rule = !inv.stated[p * inv.sectors.size() + s] && t > 0;
      out += fmt::format("{:>10.0f}{}", t, rule ? "*" : " ");
    }
    out += "\n";
  }
  out += fmt::format("{:<24}", "total");
  for (std::size_t p = 0; p < inv.pollutants.size(); ++p) {
    out += fmt::format("{:>10.0f} ", inv.total_t(static_cast<int>(p)));
  }
  out +=
      "\n\nPoint sources (equal shares of the plan's sub-sector share; the stack top's layer, "
      "from which plumes rise in a run):\n";
  for (const EmissionModel::PointEmission& e : model.point_emissions()) {
    out += fmt::format("  {:<48} {:<4} {:<22} {:>9.0f} t/yr  layer {}\n", e.name,
                       inv.pollutants[e.pollutant], inv.sectors[e.sector], e.annual_t, e.k);
  }
  // Gridded emissions of the run's year: each sector's annual cells times the sum of its
  // hourly fractions over the year's hours.
  const int year = local_date(config.start, kBeijingUtcOffsetS).year;
  const UnixSeconds first = local_midnight({year, 1, 1}, kBeijingUtcOffsetS);
  const UnixSeconds last = local_midnight({year + 1, 1, 1}, kBeijingUtcOffsetS);
  const std::size_t np = inv.pollutants.size(),
                    plane = static_cast<std::size_t>(d.sub.nx) * d.sub.ny;
  double worst = 0;
  std::vector<double> scaled(np, 0.0), regional(np, 0.0);
  for (std::size_t s = 0; s < inv.sectors.size(); ++s) {
    double hours = 0;
    for (UnixSeconds t = first; t < last; t += 3600) {
      hours += model.profiles().hour_fraction(inv.sectors[s], t);
    }
    const std::vector<double> local = model.annual_t(static_cast<int>(s), EmissionOrigin::Local);
    const std::vector<double> outside =
        model.annual_t(static_cast<int>(s), EmissionOrigin::Regional);
    for (std::size_t p = 0; p < np; ++p) {
      double gridded = 0;
      for (std::size_t c = 0; c < plane; ++c) {
        gridded += local[p * plane + c] * hours;
        regional[p] += outside[p * plane + c] * hours;
      }
      scaled[p] += gridded;
      const double want = inv.t(static_cast<int>(p), static_cast<int>(s));
      if (want > 0) worst = std::max(worst, std::abs(gridded - want) / want);
    }
  }
  out += fmt::format(
      "\nGridded on {} x {} cells of {:.0f} km over {} ({} county-level units), year {}",
      d.grid.nx(), d.grid.ny(), d.grid.dx_m() / 1000,
      d.mask.from_boundary_file ? "the county outlines" : "the core box", d.mask.units.size(),
      year);
  if (config.emissions_scale.empty()) {
    out += fmt::format(": every pollutant and sector within {:.1e} of the inventory.\n", worst);
  } else {
    out += ", after emissions.scale [t/yr]:\n";
    for (std::size_t p = 0; p < inv.pollutants.size(); ++p) {
      out += fmt::format("  {:<6} {:>10.0f}  ({:.1f} % of the inventory)\n", inv.pollutants[p],
                         scaled[p], 100 * scaled[p] / inv.total_t(static_cast<int>(p)));
    }
  }
  out += fmt::format(
      "\nNeighbouring cities inside the domain (emissions.regional_factor {}) [t/yr]:\n",
      config.emissions_regional_factor);
  for (std::size_t p = 0; p < np; ++p) {
    out += fmt::format("  {:<6} {:>10.0f}\n", inv.pollutants[p], regional[p]);
  }
  return out;
}

}  // namespace kctm
