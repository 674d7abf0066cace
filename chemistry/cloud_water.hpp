#pragma once
// The acidity of cloud water from its ion balance, so that the aqueous oxidation of S(IV) slows as
// the drops acidify (the O3 path by orders of magnitude: its rate goes as 1/[H+]).
//
// Every fine particle is taken as activated into the drops. Sulfate (HSO4− ⇌ H+ + SO4 2−) and
// nitrate (nitric acid's effective Henry constant, ~1e11 M atm-1 at pH 4, leaves none in the gas)
// dissolve entirely; ammonia, S(IV) and CO2 split between air and drops by their effective Henry
// constants at the drops' [H+]. The ion balance
//   [H+] + [NH4+] = [HSO4−] + 2[SO4 2−] + [NO3−] + [HSO3−] + 2[SO3 2−] + [HCO3−] + [OH−]
// has one root in [H+] (the left side rises with it, the right side falls), found by Newton's
// method on ln[H+] kept between pH 0 and 10 (chemistry/bracketed_newton.hpp) from the drop's
// last [H+], with the balance's analytic slope. Constants at 298 K with their van 't Hoff
// temperature dependence: Seinfeld & Pandis (2016), Atmospheric Chemistry and Physics, 3rd ed.,
// Tables 7.2, 7.3 and 7.4. Crustal cations (Ca2+, Mg2+, Na+, K+) and organic acids are not carried:
// they would raise and lower the pH respectively (Seinfeld & Pandis 2016, §7.5).
#include "base/constants.hpp"
#include "chemistry/bracketed_newton.hpp"
#include "chemistry/rate_laws.hpp"

namespace kctm::chem {

/// CO2 in the air dissolving into the drops: 411 ppm, the NOAA global mean of 2019 (Global
/// Monitoring Laboratory, Dlugokencky & Tans) [mol mol-1].
constexpr double kCo2MoleFraction = 411e-6;

/// What the cloud water holds, as totals in the air (gas + drops) [mol per L of air].
struct CloudWaterTotals {
  double sulfate;    ///< S(VI): SULF
  double nitrate;    ///< HNO3 + NIT
  double ammonia;    ///< NH3 + NH4
  double sulfur_iv;  ///< SO2
};

/// [H+] [M] of cloud water `lwc` [L water per L air] at temperature t_k [K] and pressure
/// `p_atm` [atm] holding `c`, searched from `guess_hplus` [M] (the drop's last value; any value
/// within pH 0–10 will do). Sets `*iterations` to the evaluations taken when given.
KOKKOS_INLINE_FUNCTION double cloud_water_hplus(const CloudWaterTotals& c, double lwc, double t_k,
                                                double p_atm, double guess_hplus,
                                                int* iterations = nullptr) {
  using detail::vant_hoff;
  const double rt = constants::kGasConstantLatm * t_k;  // [L atm mol-1]
  const double h_nh3 = vant_hoff(62.0, 4110.0, t_k), k_b = vant_hoff(1.7e-5, -450.0, t_k);
  const double k_w = vant_hoff(1.0e-14, -6710.0, t_k);
  const double h_co2 = vant_hoff(3.4e-2, 2420.0, t_k), k_c1 = vant_hoff(4.3e-7, -1000.0, t_k);
  const double k_hso4 = vant_hoff(1.02e-2, 2720.0, t_k);
  const double sulfate_m = c.sulfate / lwc, nitrate_m = c.nitrate / lwc;
  const double carbonate_and_water = h_co2 * k_c1 * kCo2MoleFraction * p_atm + k_w;  // [M2]
  const detail::SulfurAqueous s(t_k, 1.0);     // its constants; [H+] varies below
  const double nh4_per_h = h_nh3 * k_b / k_w;  // NH4+ per NH3(g) [M atm-1] per [H+] [M]
  // Cations − anions [M] at [H+] = h, and its slope in ln h (h times its slope in h):
  //   NH4+      a h A / (1/RT + (H_NH3 + a h) L),   a = H_NH3 K_b / K_w
  //   S(VI)     S (h + 2 K_HSO4) / (h + K_HSO4)
  //   S(IV)     H_SO2 C d(h) / (1/RT + H_SO2 (1 + K1/h + K1 K2/h²) L),   d = K1/h + 2 K1 K2/h²
  //   HCO3-, OH-  (H_CO2 K_c1 p_CO2 + K_w) / h
  const double ammonia_room = 1.0 / rt + h_nh3 * lwc, k12 = s.k_s1 * s.k_s2;
  auto balance = [&](double ln_h, double& excess, double& slope) {
    const double h = math::exp(ln_h), u = 1.0 / h;
    const double nh4_den = ammonia_room + nh4_per_h * h * lwc;
    const double nh4 = nh4_per_h * h * c.ammonia / nh4_den;
    const double dnh4 = nh4_per_h * c.ammonia * ammonia_room / (nh4_den * nh4_den);
    const double hso4_den = h + k_hso4;
    const double sulfate = sulfate_m * (h + 2.0 * k_hso4) / hso4_den;
    const double dsulfate = -sulfate_m * k_hso4 / (hso4_den * hso4_den);
    const double d = s.k_s1 * u + 2.0 * k12 * u * u, dd_du = s.k_s1 + 4.0 * k12 * u;
    const double e = 1.0 / rt + s.h_so2 * (1.0 + s.k_s1 * u + k12 * u * u) * lwc;
    const double de_du = s.h_so2 * lwc * (s.k_s1 + 2.0 * k12 * u);
    const double sulfite = s.h_so2 * c.sulfur_iv * d / e;
    const double dsulfite = -s.h_so2 * c.sulfur_iv * (dd_du * e - d * de_du) / (e * e) * u * u;
    excess = h + nh4 - sulfate - nitrate_m - sulfite - carbonate_and_water * u;
    slope = h * (1.0 + dnh4 - dsulfate - dsulfite + carbonate_and_water * u * u);
  };
  using constants::kLn10;
  constexpr double kLowest = -10.0 * kLn10;  // pH 10
  const double guess =
      guess_hplus > 1e-10 && guess_hplus < 1.0 ? math::log(guess_hplus) : -5 * kLn10;
  // 1e-12 of ln [H+]: the acidity to round-off, in a few steps from the last value.
  const RootResult root = bracketed_newton(balance, kLowest, 0.0, guess, 1e-12, 100);
  if (iterations) *iterations = root.iterations;
  return math::exp(root.x);
}

}  // namespace kctm::chem
