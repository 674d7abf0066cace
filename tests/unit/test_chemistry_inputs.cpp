// The hour's meteorology as the chemistry reads it: number densities, humidity, cloud water and
// each cell's place relative to the column's cloud layer.
#include <gtest/gtest.h>

#include <cmath>

#include "base/constants.hpp"
#include "chemistry/photolysis.hpp"
#include "inputs/chemistry_inputs.hpp"
#include "kernels/host_copy.hpp"

namespace kctm {
namespace {

TEST(ChemistryInputs, CloudLayerNumberDensitiesAndHumidity) {
  const VerticalLevels levels({0, 100, 300, 600, 1000, 1500, 2100});  // 6 layers
  MeteoSnapshot s = MeteoSnapshot::allocate(1, 1, 6, 0);
  for (int k = 0; k < 6; ++k) {
    s.temperature_k[k] = 290.0 - 6.5e-3 * levels.mid_m(k);
    s.pressure_pa[k] = 101325.0 * std::exp(-levels.mid_m(k) / 8000.0);
    s.qv_kg_kg[k] = 0.008;
    s.cloud_water_kg_kg[k] = (k == 2 || k == 3) ? 4e-4 : 0.0;  // a cloud from 300 to 1000 m
  }
  s.surface.cloud_fraction[0] = 0.6;
  GridGeometry g;
  g.nx = 1, g.ny = 1, g.lat_deg = {26.9}, g.lon_deg = {112.6};
  chem::ChemistryMeteo m = allocate_chemistry_meteo(s, g, 0);
  upload_chemistry_meteo(s, levels, m);
  const std::vector<double> above = copy_to_host(m.cloud_above),
                            air = copy_to_host(m.air_molec_cm3), rh = copy_to_host(m.rh),
                            lwc = copy_to_host(m.lwc), tau = copy_to_host(m.cloud_tau),
                            fraction = copy_to_host(m.cloud_fraction);
  EXPECT_EQ(above[0], 0.0);  // below the base
  EXPECT_EQ(above[1], 0.0);
  EXPECT_GT(above[2], 0.0);  // inside, rising with height
  EXPECT_LT(above[2], above[3]);
  EXPECT_LT(above[3], 1.0);
  EXPECT_EQ(above[4], 1.0);  // above the top
  EXPECT_EQ(fraction[0], 0.6);
  // τ = 3 LWP / (2 ρw re): LWP = Σ ρ qc Δz over the two cloudy layers.
  double lwp = 0;
  for (int k : {2, 3}) lwp += 1000.0 * lwc[k] * levels.thickness_m(k);  // lwc is ρ qc / ρw
  EXPECT_NEAR(tau[0], chem::cloud_optical_depth(lwp), 1e-12 * tau[0]);
  EXPECT_NEAR(tau[0], 150.0 * lwp, 1e-9 * tau[0]);
  // Ideal gas at the ground layer: p / (k T), about 2.5e19 cm-3.
  EXPECT_NEAR(air[0], s.pressure_pa[0] / (constants::kBoltzmann * s.temperature_k[0]) * 1e-6, 1e6);
  for (double r : rh) {
    EXPECT_GT(r, 0.0);
    EXPECT_LE(r, 1.0);
  }
}

}  // namespace
}  // namespace kctm
