#include "inputs/urban_fraction.hpp"

#include <algorithm>
#include <cmath>

#include "emissions/surrogates.hpp"
#include "inputs/emissions_setup.hpp"

namespace kctm {

std::vector<double> urban_fraction(const Domain& d, const std::vector<CountyStats>& counties) {
  const std::vector<double> area_m2 = interior_cell_areas(d);
  const UnitPeople units = unit_people(d.mask, area_m2, counties);
  const SeatCores cores(d.grid.projection(), counties);
  const int samples = std::max(1, static_cast<int>(std::lround(d.grid.dx_m() / 1000.0)));
  std::vector<double> fraction(area_m2.size(), 0.0);
  for (int j = 0; j < d.sub.ny; ++j) {
    for (int i = 0; i < d.sub.nx; ++i) {
      const std::size_t c = static_cast<std::size_t>(j) * d.sub.nx + i;
      const int u = d.mask.unit_of_cell[c];
      // The even part as the cell's mean: the unit's density over the share of the cell it covers.
      const double even = u >= 0 ? units.density_per_km2(u) * d.mask.unit_fraction[c] : 0.0;
      int urban = 0;
      for (int b = 0; b < samples; ++b) {
        for (int a = 0; a < samples; ++a) {
          const ProjXY p{
              d.grid.x_center_m(d.sub.i0 + i) + ((a + 0.5) / samples - 0.5) * d.grid.dx_m(),
              d.grid.y_center_m(d.sub.j0 + j) + ((b + 0.5) / samples - 0.5) * d.grid.dy_m()};
          urban += people_per_km2(even, cores.density_per_km2(p)) >= kUrbanCentreDensity_per_km2;
        }
      }
      fraction[c] = static_cast<double>(urban) / (samples * samples);
    }
  }
  return fraction;
}

}  // namespace kctm
