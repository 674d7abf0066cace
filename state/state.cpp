#include "state/state.hpp"

namespace kctm {

State make_state(FieldRegistry registry, const Subdomain& sub, int nz, UnixSeconds time) {
  View4D<double> q("q", registry.n_fields(), nz, sub.ny_with_halo(), sub.nx_with_halo());
  View3D<double> air("air", nz, sub.ny_with_halo(), sub.nx_with_halo());
  return {std::move(registry), q, air, time};
}

}  // namespace kctm
