// The chemistry in a box: accuracy against a much tighter reference, conservation of nitrogen and
// sulfur, positivity, the photostationary state, and the O3 regimes.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "base/constants.hpp"
#include "box_cases.hpp"
#include "chemistry/species.hpp"

namespace kctm {
namespace {

double value(const BoxRecord& r, const char* name) { return r.values[chem::species_index(name)]; }

double soa(const BoxRecord& r) {
  return value(r, "SOA1") + value(r, "SOA2") + value(r, "SOA3") + value(r, "SOA4") +
         value(r, "SOANV");
}

TEST(BoxChemistry, PollutedUrbanDayMatchesTightReference) {
  BoxConfig c = test::polluted_urban_box();
  const BoxRun run = run_box(c);
  c.solver.rtol = 1e-7;
  c.solver.atol = 1e-3;
  const BoxRun ref = run_box(c);
  EXPECT_EQ(run.failed, 0);
  std::printf("hour   O3    NO2    SULF   NIT    SOA   (ppb, ug m-3)  solver steps %ld (ref %ld)\n",
              run.solver_steps, ref.solver_steps);
  for (std::size_t h = 0; h < run.records.size(); h += 3) {
    const BoxRecord& r = run.records[h];
    std::printf("%4zu %6.2f %6.2f %6.2f %6.2f %6.3f\n", h, value(r, "O3"), value(r, "NO2"),
                value(r, "SULF"), value(r, "NIT"), soa(r));
  }
  const BoxRecord& a = run.records.back();
  const BoxRecord& b = ref.records.back();
  for (const char* name : {"O3", "NO2", "SULF", "NIT"}) {
    EXPECT_NEAR(value(a, name), value(b, name), 0.01 * value(b, name)) << name;
  }
  EXPECT_NEAR(soa(a), soa(b), 0.01 * soa(b));
}

}  // namespace
}  // namespace kctm

