#include "inputs/emissions_setup.hpp"

#include "base/civil_time.hpp"

namespace kctm {

std::vector<double> interior_cell_areas(const Domain& d) {
  std::vector<double> area;
  for (int j = 0; j < d.sub.ny; ++j) {
    for (int i = 0; i < d.sub.nx; ++i) {
      area.push_back(d.geometry.cell_area_m2[d.geometry.at(i + d.sub.halo, j + d.sub.halo)]);
    }
  }
  return area;
}

EmissionOptions emission_options(const RunConfig& c) {
  return {c.emissions_scale, c.emissions_scale_where, c.emissions_regional_factor,
          load_release_heights(c.emissions_release_heights_file)};
}

EmissionModel build_emission_model(const Domain& d, const EmissionOptions& options,
                                   const std::vector<IndustrialPark>& parks) {
  return EmissionModel(hengyang_2018_inventory(),
                       TemporalProfiles(builtin_temporal_profiles(), kBeijingUtcOffsetS), d.grid,
                       d.sub, d.mask, interior_cell_areas(d), hengyang_counties(),
                       hengyang_point_sources(), hengyang_roads(), parks, options);
}

}  // namespace kctm
