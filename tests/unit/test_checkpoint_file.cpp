// The checkpoint file: what goes in comes out bit for bit; a damaged, truncated, foreign or
// mismatched file is refused with a message naming it.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

#include "base/error.hpp"
#include "grids/global_grid.hpp"
#include "io/checkpoint_file.hpp"
#include "run/run_checkpoint.hpp"

namespace kctm {
namespace {

namespace fs = std::filesystem;

Checkpoint sample() {
  Checkpoint c;
  c.identity = {4, 3, 2, 3, {"TRACER", "O3", "O3@initial"}, 1546272000, 600.0};
  c.step = 7;
  c.time = c.identity.start + 7 * 600;
  std::vector<double> q(3000);
  for (std::size_t i = 0; i < q.size(); ++i) q[i] = std::sin(0.37 * i) * 1e-9 + 1e-300 * i;
  q[5] = std::numeric_limits<double>::denorm_min();
  q[6] = -0.0;
  c.arrays["state.q"] = q;
  c.arrays["empty"] = {};
  c.texts["conc.finished"] = "kctm_conc_20190101.nc\n";
  c.texts["conc.copy"] = "";
  c.run_id = "20190101T000000Z-host-42-beef";
  return c;
}

std::string temp_path(const std::string& name) {
  return (fs::temp_directory_path() / ("kctm_test_" + name)).string();
}

TEST(CheckpointFile, RoundTripIsBitwise) {
  const Checkpoint c = sample();
  const std::string path = temp_path("roundtrip.h5");
  write_checkpoint(path, c);
  EXPECT_FALSE(fs::exists(path + ".partial"));
  const Checkpoint r = read_checkpoint(path, c.identity);
  EXPECT_EQ(r.time, c.time);
  EXPECT_EQ(r.step, c.step);
  EXPECT_EQ(r.run_id, c.run_id);
  EXPECT_EQ(checkpoint_run_id(path), c.run_id);
  EXPECT_EQ(r.identity.fields, c.identity.fields);
  ASSERT_EQ(r.arrays.size(), c.arrays.size());
  const std::vector<double>& q = r.array(path, "state.q", 3000);
  for (std::size_t i = 0; i < q.size(); ++i) {
    EXPECT_EQ(std::memcmp(&q[i], &c.arrays.at("state.q")[i], sizeof(double)), 0) << i;
  }
  EXPECT_TRUE(r.array(path, "empty", 0).empty());
  EXPECT_EQ(r.text("conc.finished"), "kctm_conc_20190101.nc\n");
  EXPECT_EQ(r.text("conc.copy"), "");
  EXPECT_THROW(r.array(path, "state.q", 10), Error);
  EXPECT_THROW(r.array(path, "missing", 0), Error);
  fs::remove(path);
}

void expect_refused(const std::string& path, const CheckpointIdentity& id,
                    const std::string& message) {
  try {
    read_checkpoint(path, id);
    ADD_FAILURE() << "accepted " << path;
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
  }
}

TEST(CheckpointFile, RefusesAnotherRun) {
  const Checkpoint c = sample();
  const std::string path = temp_path("other.h5");
  write_checkpoint(path, c);
  CheckpointIdentity id = c.identity;
  id.nx = 5;
  expect_refused(path, id, "different run: grid");
  id = c.identity;
  id.fields.pop_back();
  expect_refused(path, id, "different run: 3 fields");
  id = c.identity;
  id.step_s = 300;
  expect_refused(path, id, "different run: start");
  fs::remove(path);
}

/// A 4 x 3 x 2 grid (the sample's counts) of cells `dx_m` wide on `levels`.
GlobalGrid grid_of(double dx_m, const std::vector<double>& levels) {
  const auto projection =
      std::make_shared<const LambertConformal>(LambertParams{25.0, 29.0, 26.8, 112.41, 6.37e6});
  return GlobalGrid(projection, 4, 3, dx_m, dx_m, -2 * dx_m, -1.5 * dx_m, VerticalLevels(levels));
}

TEST(CheckpointFile, RefusesAnotherGridWithTheSameCounts) {
  Checkpoint c = sample();
  c.identity.grid = grid_definition(grid_of(3000.0, {0.0, 50.0, 200.0}));
  const std::string path = temp_path("other_grid.h5");
  write_checkpoint(path, c);
  EXPECT_NO_THROW(read_checkpoint(path, c.identity));
  CheckpointIdentity id = c.identity;
  id.grid = grid_definition(grid_of(4000.0, {0.0, 50.0, 200.0}));
  expect_refused(path, id, "different run: grid's dx_m 3000, this run's 4000");
  id.grid = grid_definition(grid_of(3000.0, {0.0, 60.0, 200.0}));
  expect_refused(path, id, "different run: grid's level_interface_m[1] 50, this run's 60");
  id.grid = grid_definition(grid_of(3000.0, {0.0, 50.0, 250.0}));
  expect_refused(path, id, "grid's level_interface_m[2] 200, this run's 250");
  fs::remove(path);
}

TEST(CheckpointFile, RefusesDamagedTruncatedAndForeignFiles) {
  const Checkpoint c = sample();
  const std::string path = temp_path("damaged.h5");
  write_checkpoint(path, c);
  const auto size = fs::file_size(path);
  {  // bytes changed in the middle of the data: the checksum catches it
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 2));
    const char junk[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    f.write(junk, sizeof junk);
  }
  expect_refused(path, c.identity, "corrupt checkpoint");
  write_checkpoint(path, c);
  fs::resize_file(path, size / 3);
  expect_refused(path, c.identity, path);
  {
    std::ofstream f(path);
    f << "not a checkpoint\n";
  }
  expect_refused(path, c.identity, "not an HDF5 file");
  fs::remove(path);
  expect_refused(path, c.identity, "checkpoint file not found");
}

}  // namespace
}  // namespace kctm