namespace kctm {
namespace {

/// Nitrogen and sulfur atoms [mol per kg of air] in a record.
std::pair<double, double> atoms(const BoxRecord& r, double pressure_pa) {
  const double rho = pressure_pa / (constants::kRd * r.t_k);
  double n = 0, s = 0;
  for (std::size_t i = 0; i < chem::kSpecies.size(); ++i) {
    const chem::SpeciesEntry& e = chem::kSpecies[i];
    const double mol_per_kg = e.phase == chem::SpeciesPhase::Gas
                                  ? r.values[i] * 1e-9 / constants::kMolarMassDryAir
                                  : r.values[i] * 1e-9 / rho / (e.molar_mass_g_mol * 1e-3);
    n += e.n_atoms * mol_per_kg;
    s += e.s_atoms * mol_per_kg;
  }
  return {n, s};
}

TEST(BoxChemistry, ClosedBoxKeepsNitrogenAndSulfurAndStaysPositive) {
  BoxConfig c = test::polluted_urban_box();
  c.emissions.clear();
  c.dilution_per_h = 0;
  c.cloud_water_g_m3 = 0.3;  // a cloud, so aqueous sulfate takes part
  c.cloud_fraction = 0.5;
  c.cloud_optical_depth = 10;
  c.hours = 48;
  const BoxRun run = run_box(c);
  const auto [n0, s0] = atoms(run.records.front(), c.pressure_pa);
  double worst_n = 0, worst_s = 0, lowest = 0;
  for (const BoxRecord& r : run.records) {
    const auto [n, s] = atoms(r, c.pressure_pa);
    worst_n = std::max(worst_n, std::abs(n / n0 - 1));
    worst_s = std::max(worst_s, std::abs(s / s0 - 1));
    for (double v : r.values) lowest = std::min(lowest, v);
  }
  std::printf("48 h closed box: N drift %.2e, S drift %.2e, clipped %ld, lowest value %g\n",
              worst_n, worst_s, run.clipped, lowest);
  EXPECT_LT(worst_n, 1e-10);
  EXPECT_LT(worst_s, 1e-10);
  EXPECT_GE(lowest, 0.0);
  EXPECT_GT(value(run.records.back(), "SULF"), value(run.records.front(), "SULF"));
}

TEST(BoxChemistry, NoonPhotostationaryState) {
  // NOx and O3 alone (CH4, H2 and CO background only): the Leighton ratio J[NO2] / k[NO][O3]
  // is 1 once NO, NO2 and O3 have relaxed (a few minutes).
  BoxConfig c;
  parse_iso8601("2019-07-15T12:00:00+08:00", c.start);
  c.hours = 0.5;  // to 12:30 Beijing time, local solar noon at 112.6° E
  c.step_s = 60;
  c.output_every_s = 1800;
  c.temperature_k = 303;
  c.initial = {{"O3", 40}, {"NO", 5}, {"NO2", 20}, {"CO", 150}};
  const BoxRun run = run_box(c);
  const BoxRecord& r = run.records.back();
  const double air = c.pressure_pa / (constants::kBoltzmann * r.t_k) * 1e-6;
  const double k_no_o3 = 2.07e-12 * std::exp(-1400 / r.t_k);  // IUPAC
  const double phi =
      r.j_no2_s * value(r, "NO2") / (k_no_o3 * value(r, "NO") * 1e-9 * air * value(r, "O3"));
  std::printf("noon: J(NO2) %.3e s-1, NO %.3f NO2 %.3f O3 %.3f ppb, Leighton ratio %.4f\n",
              r.j_no2_s, value(r, "NO"), value(r, "NO2"), value(r, "O3"), phi);
  EXPECT_GT(r.j_no2_s, 7e-3);
  EXPECT_NEAR(phi, 1.0, 0.01);
}

TEST(BoxChemistry, OzoneIsoplethShowsBothRegimes) {
  // EKMA-style: peak O3 of a summer day against scaled NOx and anthropogenic VOC emissions.
  const std::vector<double> nox = {0.1, 0.25, 0.5, 1, 2, 4}, voc = {0.25, 0.5, 1, 2, 4};
  std::vector<std::vector<double>> peak(voc.size(), std::vector<double>(nox.size()));
  for (std::size_t v = 0; v < voc.size(); ++v) {
    for (std::size_t x = 0; x < nox.size(); ++x) {
      BoxConfig c = test::polluted_urban_box();
      c.hours = 18;
      c.initial = {{"O3", 30}, {"CO", 200}, {"NO", 1}, {"NO2", 3}};
      for (auto& [name, rate] : c.emissions) {
        if (name == "NO" || name == "NO2") rate *= nox[x];
        if (name == "ALK" || name == "OLE" || name == "ARO" || name == "HCHO" || name == "ALD") {
          rate *= voc[v];
        }
      }
      double top = 0;
      for (const BoxRecord& r : run_box(c).records) top = std::max(top, value(r, "O3"));
      peak[v][x] = top;
    }
  }
  std::printf("peak O3 [ppb]; rows VOC factor, columns NOx factor\n  VOC\\NOx");
  for (double x : nox) std::printf(" %6.2f", x);
  std::printf("\n");
  for (std::size_t v = 0; v < voc.size(); ++v) {
    std::printf("  %7.2f", voc[v]);
    for (double p : peak[v]) std::printf(" %6.1f", p);
    std::printf("\n");
  }
  // NOx-limited corner (little NOx, much VOC): cutting NOx lowers O3.
  EXPECT_LT(peak.back()[0], peak.back()[1]);
  // VOC-limited corner (much NOx, little VOC): cutting NOx raises O3.
  EXPECT_GT(peak.front()[nox.size() - 2], peak.front()[nox.size() - 1]);
}

}  // namespace
}  // namespace kctm

