#pragma once
// Copies a box of a field array (field, k, j, i) to and from a flat buffer, for the halo exchange
// between ranks: [j0, j0 + nj) × [i0, i0 + ni) over every field and layer, in (f, k, j, i) order.
#include "kernels/kokkos_types.hpp"

namespace kctm {

struct HaloBox {
  int j0, nj, i0, ni;
};

enum class BoxCopy { kPack, kUnpack };

/// kPack: the box of q into the buffer; kUnpack: the buffer into the box of q.
void copy_box(View4D<double> q, const HaloBox& box, View1D<double> buffer, BoxCopy direction);

}  // namespace kctm
