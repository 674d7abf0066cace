#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "kernels/field_faults.hpp"

namespace kctm {
namespace {

constexpr int kHalo = 2;

/// A state of 3 fields, 2 layers and 4 × 5 interior cells, all 1e-9 kg kg-1.
View4D<double> sound_state() {
  View4D<double> q("q", 3, 2, 4 + 2 * kHalo, 5 + 2 * kHalo);
  Kokkos::deep_copy(q, 1e-9);
  return q;
}

void put(View4D<double> q, int f, int k, int j, int i, double v) {
  Kokkos::deep_copy(Kokkos::subview(q, f, k, j + kHalo, i + kHalo), v);
}

TEST(FieldFaults, FindTheFirstUnsoundValueInFieldLayerRowOrder) {
  View4D<double> q = sound_state();
  EXPECT_EQ(first_fault(q, kHalo, true, 1e-18).field, -1);
  put(q, 2, 0, 1, 1, -1e-10);
  put(q, 1, 1, 3, 4, std::numeric_limits<double>::quiet_NaN());
  put(q, 1, 1, 2, 0, std::numeric_limits<double>::infinity());
  FieldFault f = first_fault(q, kHalo, true, 1e-18);
  EXPECT_EQ(f.field, 1);
  EXPECT_EQ(f.k, 1);
  EXPECT_EQ(f.j, 2);
  EXPECT_EQ(f.i, 0);
  EXPECT_TRUE(std::isinf(f.value));
  put(q, 1, 1, 2, 0, 0.0);
  put(q, 1, 1, 3, 4, 0.0);
  f = first_fault(q, kHalo, true, 1e-18);
  EXPECT_EQ(f.field, 2);
  EXPECT_DOUBLE_EQ(f.value, -1e-10);
  EXPECT_EQ(first_fault(q, kHalo, false, 1e-18).field, -1) << "negatives allowed: none found";
}

TEST(FieldFaults, RoundOffBelowTheToleranceAndTheHaloAreNotFaults) {
  View4D<double> q = sound_state();
  put(q, 0, 0, 0, 0, -1e-20);
  Kokkos::deep_copy(Kokkos::subview(q, 0, 0, 0, 0), std::numeric_limits<double>::quiet_NaN());
  EXPECT_EQ(first_fault(q, kHalo, true, 1e-18).field, -1);
}

}  // namespace
}  // namespace kctm
