#pragma once
// The state's soundness, checked before it is written: every interior mixing ratio finite and,
// where the scheme keeps them so, not negative.
#include "kernels/kokkos_types.hpp"

namespace kctm {

/// A value of the state that is not sound; field −1 when there is none.
struct FieldFault {
  int field = -1, k = 0, j = 0, i = 0;  ///< j, i: interior indices, from 0
  double value = 0;
};

/// The first (in field, k, j, i order) interior value of `q` that is not finite or, when
/// `negatives`, lies below −`tolerance`. One reduction over the state; the value is copied to the
/// host only when there is a fault.
FieldFault first_fault(View4D<const double> q, int halo, bool negatives, double tolerance);

}  // namespace kctm
