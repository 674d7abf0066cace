#pragma once
// An annual emission inventory by pollutant and sector, as a plan states it: totals, the sector
// shares it gives, and the unstated remainder spread over the other sectors by a stated rule.
// The built-in one is Hengyang's 2018 inventory (emissions/data/hengyang_2018_inventory.yaml).
#include <string>
#include <vector>

namespace kctm {

struct PointShare {
  std::string pollutant, sector;
  double share_pct;                ///< of the pollutant's total, put on the point sources
  std::vector<std::string> types;  ///< point-source types (point_sources.csv `type`) that take it
};

struct Inventory {
  std::string source;                   ///< where the numbers come from
  std::vector<std::string> pollutants;  ///< e.g. PM25, PM10, NOx, SO2, NH3, CO, VOC
  std::vector<std::string> sectors;     ///< the plan's source sectors
  /// Annual emission (pollutant, sector) [t yr-1], row-major by pollutant.
  std::vector<double> tonnes;
  /// Whether the plan states the share (true) or it comes from the remainder rule (false).
  std::vector<bool> stated;
  std::vector<PointShare> point_shares;

  double t(int pollutant, int sector) const { return tonnes[pollutant * sectors.size() + sector]; }
  int pollutant_index(const std::string& name) const;  ///< −1 when absent
  int sector_index(const std::string& name) const;     ///< −1 when absent
  double total_t(int pollutant) const;
};

/// Parses an inventory YAML (layout as in the built-in file); errors name `where` and the key.
Inventory parse_inventory(const std::string& yaml_text, const std::string& where);

/// Hengyang's 2018 inventory (attainment plan, section 二.(一).1).
const Inventory& hengyang_2018_inventory();

}  // namespace kctm
