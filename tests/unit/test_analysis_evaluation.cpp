// Paired model/observation statistics on a four-pair series computed by hand, NaN pairs, and the
// published goals and criteria. Tolerance 1e-12: every hand value below is an exact fraction of
// small integers, so only round-off separates code and hand.
#include <gtest/gtest.h>

#include <cmath>

#include "analysis/evaluation_stats.hpp"
#include "analysis/performance_benchmarks.hpp"
#include "base/error.hpp"

namespace kctm::analysis {
namespace {

constexpr double kTol = 1e-12;
const double kNaN = std::nan("");

TEST(AnalysisEvaluation, FourPairsByHand) {
  // O = 1 2 3 4, M = 2 2 5 3; M - O = 1 0 2 -1; O-bar = 2.5, M-bar = 3.
  const std::vector<double> obs = {1, 2, 3, 4}, model = {2, 2, 5, 3};
  const PairedStats s = paired_stats(model, obs);
  EXPECT_EQ(s.n, 4u);
  EXPECT_NEAR(s.mean_obs, 2.5, kTol);
  EXPECT_NEAR(s.mean_model, 3.0, kTol);
  EXPECT_NEAR(s.mb, 0.5, kTol);               // (1 + 0 + 2 - 1) / 4
  EXPECT_NEAR(s.me, 1.0, kTol);               // (1 + 0 + 2 + 1) / 4
  EXPECT_NEAR(s.nmb, 0.2, kTol);              // 2 / 10
  EXPECT_NEAR(s.nme, 0.4, kTol);              // 4 / 10
  EXPECT_NEAR(s.rmse, std::sqrt(1.5), kTol);  // sqrt((1 + 0 + 4 + 1) / 4)
  // M - M-bar = -1 -1 2 0, O - O-bar = -1.5 -0.5 0.5 1.5: cov 3, var 6 and 5 -> r = 3 / sqrt(30).
  EXPECT_NEAR(s.r, 3 / std::sqrt(30.0), kTol);
  // |M - O-bar| + |O - O-bar| = 2 1 3 2 -> squares 18; d = 1 - 6/18.
  EXPECT_NEAR(s.ioa, 2.0 / 3, kTol);
  // M + O = 3 4 8 7: MFB = (2/4)(1/3 + 0 + 2/8 - 1/7) = 37/168, MFE = (2/4)(1/3 + 1/4 + 1/7) =
  // 61/168.
  EXPECT_NEAR(s.mfb, 37.0 / 168, kTol);
  EXPECT_NEAR(s.mfe, 61.0 / 168, kTol);
}

TEST(AnalysisEvaluation, NanPairsAreSkippedAndLengthsMustMatch) {
  const std::vector<double> obs = {1, 2, kNaN, 3, 4, 5}, model = {2, 2, 9, 5, 3, kNaN};
  const PairedStats s = paired_stats(model, obs);
  EXPECT_EQ(s.n, 4u);
  EXPECT_NEAR(s.nmb, 0.2, kTol);
  EXPECT_NEAR(s.ioa, 2.0 / 3, kTol);
  EXPECT_THROW(paired_stats({1, 2}, {1}), Error);
  EXPECT_TRUE(std::isnan(paired_stats({kNaN}, {1}).mb));
}

TEST(AnalysisEvaluation, PerfectModelAndZeroPairs) {
  const PairedStats perfect = paired_stats({1, 5, 2}, {1, 5, 2});
  EXPECT_NEAR(perfect.mb, 0, kTol);
  EXPECT_NEAR(perfect.rmse, 0, kTol);
  EXPECT_NEAR(perfect.r, 1, kTol);
  EXPECT_NEAR(perfect.ioa, 1, kTol);
  EXPECT_NEAR(perfect.mfe, 0, kTol);
  // A 0/0 pair counts as exact agreement: MFB = (2/2)(0 + 2/6) = 1/3.
  EXPECT_NEAR(paired_stats({0, 4}, {0, 2}).mfb, 1.0 / 3, kTol);
  // Constant observations: r undefined.
  EXPECT_TRUE(std::isnan(paired_stats({1, 2}, {3, 3}).r));
}

PairedStats stats(double nmb, double nme, double r, double mfb, double mfe) {
  PairedStats s;
  s.n = 10;
  s.nmb = nmb;
  s.nme = nme;
  s.r = r;
  s.mfb = mfb;
  s.mfe = mfe;
  return s;
}

TEST(AnalysisEvaluation, EmeryOzoneGoalAndCriteria) {
  const Benchmark& o3 = find_benchmark("emery2017-o3");
  EXPECT_EQ(rate(stats(-0.04, 0.14, 0.80, kNaN, kNaN), o3), BenchmarkRating::kMeetsGoal);
  EXPECT_EQ(rate(stats(0.10, 0.20, 0.60, kNaN, kNaN), o3), BenchmarkRating::kMeetsCriteria);
  EXPECT_EQ(rate(stats(-0.20, 0.20, 0.60, kNaN, kNaN), o3), BenchmarkRating::kFails);  // |NMB|
  EXPECT_EQ(rate(stats(0.01, 0.10, 0.45, kNaN, kNaN), o3), BenchmarkRating::kFails);   // r
  EXPECT_EQ(rate(stats(0.01, 0.10, kNaN, kNaN, kNaN), o3), BenchmarkRating::kFails);  // r undefined
}

TEST(AnalysisEvaluation, PmBenchmarksFromEmeryAndBoylanRussell) {
  const Benchmark& pm = find_benchmark("emery2017-pm25");
  EXPECT_EQ(rate(stats(-0.09, 0.30, 0.75, kNaN, kNaN), pm), BenchmarkRating::kMeetsGoal);
  EXPECT_EQ(rate(stats(-0.25, 0.45, 0.45, kNaN, kNaN), pm), BenchmarkRating::kMeetsCriteria);
  const Benchmark& no3 = find_benchmark("emery2017-no3");  // no r benchmark for nitrate
  EXPECT_EQ(rate(stats(0.5, 1.0, kNaN, kNaN, kNaN), no3), BenchmarkRating::kMeetsCriteria);
  const Benchmark& br = find_benchmark("boylan-russell2006-pm");
  EXPECT_EQ(rate(stats(kNaN, kNaN, kNaN, -0.25, 0.45), br), BenchmarkRating::kMeetsGoal);
  EXPECT_EQ(rate(stats(kNaN, kNaN, kNaN, 0.55, 0.70), br), BenchmarkRating::kMeetsCriteria);
  EXPECT_EQ(rate(stats(kNaN, kNaN, kNaN, 0.55, 0.80), br), BenchmarkRating::kFails);
  EXPECT_STREQ(rating_name(BenchmarkRating::kMeetsCriteria), "meets criteria");
}

TEST(AnalysisEvaluation, UnknownBenchmarkNamesTheKnownOnes) {
  try {
    find_benchmark("emery2017-pm3");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("emery2017-o3"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace kctm::analysis
