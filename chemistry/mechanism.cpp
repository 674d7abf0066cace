#include "chemistry/mechanism.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "base/error.hpp"
#include "chemistry/species.hpp"

namespace kctm::chem {

namespace {

RateLaw arrhenius(double a, double b_k = 0, double n = 0) {
  return {RateKind::Arrhenius, {a, n, b_k}};
}
/// A pseudo-first-order reaction with a well-mixed partner of mole fraction `x`.
RateLaw with_fixed(double a, double b_k, double x) { return {RateKind::Arrhenius, {a, 0, b_k, x}}; }
RateLaw troe(double a0, double n0, double b0, double ainf, double ninf, double binf, double fc) {
  return {RateKind::Troe, {a0, n0, b0, ainf, ninf, binf, fc}};
}
RateLaw photolysis(Photolysis j) { return {RateKind::Photolysis, {static_cast<double>(j), 1.0}}; }
RateLaw special(RateKind kind, double p0 = 0, double p1 = 0) { return {kind, {p0, p1}}; }

// MCM v3.3.1 generic peroxy-radical coefficients (Jenkin et al. 1997; Saunders et al. 2003):
// KRO2NO = 2.7e-12 exp(360/T); KRO2HO2 = 2.91e-13 exp(1300/T) (1 − exp(−0.245 n)) for n carbons.
constexpr double kRO2NO = 2.7e-12, kRO2NO_B = 360;
double kro2ho2(int carbons) { return 2.91e-13 * (1 - std::exp(-0.245 * carbons)); }

// Background methane and hydrogen mole fractions (WMO GAW 2019 global means, rounded).
constexpr double kMethane = 1.9e-6, kHydrogen = 5.3e-7;

// SOA yields (molar, CAMx SOAP2.2 soap.inc; shared/science/REFERENCES.md) into the anthropogenic
// (CG1, CG2), biogenic (CG3, CG4) and non-volatile (SOANV) products. Aromatics take the toluene
// row, split by the fate of their peroxy radical: high-NOx yields through ARO2 + NO, low-NOx
// through ARO2 + HO2. Isoprene and monoterpenes take the high-NOx row (Hengyang's polluted air).
using Yields = std::vector<std::pair<double, std::string_view>>;
Yields plus(Yields a, const Yields& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}
const Yields kIsopreneSoa = {{0.0286, "CG3"}, {0.0085, "CG4"}};
const Yields kTerpeneSoa = {{0.0567, "CG3"}, {0.034, "CG4"}, {0.0433, "SOANV"}};
const Yields kIvocSoa = {{0.0163, "CG1"}, {0.319, "CG2"}, {0.124, "SOANV"}};

// Heterogeneous NO2 → HONO: 2 NO2 + H2O → HONO + HNO3 on wet surfaces (Finlayson-Pitts et al.
// 2003, PCCP 5:223; the yields of Jacob 2000, Atmos. Environ. 34:2131, and of CMAQ after Sarwar
// et al. 2008, Atmos. Environ. 42:5760), on the wet aerosol and on the ground. Uptake
// coefficients, inside the ranges CTM studies of China use (Zhang S. et al. 2021, ACP 21:15809):
//  - aerosol 1e-5 (1e-6–1e-4; Jacob 2000 recommends 1e-4 as the upper value);
//  - ground in the dark 1e-6, as Sarwar et al. (2008) and Li G. et al. (2010, ACP 10:6551);
//  - ground in sunlight up to 2e-5 more, the photo-enhanced conversion on organic surfaces
//    (Stemmler et al. 2006, Nature 440:195) at the daytime value of WRF-Chem and CMAQ studies
//    of China (1e-5–4e-5), scaled with J(NO2) up to that of a clear overhead sun.
constexpr double kNo2GammaAerosol = 1e-5, kNo2GammaGround = 1e-6, kNo2GammaGroundLight = 2e-5;
constexpr double kFullSunJNo2 = 8.9e-3;  // [s-1], chemistry/photolysis.hpp at cos χ = 1
// SO2 uptake on aerosol water forming sulfate, the path CTM studies of North China haze added to
// explain its fast sulfate growth (Wang Y. et al. 2014, JGR 119:10425; Zheng B. et al. 2015, ACP
// 15:2031; Li G. et al. 2017, ACP 17:3301), each with its own γ(RH) between ~1e-5 on drier and
// ~1e-4 on wet aerosol (up to 1e-3 in sensitivity runs). kctm: γ rising linearly from 1e-5 at
// RH ≤ 50 % to 5e-5 at saturation, the lower half of that range; none without aerosol water.
constexpr double kSo2GammaDry = 1e-5, kSo2GammaWet = 5e-5, kSo2GammaRh = 0.5;
// OH + IVOC: 1.34e-11 cm3 s-1 (Hodzic et al. 2016, ACP 16:7917; CAMx SOAP's IVOA; the CAMx
// 1.5-D VBS uses 4e-11).
constexpr double kIvocOh = 1.34e-11;

}  // namespace

std::vector<Reaction> kctm_c1_reactions() {
  // Unless said otherwise, rate coefficients are IUPAC's recommendations (Atkinson et al. 2004,
  // ACP 4:1461 for Ox/HOx/NOx; 2006, ACP 6:3625 for organics; iupac.aeris-data.fr, 2023 sheets).
  const char* iupac = "IUPAC";
  std::vector<Reaction> r = {
      // Photolysis (chemistry/photolysis.hpp). O(3P) + O2 → O3 at once.
      {{"NO2"}, {{1, "NO"}, {1, "O3"}}, photolysis(kJNO2), "MCM J4"},
      {{"O3"}, {{2, "OH"}}, special(RateKind::O1DWithWater), "MCM J1; IUPAC O(1D) quenching"},
      {{"H2O2"}, {{2, "OH"}}, photolysis(kJH2O2), "MCM J3"},
      {{"NO3"}, {{1, "NO"}}, photolysis(kJNO3toNO), "MCM J5"},
      {{"NO3"}, {{1, "NO2"}, {1, "O3"}}, photolysis(kJNO3toNO2), "MCM J6"},
      {{"HCHO"}, {{2, "HO2"}, {1, "CO"}}, photolysis(kJHCHOrad), "MCM J11"},
      {{"HCHO"}, {{1, "CO"}}, photolysis(kJHCHOmol), "MCM J12"},
      {{"ALD"}, {{1, "RO2"}, {1, "HO2"}, {1, "CO"}}, photolysis(kJALD), "MCM J13"},
      {{"HNO3"}, {{1, "OH"}, {1, "NO2"}}, photolysis(kJHNO3), "MCM J8"},
      {{"HONO"}, {{1, "OH"}, {1, "NO"}}, photolysis(kJHONO), "MCM J7"},
      // Ox, HOx, NOx.
      {{"O3", "NO"}, {{1, "NO2"}}, arrhenius(2.07e-12, -1400), iupac},
      {{"O3", "NO2"}, {{1, "NO3"}}, arrhenius(1.4e-13, -2470), iupac},
      {{"NO3", "NO"}, {{2, "NO2"}}, arrhenius(1.8e-11, 110), iupac},
      {{"NO3", "NO2"}, {{1, "N2O5"}}, troe(3.6e-30, -4.1, 0, 1.9e-12, 0.2, 0, 0.35), iupac},
      {{"N2O5"},
       {{1, "NO2"}, {1, "NO3"}},
       troe(1.3e-3, -3.5, -11000, 9.7e14, 0.1, -11080, 0.35),
       iupac},
      // N2O5 hydrolysis on aerosol, γ = 0.02 (Evans & Jacob 2005, GRL 32:L09813, their mean).
      {{"N2O5"},
       {{2, "HNO3"}},
       special(RateKind::AerosolUptake, 0.02, 108.01),
       "Evans & Jacob 2005"},
      {{"OH", "NO2"}, {{1, "HNO3"}}, troe(1.8e-30, -3.0, 0, 2.8e-11, 0, 0, 0.6), "JPL 15-10"},
      {{"OH", "HNO3"}, {{1, "NO3"}}, special(RateKind::OHPlusHNO3), iupac},
      // Nitrous acid: formed from OH + NO, on wet surfaces from NO2, emitted by traffic
      // (emissions/data/speciation.yaml); photolysed by day (above), a morning OH source.
      {{"OH", "NO"}, {{1, "HONO"}}, troe(7.4e-31, -2.4, 0, 3.3e-11, -0.3, 0, 0.81), iupac},
      {{"OH", "HONO"}, {{1, "NO2"}}, arrhenius(2.5e-12, 260), iupac},
      {{"NO2"},
       {{0.5, "HONO"}, {0.5, "HNO3"}},
       RateLaw{RateKind::AerosolUptake,
               {kNo2GammaAerosol, 46.01, kNo2GammaGround, kNo2GammaGroundLight, kFullSunJNo2}},
       "Jacob 2000; Sarwar 2008; Stemmler 2006"},
      {{"HO2", "NO"}, {{1, "OH"}, {1, "NO2"}}, arrhenius(3.45e-12, 270), iupac},
      {{"HO2", "HO2"}, {{1, "H2O2"}}, special(RateKind::HO2SelfReaction), iupac},
      {{"OH", "HO2"}, {}, arrhenius(4.8e-11, 250), iupac},
      {{"OH", "H2O2"}, {{1, "HO2"}}, arrhenius(2.9e-12, -160), iupac},
      {{"OH", "O3"}, {{1, "HO2"}}, arrhenius(1.7e-12, -940), iupac},
      {{"HO2", "O3"}, {{1, "OH"}}, arrhenius(2.03e-16, 693, 4.57), iupac},
      {{"NO3", "HO2"}, {{1, "OH"}, {1, "NO2"}}, arrhenius(4.0e-12), iupac},
      {{"OH", "CO"}, {{1, "HO2"}}, special(RateKind::OHPlusCO), iupac},
      {{"OH"}, {{1, "RO2"}}, with_fixed(1.85e-12, -1690, kMethane), "IUPAC OH + CH4"},
      {{"OH"}, {{1, "HO2"}}, with_fixed(7.7e-12, -2100, kHydrogen), "IUPAC OH + H2"},
      // Carbonyls and PAN.
      {{"OH", "HCHO"}, {{1, "HO2"}, {1, "CO"}}, arrhenius(5.4e-12, 135), iupac},
      {{"NO3", "HCHO"}, {{1, "HNO3"}, {1, "HO2"}, {1, "CO"}}, arrhenius(5.5e-16), iupac},
      {{"OH", "ALD"}, {{1, "C2O3"}}, arrhenius(4.7e-12, 345), "IUPAC OH + CH3CHO"},
      {{"NO3", "ALD"}, {{1, "HNO3"}, {1, "C2O3"}}, arrhenius(1.4e-12, -1860), iupac},
      {{"C2O3", "NO"}, {{1, "NO2"}, {1, "RO2"}}, arrhenius(7.5e-12, 290), iupac},
      {{"C2O3", "NO2"}, {{1, "PAN"}}, troe(3.28e-28, -6.87, 0, 1.125e-11, -1.105, 0, 0.3), iupac},
      {{"PAN"}, {{1, "C2O3"}, {1, "NO2"}}, troe(1.1e-5, 0, -10100, 1.9e17, 0, -14100, 0.3), iupac},
      {{"C2O3", "HO2"},
       {{0.44, "OH"}, {0.44, "RO2"}, {0.15, "O3"}},
       arrhenius(5.2e-13, 980),
       "IUPAC, branching 0.41/0.15/0.44"},
      {{"C2O3", "C2O3"}, {{2, "RO2"}}, arrhenius(2.9e-12, 500), iupac},
      {{"C2O3", "RO2"},
       {{0.9, "RO2"}, {0.9, "HO2"}, {1, "HCHO"}},
       arrhenius(2.0e-12, 500),
       "IUPAC CH3C(O)O2 + CH3O2"},
      // The lumped peroxy radical: 3 % organic nitrate from RO2 + NO; carbonyls as a mix of
      // methyl, alkyl, alkene and isoprene peroxy radicals would give (approx).
      {{"RO2", "NO"},
       {{0.97, "NO2"}, {0.97, "HO2"}, {0.03, "RNO3"}, {0.6, "HCHO"}, {0.5, "ALD"}},
       arrhenius(kRO2NO, kRO2NO_B),
       "MCM KRO2NO"},
      {{"RO2", "HO2"}, {}, arrhenius(kro2ho2(3), 1300), "MCM KRO2HO2, 3 carbons"},
      {{"RO2", "RO2"},
       {{0.6, "HO2"}, {0.7, "HCHO"}, {0.3, "ALD"}},
       arrhenius(1.03e-13, 365),
       "IUPAC CH3O2 + CH3O2"},
      {{"RO2", "NO3"}, {{1, "NO2"}, {1, "HO2"}, {1, "HCHO"}}, arrhenius(1.2e-12), iupac},
      // Anthropogenic VOC classes.
      {{"OH", "ALK"}, {{1, "RO2"}}, arrhenius(1.827e-12, 78, 2), "IUPAC OH + n-butane"},
      {{"OH", "OLE"}, {{1, "RO2"}}, arrhenius(4.85e-12, 504), "IUPAC OH + propene"},
      {{"O3", "OLE"},
       {{0.5, "HCHO"}, {0.5, "ALD"}, {0.36, "OH"}, {0.28, "HO2"}, {0.1, "RO2"}, {0.3, "CO"}},
       arrhenius(5.5e-15, -1880),
       "IUPAC O3 + propene (OH yield 0.36)"},
      {{"NO3", "OLE"}, {{1, "RNO3"}, {1, "HO2"}}, arrhenius(4.6e-13, -1155), "IUPAC NO3 + propene"},
      {{"OH", "ARO"}, {{1, "ARO2"}}, arrhenius(1.8e-12, 340), "IUPAC OH + toluene"},
      {{"ARO2", "NO"},
       plus({{1, "NO2"}, {1, "HO2"}, {0.6, "ALD"}},
            {{0.187, "CG1"}, {0.180, "CG2"}, {0.0185, "SOANV"}}),
       arrhenius(kRO2NO, kRO2NO_B),
       "MCM KRO2NO; SOAP2.2 toluene high-NOx yields"},
      {{"ARO2", "HO2"},
       {{0.406, "CG1"}, {0.211, "CG2"}, {0.109, "SOANV"}},
       arrhenius(kro2ho2(7), 1300),
       "MCM KRO2HO2, 7 carbons; SOAP2.2 toluene low-NOx yields"},
      // Biogenic VOC.
      {{"OH", "ISOP"}, plus({{1, "RO2"}}, kIsopreneSoa), arrhenius(2.7e-11, 390), iupac},
      {{"O3", "ISOP"},
       plus({{0.25, "OH"}, {0.6, "HCHO"}, {0.5, "ALD"}, {0.2, "RO2"}, {0.25, "HO2"}, {0.2, "CO"}},
            kIsopreneSoa),
       arrhenius(1.03e-14, -1995),
       "IUPAC (OH yield 0.25)"},
      {{"NO3", "ISOP"},
       plus({{1, "RNO3"}, {1, "HO2"}}, kIsopreneSoa),
       arrhenius(2.95e-12, -450),
       iupac},
      {{"OH", "TERP"},
       plus({{1, "RO2"}}, kTerpeneSoa),
       arrhenius(1.2e-11, 440),
       "IUPAC OH + alpha-pinene"},
      {{"O3", "TERP"},
       plus({{0.8, "OH"}, {0.8, "RO2"}, {1, "ALD"}}, kTerpeneSoa),
       arrhenius(8.05e-16, -640),
       "IUPAC O3 + alpha-pinene (OH yield 0.8)"},
      {{"NO3", "TERP"},
       plus({{1, "RNO3"}}, kTerpeneSoa),
       arrhenius(1.2e-12, 490),
       "IUPAC NO3 + alpha-pinene"},
      // Intermediate-volatility organics (SOAP2.2's IVOC yields, high-NOx as the biogenic VOC).
      {{"OH", "IVOC"}, plus({{1, "RO2"}}, kIvocSoa), arrhenius(kIvocOh), "Hodzic 2016; SOAP2.2"},
      // Sulfur: gas phase (REFERENCES.md, CMAQ cb6r5 Troe form) and in cloud water.
      {{"OH", "SO2"},
       {{1, "SULF"}, {1, "HO2"}},
       troe(2.8e-31, -2.6, 0, 2.0e-12, 0, 0, 0.53),
       "CMAQ cb6r5 (JPL)"},
      {{"SO2", "H2O2"},
       {{1, "SULF"}},
       special(RateKind::AqueousH2O2),
       "Seinfeld & Pandis 2016 eq. 7.91"},
      {{"SO2", "O3"}, {{1, "SULF"}}, special(RateKind::AqueousO3), "Hoffmann & Calvert 1985"},
      // In aerosol water (haze): an RH-dependent uptake of SO2 on the wet aerosol.
      {{"SO2"},
       {{1, "SULF"}},
       RateLaw{RateKind::AerosolWaterUptake, {kSo2GammaDry, 64.07, kSo2GammaRh, kSo2GammaWet}},
       "Wang 2014; Zheng 2015; Li 2017"},
  };
  return r;
}

namespace {

using Pattern = std::vector<std::set<int>>;  // nonzero columns per row

/// A fill-reducing order: static Markowitz, each step the pivot with the fewest
/// (row count − 1)(column count − 1) among the rows left, with the fill it makes.
std::vector<int> markowitz_order(Pattern pattern) {
  const int n = static_cast<int>(pattern.size());
  std::vector<bool> done(n, false);
  std::vector<int> order;
  for (int step = 0; step < n; ++step) {
    int best = -1;
    long best_cost = 0;
    for (int p = 0; p < n; ++p) {
      if (done[p]) continue;
      long rows = 0, cols = 0;
      for (int c : pattern[p]) cols += done[c] ? 0 : 1;
      for (int i = 0; i < n; ++i) rows += (!done[i] && pattern[i].count(p)) ? 1 : 0;
      const long cost = (rows - 1) * (cols - 1);
      if (best < 0 || cost < best_cost) best = p, best_cost = cost;
    }
    for (int i = 0; i < n; ++i) {
      if (done[i] || i == best || !pattern[i].count(best)) continue;
      for (int c : pattern[best]) {
        if (!done[c]) pattern[i].insert(c);
      }
    }
    done[best] = true;
    order.push_back(best);
  }
  return order;
}

}  // namespace

CompiledMechanism compile_mechanism(const std::vector<Reaction>& reactions) {
  auto index_of = [](std::string_view name, std::size_t r) {
    const int s = species_index(name);
    if (s < 0) {
      throw Error("mechanism reaction " + std::to_string(r + 1),
                  "unknown species '" + std::string(name) + "'");
    }
    return s;
  };
  // The species that take part, in first-seen order, then the stoichiometry by species.
  std::vector<int> used;
  auto use = [&](int s) {
    if (std::find(used.begin(), used.end(), s) == used.end()) used.push_back(s);
  };
  std::vector<std::map<int, double>> net(reactions.size());
  std::vector<std::vector<int>> reactant_species(reactions.size());
  for (std::size_t r = 0; r < reactions.size(); ++r) {
    const Reaction& re = reactions[r];
    if (re.reactants.empty() || re.reactants.size() > 2) {
      throw Error("mechanism reaction " + std::to_string(r + 1), "needs one or two reactants");
    }
    for (std::string_view name : re.reactants) {
      const int s = index_of(name, r);
      use(s);
      reactant_species[r].push_back(s);
      net[r][s] -= 1.0;
    }
    for (const auto& [yield, name] : re.products) {
      const int s = index_of(name, r);
      use(s);
      net[r][s] += yield;
    }
  }
  const int n = static_cast<int>(used.size());
  std::vector<int> local(kSpecies.size(), -1);
  for (int v = 0; v < n; ++v) local[used[v]] = v;

  // Jacobian pattern (with the diagonal, which G = I/(hγ) − J always has), then the order.
  Pattern pattern(n);
  for (int v = 0; v < n; ++v) pattern[v].insert(v);
  for (std::size_t r = 0; r < reactions.size(); ++r) {
    for (const auto& [s, nu] : net[r]) {
      if (nu == 0) continue;
      for (int a : reactant_species[r]) pattern[local[s]].insert(local[a]);
    }
  }
  const std::vector<int> order = markowitz_order(pattern);
  std::vector<int> position(n);
  for (int p = 0; p < n; ++p) position[order[p]] = p;

  CompiledMechanism m;
  m.variable_of_species.assign(kSpecies.size(), -1);
  for (int p = 0; p < n; ++p) {
    m.species_of_variable.push_back(used[order[p]]);
    m.variable_of_species[used[order[p]]] = p;
  }
  // The pattern in the new order, with the fill of row-wise elimination.
  Pattern lu(n);
  for (int v = 0; v < n; ++v) {
    for (int c : pattern[v]) lu[position[v]].insert(position[c]);
  }
  for (int i = 0; i < n; ++i) {
    for (auto it = lu[i].begin(); it != lu[i].end() && *it < i; ++it) {
      for (int j : lu[*it]) {
        if (j > *it) lu[i].insert(j);
      }
    }
  }
  std::vector<std::map<int, int>> nonzero(n);
  m.row_offset.push_back(0);
  for (int i = 0; i < n; ++i) {
    for (int j : lu[i]) {
      nonzero[i][j] = static_cast<int>(m.column.size());
      m.column.push_back(j);
    }
    m.row_offset.push_back(static_cast<int>(m.column.size()));
    m.diagonal.push_back(nonzero[i].at(i));
  }
  for (int i = 0; i < n; ++i) {
    for (int k : lu[i]) {
      if (k >= i) break;
      m.lu_lower.push_back(nonzero[i].at(k));
      m.lu_pivot.push_back(nonzero[k].at(k));
      m.lu_update_offset.push_back(static_cast<int>(m.lu_target.size()));
      for (int j : lu[k]) {
        if (j <= k) continue;
        m.lu_target.push_back(nonzero[i].at(j));
        m.lu_upper.push_back(nonzero[k].at(j));
      }
    }
  }
  m.lu_update_offset.push_back(static_cast<int>(m.lu_target.size()));

  // Rates, stoichiometry and the Jacobian's contributions.
  m.term_offset.push_back(0);
  for (std::size_t r = 0; r < reactions.size(); ++r) {
    m.laws.push_back(reactions[r].law);
    const std::vector<int>& a = reactant_species[r];
    const int r0 = m.variable_of_species[a[0]];
    const int r1 = a.size() > 1 ? m.variable_of_species[a[1]] : -1;
    m.reactant.push_back(r0);
    m.reactant.push_back(r1);
    for (const auto& [s, nu] : net[r]) {
      if (nu == 0) continue;
      const int row = m.variable_of_species[s];
      m.term_variable.push_back(row);
      m.term_coefficient.push_back(nu);
      // d(rate)/d(y_r0) = k y_r1 and d(rate)/d(y_r1) = k y_r0 (a self-reaction gets both).
      const int slots[2][2] = {{r0, r1}, {r1, r0}};
      for (const auto& [wrt, partner] : slots) {
        if (wrt < 0) continue;
        m.jac_nonzero.push_back(nonzero[row].at(wrt));
        m.jac_reaction.push_back(static_cast<int>(r));
        m.jac_partner.push_back(partner);
        m.jac_coefficient.push_back(nu);
      }
    }
    m.term_offset.push_back(static_cast<int>(m.term_variable.size()));
  }
  return m;
}

}  // namespace kctm::chem
