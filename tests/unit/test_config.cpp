#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/error.hpp"
#include "chemistry/species.hpp"
#include "config/config.hpp"
#include "config/run_config.hpp"
#include "test_support.hpp"

namespace kctm {

namespace {
std::string write_config(const std::string& dir, const std::string& text) {
  const std::string path = dir + "/run.yaml";
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST(Config, DefaultsGiveTheHengyangDemo) {
  const RunConfig r = read_run_config(Config());
  EXPECT_EQ(format_iso8601(r.start, 8 * 3600), "2019-01-01T00:00:00+08:00");
  EXPECT_EQ(r.hours, 24);
  EXPECT_DOUBLE_EQ(r.domain.dx_m, 3000.0);
  EXPECT_EQ(r.domain.level_interfaces_m.size(), 22u);
  EXPECT_EQ(r.output.file_day_utc_offset_s, 8 * 3600);
  EXPECT_FALSE(r.counties_file_required);
  EXPECT_NE(default_config_text().find("# "), std::string::npos) << "the default is commented";
}

TEST(Config, FileAndSetOverrideDefaults) {
  const std::string dir = test::temp_dir("config-merge");
  Config c;
  c.merge_file(write_config(dir, "grid:\n  dx_km: 1.5\noutput:\n  dir: out\n"));
  c.set("time.hours=6");
  c.set("grid.levels_m=[0, 30, 100]");
  const RunConfig r = read_run_config(c);
  EXPECT_DOUBLE_EQ(r.domain.dx_m, 1500.0);
  EXPECT_EQ(r.hours, 6);
  EXPECT_EQ(r.domain.level_interfaces_m.size(), 3u);
  EXPECT_EQ(r.output.dir, dir + "/out") << "paths in a file are relative to that file";
  c.set("output.dir=elsewhere");
  EXPECT_EQ(read_run_config(c).output.dir, "elsewhere") << "--set paths stay relative to the cwd";
  EXPECT_TRUE(c.user_set("grid.dx_km"));
  EXPECT_FALSE(c.user_set("grid.buffer_km"));
}

TEST(Config, UnknownKeyNamesFileLineAndSuggestion) {
  const std::string dir = test::temp_dir("config-unknown");
  Config c;
  const std::string path = write_config(dir, "time:\n  hours: 6\ngrid:\n  dxkm: 1.0\n");
  const std::string msg = test::error_of([&] { c.merge_file(path); });
  EXPECT_NE(msg.find(path + ":4: grid.dxkm"), std::string::npos) << msg;
  EXPECT_NE(msg.find("unknown config key"), std::string::npos) << msg;
  EXPECT_NE(msg.find("did you mean 'grid.dx_km'?"), std::string::npos) << msg;
  EXPECT_NE(test::error_of([&] { c.set("outptu.dir=x"); }).find("did you mean 'output'?"),
            std::string::npos);
}

TEST(Config, WrongTypesAreRefused) {
  Config c;
  EXPECT_NE(test::error_of([&] { c.set("grid.dx_km=fine"); }).find("wrong type: expected a number"),
            std::string::npos);
  EXPECT_NE(test::error_of([&] { c.set("time.hours=2.5"); }).find("expected an integer"),
            std::string::npos);
  EXPECT_NE(test::error_of([&] { c.set("grid.levels_m=[0, a]"); }).find("a list of numbers"),
            std::string::npos);
  EXPECT_NE(test::error_of([&] { c.set("grid=3"); }).find("section"), std::string::npos);
  EXPECT_NE(test::error_of([&] { c.set("no_equals_sign"); }).find("expected key=value"),
            std::string::npos);
}

TEST(Config, EachKeyTakesItsDefaultsKindWhateverALayerBeforePutThere) {
  const std::string dir = test::temp_dir("config-layers");
  Config c;
  c.merge_file(write_config(dir, "grid:\n  dx_km: 9\nchemistry:\n  background:\n    O3: 40\n"));
  c.set("grid.dx_km=4.5");
  c.set("chemistry.background.O3=[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]");
  const RunConfig r = read_run_config(c);
  EXPECT_DOUBLE_EQ(r.domain.dx_m, 4500.0);
  EXPECT_DOUBLE_EQ(r.chemistry.background[chem::species_index("O3")].month[11], 12.0);
}

TEST(Config, MonthlyValuesAreOneNumberOrTwelve) {
  Config c;
  c.set("chemistry.background.CO=300");
  c.set("chemistry.regional_inflow.SULF=[1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 2]");
  const RunConfig r = read_run_config(c);
  EXPECT_FALSE(r.chemistry.background[chem::species_index("CO")].varies());
  EXPECT_DOUBLE_EQ(r.chemistry.regional_inflow[chem::species_index("SULF")].max(), 2.0);
  EXPECT_NE(test::error_of([&] {
              c.set("chemistry.background.O3=[1, 2]");
            }).find("a number or a list of 12 monthly values"),
            std::string::npos);
  c.set("chemistry.background.NH3=[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1]");
  EXPECT_NE(
      test::error_of([&] { read_run_config(c); }).find("out of range (must lie in [0, 100000]"),
      std::string::npos);
  // The recorded configuration reads back to the same cycles.
  Config again;
  c.set("chemistry.background.NH3=2");
  again.merge_text(c.dump(), "recorded");
  const RunConfig back = read_run_config(again);
  EXPECT_EQ(back.chemistry.background[chem::species_index("O3")].month,
            read_run_config(c).chemistry.background[chem::species_index("O3")].month);
  EXPECT_EQ(back.chemistry.regional_inflow[chem::species_index("SULF")].month,
            r.chemistry.regional_inflow[chem::species_index("SULF")].month);
}

TEST(Config, BadValuesNameTheirKey) {
  const std::string dir = test::temp_dir("config-values");
  Config c;
  c.merge_file(write_config(dir, "grid:\n  dx_km: -3\n"));
  const std::string msg = test::error_of([&] { read_run_config(c); });
  EXPECT_NE(msg.find("run.yaml:2: grid.dx_km: out of range"), std::string::npos) << msg;

  Config t;
  t.set("time.start=2019-01-01 00:00");
  EXPECT_NE(test::error_of([&] { read_run_config(t); }).find("UTC offset"), std::string::npos);
  Config l;
  l.set("grid.levels_m=[0, 100, 50]");
  EXPECT_NE(test::error_of([&] { read_run_config(l); }).find("increase strictly"),
            std::string::npos);
  Config f;
  f.set("meteo.analytic.flow=swirl");
  EXPECT_NE(test::error_of([&] { read_run_config(f); }).find("unknown flow 'swirl'"),
            std::string::npos);
  Config sh;
  sh.set("tracer.initial.shape=blob");
  EXPECT_NE(test::error_of([&] {
              read_run_config(sh);
            }).find("--set tracer.initial.shape: unknown shape"),
            std::string::npos);
  Config s;
  s.set("time.step_s=700");
  EXPECT_NE(test::error_of([&] { read_run_config(s); }).find("divide an hour"), std::string::npos);
}

TEST(Config, MissingOrBrokenFiles) {
  const std::string dir = test::temp_dir("config-files");
  Config c;
  EXPECT_NE(test::error_of([&] { c.merge_file(dir + "/nope.yaml"); }).find("not found"),
            std::string::npos);
  EXPECT_NE(test::error_of([&] {
              c.merge_file(write_config(dir, "grid: [1, 2\n"));
            }).find("not valid YAML"),
            std::string::npos);
  EXPECT_NE(test::error_of([&] {
              c.merge_file(write_config(dir, "- a\n- b\n"));
            }).find("map of sections"),
            std::string::npos);
}

TEST(Config, InputPathsMustBeReadableRegularFiles) {
  const std::string dir = test::temp_dir("config-paths");
  std::filesystem::create_directories(dir + "/folder.yaml");
  std::filesystem::remove(dir + "/loop_a");
  std::filesystem::remove(dir + "/loop_b");
  std::filesystem::create_symlink(dir + "/loop_b", dir + "/loop_a");
  std::filesystem::create_symlink(dir + "/loop_a", dir + "/loop_b");
  Config c;
  EXPECT_EQ(test::error_of([&] { c.merge_file(dir + "/folder.yaml"); }),
            dir + "/folder.yaml: is a folder, not a file (give the config file)");
  EXPECT_NE(test::error_of([&] {
              c.merge_file(dir + "/loop_a");
            }).find("loop_a: cannot reach the config file: "),
            std::string::npos);
  for (const char* key :
       {"meteo.climatology.normals_file", "emissions.user_file", "emissions.speciation_file",
        "emissions.release_heights_file", "boundary.file"}) {
    const std::string msg = test::error_of([&] {
      read_run_config(test::config_with({std::string(key) + "=" + dir + "/folder.yaml"}));
    });
    EXPECT_NE(msg.find("--set " + std::string(key) + ": " + dir + "/folder.yaml is a folder"),
              std::string::npos)
        << msg;
  }
  const std::string loop = test::error_of([&] {
    read_run_config(test::config_with({"meteo.climatology.normals_file=" + dir + "/loop_a"}));
  });
  EXPECT_NE(loop.find("cannot reach the climate normals file " + dir + "/loop_a"),
            std::string::npos)
      << loop;
}

TEST(Config, NumbersAreDecimalAndWithinRange) {
  // Read once for the check and the value: no hex floats, no octal, nothing beyond the type.
  for (const char* bad : {"grid.dx_km=0x1p4", "grid.dx_km=1e400", "grid.dx_km=.nan",
                          "time.hours=0x10", "time.hours=99999999999999999999"}) {
    Config c;
    EXPECT_NE(test::error_of([&] { c.set(bad); }).find("wrong type"), std::string::npos) << bad;
  }
  EXPECT_EQ(read_run_config(test::config_with({"time.hours=010"})).hours, 10);
  EXPECT_DOUBLE_EQ(read_run_config(test::config_with({"grid.dx_km=+4.5"})).domain.dx_m, 4500.0);
  EXPECT_EQ(read_run_config(test::config_with({"time.hours=1000000"})).hours, kMaxHours);
  for (const char* big :
       {"time.hours=1000001", "time.hours=9223372036854775807",
        "checkpoint.interval_hours=9223372036854775807", "grid.mask.subsamples=4294967297"}) {
    const std::string msg = test::error_of([&] { read_run_config(test::config_with({big})); });
    EXPECT_NE(msg.find("out of range"), std::string::npos) << big << ": " << msg;
  }
}

TEST(Config, RepeatedKeysAreRefused) {
  const std::string dir = test::temp_dir("config-repeated");
  Config c;
  EXPECT_EQ(test::error_of([&] {
              c.merge_file(write_config(dir, "time:\n  hours: 2\n  step_s: 300\n  hours: 3\n"));
            }),
            dir + "/run.yaml:4: time.hours: key given twice (first at line 2)");
  EXPECT_NE(test::error_of([&] {
              c.merge_file(write_config(dir, "time:\n  hours: 2\ngrid: {}\ntime:\n  hours: 3\n"));
            }).find("run.yaml:4: time: key given twice"),
            std::string::npos);
}

TEST(Config, TracerNameIsAFreeNetcdfName) {
  for (const char* name : {"a/b", "1x", "two words", "\"\""}) {
    const std::string msg = test::error_of(
        [&] { read_run_config(test::config_with({std::string("tracer.name=") + name})); });
    EXPECT_NE(msg.find("--set tracer.name: "), std::string::npos) << name << ": " << msg;
    EXPECT_NE(msg.find("not a valid NetCDF variable name"), std::string::npos) << msg;
  }
  EXPECT_NE(test::error_of([&] {
              read_run_config(test::config_with({"tracer.name=NO2"}));
            }).find("'NO2' is a species of the chemistry"),
            std::string::npos);
  EXPECT_EQ(read_run_config(test::config_with({"tracer.name=CO_tracer"})).tracer.name, "CO_tracer");
}

TEST(Config, UserNamedBoundaryFileIsRequired) {
  Config c;
  c.set("grid.mask.counties_file=/nonexistent/counties.geojson");
  EXPECT_TRUE(read_run_config(c).counties_file_required);
}

}  // namespace kctm
