#include <gtest/gtest.h>

#include <cstdio>
#include <limits>
#include <string>

#include "config/config.hpp"
#include "run/run.hpp"
#include "test_support.hpp"

namespace kctm {

// A value that is not finite stops the run with one line naming the field, the cell (global
// indices and position), the time and the likely cause.
TEST(StateHealth, AnUnsoundValueStopsTheRunNamingFieldCellAndTime) {
  const Config c = test::config_with(
      {"grid.dx_km=9", "grid.buffer_km=20", "grid.levels_m=[0, 50, 150, 400, 1000, 2500, 6000]",
       "grid.mask.counties_file=\"\"", "emissions.enabled=false", "chemistry.enabled=false",
       "source_apportionment.enabled=false", "output.dir=" + test::temp_dir("state-health")});
  const RunConfig rc = read_run_config(c);
  kctm::Run run(rc);
  run.start();
  EXPECT_NO_THROW(run.check_state());
  const int h = run.block.halo;
  Kokkos::deep_copy(Kokkos::subview(run.state.q, run.fields.tracer, 3, h + 2, h + 5),
                    std::numeric_limits<double>::quiet_NaN());
  const std::string e = test::error_of([&] { run.check_state(); });
  EXPECT_NE(
      e.find("state at 2019-01-01T00:00:00+08:00: TRACER is not finite in cell i=5 j=2 k=3 ("),
      std::string::npos)
      << e;
  const GridGeometry& g = run.block_geometry;
  char place[64];
  std::snprintf(place, sizeof place, "(%.2f E, %.2f N)", g.lon_deg[g.at(h + 5, h + 2)],
                g.lat_deg[g.at(h + 5, h + 2)]);
  EXPECT_NE(e.find(place), std::string::npos) << "the cell's own position: " << place << "\n" << e;
  EXPECT_NE(e.find("the last checkpoint are kept"), std::string::npos) << e;
}

}  // namespace kctm
