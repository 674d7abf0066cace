#pragma once
// Surface-layer and boundary-layer diagnostics, pointwise and callable on host and device:
// Monin–Obukhov similarity for u*, L and the aerodynamic resistance (Businger–Dyer gradient
// functions as given by Dyer 1974, Boundary-Layer Meteorol. 7:363, integrated by Paulson 1970, J.
// Appl. Meteorol. 9:857), the convective velocity scale (Deardorff 1970), and the eddy diffusivity
// profile of Holtslag & Boville (1993, J. Climate 6:1825; constants as in their nonlocal scheme: βm
// = βh = 15, βs = 5, surface layer = 0.1 h, a = 7.2 in the mixed-layer Prandtl number).
#include "base/constants.hpp"
#include "kernels/kokkos_types.hpp"

namespace kctm::bl {

constexpr double kNeutralL = 1e8;  // |L| standing for "neutral" when the heat flux vanishes [m]

/// Integrated stability function for momentum ψm(ζ), ζ = z/L (Paulson 1970 with Dyer's 16 and 5).
KOKKOS_INLINE_FUNCTION double psi_m(double zeta) {
  if (zeta >= 0) return -5.0 * zeta;
  const double x = math::pow(1.0 - 16.0 * zeta, 0.25);
  return 2.0 * math::log(0.5 * (1 + x)) + math::log(0.5 * (1 + x * x)) - 2.0 * math::atan(x) +
         0.5 * constants::kPi;
}

/// Integrated stability function for heat ψh(ζ).
KOKKOS_INLINE_FUNCTION double psi_h(double zeta) {
  if (zeta >= 0) return -5.0 * zeta;
  const double y = math::sqrt(1.0 - 16.0 * zeta);
  return 2.0 * math::log(0.5 * (1 + y));
}

/// Friction velocity from the wind speed at height z over roughness z0 with Obukhov length L [m
/// s-1].
KOKKOS_INLINE_FUNCTION double friction_velocity(double speed_m_s, double z_m, double z0_m,
                                                double l_m) {
  return constants::kKarman * speed_m_s /
         (math::log(z_m / z0_m) - psi_m(z_m / l_m) + psi_m(z0_m / l_m));
}

/// Obukhov length L = −u*³ θv / (κ g w'θv') from the kinematic heat flux w'θv' [K m s-1] [m];
/// ±kNeutralL when the flux is negligible.
KOKKOS_INLINE_FUNCTION double obukhov_length(double ustar_m_s, double theta_v_k,
                                             double heat_flux_k_m_s) {
  const double num = -ustar_m_s * ustar_m_s * ustar_m_s * theta_v_k;  // ≤ 0
  const double den = constants::kKarman * constants::kGravity * heat_flux_k_m_s;
  const double abs_den = den < 0 ? -den : den;
  return abs_den * kNeutralL <= -num ? kNeutralL : num / den;
}

struct SurfaceLayer {
  double ustar_m_s;  ///< friction velocity [m s-1]
  double l_m;        ///< Obukhov length [m]
};

/// u* and L consistent with each other, from the wind speed at z, roughness, the sensible heat flux
/// [W m-2] and the air's density and virtual potential temperature (fixed-point iteration, which
/// converges in a few steps outside the free-convection limit).
KOKKOS_INLINE_FUNCTION SurfaceLayer surface_layer(double speed_m_s, double z_m, double z0_m,
                                                  double heat_flux_w_m2, double rho_kg_m3,
                                                  double theta_v_k) {
  const double kinematic = heat_flux_w_m2 / (rho_kg_m3 * constants::kCpDryAir);
  const double speed = speed_m_s > 0.1 ? speed_m_s : 0.1;  // calm: keep some mechanical mixing
  SurfaceLayer s{friction_velocity(speed, z_m, z0_m, kNeutralL), kNeutralL};
  for (int iter = 0; iter < 30; ++iter) {
    s.l_m = obukhov_length(s.ustar_m_s, theta_v_k, kinematic);
    // Bound |z/L| to the range where the similarity functions were fitted.
    const double l = s.l_m > 0 ? (s.l_m < 0.5 * z_m ? 0.5 * z_m : s.l_m)
                               : (s.l_m > -0.2 * z_m ? -0.2 * z_m : s.l_m);
    s.l_m = l;
    s.ustar_m_s = friction_velocity(speed, z_m, z0_m, l);
  }
  return s;
}

/// Aerodynamic resistance between height z and the roughness height for heat and scalars [s m-1].
KOKKOS_INLINE_FUNCTION double aerodynamic_resistance(double z_m, double z0_m, double ustar_m_s,
                                                     double l_m) {
  return (math::log(z_m / z0_m) - psi_h(z_m / l_m) + psi_h(z0_m / l_m)) /
         (constants::kKarman * ustar_m_s);
}

/// Convective velocity scale w* = (g / θv · w'θv' · h)^(1/3), zero without upward heat flux [m
/// s-1].
KOKKOS_INLINE_FUNCTION double convective_velocity(double pbl_height_m, double theta_v_k,
                                                  double heat_flux_k_m_s) {
  if (heat_flux_k_m_s <= 0) return 0.0;
  return math::cbrt(constants::kGravity / theta_v_k * heat_flux_k_m_s * pbl_height_m);
}

/// Eddy diffusivity for heat and tracers at height z inside a boundary layer of height h
/// (Holtslag & Boville 1993); 0 above h, where the caller applies its free-troposphere minimum
/// [m2 s-1].
KOKKOS_INLINE_FUNCTION double kz_holtslag_boville(double z_m, double h_m, double ustar_m_s,
                                                  double l_m, double wstar_m_s) {
  if (z_m >= h_m || z_m <= 0) return 0.0;
  const double zh = z_m / h_m, shape = z_m * (1 - zh) * (1 - zh);
  const double zl = z_m / l_m;
  if (l_m >=
      0) {  // stable or neutral: Km / φm with φm = 1 + 5 z/L (limited beyond z/L = 1), Pr = 1
    const double phi = zl <= 1 ? 1 + 5 * zl : 5 + zl;
    return constants::kKarman * ustar_m_s * shape / phi;
  }
  if (zh < 0.1) {  // unstable surface layer: K = κ u* z (1−z/h)² / φh with φh = (1 − 15 z/L)^(−1/2)
    return constants::kKarman * ustar_m_s * shape * math::sqrt(1 - 15 * zl);
  }
  // Unstable mixed layer: velocity scale w_m = u* / φm(0.1 h); Prandtl number φh/φm at 0.1 h plus
  // the nonlocal term 0.1 κ a w*/w_m.
  const double x = 1 - 1.5 * h_m / l_m;  // 1 − 15 (0.1 h) / L
  const double phim_inv = math::cbrt(x), phih_inv = math::sqrt(x);
  const double wm = ustar_m_s * phim_inv;
  const double prandtl = phim_inv / phih_inv + 0.1 * constants::kKarman * 7.2 * wstar_m_s / wm;
  return constants::kKarman * wm * shape / prandtl;
}

}  // namespace kctm::bl
