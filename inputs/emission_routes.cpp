#include "inputs/emission_routes.hpp"

#include <cstddef>

namespace kctm {

const ColumnRoute& EmissionRoutes::of(int sector, EmissionOrigin origin) const {
  static const ColumnRoute kUntagged;
  const std::size_t r = static_cast<std::size_t>(sector) * 2 + static_cast<std::size_t>(origin);
  return r < sector_origin.size() ? sector_origin[r] : kUntagged;
}

}  // namespace kctm
