#include "app/box_model.hpp"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>

#include "base/constants.hpp"
#include "base/error.hpp"
#include "base/spelling.hpp"
#include "base/text_file.hpp"
#include "chemistry/chemistry_step.hpp"
#include "chemistry/cloud_water.hpp"
#include "chemistry/photolysis.hpp"
#include "chemistry/species.hpp"
#include "config/key_bounds.hpp"
#include "kernels/host_copy.hpp"
#include "kernels/solar.hpp"
#include "meteo/thermo.hpp"

namespace kctm {

namespace {

constexpr double kAirMolarMass = 1e3 * constants::kMolarMassDryAir;  // [g mol-1]

std::string key_where(const std::string& path, const YAML::Node& node, const std::string& key) {
  return path + ":" + std::to_string(node.Mark().line + 1) + ": " + key;
}

double read_double(const std::string& path, const YAML::Node& node, const std::string& key) {
  try {
    return node.as<double>();
  } catch (const YAML::Exception&) {
    throw Error(key_where(path, node, key), "expected a number, got '" + node.Scalar() + "'");
  }
}

std::map<std::string, double> read_species(const std::string& path, const YAML::Node& node,
                                           const std::string& key) {
  if (!node.IsMap()) throw Error(key_where(path, node, key), "expected a map species: value");
  const std::vector<std::string> names = chem::species_names();
  std::map<std::string, double> out;
  for (const auto& item : node) {
    const std::string name = item.first.as<std::string>();
    const std::string where = key + "." + name;
    if (chem::species_index(name) < 0) {
      throw Error(key_where(path, item.first, where), "unknown species", did_you_mean(name, names));
    }
    const double v = read_double(path, item.second, where);
    check_range(key_where(path, item.second, where), v, 0, 1e5,
                "100 ppm or 100 mg m-3 (per hour) is beyond any air a box stands for");
    out[name] = v;
  }
  return out;
}

/// Mass mixing ratio [kg kg-1] per unit of the box's species unit (ppb or µg m-3) in air of
/// density rho.
double q_per_unit(const chem::SpeciesEntry& s, double rho) {
  return s.phase == chem::SpeciesPhase::Gas ? 1e-9 * s.molar_mass_g_mol / kAirMolarMass
                                            : 1e-9 / rho;
}

double local_solar_hour(UnixSeconds t, double lon_deg) {
  const double h = std::fmod(static_cast<double>(t) / 3600.0 + lon_deg / 15.0, 24.0);
  return h < 0 ? h + 24.0 : h;
}

}  // namespace

BoxConfig read_box_config(const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::Load(read_text_file(path, "box configuration"));
  } catch (const YAML::Exception& e) {
    throw Error(path + ":" + std::to_string(e.mark.line + 1), "invalid YAML", e.msg);
  }
  if (!root.IsMap()) throw Error(path, "expected a map of box settings");
  BoxConfig c;
  // Each number within the range of the air a box can hold (troposphere, surface to 5 km).
  struct Bounded {
    double* value;
    double lo, hi;
  };
  std::map<std::string, Bounded> numbers = {
      {"hours", {&c.hours, 0.01, 8784}},  // up to a leap year
      {"step_s", {&c.step_s, 1, 3600}},
      {"output_every_s", {&c.output_every_s, 1, 8784 * 3600.0}},
      {"latitude_deg", {&c.latitude_deg, -90, 90}},
      {"longitude_deg", {&c.longitude_deg, -180, 360}},
      {"temperature_k", {&c.temperature_k, 180, 330}},
      {"temperature_amplitude_k", {&c.temperature_amplitude_k, 0, 30}},
      {"pressure_pa", {&c.pressure_pa, 1e4, 1.1e5}},
      {"relative_humidity", {&c.relative_humidity, 0, 1}},
      {"cloud_water_g_m3", {&c.cloud_water_g_m3, 0, 5}},
      {"cloud_fraction", {&c.cloud_fraction, 0, 1}},
      {"cloud_optical_depth", {&c.cloud_optical_depth, 0, 500}},
      {"mixing_height_m", {&c.mixing_height_m, 0, 5000}},
      {"dilution_per_h", {&c.dilution_per_h, 0, 100}},
      {"rtol", {&c.solver.rtol, 1e-8, 0.1}},
      {"atol", {&c.solver.atol, 1e-3, 1e5}},
  };
  std::map<std::string, std::map<std::string, double>*> maps = {
      {"initial", &c.initial}, {"emissions", &c.emissions}, {"background", &c.background}};
  std::vector<std::string> known = {"start"};
  for (const auto& [k, v] : numbers) known.push_back(k);
  for (const auto& [k, v] : maps) known.push_back(k);
  bool have_start = false;
  for (const auto& item : root) {
    const std::string key = item.first.as<std::string>();
    if (key == "start") {
      if (!parse_iso8601(item.second.Scalar(), c.start)) {
        throw Error(key_where(path, item.second, key), "not an ISO 8601 time",
                    "e.g. 2019-07-15T06:00:00+08:00");
      }
      have_start = true;
    } else if (numbers.count(key)) {
      const Bounded& b = numbers.at(key);
      *b.value = read_double(path, item.second, key);
      check_range(key_where(path, item.second, key), *b.value, b.lo, b.hi);
    } else if (maps.count(key)) {
      *maps[key] = read_species(path, item.second, key);
    } else {
      throw Error(key_where(path, item.first, key), "unknown key", did_you_mean(key, known));
    }
  }
  if (!have_start) throw Error(path + ": start", "missing", "e.g. 2019-07-15T06:00:00+08:00");
  return c;
}

