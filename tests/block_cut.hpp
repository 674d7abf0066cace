#pragma once
// Each rank makes only its own block's inputs (run/hourly_inputs.hpp): its meteorology and
// emissions must be the whole grid's, cut to the block, bit for bit.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

#include "grids/subdomain.hpp"
#include "meteo/meteo_snapshot.hpp"

namespace kctm::test {

/// Rows [j0, j0 + ny) × columns [i0, i0 + nx) of every layer of a (layer, rows, columns) array.
template <class T>
std::vector<T> box(const std::vector<T>& a, int rows, int columns, int j0, int i0, int ny, int nx) {
  const std::size_t layers = a.size() / (static_cast<std::size_t>(rows) * columns);
  std::vector<T> out;
  for (std::size_t l = 0; l < layers; ++l) {
    for (int j = j0; j < j0 + ny; ++j) {
      const auto row = a.begin() + static_cast<std::ptrdiff_t>((l * rows + j) * columns + i0);
      out.insert(out.end(), row, row + nx);
    }
  }
  return out;
}

/// Whether `part` equals `whole`'s box, naming the first differing value.
template <class T>
void expect_box(const std::string& name, const std::vector<T>& part, const std::vector<T>& whole,
                int rows, int columns, int j0, int i0, int ny, int nx) {
  const std::vector<T> want = box(whole, rows, columns, j0, i0, ny, nx);
  ASSERT_EQ(part.size(), want.size()) << name;
  for (std::size_t n = 0; n < want.size(); ++n) {
    ASSERT_EQ(part[n], want[n]) << name << " differs at value " << n;
  }
}

/// Every field of `block` (made on block `b`) against `whole` (made on the whole grid, with the
/// same halo): the haloed density too, whose halo inside the grid is the neighbours' interior.
inline void expect_block_of(const MeteoSnapshot& block, const MeteoSnapshot& whole,
                            const Subdomain& b) {
  const int nx = whole.nx, ny = whole.ny, h = whole.halo, i0 = b.i0, j0 = b.j0;
  ASSERT_EQ(block.halo, h);
  expect_box("rho", block.rho_kg_m3, whole.rho_kg_m3, ny + 2 * h, nx + 2 * h, j0, i0, b.ny + 2 * h,
             b.nx + 2 * h);
  expect_box("u", block.u_m_s, whole.u_m_s, ny, nx + 1, j0, i0, b.ny, b.nx + 1);
  expect_box("v", block.v_m_s, whole.v_m_s, ny + 1, nx, j0, i0, b.ny + 1, b.nx);
  auto cells = [&](const char* name, const auto& part, const auto& all) {
    expect_box(name, part, all, ny, nx, j0, i0, b.ny, b.nx);
  };
  cells("kz", block.kz_m2_s, whole.kz_m2_s);
  cells("temperature", block.temperature_k, whole.temperature_k);
  cells("pressure", block.pressure_pa, whole.pressure_pa);
  cells("qv", block.qv_kg_kg, whole.qv_kg_kg);
  cells("cloud water", block.cloud_water_kg_kg, whole.cloud_water_kg_kg);
  const SurfaceFields &s = block.surface, &w = whole.surface;
  cells("t2", s.t2_k, w.t2_k);
  cells("q2", s.q2_kg_kg, w.q2_kg_kg);
  cells("psfc", s.psfc_pa, w.psfc_pa);
  cells("u10", s.u10_m_s, w.u10_m_s);
  cells("v10", s.v10_m_s, w.v10_m_s);
  cells("precipitation", s.precip_mm_h, w.precip_mm_h);
  cells("cloud fraction", s.cloud_fraction, w.cloud_fraction);
  cells("shortwave", s.swdown_w_m2, w.swdown_w_m2);
  cells("cos zenith", s.cos_zenith, w.cos_zenith);
  cells("sensible heat", s.sensible_heat_w_m2, w.sensible_heat_w_m2);
  cells("u*", s.ustar_m_s, w.ustar_m_s);
  cells("Obukhov length", s.obukhov_m, w.obukhov_m);
  cells("PBL height", s.pblh_m, w.pblh_m);
  cells("ra", s.ra_s_m, w.ra_s_m);
  cells("land use", s.land_use, w.land_use);
}

}  // namespace kctm::test
