#include "grids/projection.hpp"

#include <proj.h>

#include <cmath>
#include <cstdio>

#include "base/constants.hpp"
#include "base/error.hpp"

namespace kctm {

namespace {
using constants::kDegToRad;
using constants::kPi;
double tan_half(double lat_rad) { return std::tan(kPi / 4.0 + lat_rad / 2.0); }
}  // namespace

struct LambertConformal::ProjHandles {
  PJ_CONTEXT* ctx = nullptr;
  PJ* pj = nullptr;
  ~ProjHandles() {
    if (pj) proj_destroy(pj);
    if (ctx) proj_context_destroy(ctx);
  }
};

LambertConformal::LambertConformal(const LambertParams& p) : params_(p), proj_(new ProjHandles) {
  const double phi1 = p.lat_1_deg * kDegToRad, phi2 = p.lat_2_deg * kDegToRad;
  if (!(p.earth_radius_m > 0) || std::abs(p.lat_1_deg) >= 90 || std::abs(p.lat_2_deg) >= 90 ||
      p.lat_1_deg * p.lat_2_deg <= 0) {
    throw Error("grid.projection", "invalid Lambert parameters",
                "standard parallels in the same hemisphere, away from the poles; radius > 0");
  }
  cone_n_ =
      std::abs(p.lat_1_deg - p.lat_2_deg) < 1e-10
          ? std::sin(phi1)
          : std::log(std::cos(phi1) / std::cos(phi2)) / std::log(tan_half(phi2) / tan_half(phi1));
  cone_f_ = std::cos(phi1) * std::pow(tan_half(phi1), cone_n_) / cone_n_;

  proj_->ctx = proj_context_create();
  proj_log_level(proj_->ctx, PJ_LOG_NONE);
  proj_->pj = proj_create(proj_->ctx, proj_string().c_str());
  if (!proj_->pj) {
    throw Error("grid.projection", "PROJ rejected the projection '" + proj_string() + "'");
  }
}

LambertConformal::~LambertConformal() = default;

std::string LambertConformal::proj_string() const {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "+proj=lcc +lat_1=%.10g +lat_2=%.10g +lat_0=%.10g +lon_0=%.10g +R=%.10g +units=m "
                "+no_defs",
                params_.lat_1_deg, params_.lat_2_deg, params_.lat_0_deg, params_.lon_0_deg,
                params_.earth_radius_m);
  return buf;
}

ProjXY LambertConformal::forward(LonLat ll) const {
  PJ_COORD c = proj_coord(proj_torad(ll.lon_deg), proj_torad(ll.lat_deg), 0, 0);
  const PJ_COORD r = proj_trans(proj_->pj, PJ_FWD, c);
  return {r.xy.x, r.xy.y};
}

LonLat LambertConformal::inverse(ProjXY xy) const {
  PJ_COORD c = proj_coord(xy.x_m, xy.y_m, 0, 0);
  const PJ_COORD r = proj_trans(proj_->pj, PJ_INV, c);
  return {proj_todeg(r.lp.lam), proj_todeg(r.lp.phi)};
}

double LambertConformal::scale_factor(double lat_deg) const {
  const double phi = lat_deg * kDegToRad;
  // k = rho n / (R cos phi) with rho = R F / tan^n(pi/4 + phi/2)  (Snyder eqs. 15-1, 15-4)
  return cone_f_ * cone_n_ / (std::cos(phi) * std::pow(tan_half(phi), cone_n_));
}

}  // namespace kctm
