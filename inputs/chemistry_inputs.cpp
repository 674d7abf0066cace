#include "inputs/chemistry_inputs.hpp"

#include <algorithm>
#include <vector>

#include "base/constants.hpp"
#include "chemistry/photolysis.hpp"
#include "kernels/host_copy.hpp"
#include "meteo/thermo.hpp"

namespace kctm {

namespace {
using constants::kBoltzmann;
constexpr double kCloudyKgKg = 1e-6;  // cloud water that makes a layer part of a cloud [kg kg-1]
}  // namespace

chem::ChemistryMeteo allocate_chemistry_meteo(const MeteoSnapshot& s, const GridGeometry& geometry,
                                              int halo) {
  chem::ChemistryMeteo m = chem::ChemistryMeteo::allocate(s.nz, s.ny, s.nx);
  std::vector<double> lat(static_cast<std::size_t>(s.ny) * s.nx), lon(lat.size());
  for (int j = 0; j < s.ny; ++j) {
    for (int i = 0; i < s.nx; ++i) {
      lat[s.column(j, i)] = geometry.lat_deg[geometry.at(i + halo, j + halo)];
      lon[s.column(j, i)] = geometry.lon_deg[geometry.at(i + halo, j + halo)];
    }
  }
  copy_to_device(lat, m.lat_deg);
  copy_to_device(lon, m.lon_deg);
  return m;
}

void upload_chemistry_meteo(const MeteoSnapshot& s, const VerticalLevels& levels,
                            chem::ChemistryMeteo& out) {
  const std::size_t cells = static_cast<std::size_t>(s.nz) * s.ny * s.nx;
  std::vector<double> t_k(cells), air(cells), h2o(cells), rh(cells), lwc(cells), above(cells, 0.0);
  std::vector<double> fraction(static_cast<std::size_t>(s.ny) * s.nx, 0.0), tau(fraction.size());
  const bool has_thermo = !s.temperature_k.empty() && s.temperature_k[0] > 0;
  for (int j = 0; j < s.ny; ++j) {
    for (int i = 0; i < s.nx; ++i) {
      const std::size_t col = s.column(j, i);
      double lwp = 0;
      int base = -1, top = -1;
      for (int k = 0; k < s.nz; ++k) {
        const std::size_t c = s.cell(k, j, i);
        const double tk = has_thermo ? s.temperature_k[c] : 288.15;
        const double p = has_thermo ? s.pressure_pa[c] : 101325.0;
        const double qv = has_thermo ? s.qv_kg_kg[c] : thermo::specific_humidity(0.7, tk, p);
        const double qc = has_thermo ? s.cloud_water_kg_kg[c] : 0.0;
        const double rho = thermo::moist_air_density(p, tk, qv);
        t_k[c] = tk;
        air[c] = p / (kBoltzmann * tk) * 1e-6;
        const double e = qv * p / (thermo::kEps + (1 - thermo::kEps) * qv);  // vapour pressure
        h2o[c] = e / (kBoltzmann * tk) * 1e-6;
        rh[c] = std::min(e / thermo::saturation_vapour_pressure_pa(tk), 1.0);
        lwc[c] = qc * rho / 1000.0;  // kg m-3 of water over 1000 kg m-3: volume fraction
        lwp += qc * rho * levels.thickness_m(k);
        if (qc > kCloudyKgKg) {
          if (base < 0) base = k;
          top = k;
        }
      }
      if (base < 0) continue;
      fraction[col] = has_thermo ? s.surface.cloud_fraction[col] : 0.0;
      tau[col] = chem::cloud_optical_depth(lwp);
      const double z0 = levels.interface_m(base), z1 = levels.interface_m(top + 1);
      for (int k = 0; k < s.nz; ++k) {
        above[s.cell(k, j, i)] = std::clamp((levels.mid_m(k) - z0) / (z1 - z0), 0.0, 1.0);
      }
    }
  }
  copy_to_device(t_k, out.t_k);
  copy_to_device(air, out.air_molec_cm3);
  copy_to_device(h2o, out.h2o_molec_cm3);
  copy_to_device(rh, out.rh);
  copy_to_device(lwc, out.lwc);
  copy_to_device(above, out.cloud_above);
  copy_to_device(fraction, out.cloud_fraction);
  copy_to_device(tau, out.cloud_tau);
  // Surface per volume of the lowest layer: index / thickness [m-1], over 100 cm per m.
  Kokkos::deep_copy(out.ground_area_cm2_cm3,
                    chem::kSurfaceAreaIndex / levels.thickness_m(0) * 1e-2);
  out.revision = chem::next_meteo_revision();
}

}  // namespace kctm
