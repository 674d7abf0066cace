#include "apportionment/emission_routes.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace kctm {

EmissionRoutes emission_routes(const SourceSet& sources, const RegionMask& mask, int n_sectors) {
  const std::size_t columns = mask.unit_of_cell.size();
  auto uniform = [&](int source) {
    return ColumnRoute{std::vector<double>(columns, sources.factors.at(source)),
                       std::vector<int>(columns, source)};
  };
  EmissionRoutes routes;
  // With a user's inventory the built-in one's origins may belong to no source: they emit nothing.
  bool built_in = sources.regional >= 0;
  for (const std::vector<int>& row : sources.local) {
    built_in = built_in && std::find(row.begin(), row.end(), -1) == row.end();
  }
  for (int s = 0; built_in && s < n_sectors; ++s) {
    ColumnRoute local;
    for (std::size_t c = 0; c < columns; ++c) {
      local.source.push_back(sources.local_source(s, mask.unit_of_cell[c]));
      local.factor.push_back(sources.factors.at(local.source.back()));
    }
    routes.sector_origin.push_back(local);
    routes.sector_origin.push_back(uniform(sources.regional));
  }
  if (sources.user >= 0) routes.user = uniform(sources.user);
  return routes;
}

}  // namespace kctm
