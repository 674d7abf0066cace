#include "emissions/biogenic.hpp"

#include <cmath>
#include <initializer_list>
#include <utility>

#include "base/constants.hpp"

namespace kctm {

namespace {

// MEGAN2.1 canopy emission factors [µg m-2 h-1] (Guenther et al. 2012, tables 2–3) of the plant
// functional types used here. Monoterpenes: the sum of α-pinene, myrcene, sabinene, limonene,
// 3-carene and β-ocimene (β-pinene, not at hand, is left out: an underestimate).
struct Pft {
  double isoprene, monoterpene;
};
constexpr Pft kNeedleleafEvergreenTree{600, 500 + 70 + 70 + 100 + 160 + 70};
constexpr Pft kBroadleafEvergreenTree{10000, 400 + 30 + 50 + 80 + 30 + 120};
constexpr Pft kBroadleafDeciduousTree{10000, 400 + 30 + 50 + 80 + 30 + 120};
constexpr Pft kBroadleafDeciduousShrub{4000, 300 + 50 + 70 + 100 + 100 + 150};
constexpr Pft kWarmGrass{200, 2 + 0.3 + 0.7 + 0.7 + 0.3 + 2};
constexpr Pft kCrop{1, 2 + 0.3 + 0.7 + 0.7 + 0.3 + 2};

Pft mix(std::initializer_list<std::pair<double, Pft>> parts) {
  Pft out{0, 0};
  for (const auto& [share, pft] : parts) {
    out.isoprene += share * pft.isoprene;
    out.monoterpene += share * pft.monoterpene;
  }
  return out;
}

using constants::kGasConstant;
constexpr double kAlpha = 0.0027, kCL1 = 1.066;  // G93 light response
constexpr double kCT1 = 95000, kCT2 = 230000;    // G93 [J mol-1]
constexpr double kTs = 303, kTm = 314;           // G93 [K]
constexpr double kBeta = 0.09;                   // G93 monoterpenes [K-1]
constexpr double kParPerWatt = 0.45 * 4.57;      // PAR share of shortwave × µmol per J

}  // namespace

BiogenicRates standard_biogenic_rates(int lu) {
  // USGS 24-category land use → plant functional types [approximate shares]. Hunan's woods are
  // Chinese fir and Masson pine (needleleaf) with evergreen broadleaf trees.
  Pft p{0, 0};
  switch (lu) {
    case 1: p = mix({{0.1, kBroadleafDeciduousTree}}); break;  // urban: street trees
    case 2:
    case 3:
    case 4: p = kCrop; break;  // crops and paddies
    case 5: p = mix({{0.5, kCrop}, {0.5, kWarmGrass}}); break;
    case 6:
      p = mix({{0.5, kCrop}, {0.25, kBroadleafEvergreenTree}, {0.25, kNeedleleafEvergreenTree}});
      break;
    case 7: p = kWarmGrass; break;
    case 8: p = kBroadleafDeciduousShrub; break;
    case 9: p = mix({{0.5, kBroadleafDeciduousShrub}, {0.5, kWarmGrass}}); break;
    case 10: p = mix({{0.3, kBroadleafDeciduousTree}, {0.7, kWarmGrass}}); break;
    case 11: p = kBroadleafDeciduousTree; break;
    case 12:
    case 14: p = kNeedleleafEvergreenTree; break;
    case 13: p = kBroadleafEvergreenTree; break;
    case 15: p = mix({{0.5, kBroadleafEvergreenTree}, {0.5, kNeedleleafEvergreenTree}}); break;
    case 17:
    case 18:
    case 20:
    case 21:
    case 22: p = mix({{0.5, kWarmGrass}}); break;
    default: break;  // water, barren, snow
  }
  return {p.isoprene, p.monoterpene};
}

double isoprene_light_response(double par) {
  return par <= 0 ? 0.0 : kAlpha * kCL1 * par / std::sqrt(1 + kAlpha * kAlpha * par * par);
}

double isoprene_temperature_response(double t_k) {
  return std::exp(kCT1 * (t_k - kTs) / (kGasConstant * kTs * t_k)) /
         (1 + std::exp(kCT2 * (t_k - kTm) / (kGasConstant * kTs * t_k)));
}

double monoterpene_temperature_response(double t_k) { return std::exp(kBeta * (t_k - kTs)); }

BiogenicRates biogenic_emission(int lu, double t_k, double sw_w_m2) {
  const BiogenicRates s = standard_biogenic_rates(lu);
  return {s.isoprene_ug_m2_h * isoprene_light_response(kParPerWatt * sw_w_m2) *
              isoprene_temperature_response(t_k),
          s.monoterpene_ug_m2_h * monoterpene_temperature_response(t_k)};
}

}  // namespace kctm