namespace kctm {
namespace {

double molecules_cm3(const BoxRecord& r, const char* name, double pressure_pa) {
  return value(r, name) * 1e-9 * pressure_pa / (constants::kBoltzmann * r.t_k) * 1e-6;
}

TEST(BoxChemistry, WinterNoonOhInPollutedAir) {
  // Winter campaigns in polluted northern China measured noon OH of 1–4e6 cm-3 (Tan et al. 2018,
  // ACP 18:12391; Slater et al. 2020, ACP 20:14847: daily peaks 1–8e6, mean 2.7e6 in central
  // Beijing), where O(1D) + H2O alone gives a few 1e5: HONO photolysis was the largest primary
  // radical source in both.
  const BoxConfig c = test::polluted_winter_box();
  const BoxRun run = run_box(c);
  EXPECT_EQ(run.failed, 0);
  double oh = 0, hono_noon = 0, hono_dawn = 0;
  int n = 0;
  std::printf("local  OH [cm-3]  HONO   NO2    O3  (ppb)\n");
  for (std::size_t h = 0; h < run.records.size(); ++h) {
    const BoxRecord& r = run.records[h];
    const double local_h = std::fmod(static_cast<double>(r.time) / 3600.0 + 8.0, 24.0);
    if (h % 2 == 0) {
      std::printf("%5.1f  %9.3g  %5.2f %6.2f %5.1f\n", local_h,
                  molecules_cm3(r, "OH", c.pressure_pa), value(r, "HONO"), value(r, "NO2"),
                  value(r, "O3"));
    }
    if (std::abs(local_h - 7.0) < 0.01) hono_dawn = value(r, "HONO");
    if (local_h >= 11.5 && local_h <= 13.5) {
      oh += molecules_cm3(r, "OH", c.pressure_pa);
      hono_noon += value(r, "HONO");
      ++n;
    }
  }
  ASSERT_GT(n, 0);
  oh /= n;
  hono_noon /= n;
  std::printf("noon OH %.3g cm-3, noon HONO %.2f ppb, dawn HONO %.2f ppb\n", oh, hono_noon,
              hono_dawn);
  EXPECT_GT(oh, 1e6);
  EXPECT_LT(oh, 4e6);
  // HONO builds up overnight and is photolysed by day (winter Chinese cities: 1–5 ppb at night,
  // 0.3–2 ppb at noon; Slater et al. 2020; Liu Y. et al. 2019, ACP 19:13289).
  EXPECT_GT(hono_dawn, 2 * hono_noon);
}

TEST(BoxChemistry, HazeSulfateFormsInAerosolWater) {
  // A humid winter haze night (no sun, no cloud): sulfate forms only on the aerosol water, at
  // the rates of eastern China haze, a few µg m-3 h-1 and up to ~10 as the January 2013 Beijing
  // haze grew (Cheng et al. 2016, Sci. Adv. 2:e1601530; Wang G. et al. 2016, PNAS 113:13630);
  // in dry air far less.
  BoxConfig c = test::polluted_winter_box();
  parse_iso8601("2019-01-14T20:00:00+08:00", c.start);
  c.hours = 6;
  c.emissions.clear();
  c.dilution_per_h = 0;
  c.initial["SO2"] = 20;
  c.initial["SULF"] = 30;
  c.initial["NIT"] = 35;
  c.initial["NH4"] = 20;
  c.initial["POA"] = 30;
  c.initial["POTH"] = 25;
  auto rate = [&](double rh) {  // µg m-3 h-1
    c.relative_humidity = rh;
    const BoxRun run = run_box(c);
    return (value(run.records.back(), "SULF") - value(run.records.front(), "SULF")) / c.hours;
  };
  const double humid = rate(0.9), dry = rate(0.3);
  std::printf("sulfate formed at night: %.2f ug m-3 h-1 at 90 %% RH, %.3f at 30 %%\n", humid, dry);
  EXPECT_GT(humid, 0.5);
  EXPECT_LT(humid, 10.0);
  EXPECT_LT(dry, 0.2 * humid);
}

TEST(BoxChemistry, CloudPhFallsAsSulfateForms) {
  // 20 ppb SO2 in a cloud with ample H2O2 and O3: as sulfate forms the drops acidify, and the
  // O3 path (its rate goes as 1/[H+]) slows, so the conversion slows with it.
  BoxConfig c;
  parse_iso8601("2019-01-15T00:00:00+08:00", c.start);
  c.hours = 3;
  c.step_s = 300;
  c.output_every_s = 900;
  c.temperature_k = 280.0;
  c.relative_humidity = 1.0;
  c.cloud_water_g_m3 = 0.3;
  c.initial = {{"SO2", 20}, {"H2O2", 1}, {"O3", 40}, {"NH3", 5}, {"CO", 200}};
  const BoxRun run = run_box(c);
  std::printf("minutes  pH    SO2 [ppb]  SULF [ug m-3]\n");
  for (std::size_t h = 0; h < run.records.size(); ++h) {
    const BoxRecord& r = run.records[h];
    std::printf("%7zu  %.2f  %8.2f  %8.2f\n", h * 15, r.cloud_ph, value(r, "SO2"),
                value(r, "SULF"));
    if (h > 0) EXPECT_LE(r.cloud_ph, run.records[h - 1].cloud_ph + 1e-9);
  }
  const BoxRecord& first = run.records.front();
  const BoxRecord& last = run.records.back();
  EXPECT_LT(last.cloud_ph, first.cloud_ph - 0.5);
  // Most SO2 is left: at a fixed pH 5.5 all of it would be gone within 1.5 h.
  EXPECT_GT(value(last, "SO2"), 0.5 * value(first, "SO2"));
}

}  // namespace
}  // namespace kctm
