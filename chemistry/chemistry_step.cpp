#include "chemistry/chemistry_step.hpp"

#include <string>

#include "base/constants.hpp"
#include "base/error.hpp"
#include "chemistry/aerosol_equilibrium.hpp"
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

using constants::kAvogadro;
constexpr double kAirMolarMass = 1e3 * constants::kMolarMassDryAir;  // [g mol-1]

// Aerosol surface area from fine mass: spheres of wet radius 0.15 µm and density 1.5 g cm-3,
// S = 3 m / (ρ r), a typical accumulation mode (Seinfeld & Pandis 2016, ch. 8) [cm2 cm-3 per
// µg m-3].
constexpr double kAreaPerUg = 3.0 * 1e-12 / (1.5 * 0.15e-4);

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
  m.lat_deg = View2D<double>("chem_lat", ny, nx);
  m.lon_deg = View2D<double>("chem_lon", ny, nx);
  return m;
}

Chemistry::Chemistry(const std::vector<int>& field_of_species, const SolverControl& control,
                     double cloud_ph)
    : compiled_(compile_mechanism(kctm_c1_reactions(cloud_ph))),
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
  std::vector<int> fine, equilibrium;
  for (std::string_view name : kFineAerosols) fine.push_back(field_of(field_of_species, name));
  for (const char* name : kEquilibriumNames)
    equilibrium.push_back(field_of(field_of_species, name));
  aerosol_fields_ = device_vector("chem_aerosol_fields", fine);
  equilibrium_fields_ = device_vector("chem_equilibrium_fields", equilibrium);
}

ChemistryStats Chemistry::step(const ChemistryMeteo& met, View3D<const double> air,
                               View4D<double> q, int halo, double mid_unix_s, double dt_s) const {
  const DeviceMechanism m = device_;
  const SolverControl control = control_;
  const View1D<int> var_field = variable_field_, fine = aerosol_fields_, eq = equilibrium_fields_;
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
  const double h_start = control.h_start_s;
  View1D<long> counts("chem_counts", 4);
  Kokkos::parallel_for(
      "chemistry", Policy3D({0, 0, 0}, {nz, ny, blocks}), KOKKOS_LAMBDA(int k, int j, int b) {
        const int jj = j + halo;
        T rates[kMaxReactions], y[kMaxVariables];
        double per_q[W], h0 = dt_s;
        // Gather W cells along i (the last one repeated to fill a short block).
        for (int l = 0; l < W; ++l) {
          const int i = b * W + l < nx ? b * W + l : nx - 1, ii = i + halo;
          const double rho = air(k, jj, ii);
          CellEnvironment env;
          env.t_k = met.t_k(k, j, i);
          env.m = met.air_molec_cm3(k, j, i);
          env.h2o = met.h2o_molec_cm3(k, j, i);
          env.lwc = met.lwc(k, j, i);
          double fine_ug = 0;
          for (int a = 0; a < static_cast<int>(fine.extent(0)); ++a) {
            fine_ug += q(fine(a), k, jj, ii) * rho * 1e9;
          }
          env.aerosol_area_cm2_cm3 = kAreaPerUg * fine_ug;
          const double cosz = cos_solar_zenith(mid_unix_s, met.lat_deg(j, i), met.lon_deg(j, i));
          clear_sky_photolysis(cosz, env.j);
          const double cloud = cloud_photolysis_factor(
              met.cloud_fraction(j, i), met.cloud_tau(j, i), cosz, met.cloud_above(k, j, i));
          for (int p = 0; p < kPhotolysisCount; ++p) env.j[p] *= cloud;
          double k_cell[kMaxReactions];
          m.rate_coefficients(env, k_cell);
          for (int r = 0; r < m.n_reactions; ++r) lane(rates[r], l) = k_cell[r];
          // Mass mixing ratio → molecules cm-3: q ρ N_A / M, M in g mol-1 (1e-3 for units).
          per_q[l] = rho * kAvogadro * 1e-3;
          for (int v = 0; v < m.n_variables; ++v) {
            lane(y[v], l) = q(var_field(v), k, jj, ii) * per_q[l] / var_mass(v);
          }
          const double h_cell = h_next(k, j, i) > 0 ? h_next(k, j, i) : h_start;
          h0 = h_cell < h0 ? h_cell : h0;
        }
        const SolverStats s = integrate(KctmC1System{}, rates, y, dt_s, h0, control);
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
