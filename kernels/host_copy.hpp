#pragma once
// Copies between host std::vectors (row-major, same shape) and device views.
#include <stdexcept>
#include <string>
#include <vector>

#include "kernels/kokkos_types.hpp"

namespace kctm {

/// Copies `host` into `view` (same element count, row-major order).
template <class ViewT>
void copy_to_device(const std::vector<typename ViewT::non_const_value_type>& host,
                    const ViewT& view) {
  using Unmanaged = Kokkos::View<typename ViewT::non_const_data_type, Layout, HostSpace,
                                 Kokkos::MemoryTraits<Kokkos::Unmanaged>>;
  Unmanaged src(const_cast<typename ViewT::non_const_value_type*>(host.data()), view.layout());
  Kokkos::deep_copy(view, src);
}

/// A new device view with the host data.
template <class ViewT, class... Extents>
ViewT device_copy(const std::string& label,
                  const std::vector<typename ViewT::non_const_value_type>& host,
                  Extents... extents) {
  ViewT view(label, extents...);
  copy_to_device(host, view);
  return view;
}

/// A new 1-D device view with the elements of `host`.
template <class T>
View1D<T> device_vector(const std::string& label, const std::vector<T>& host) {
  return device_copy<View1D<T>>(label, host, host.size());
}

/// The view's contents in a host vector (row-major).
template <class ViewT>
std::vector<typename ViewT::non_const_value_type> copy_to_host(const ViewT& view) {
  std::vector<typename ViewT::non_const_value_type> host(view.size());
  using Unmanaged = Kokkos::View<typename ViewT::non_const_data_type, Layout, HostSpace,
                                 Kokkos::MemoryTraits<Kokkos::Unmanaged>>;
  Unmanaged dst(host.data(), view.layout());
  Kokkos::deep_copy(dst, view);
  return host;
}

}  // namespace kctm
