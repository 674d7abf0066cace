#include "model/emitted_species.hpp"

namespace kctm {

EmittedSpecies add_emitted_species(const Inventory& inv, FieldRegistry& registry) {
  EmittedSpecies out;
  out.n_pollutants = static_cast<int>(inv.pollutants.size());
  const int pm25 = inv.pollutant_index("PM25");
  for (std::size_t p = 0; p < inv.pollutants.size(); ++p) {
    const std::string& name = inv.pollutants[p];
    EmittedSpecies::Species s{
        name, "emitted " + name + " (passive until chemistry)", -1, static_cast<int>(p), -1, name,
        ""};
    if (name == "PM25") {
      s.name = "PPM25";
      s.long_name = "primary PM2.5 (passive)";
    } else if (name == "PM10" && pm25 >= 0) {
      s.name = "PMC";
      s.long_name = "primary coarse PM, PM10 - PM2.5 (passive)";
      s.minus_pollutant = pm25;
      s.minus_inventory_name = "PM25";
    }
    s.field = registry.add_species({s.name, s.long_name, Phase::Tracer, 0.0});
    out.list.push_back(s);
  }
  return out;
}

BiogenicSpecies add_biogenic_species(FieldRegistry& registry) {
  return {registry.add_species(
              {"ISOP", "biogenic isoprene (passive until chemistry)", Phase::Tracer, 0.0}),
          registry.add_species(
              {"TERP", "biogenic monoterpenes (passive until chemistry)", Phase::Tracer, 0.0})};
}

}  // namespace kctm
