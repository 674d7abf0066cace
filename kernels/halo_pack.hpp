#pragma once
// Copies a box of a field array (field, k, j, i) to and from a flat buffer, for the halo exchange
// between ranks: [j0, j0 + nj) × [i0, i0 + ni) over every field and layer, in (f, k, j, i) order.
#include "kernels/kokkos_types.hpp"

namespace kctm {

struct HaloBox {
  int j0, nj, i0, ni;
};

void pack_box(View4D<const double> q, const HaloBox& box, View1D<double> buffer);
void unpack_box(View1D<const double> buffer, const HaloBox& box, View4D<double> q);

}  // namespace kctm