BoxRun run_box(const BoxConfig& c) {
  const int n = static_cast<int>(chem::kSpecies.size());
  std::vector<int> fields(n);
  for (int s = 0; s < n; ++s) fields[s] = s;
  const chem::Chemistry chemistry(fields, c.solver);

  View4D<double> q("box_q", n, 1, 1, 1);
  View3D<double> air("box_air", 1, 1, 1);
  auto q_host = Kokkos::create_mirror_view(q);
  chem::ChemistryMeteo met = chem::ChemistryMeteo::allocate(1, 1, 1);
  auto set = [](const View3D<double>& v, double x) { Kokkos::deep_copy(v, x); };
  set(met.rh, c.relative_humidity);
  set(met.cloud_above, 0.0);
  Kokkos::deep_copy(met.cloud_fraction, c.cloud_fraction);
  Kokkos::deep_copy(met.cloud_tau, c.cloud_optical_depth);
  Kokkos::deep_copy(met.lat_deg, c.latitude_deg);
  Kokkos::deep_copy(met.lon_deg, c.longitude_deg);
  // The ground's surface per volume of the box, as chemistry_inputs gives the lowest layer [cm-1].
  Kokkos::deep_copy(
      met.ground_area_cm2_cm3,
      c.mixing_height_m > 0 ? chem::kSurfaceAreaIndex / c.mixing_height_m * 1e-2 : 0.0);

  auto temperature = [&](UnixSeconds t) {  // warmest at 14 h local solar time
    const double h = local_solar_hour(t, c.longitude_deg);
    return c.temperature_k +
           c.temperature_amplitude_k * std::cos(2 * constants::kPi * (h - 14.0) / 24.0);
  };
  double rho = 0;
  auto update_meteo = [&](UnixSeconds t) {
    const double tk = temperature(t);
    rho = c.pressure_pa / (constants::kRd * tk);
    const double air_cm3 = c.pressure_pa / (constants::kBoltzmann * tk) * 1e-6;
    const double es = thermo::saturation_vapour_pressure_pa(tk);
    set(met.t_k, tk);
    set(met.air_molec_cm3, air_cm3);
    set(met.h2o_molec_cm3, c.relative_humidity * es / c.pressure_pa * air_cm3);
    set(met.lwc, c.cloud_water_g_m3 * 1e-6);  // g m-3 → L water per L air
    set(air, rho);
    return tk;
  };
  auto values = [&](double tk, UnixSeconds t) {
    Kokkos::deep_copy(q_host, q);
    BoxRecord r{t, tk, 0, std::nan(""), std::vector<double>(n)};
    for (int s = 0; s < n; ++s)
      r.values[s] = q_host(s, 0, 0, 0) / q_per_unit(chem::kSpecies[s], rho);
    if (c.cloud_water_g_m3 > 0) {
      auto mol_l = [&](const char* name) {  // mol per L of air
        const int s = chem::species_index(name);
        return q_host(s, 0, 0, 0) * rho / chem::kSpecies[s].molar_mass_g_mol;
      };
      const chem::CloudWaterTotals totals = {mol_l("SULF"), mol_l("HNO3") + mol_l("NIT"),
                                             mol_l("NH3") + mol_l("NH4"), mol_l("SO2")};
      r.cloud_ph = -std::log10(
          chem::cloud_water_hplus(totals, c.cloud_water_g_m3 * 1e-6, tk,
                                  c.pressure_pa / constants::kStandardAtmosphere, 1e-5));
    }
    double j[chem::kPhotolysisCount];
    const double cosz = cos_solar_zenith(static_cast<double>(t), c.latitude_deg, c.longitude_deg);
    chem::clear_sky_photolysis(cosz, j);
    r.j_no2_s = j[chem::kJNO2] *
                chem::cloud_photolysis_factor(c.cloud_fraction, c.cloud_optical_depth, cosz, 0.0);
    return r;
  };

  double tk = update_meteo(c.start);
  for (const auto& [name, v] : c.initial) {
    const int s = chem::species_index(name);
    q_host(s, 0, 0, 0) = v * q_per_unit(chem::kSpecies[s], rho);
  }
  Kokkos::deep_copy(q, q_host);
  BoxRun run;
  run.records.push_back(values(tk, c.start));
  const long steps = std::lround(c.hours * 3600.0 / c.step_s);
  const long every = std::max(1L, std::lround(c.output_every_s / c.step_s));
  const double keep = std::exp(-c.dilution_per_h / 3600.0 * c.step_s);
  for (long step = 0; step < steps; ++step) {
    const double t0 = static_cast<double>(c.start) + step * c.step_s;
    tk = update_meteo(static_cast<UnixSeconds>(std::llround(t0 + c.step_s / 2)));
    // Emissions and dilution, operator-split before the chemistry.
    Kokkos::deep_copy(q_host, q);
    for (int s = 0; s < n; ++s) {
      const std::string name(chem::kSpecies[s].name);
      const double per = q_per_unit(chem::kSpecies[s], rho);
      double& x = q_host(s, 0, 0, 0);
      if (c.emissions.count(name)) x += c.emissions.at(name) * per * c.step_s / 3600.0;
      if (c.dilution_per_h > 0) {
        const double bg = c.background.count(name) ? c.background.at(name) * per : 0.0;
        x = bg + (x - bg) * keep;
      }
    }
    Kokkos::deep_copy(q, q_host);
    const chem::ChemistryStats s = chemistry.step(met, air, q, 0, t0 + c.step_s / 2, c.step_s);
    run.solver_steps += s.steps;
    run.rejected += s.rejected;
    run.clipped += s.clipped;
    run.failed += s.failed_cells;
    if ((step + 1) % every == 0 || step + 1 == steps) {
      const auto t = static_cast<UnixSeconds>(std::llround(t0 + c.step_s));
      run.records.push_back(values(tk, t));
    }
  }
  return run;
}

void write_box_csv(const BoxRun& run, const std::string& path) {
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial);
    if (!out) throw Error(path, "cannot write the box output", "check the folder exists");
    out << "time_utc,T_K,J_NO2_s-1,cloud_pH";
    for (const chem::SpeciesEntry& s : chem::kSpecies) {
      out << "," << s.name << (s.phase == chem::SpeciesPhase::Gas ? "_ppb" : "_ug_m3");
    }
    out << "\n" << std::setprecision(9);
    for (const BoxRecord& r : run.records) {
      out << format_iso8601(r.time) << "," << r.t_k << "," << r.j_no2_s << ",";
      if (!std::isnan(r.cloud_ph)) out << r.cloud_ph;
      for (double v : r.values) out << "," << v;
      out << "\n";
    }
    if (!out.flush()) {
      std::filesystem::remove(partial);
      throw Error(path, "writing the box output failed", "disk full?");
    }
  }
  std::filesystem::rename(partial, path);
}

}  // namespace kctm
