#pragma once
// Wall time of device work, fenced before and after so asynchronous kernels are counted.
#include <chrono>

#include "kernels/kokkos_types.hpp"

namespace kctm {

/// Wall time of f() with the device fenced before and after [s].
template <class F>
double fenced_seconds(F&& f) {
  Kokkos::fence();
  const auto t0 = std::chrono::steady_clock::now();
  f();
  Kokkos::fence();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace kctm
