#include "model/emitted_species.hpp"

namespace kctm {

EmittedSpecies add_emitted_species(const Inventory& inv, FieldRegistry& registry) {
  EmittedSpecies out;
  out.pollutants = inv.pollutants;
  const int pm25 = inv.pollutant_index("PM25");
  for (std::size_t p = 0; p < inv.pollutants.size(); ++p) {
    const std::string& name = inv.pollutants[p];
    EmittedSpecies::Species s;
    s.name = name;
    s.long_name = "emitted " + name + " (passive until chemistry)";
    s.pollutant = static_cast<int>(p);
    if (name == "PM25") {
      s.name = "PPM25";
      s.long_name = "primary PM2.5 (passive)";
    } else if (name == "PM10" && pm25 >= 0) {
      s.name = "PMC";
      s.long_name = "primary coarse PM, PM10 - PM2.5 (passive)";
      s.minus_pollutant = pm25;
    }
    s.field = registry.add_species({s.name, s.long_name, Phase::Tracer, 0.0});
    out.list.push_back(s);
  }
  return out;
}

void hourly_inventory_tonnes(const EmissionModel& model, UnixSeconds t,
                             const std::vector<int>& point_layers, std::vector<double>& tonnes) {
  std::fill(tonnes.begin(), tonnes.end(), 0.0);
  for (std::size_t s = 0; s < model.inventory().sectors.size(); ++s) {
    for (const EmissionOrigin origin : {EmissionOrigin::Local, EmissionOrigin::Regional}) {
      model.add_hour(static_cast<int>(s), origin, t, tonnes, &point_layers);
    }
  }
}

void hourly_user_tonnes(const UserInventory& user, const std::vector<std::string>& pollutants,
                        UnixSeconds t, std::vector<double>& tonnes) {
  std::fill(tonnes.begin(), tonnes.end(), 0.0);
  const std::size_t per_pollutant = tonnes.size() / pollutants.size();
  constexpr double kKgPerSecond_to_tonnes_per_hour = 3600.0 / 1000.0;
  for (std::size_t p = 0; p < pollutants.size(); ++p) {
    const auto& names = user.pollutants();
    if (std::find(names.begin(), names.end(), pollutants[p]) == names.end()) continue;
    double* ground = tonnes.data() + p * per_pollutant;  // layer 0 of pollutant p
    for (std::size_t s = 0; s < user.sectors().size(); ++s) {
      const std::vector<double> r = user.regridded(pollutants[p], static_cast<int>(s), t);
      for (std::size_t c = 0; c < r.size(); ++c)
        ground[c] += r[c] * kKgPerSecond_to_tonnes_per_hour;
    }
  }
}

BiogenicSpecies add_biogenic_species(FieldRegistry& registry) {
  BiogenicSpecies b;
  b.isoprene = {"ISOP", "biogenic isoprene (passive until chemistry)", -1};
  b.monoterpene = {"TERP", "biogenic monoterpenes (passive until chemistry)", -1};
  for (EmittedField* f : {&b.isoprene, &b.monoterpene}) {
    f->field = registry.add_species({f->name, f->long_name, Phase::Tracer, 0.0});
  }
  return b;
}

}  // namespace kctm
