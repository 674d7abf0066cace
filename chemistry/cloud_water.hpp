#pragma once
// The acidity of cloud water from its ion balance, so that the aqueous oxidation of S(IV) slows as
// the drops acidify (the O3 path by orders of magnitude: its rate goes as 1/[H+]).
//
// Every fine particle is taken as activated into the drops. Sulfate (HSO4− ⇌ H+ + SO4 2−) and
// nitrate (nitric acid's effective Henry constant, ~1e11 M atm-1 at pH 4, leaves none in the gas)
// dissolve entirely; ammonia, S(IV) and CO2 split between air and drops by their effective Henry
// constants at the drops' [H+]. The ion balance
//   [H+] + [NH4+] = [HSO4−] + 2[SO4 2−] + [NO3−] + [HSO3−] + 2[SO3 2−] + [HCO3−] + [OH−]
// has one root in [H+] (the left side rises with it, the right side falls), found by bisection on
// log[H+] between pH 0 and 10. Constants at 298 K with their van 't Hoff temperature dependence:
// Seinfeld & Pandis (2016), Atmospheric Chemistry and Physics, 3rd ed., Tables 7.2, 7.3 and 7.4.
// Crustal cations (Ca2+, Mg2+, Na+, K+) and organic acids are not carried: they would raise and
// lower the pH respectively (Seinfeld & Pandis 2016, §7.5).
#include "base/constants.hpp"
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
/// `p_atm` [atm] holding `c`.
KOKKOS_INLINE_FUNCTION double cloud_water_hplus(const CloudWaterTotals& c, double lwc, double t_k,
                                                double p_atm) {
  using detail::vant_hoff;
  const double rt = constants::kGasConstantLatm * t_k;  // [L atm mol-1]
  const double h_nh3 = vant_hoff(62.0, 4110.0, t_k), k_b = vant_hoff(1.7e-5, -450.0, t_k);
  const double k_w = vant_hoff(1.0e-14, -6710.0, t_k);
  const double h_co2 = vant_hoff(3.4e-2, 2420.0, t_k), k_c1 = vant_hoff(4.3e-7, -1000.0, t_k);
  const double k_hso4 = vant_hoff(1.02e-2, 2720.0, t_k);
  const double sulfate_m = c.sulfate / lwc, nitrate_m = c.nitrate / lwc;
  const double bicarbonate_per_h = h_co2 * k_c1 * kCo2MoleFraction * p_atm;
  const detail::SulfurAqueous s(t_k, 1.0);  // its constants; [H+] varies below
  auto excess_charge = [&](double h) {      // cations − anions [M]: rises with h
    const double dissociated =
        s.k_s1 / h * (1.0 + 2.0 * s.k_s2 / h);  // HSO3-, 2 SO3 2- per SO2(aq)
    const double h_eff_so2 = s.h_so2 * (1.0 + s.k_s1 / h * (1.0 + s.k_s2 / h));
    const double p_so2 = c.sulfur_iv / (1.0 / rt + h_eff_so2 * lwc);  // [atm]
    const double nh4_per_atm = h_nh3 * k_b * h / k_w;
    const double p_nh3 = c.ammonia / (1.0 / rt + (h_nh3 + nh4_per_atm) * lwc);
    return h + nh4_per_atm * p_nh3 - sulfate_m * (h + 2.0 * k_hso4) / (h + k_hso4) - nitrate_m -
           s.h_so2 * p_so2 * dissociated - (bicarbonate_per_h + k_w) / h;
  };
  // Bisection on ln [H+] between pH 10 and 0: 34 halvings leave 1.3e-9 of ln [H+].
  constexpr double kLn10 = 2.302585092994046;
  double lo = -10.0 * kLn10, hi = 0.0;
  for (int it = 0; it < 34; ++it) {
    const double mid = 0.5 * (lo + hi);
    (excess_charge(math::exp(mid)) > 0 ? hi : lo) = mid;
  }
  return math::exp(0.5 * (lo + hi));
}

}  // namespace kctm::chem
