#pragma once
// Rate coefficients of the mechanism's reactions as plain data (a kind and up to seven parameters)
// evaluated per cell on the device. Units: molecules cm-3 and s; a bimolecular coefficient is
// cm3 molecule-1 s-1, a first-order one s-1. Third bodies, O2, H2O and fixed partners (CH4, H2)
// are folded into the coefficient.
#include "base/constants.hpp"
#include "kernels/kokkos_types.hpp"

namespace kctm::chem {

/// Photolysis frequencies the mechanism uses (chemistry/photolysis.hpp).
enum Photolysis : int {
  kJNO2,       ///< NO2 → NO + O(3P)
  kJO1D,       ///< O3 → O(1D) + O2
  kJH2O2,      ///< H2O2 → 2 OH
  kJNO3toNO,   ///< NO3 → NO + O2
  kJNO3toNO2,  ///< NO3 → NO2 + O(3P)
  kJHCHOrad,   ///< HCHO → H + HCO
  kJHCHOmol,   ///< HCHO → H2 + CO
  kJALD,       ///< CH3CHO → CH3 + HCO
  kJHNO3,      ///< HNO3 → OH + NO2
  kJHONO,      ///< HONO → OH + NO
  kPhotolysisCount
};

/// Ground, building and leaf surface per unit of ground area, for heterogeneous NO2 → HONO on
/// the ground (chemistry/mechanism.cpp); the lowest layer's surface per volume is this over its
/// thickness. 1 + 2 LAI, as CMAQ takes the leaves' two sides (Sarwar et al. 2008, Atmos. Environ.
/// 42:5760), with a winter leaf-area index of 0.5 (subtropical cropland and forest in January:
/// 0.5–2): the low end, as one value for the year (summer canopies would give 3–9).
constexpr double kSurfaceAreaIndex = 2.0;

/// What a cell offers the rate coefficients.
struct CellEnvironment {
  double t_k;                   ///< temperature [K]
  double m;                     ///< air [molecules cm-3]
  double h2o;                   ///< water vapour [molecules cm-3]
  double rh;                    ///< relative humidity [0–1]
  double lwc;                   ///< cloud liquid water [L water per L air]
  double cloud_hplus;           ///< [H+] of the cloud water [M] (chemistry/cloud_water.hpp)
  double aerosol_area_cm2_cm3;  ///< wet fine-aerosol surface area [cm2 cm-3]
  double aerosol_water_ug_m3;   ///< fine-aerosol liquid water [µg m-3]
  double ground_area_cm2_cm3;   ///< ground and leaf surface per volume (lowest layer) [cm2 cm-3]
  double j[kPhotolysisCount];   ///< photolysis frequencies [s-1]
};

enum class RateKind : int {
  /// p0 (T/300)^p1 exp(p2/T) [× p3 [M] when p3 > 0: a fixed partner's mole fraction]
  Arrhenius,
  /// Troe fall-off: k0 = p0 (T/300)^p1 exp(p2/T) [M], k∞ = p3 (T/300)^p4 exp(p5/T), Fc = p6
  Troe,
  /// p1 J[p0]
  Photolysis,
  /// J(O1D) times the fraction of O(1D) that meets H2O (IUPAC 2008: O1D + H2O, N2, O2)
  O1DWithWater,
  /// HO2 + HO2 with its pressure and water-vapour enhancement (IUPAC, Atkinson et al. 2004)
  HO2SelfReaction,
  /// OH + HNO3, three-parameter form (IUPAC, Atkinson et al. 2004)
  OHPlusHNO3,
  /// OH + CO: 1.44e-13 (1 + [N2]/4.2e19) (IUPAC, Atkinson et al. 2006)
  OHPlusCO,
  /// First-order uptake, c̄ (γa Sa + γg Sg) / 4: on the wet aerosol with γa = p0 and on the
  /// ground's surface with γg = p2 + p3 min(1, J(NO2) / p4), enhanced by light; molar mass p1
  /// [g mol-1]
  AerosolUptake,
  /// Uptake on aerosol water, c̄ γ(RH) Sa / 4 with γ rising linearly from p0 at RH ≤ p2 to p3 at
  /// RH = 1, and none without aerosol water; molar mass p1 [g mol-1]
  AerosolWaterUptake,
  /// S(IV) + H2O2 in cloud water as an effective gas-phase coefficient, at the cell's cloud [H+]
  AqueousH2O2,
  /// S(IV) + O3 in cloud water, at the cell's cloud [H+]
  AqueousO3,
};

struct RateLaw {
  RateKind kind = RateKind::Arrhenius;
  double p[7] = {0, 0, 0, 0, 0, 0, 0};
};

/// Whether a kind's coefficient depends on the cell's temperature, air and water vapour alone (not
/// on the sun, the aerosol or the cloud water): it holds as long as the meteorology does.
constexpr bool depends_on_air_alone(RateKind kind) {
  return kind == RateKind::Arrhenius || kind == RateKind::Troe ||
         kind == RateKind::HO2SelfReaction || kind == RateKind::OHPlusHNO3 ||
         kind == RateKind::OHPlusCO;
}

namespace detail {
using constants::kAvogadro;
using constants::kGasConstantLatm;
using constants::kLn10;

/// a (T/300)^n exp(b/T) as one exponential, a e^(n ln(T/300) + b/T) (a power costs about two),
/// with ln(T/300) given.
KOKKOS_INLINE_FUNCTION double arrhenius(double a, double n, double b, double t_k, double ln_t300) {
  const double e = n * ln_t300 + b / t_k;
  return e != 0 ? a * math::exp(e) : a;
}

/// Gas-phase partial pressure per molecule cm-3 [atm cm3] of a gas with effective Henry constant
/// h_eff [M atm-1] in cloud water `lwc`, its total spread over gas and drops in equilibrium, at
/// temperature t_k [K].
KOKKOS_INLINE_FUNCTION double pressure_per_molecule(double h_eff, double lwc, double t_k) {
  return (1000.0 / kAvogadro) / (1.0 / (kGasConstantLatm * t_k) + h_eff * lwc);
}

/// Mean molecular speed [cm s-1] of a gas of molar mass `g_mol` at temperature t_k [K].
KOKKOS_INLINE_FUNCTION double mean_speed_cm_s(double g_mol, double t_k) {
  return 100.0 * math::sqrt(8.0 * constants::kGasConstant * t_k / (constants::kPi * g_mol * 1e-3));
}

/// A Henry or equilibrium constant at 298 K, k298, with its van 't Hoff temperature dependence
/// −ΔH/R = c [K], at temperature t_k [K].
KOKKOS_INLINE_FUNCTION double vant_hoff(double k298, double c, double t_k) {
  return k298 * math::exp(c * (1.0 / t_k - 1.0 / 298.0));
}

// Seinfeld & Pandis (2016), Atmospheric Chemistry and Physics, 3rd ed., Tables 7.2–7.4:
// Henry constants [M atm-1] and S(IV) dissociation constants [M] at 298 K with −ΔH/R [K].
struct SulfurAqueous {
  double h_so2, k_s1, k_s2, hplus;
  KOKKOS_INLINE_FUNCTION SulfurAqueous(double t_k, double h_plus)
      : h_so2(vant_hoff(1.23, 3145.0, t_k)),
        k_s1(vant_hoff(1.3e-2, 1960.0, t_k)),
        k_s2(vant_hoff(6.6e-8, 1500.0, t_k)),
        hplus(h_plus) {}
  KOKKOS_INLINE_FUNCTION double h_eff() const {
    return h_so2 * (1.0 + k_s1 / hplus + k_s1 * k_s2 / (hplus * hplus));
  }
};
}  // namespace detail

/// The rate coefficient of `law` in `env`.
KOKKOS_INLINE_FUNCTION double rate_coefficient(const RateLaw& law, const CellEnvironment& env) {
  using namespace detail;
  const double t = env.t_k, m = env.m;  // temperature [K], air [molecules cm-3]
  const double* p = law.p;
  switch (law.kind) {
    case RateKind::Arrhenius: {
      const double k = arrhenius(p[0], p[1], p[2], t, p[1] != 0 ? math::log(t / 300.0) : 0.0);
      return p[3] > 0 ? k * p[3] * m : k;
    }
    case RateKind::Troe: {
      // F = Fc^(1 / (1 + (log10(k0/k∞) / N)²)), N = 0.75 − 1.27 log10 Fc, through natural
      // logarithms: three exponentials and three logarithms where powers took twice that.
      const double ln_t300 = math::log(t / 300.0), ln_fc = math::log(p[6]);
      const double k0 = arrhenius(p[0], p[1], p[2], t, ln_t300) * m;
      const double kinf = arrhenius(p[3], p[4], p[5], t, ln_t300);
      const double n = 0.75 - 1.27 * ln_fc / kLn10;
      const double x = math::log(k0 / kinf) / (kLn10 * n);
      return k0 / (1.0 + k0 / kinf) * math::exp(ln_fc / (1.0 + x * x));
    }
    case RateKind::Photolysis: return p[1] * env.j[static_cast<int>(p[0])];
    case RateKind::O1DWithWater: {
      const double water = 1.63e-10 * math::exp(60.0 / t) * env.h2o;
      const double n2 = 2.15e-11 * math::exp(110.0 / t) * 0.7809 * m;
      const double o2 = 3.2e-11 * math::exp(67.0 / t) * 0.2095 * m;
      return env.j[kJO1D] * water / (water + n2 + o2);
    }
    case RateKind::HO2SelfReaction:
      return (2.2e-13 * math::exp(600.0 / t) + 1.9e-33 * m * math::exp(980.0 / t)) *
             (1.0 + 1.4e-21 * env.h2o * math::exp(2200.0 / t));
    case RateKind::OHPlusHNO3: {
      const double k0 = 2.4e-14 * math::exp(460.0 / t);
      const double k2 = 2.7e-17 * math::exp(2199.0 / t);
      const double k3m = 6.5e-34 * math::exp(1335.0 / t) * m;
      return k0 + k3m / (1.0 + k3m / k2);
    }
    case RateKind::OHPlusCO: return 1.44e-13 * (1.0 + 0.7809 * m / 4.2e19);
    case RateKind::AerosolUptake: {
      const double light = p[4] > 0 && env.j[kJNO2] < p[4] ? env.j[kJNO2] / p[4] : 1.0;
      const double gamma_ground = p[2] + (p[4] > 0 ? p[3] * light : 0.0);
      return 0.25 * mean_speed_cm_s(p[1], t) *
             (p[0] * env.aerosol_area_cm2_cm3 + gamma_ground * env.ground_area_cm2_cm3);
    }
    case RateKind::AerosolWaterUptake: {
      if (env.aerosol_water_ug_m3 <= 0) return 0.0;
      const double wet = env.rh <= p[2] ? 0.0 : (env.rh - p[2]) / (1.0 - p[2]);
      const double gamma = p[0] + (p[3] - p[0]) * (wet < 1.0 ? wet : 1.0);
      return 0.25 * mean_speed_cm_s(p[1], t) * gamma * env.aerosol_area_cm2_cm3;
    }
    case RateKind::AqueousH2O2: {
      if (env.lwc <= 0) return 0.0;
      // Seinfeld & Pandis (2016) eq. 7.91 (after Martin & Damschen 1981): the rate
      // k [H+][H2O2(aq)][HSO3-] / (1 + K [H+]) with K = 13 M-1; H2O2's Henry constant 1e5 M atm-1.
      const SulfurAqueous s(t, env.cloud_hplus);
      const double k = 7.45e7 * math::exp(-15.96 * (298.0 / t - 1.0));
      const double h_h2o2 = vant_hoff(1.0e5, 7300.0, t);
      const double rate_per_atm2 = k / (1.0 + 13.0 * s.hplus) * s.h_so2 * s.k_s1 * h_h2o2;
      return rate_per_atm2 * env.lwc * (kAvogadro / 1000.0) *
             pressure_per_molecule(s.h_eff(), env.lwc, t) *
             pressure_per_molecule(h_h2o2, env.lwc, t);
    }
    case RateKind::AqueousO3: {
      if (env.lwc <= 0) return 0.0;
      // Hoffmann & Calvert (1985), as in Seinfeld & Pandis (2016) eq. 7.80: O3(aq) reacts with
      // SO2·H2O, HSO3- and SO3 2- at k0, k1, k2 [M-1 s-1]; O3's Henry constant 1.13e-2 M atm-1.
      const SulfurAqueous s(t, env.cloud_hplus);
      const double k0 = 2.4e4, k1 = vant_hoff(3.7e5, -5530.0, t), k2 = vant_hoff(1.5e9, -5280.0, t);
      const double h_o3 = vant_hoff(1.13e-2, 2540.0, t);
      const double siv_per_atm =
          s.h_so2 * (k0 + k1 * s.k_s1 / s.hplus + k2 * s.k_s1 * s.k_s2 / (s.hplus * s.hplus));
      return siv_per_atm * h_o3 * env.lwc * (kAvogadro / 1000.0) *
             pressure_per_molecule(s.h_eff(), env.lwc, t) * pressure_per_molecule(h_o3, env.lwc, t);
    }
  }
  return 0.0;
}

}  // namespace kctm::chem
