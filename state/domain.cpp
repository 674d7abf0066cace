#include "state/domain.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "base/error.hpp"
#include "base/input_file.hpp"

namespace kctm {

namespace {

RegionMask load_mask(const RunConfig& c, const GlobalGrid& grid, const Subdomain& sub) {
  if (c.counties_file_required ||
      (!c.counties_file.empty() && std::filesystem::exists(c.counties_file))) {
    require_input_file(c.counties_file, "boundary file", c.counties_file_where);
    return rasterise_regions(grid, sub, read_geojson_regions(c.counties_file), c.mask_subsamples);
  }
  if (!c.counties_file.empty()) {
    spdlog::warn("no boundary file at '{}': the whole core box is one unit", c.counties_file);
  }
  return core_box_mask(grid, sub, c.domain.core);
}

}  // namespace

Domain build_domain(const RunConfig& config, int halo) {
  GlobalGrid grid = GlobalGrid::from_spec(config.domain);
  const Subdomain sub = whole_domain(grid, halo);
  GridGeometry geometry = compute_geometry(grid, sub);
  RegionMask mask = load_mask(config, grid, sub);
  return {std::move(grid), sub, std::move(geometry), std::move(mask)};
}

}  // namespace kctm
