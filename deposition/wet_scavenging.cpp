#include "deposition/wet_scavenging.hpp"

#include <cmath>

#include "base/constants.hpp"
#include "base/error.hpp"
#include "chemistry/species.hpp"
#include "kernels/budget_sums.hpp"
#include "kernels/host_copy.hpp"

namespace kctm::chem {

namespace {

// CALPUFF defaults for liquid precipitation at 1 mm h-1 (REFERENCES.md "Deposition") [s-1].
constexpr double kLambdaHno3 = 6e-5, kLambdaSo2 = 3e-5, kLambdaAerosol = 1e-4;
// Fine particles below cloud: raindrop collection in the Greenfield gap (see the header) [s-1].
constexpr double kLambdaFineBelowCloud = 1e-5;
// A cell is in cloud above 0.05 g m-3 of cloud water (CAMx chmdat.f, cwmin) [kg m-3].
constexpr double kCloudWaterMin = 5e-5;
using constants::kGasConstantLatm;

}  // namespace

WetCoefficients wet_coefficients(const std::string& name, double rain_ph) {
  const int index = species_index(name);
  if (index < 0) {
    throw Error("wet scavenging", "unknown species '" + name + "'",
                "a name of chemistry/species.hpp");
  }
  if (kSpecies[index].phase == SpeciesPhase::Aerosol) {
    return {kLambdaAerosol, name == "PMC" ? kLambdaAerosol : kLambdaFineBelowCloud, 0.0};
  }
  const double h_plus = std::pow(10.0, -rain_ph);  // [M]
  if (name == "HNO3") return {kLambdaHno3, kLambdaHno3, 0.0};
  // SO2: H (1 + K_a1 / [H+]) with H = 1.23 M atm-1, K_a1 = 1.3e-2 M (Seinfeld & Pandis, 298 K).
  if (name == "SO2") return {kLambdaSo2, kLambdaSo2, 1.23 * (1 + 1.3e-2 / h_plus)};
  // NH3: H (1 + K_b [H+] / K_w) with H = 62 M atm-1, K_b = 1.7e-5 M, K_w = 1e-14 M2.
  if (name == "NH3") return {kLambdaHno3, kLambdaHno3, 62.0 * (1 + 1.7e-5 * h_plus / 1e-14)};
  if (name == "H2O2") return {kLambdaHno3, kLambdaHno3, 1e5};
  // HONO: H (1 + K_a / [H+]) with H = 49 M atm-1, K_a = 5.1e-4 M (Seinfeld & Pandis, 298 K).
  if (name == "HONO") return {kLambdaHno3, kLambdaHno3, 49.0 * (1 + 5.1e-4 / h_plus)};
  if (name == "HCHO") return {kLambdaHno3, kLambdaHno3, 6e3};
  if (name == "CG1" || name == "CG2" || name == "CG3" || name == "CG4") {
    return {kLambdaHno3, kLambdaHno3, 1e5};
  }
  return {};
}

View1D<WetCoefficients> wet_scavenging_coefficients(
    const std::vector<std::pair<std::string, int>>& fields, int n_fields, double rain_ph) {
  std::vector<WetCoefficients> table(n_fields);
  for (const auto& [name, field] : fields) {
    if (field < 0 || field >= n_fields) {
      throw Error("wet scavenging",
                  "field " + std::to_string(field) + " of '" + name + "' out of range",
                  "0.." + std::to_string(n_fields - 1));
    }
    table[field] = wet_coefficients(name, rain_ph);
  }
  return device_vector("wet_coefficients", table);
}

WetScavengingInputs wet_scavenging_inputs(const DeviceSurface& surface,
                                          View1D<const WetCoefficients> coefficients) {
  return {surface.precip_mm_h, surface.pblh_m, surface.cloud_water_kg_kg, surface.temperature_k,
          coefficients};
}

void scavenge_wet(const DeviceGeometry& geo, View3D<const double> air,
                  const WetScavengingInputs& in, double dt_s, View4D<double> q,
                  View3D<double> column_kg, MassBudget budget) {
  const int nf = static_cast<int>(q.extent(0));
  if (static_cast<int>(in.coefficients.extent(0)) != nf) {
    throw Error("wet scavenging",
                "coefficient table has " + std::to_string(in.coefficients.extent(0)) +
                    " fields, the state " + std::to_string(nf),
                "one entry per state field");
  }
  const auto precip = in.precip_mm_h, pblh = in.pblh_m;
  const auto cloud = in.cloud_water_kg_kg, temp = in.temperature_k;
  const auto coef = in.coefficients;
  const auto rho = air;
  const auto area = geo.area_m2;
  const auto dz = geo.dz_m;
  const int h = geo.halo, nz = geo.nz;
  Kokkos::parallel_for(
      "kctm::chem::scavenge_wet", Policy2D({0, 0}, {geo.ny, geo.nx}),
      KOKKOS_LAMBDA(int jj, int ii) {
        const int j = jj + h, i = ii + h;
        const double rain = precip(jj, ii);
        if (!(rain > 0)) {
          for (int n = 0; n < nf; ++n) column_kg(n, jj, ii) = 0;
          return;
        }
        // Top of the raining column: the cloud top, or the boundary layer's without cloud.
        int top = -1;
        for (int k = 0; k < nz; ++k) {
          if (cloud(k, jj, ii) * rho(k, j, i) >= kCloudWaterMin) top = k;
        }
        if (top < 0) {
          double bottom = 0;
          top = 0;
          for (int k = 0; k < nz && bottom < pblh(jj, ii); ++k) {
            top = k;
            bottom += dz(k);
          }
        }
        double depth_m = 0;
        for (int k = 0; k <= top; ++k) depth_m += dz(k);
        const double rain_m_s = rain * 1e-3 / 3600.0;
        for (int n = 0; n < nf; ++n) {
          const WetCoefficients c = coef(n);
          double removed_kg = 0;
          if (c.in_cloud_per_s > 0 || c.below_cloud_per_s > 0) {
            for (int k = 0; k <= top; ++k) {
              const bool in_cloud = cloud(k, jj, ii) * rho(k, j, i) >= kCloudWaterMin;
              double lambda = (in_cloud ? c.in_cloud_per_s : c.below_cloud_per_s) * rain;
              if (c.henry_m_atm > 0) {
                // Drops in equilibrium carry R H* R T per unit of gas-phase mixing ratio.
                const double cap =
                    rain_m_s * c.henry_m_atm * kGasConstantLatm * temp(k, jj, ii) / depth_m;
                lambda = lambda < cap ? lambda : cap;
              }
              const double dq = q(n, k, j, i) * (1 - math::exp(-lambda * dt_s));
              q(n, k, j, i) -= dq;
              removed_kg += rho(k, j, i) * dq * area(j, i) * dz(k);
            }
          }
          column_kg(n, jj, ii) = removed_kg;
        }
      });
  add_column_sums(column_kg, budget, kWetDeposited);
}

}  // namespace kctm::chem
