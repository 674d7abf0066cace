#include "chemistry/chemistry_step.hpp"

#include <atomic>
#include <string>

#include "base/constants.hpp"
#include "base/error.hpp"
#include "chemistry/aerosol_equilibrium.hpp"
#include "chemistry/aerosol_water.hpp"
#include "chemistry/cloud_water.hpp"
#include "chemistry/kctm_c1_system.hpp"
#include "chemistry/photolysis.hpp"
#include "chemistry/species.hpp"
#include "kernels/host_copy.hpp"
#include "kernels/solar.hpp"

namespace kctm::chem {

namespace {

// Order of Chemistry::equilibrium_fields_.
enum Equilibrium : int {
  kSulf,
  kNh3,
  kNh4,
  kHno3,
  kNit,
  kCg1,
  kSoa1 = kCg1 + kSemiVolatiles,
  kSoaNv = kSoa1 + kSemiVolatiles,
  kPoa,
  kEquilibriumFields
};
constexpr const char* kEquilibriumNames[kEquilibriumFields] = {
    "SULF", "NH3",  "NH4",  "HNO3", "NIT",  "CG1",   "CG2", "CG3",
    "CG4",  "SOA1", "SOA2", "SOA3", "SOA4", "SOANV", "POA"};

// Order of Chemistry::composition_fields_: what the aerosol water and the cloud water's ion
// balance read.
enum Composition : int {
  kCSulf,
  kCNh4,
  kCNit,
  kCSoa1,
  kCSoaNv = kCSoa1 + kSemiVolatiles,
  kCPoa,
  kCPec,
  kCPoth,
  kCompositionFields
};
constexpr const char* kCompositionNames[kCompositionFields] = {
    "SULF", "NH4", "NIT", "SOA1", "SOA2", "SOA3", "SOA4", "SOANV", "POA", "PEC", "POTH"};

using constants::kAvogadro;
constexpr double kAirMolarMass = 1e3 * constants::kMolarMassDryAir;  // [g mol-1]

int field_of(const std::vector<int>& field_of_species, std::string_view name) {
  const int s = species_index(name);
  const int f = s >= 0 && s < static_cast<int>(field_of_species.size()) ? field_of_species[s] : -1;
  if (f < 0) {
    throw Error("chemistry", "species " + std::string(name) + " has no field in the state");
  }
  return f;
}

/// Molar masses of the equilibrium species [g mol-1] (an aggregate, so kernels copy it).
struct EquilibriumMasses {
  double g_mol[kEquilibriumFields];
};

/// Molar masses of the composition fields [g mol-1].
struct CompositionMasses {
  double g_mol[kCompositionFields];
};

/// Sets the cell's aerosol water and wet surface in `env` (rh set) from the cell's composition (c:
/// composition fields; rho: air density [kg m-3]).
KOKKOS_INLINE_FUNCTION void set_wet_aerosol(const View1D<int>& c, double rho,
                                            const View4D<double>& q, int k, int j, int i,
                                            CellEnvironment& env) {
  auto ug = [&](int f) { return q(c(f), k, j, i) * rho * 1e9; };
  double soa = 0;
  for (int v = 0; v < kSemiVolatiles; ++v) soa += ug(kCSoa1 + v);
  const double components[kAerosolComponents] = {
      ug(kCSulf) + ug(kCNh4), ug(kCNit), soa + ug(kCSoaNv), ug(kCPoa), ug(kCPec), ug(kCPoth)};
  const WetAerosol wet = wet_aerosol(components, env.rh);
  env.aerosol_area_cm2_cm3 = wet.area_cm2_cm3;
  env.aerosol_water_ug_m3 = wet.water_ug_m3;
}

/// [H+] of lane l's cloud water, from the solver's values y [molecules cm-3] and what the solver
/// leaves alone: particulate nitrate and all ammonia (NH3 + NH4) [mol per L of air]; searched from
/// the lane's last [H+] (env.cloud_hplus).
template <class T>
KOKKOS_INLINE_FUNCTION double lane_cloud_hplus(const CloudVariables& v, const T* y, int l,
                                               double nit_mol_l, double ammonia_mol_l,
                                               const CellEnvironment& env) {
  constexpr double kPerMolecule = 1e3 / kAvogadro;  // molecules cm-3 → mol per L
  const CloudWaterTotals totals = {lane(y[v.sulf], l) * kPerMolecule,
                                   lane(y[v.hno3], l) * kPerMolecule + nit_mol_l, ammonia_mol_l,
                                   lane(y[v.so2], l) * kPerMolecule};
  const double p_atm =
      env.m * 1e6 * constants::kBoltzmann * env.t_k / constants::kStandardAtmosphere;
  return cloud_water_hplus(totals, env.lwc, env.t_k, p_atm, env.cloud_hplus);
}

/// The aqueous S(IV) oxidation by O3 goes as [H+]^-1 to [H+]^-2, so its coefficient, held fixed
/// over a solver call, must follow the acidity the oxidation makes. A call may move a cloud's pH
/// by at most kMaxCloudPhChange, unless it oxidises less than kNegligibleSulfurShare of the
/// cell's sulfur (SO2 + sulfate): weakly buffered clean drops swing in pH with little sulfur at
/// stake.
constexpr double kMaxCloudPhChange = 0.1, kNegligibleSulfurShare = 1e-3;

/// A first call's length for the limits above: the time each cloudy lane takes, at its present
/// rate of sulfate formation, to oxidise what the limits allow (kNegligibleSulfurShare of its
/// sulfur, or more where the drops are buffered enough that this moves their pH by less than
/// kMaxCloudPhChange), the shortest lane's; dt_s at most.
template <class T, int W>
KOKKOS_INLINE_FUNCTION double first_cloud_call(const CloudVariables& v, const CellEnvironment* env,
                                               const double* nit, const double* ammonia,
                                               const T* rates, const T* y, double dt_s) {
  T f[kMaxVariables], moved[kMaxVariables];
  KctmC1System{}.tendencies(rates, y, f);
  for (int i = 0; i < kctm_c1::kVariables; ++i) moved[i] = y[i];
  double tau = dt_s;
  for (int l = 0; l < W; ++l) {
    const double rate = lane(f[v.sulf], l);
    if (env[l].lwc <= 0 || !(rate > 0)) continue;
    const double step = kNegligibleSulfurShare * (lane(y[v.so2], l) + lane(y[v.sulf], l));
    lane(moved[v.sulf], l) = lane(y[v.sulf], l) + step;
    lane(moved[v.so2], l) = lane(y[v.so2], l) > step ? lane(y[v.so2], l) - step : 0.0;
    const double d =
        math::log10(lane_cloud_hplus(v, moved, l, nit[l], ammonia[l], env[l]) / env[l].cloud_hplus);
    const double ph_moved = d < 0 ? -d : d;
    const double allowed =
        ph_moved < kMaxCloudPhChange ? step * kMaxCloudPhChange / ph_moved : step;
    tau = allowed / rate < tau ? allowed / rate : tau;
  }
  return tau;
}

/// Integrates over dt_s in calls short enough for the limits above, the first as long as
/// first_cloud_call says: a call that crosses them in any cloudy lane is undone and halved (down
/// to dt_s / 4096), an easy one lets the next double. Between calls each cloudy lane's [H+] and
/// aqueous rate coefficients are brought up to date.
template <class T, int W>
KOKKOS_INLINE_FUNCTION SolverStats integrate_in_cloud(const DeviceMechanism& m,
                                                      const CloudVariables& v, CellEnvironment* env,
                                                      const double* nit, const double* ammonia,
                                                      T* rates, T* y, double dt_s, double h0,
                                                      const SolverControl& control) {
  SolverStats total;
  T saved[kMaxVariables];
  double done = 0, h = h0;
  double tau = first_cloud_call<T, W>(v, env, nit, ammonia, rates, y, dt_s);
  if (tau < dt_s / 4096) tau = dt_s / 4096;
  while (done < dt_s) {
    tau = tau < dt_s - done ? tau : dt_s - done;
    for (int i = 0; i < m.n_variables; ++i) saved[i] = y[i];
    const SolverStats s = integrate(KctmC1System{}, rates, y, tau, h < tau ? h : tau, control);
    // load: how far the call went toward the limits (both crossed when > 1), the worst lane's.
    double hplus[W], load = 0;
    for (int l = 0; l < W; ++l) {
      hplus[l] = env[l].cloud_hplus;
      if (env[l].lwc <= 0) continue;
      hplus[l] = lane_cloud_hplus(v, y, l, nit[l], ammonia[l], env[l]);
      const double d = math::log10(hplus[l] / env[l].cloud_hplus);
      const double sulfur = lane(saved[v.so2], l) + lane(saved[v.sulf], l);
      const double oxidised = lane(y[v.sulf], l) - lane(saved[v.sulf], l);
      const double by_ph = (d < 0 ? -d : d) / kMaxCloudPhChange;
      const double by_sulfur = sulfur > 0 ? oxidised / (kNegligibleSulfurShare * sulfur) : 0.0;
      const double lane_load = by_ph < by_sulfur ? by_ph : by_sulfur;
      load = lane_load > load ? lane_load : load;
    }
    total.steps += s.steps;
    total.rejected += s.rejected;
    if (load > 1 && tau > dt_s / 4096) {
      for (int i = 0; i < m.n_variables; ++i) y[i] = saved[i];
      tau *= 0.5;
      continue;
    }
    total.clipped += s.clipped;
    total.failed = total.failed || s.failed;
    done += tau;
    h = s.h_next_s;
    for (int l = 0; l < W; ++l) {
      if (env[l].lwc <= 0) continue;
      env[l].cloud_hplus = hplus[l];
      for (int r = 0; r < m.n_reactions; ++r) {  // only the aqueous paths read [H+]
        const RateKind kind = m.laws(r).kind;
        if (kind == RateKind::AqueousH2O2 || kind == RateKind::AqueousO3) {
          lane(rates[r], l) = rate_coefficient(m.laws(r), env[l]);
        }
      }
    }
    if (load < 0.5) tau *= 2;
  }
  total.h_next_s = h;
  return total;
}

/// Inorganic (in ppb) and organic (in µg m-3) gas–particle equilibrium of cell (k, j, i).
KOKKOS_INLINE_FUNCTION void equilibrate_aerosol(const View1D<int>& eq, const EquilibriumMasses& m,
                                                double t_k, double rh, double rho,
                                                const View4D<double>& q, int k, int j, int i) {
  auto ppb = [&](int e) { return q(eq(e), k, j, i) * kAirMolarMass / m.g_mol[e] * 1e9; };
  auto set_ppb = [&](int e, double v) {
    q(eq(e), k, j, i) = v * 1e-9 * m.g_mol[e] / kAirMolarMass;
  };
  const InorganicSplit split =
      partition_inorganic(t_k, rh, ppb(kSulf), ppb(kNh3) + ppb(kNh4), ppb(kHno3) + ppb(kNit));
  set_ppb(kNh3, split.nh3);
  set_ppb(kNh4, split.nh4);
  set_ppb(kHno3, split.hno3);
  set_ppb(kNit, split.no3);

  const double per_ug = rho * 1e9;
  double total[kSemiVolatiles], particle[kSemiVolatiles];
  for (int v = 0; v < kSemiVolatiles; ++v) {
    total[v] = (q(eq(kCg1 + v), k, j, i) + q(eq(kSoa1 + v), k, j, i)) * per_ug;
  }
  const double base = (q(eq(kSoaNv), k, j, i) + q(eq(kPoa), k, j, i)) * per_ug;
  partition_organic(t_k, base, total, particle);
  for (int v = 0; v < kSemiVolatiles; ++v) {
    q(eq(kSoa1 + v), k, j, i) = particle[v] / per_ug;
    q(eq(kCg1 + v), k, j, i) = (total[v] - particle[v]) / per_ug;
  }
}

}  // namespace

long next_meteo_revision() {
  static std::atomic<long> last{0};
  return ++last;
}

ChemistryMeteo ChemistryMeteo::allocate(int nz, int ny, int nx) {
  ChemistryMeteo m;
  m.t_k = View3D<double>("chem_t", nz, ny, nx);
  m.air_molec_cm3 = View3D<double>("chem_air", nz, ny, nx);
  m.h2o_molec_cm3 = View3D<double>("chem_h2o", nz, ny, nx);
  m.rh = View3D<double>("chem_rh", nz, ny, nx);
  m.lwc = View3D<double>("chem_lwc", nz, ny, nx);
  m.cloud_above = View3D<double>("chem_cloud_above", nz, ny, nx);
  m.cloud_fraction = View2D<double>("chem_cloud_fraction", ny, nx);
  m.cloud_tau = View2D<double>("chem_cloud_tau", ny, nx);
  m.ground_area_cm2_cm3 = View2D<double>("chem_ground_area", ny, nx);
  m.lat_deg = View2D<double>("chem_lat", ny, nx);
  m.lon_deg = View2D<double>("chem_lon", ny, nx);
  return m;
}

Chemistry::Chemistry(const std::vector<int>& field_of_species, const SolverControl& control)
    : compiled_(compile_mechanism(kctm_c1_reactions())),
      device_(make_device_mechanism(compiled_)),
      control_(control) {
  check_generated_kctm_c1(compiled_);
  std::vector<int> fields;
  std::vector<double> masses;
  for (int s : compiled_.species_of_variable) {
    fields.push_back(field_of(field_of_species, kSpecies[s].name));
    masses.push_back(kSpecies[s].molar_mass_g_mol);
  }
  variable_field_ = device_vector("chem_variable_field", fields);
  variable_mass_ = device_vector("chem_variable_mass", masses);
  std::vector<int> composition, equilibrium;
  for (const char* name : kCompositionNames) {
    composition.push_back(field_of(field_of_species, name));
  }
  for (const char* name : kEquilibriumNames)
    equilibrium.push_back(field_of(field_of_species, name));
  composition_fields_ = device_vector("chem_composition_fields", composition);
  auto variable = [&](const char* name) {
    const int v = compiled_.variable_of_species[species_index(name)];
    if (v < 0) throw Error("chemistry", std::string(name) + " takes no part in the mechanism");
    return v;
  };
  cloud_variables_ = {variable("SULF"), variable("HNO3"), variable("SO2")};
  equilibrium_fields_ = device_vector("chem_equilibrium_fields", equilibrium);
}

ChemistryStats Chemistry::step(const ChemistryMeteo& met, View3D<const double> air,
                               View4D<double> q, int halo, double mid_unix_s, double dt_s) const {
  const DeviceMechanism m = device_;
  const SolverControl control = control_;
  const View1D<int> var_field = variable_field_, comp = composition_fields_,
                    eq = equilibrium_fields_;
  const CloudVariables cloud_vars = cloud_variables_;
  const View1D<double> var_mass = variable_mass_;
  const int nz = static_cast<int>(met.t_k.extent(0)), ny = static_cast<int>(met.t_k.extent(1)),
            nx = static_cast<int>(met.t_k.extent(2));
  EquilibriumMasses masses;
  for (int e = 0; e < kEquilibriumFields; ++e) {
    masses.g_mol[e] = kSpecies[species_index(kEquilibriumNames[e])].molar_mass_g_mol;
  }

  using T = ChemValue;
  constexpr int W = LaneCount<T>::value;
  const int blocks = (nx + W - 1) / W;
  if (h_next_.extent(0) != static_cast<std::size_t>(nz) ||
      h_next_.extent(1) != static_cast<std::size_t>(ny) ||
      h_next_.extent(2) != static_cast<std::size_t>(nx)) {
    h_next_ = View3D<double>("chem_h_next", nz, ny, nx);
  }
  const View3D<double> h_next = h_next_;
  // The sun of each column once (the trigonometry and the fits' powers and exponentials cost as
  // much as a cell's rate coefficients), read by each of its levels below.
  if (column_sun_.extent(1) != static_cast<std::size_t>(ny) ||
      column_sun_.extent(2) != static_cast<std::size_t>(nx)) {
    column_sun_ = View3D<double>("chem_column_sun", 1 + kPhotolysisCount, ny, nx);
  }
  const View3D<double> sun = column_sun_;
  Kokkos::parallel_for(
      "chemistry_column_sun", Policy2D({0, 0}, {ny, nx}), KOKKOS_LAMBDA(int j, int i) {
        const double cosz = cos_solar_zenith(mid_unix_s, met.lat_deg(j, i), met.lon_deg(j, i));
        double clear[kPhotolysisCount];
        clear_sky_photolysis(cosz, clear);
        sun(0, j, i) = cosz;
        for (int p = 0; p < kPhotolysisCount; ++p) sun(1 + p, j, i) = clear[p];
      });
  // The coefficients that depend on the air alone are computed once per meteorology and held
  // (thermal reactions: nearly all of the exponentials and logarithms of a cell's coefficients).
  const bool hold = met.revision != 0;
  if (hold && (air_only_k_.extent(0) != static_cast<std::size_t>(nz) ||
               air_only_k_.extent(1) != static_cast<std::size_t>(ny) ||
               air_only_k_.extent(2) != static_cast<std::size_t>(nx))) {
    air_only_k_ = View4D<double>("chem_air_only_k", nz, ny, nx, m.n_air_only);
    held_revision_ = 0;
  }
  const bool reuse = hold && met.revision == held_revision_;
  const View4D<double> held_k = air_only_k_;
  const double h_start = control.h_start_s;
  View1D<long> counts("chem_counts", 4);
  Kokkos::parallel_for(
      "chemistry", Policy3D({0, 0, 0}, {nz, ny, blocks}), KOKKOS_LAMBDA(int k, int j, int b) {
        const int jj = j + halo;
        T rates[kMaxReactions], y[kMaxVariables];
        double per_q[W], nit[W], ammonia[W], h0 = dt_s;
        CellEnvironment envs[W];
        bool cloudy = false;
        // Gather W cells along i (the last one repeated to fill a short block).
        for (int l = 0; l < W; ++l) {
          const int i = b * W + l < nx ? b * W + l : nx - 1, ii = i + halo;
          const double rho = air(k, jj, ii);
          CellEnvironment& env = envs[l];
          env.t_k = met.t_k(k, j, i);
          env.m = met.air_molec_cm3(k, j, i);
          env.h2o = met.h2o_molec_cm3(k, j, i);
          env.rh = met.rh(k, j, i);
          env.lwc = met.lwc(k, j, i);
          env.ground_area_cm2_cm3 = k == 0 ? met.ground_area_cm2_cm3(j, i) : 0.0;
          set_wet_aerosol(comp, rho, q, k, jj, ii, env);
          const double cosz = sun(0, j, i);
          const double cloud = cloud_photolysis_factor(
              met.cloud_fraction(j, i), met.cloud_tau(j, i), cosz, met.cloud_above(k, j, i));
          for (int p = 0; p < kPhotolysisCount; ++p) env.j[p] = sun(1 + p, j, i) * cloud;
          // Mass mixing ratio → molecules cm-3: q ρ N_A / M, M in g mol-1 (1e-3 for units).
          per_q[l] = rho * kAvogadro * 1e-3;
          for (int v = 0; v < m.n_variables; ++v) {
            lane(y[v], l) = q(var_field(v), k, jj, ii) * per_q[l] / var_mass(v);
          }
          env.cloud_hplus = 1e-7;  // unused without cloud water
          nit[l] = ammonia[l] = 0;
          if (env.lwc > 0) {
            // Particulate nitrate and all ammonia [mol per L of air]: q ρ / M, M in g mol-1.
            nit[l] = q(eq(kNit), k, jj, ii) * rho / masses.g_mol[kNit];
            ammonia[l] = q(eq(kNh3), k, jj, ii) * rho / masses.g_mol[kNh3] +
                         q(eq(kNh4), k, jj, ii) * rho / masses.g_mol[kNh4];
            env.cloud_hplus = lane_cloud_hplus(cloud_vars, y, l, nit[l], ammonia[l], env);
            cloudy = true;
          }
          double k_cell[kMaxReactions];
          if (reuse) {
            m.varying_rate_coefficients(env, k_cell);
            for (int a = 0; a < m.n_air_only; ++a) k_cell[m.air_only(a)] = held_k(k, j, i, a);
          } else {
            m.rate_coefficients(env, k_cell);
            if (hold) {
              for (int a = 0; a < m.n_air_only; ++a) held_k(k, j, i, a) = k_cell[m.air_only(a)];
            }
          }
          for (int r = 0; r < m.n_reactions; ++r) lane(rates[r], l) = k_cell[r];
          const double h_cell = h_next(k, j, i) > 0 ? h_next(k, j, i) : h_start;
          h0 = h_cell < h0 ? h_cell : h0;
        }
        const SolverStats s = cloudy ? integrate_in_cloud<T, W>(m, cloud_vars, envs, nit, ammonia,
                                                                rates, y, dt_s, h0, control)
                                     : integrate(KctmC1System{}, rates, y, dt_s, h0, control);
        for (int l = 0; l < W && b * W + l < nx; ++l) {
          const int i = b * W + l, ii = i + halo;
          h_next(k, j, i) = s.h_next_s;
          for (int v = 0; v < m.n_variables; ++v) {
            q(var_field(v), k, jj, ii) = lane(y[v], l) * var_mass(v) / per_q[l];
          }
          equilibrate_aerosol(eq, masses, met.t_k(k, j, i), met.rh(k, j, i), air(k, jj, ii), q, k,
                              jj, ii);
        }
        Kokkos::atomic_add(&counts(0), static_cast<long>(s.steps));
        Kokkos::atomic_add(&counts(1), static_cast<long>(s.rejected));
        Kokkos::atomic_add(&counts(2), static_cast<long>(s.clipped));
        if (s.failed) Kokkos::atomic_add(&counts(3), 1L);
      });
  if (hold) held_revision_ = met.revision;
  auto host = Kokkos::create_mirror_view(counts);
  Kokkos::deep_copy(host, counts);
  return {host(0), host(1), host(2), host(3), static_cast<long>(nz) * ny * nx};
}

std::vector<double> Chemistry::step_memory() const { return copy_to_host(h_next_); }

void Chemistry::set_step_memory(const std::vector<double>& h, int nz, int ny, int nx) const {
  if (h.empty()) return;
  h_next_ = View3D<double>("chem_h_next", nz, ny, nx);
  copy_to_device(h, h_next_);
}

}  // namespace kctm::chem
