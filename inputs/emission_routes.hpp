#pragma once
// Where each origin's emissions go among the tag fields of source apportionment, column by column.
// Built from the sources by apportionment/emission_routes; read each hour by the emission filler.
#include <vector>

#include "emissions/emission_model.hpp"

namespace kctm {

/// Where one origin's emissions go, column by column over the interior (j, i): a factor on them
/// (source_apportionment.factors) and the source whose tags take them. Empty: 1, untagged.
struct ColumnRoute {
  std::vector<double> factor;
  std::vector<int> source;
};

/// The routes of the built-in inventory's origins (sector × local/regional) and of a user's
/// inventory. Without source apportionment every route is empty.
struct EmissionRoutes {
  std::vector<ColumnRoute> sector_origin;  ///< [sector * 2 + origin]
  ColumnRoute user;
  const ColumnRoute& of(int sector, EmissionOrigin origin) const;
};

}  // namespace kctm
