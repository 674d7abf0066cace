#include "app/mechanism_table.hpp"

#include <cstdio>
#include <sstream>

#include "chemistry/mechanism.hpp"
#include "chemistry/photolysis.hpp"

namespace kctm {

namespace {

std::string format(const char* fmt, double a, double b = 0, double c = 0) {
  char buf[160];
  std::snprintf(buf, sizeof buf, fmt, a, b, c);
  return buf;
}

std::string law_text(const chem::RateLaw& law) {
  const double* p = law.p;
  switch (law.kind) {
    case chem::RateKind::Arrhenius: {
      std::string s = format("%.3g", p[0]);
      if (p[1] != 0) s += format(" (T/300)^%g", p[1]);
      if (p[2] != 0) s += format(" exp(%g/T)", p[2]);
      if (p[3] > 0) s += format(" × %.3g [M]", p[3]);
      return s;
    }
    case chem::RateKind::Troe:
      return "Troe: k0 = " + format("%.3g (T/300)^%g exp(%g/T)", p[0], p[1], p[2]) +
             " [M], k∞ = " + format("%.3g (T/300)^%g exp(%g/T)", p[3], p[4], p[5]) +
             format(", Fc = %g", p[6]);
    case chem::RateKind::Photolysis: return "J (chemistry/photolysis.hpp)";
    case chem::RateKind::O1DWithWater: return "J(O1D) × fraction of O(1D) meeting H2O";
    case chem::RateKind::HO2SelfReaction:
      return "(2.2e-13 exp(600/T) + 1.9e-33 [M] exp(980/T)) (1 + 1.4e-21 [H2O] exp(2200/T))";
    case chem::RateKind::OHPlusHNO3: return "k0 + k3[M]/(1 + k3[M]/k2)";
    case chem::RateKind::OHPlusCO: return "1.44e-13 (1 + [N2]/4.2e19)";
    case chem::RateKind::AerosolUptake:
      return p[2] > 0 ? format("c̄ (γa Sa + γg Sg)/4, γa = %g, γg = %g", p[0], p[2])
                      : format("γ c̄ S/4, γ = %g", p[0]);
    case chem::RateKind::AerosolWaterUptake:
      return format("γ c̄ S/4 on aerosol water, γ = %g at RH ≤ %g to %g at RH 1", p[0], p[2], p[3]);
    case chem::RateKind::AqueousH2O2: return "in cloud water, pH from the ion balance";
    case chem::RateKind::AqueousO3: return "in cloud water, pH from the ion balance";
  }
  return "";
}

}  // namespace

std::string mechanism_markdown() {
  // Rate coefficients at 298 K, 1 atm, 1 % water vapour, RH 80 %, noon sun (cos χ = 0.9), no
  // cloud, 600 µm² cm⁻³ of wet aerosol surface holding 20 µg m⁻³ of water, and the ground's
  // surface under a 50 m layer.
  chem::CellEnvironment env{};
  env.t_k = 298.15;
  env.m = 2.46e19;
  env.h2o = 0.01 * env.m;
  env.rh = 0.8;
  env.cloud_hplus = 1e-5;
  env.aerosol_area_cm2_cm3 = 6e-6;
  env.aerosol_water_ug_m3 = 20;
  env.ground_area_cm2_cm3 = chem::kSurfaceAreaIndex / 50.0 * 1e-2;
  chem::clear_sky_photolysis(0.9, env.j);
  std::ostringstream o;
  o << "| # | reaction | k (298 K, 1 atm; noon for J) | rate law | source |\n"
       "|---|---|---|---|---|\n";
  const std::vector<chem::Reaction> reactions = chem::kctm_c1_reactions();
  for (std::size_t r = 0; r < reactions.size(); ++r) {
    const chem::Reaction& re = reactions[r];
    std::string text;
    for (std::size_t i = 0; i < re.reactants.size(); ++i) {
      text += (i ? " + " : "") + std::string(re.reactants[i]);
    }
    if (re.law.kind == chem::RateKind::Photolysis || re.law.kind == chem::RateKind::O1DWithWater) {
      text += " + hν";
    }
    text += " →";
    for (std::size_t i = 0; i < re.products.size(); ++i) {
      const auto& [yield, name] = re.products[i];
      text += (i ? " + " : " ") + (yield == 1 ? "" : format("%g ", yield)) + std::string(name);
    }
    if (re.products.empty()) text += " (products not carried)";
    o << "| " << r + 1 << " | " << text << " | "
      << format("%.3g", chem::rate_coefficient(re.law, env)) << " | " << law_text(re.law) << " | "
      << re.source << " |\n";
  }
  return o.str();
}

}  // namespace kctm
