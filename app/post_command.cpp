// `kctm post RUN_DIR`: a finished run's daily products (24-h means, O3 MDA8, the daily AQI) on
// its grid and at its stations (io/daily_products.hpp, docs/VALIDATION.md).
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "analysis/observations.hpp"
#include "app/command.hpp"
#include "base/input_file.hpp"
#include "io/daily_products.hpp"

namespace kctm::app {

Command add_post_command(CLI::App& app) {
  struct Options {
    std::string run_dir, out_dir, stations_file;
  };
  auto o = std::make_shared<Options>();
  CLI::App* post = app.add_subcommand(
      "post", "daily products of a finished run: 24-h means, O3 MDA8 and the daily AQI");
  post->add_option("run_dir", o->run_dir, "the run's output folder (its kctm_conc_*.nc files)")
      ->required();
  post->add_option("--out", o->out_dir, "folder of the products (default: the run's folder)");
  post->add_option("--stations", o->stations_file,
                   "stations CSV (code, lon, lat); default: the run's own "
                   "(source_apportionment.stations_file)");
  return {post, [o] {
            std::vector<analysis::Station> stations;
            if (o->stations_file.empty()) {
              stations = recorded_stations(o->run_dir);
            } else {
              require_input_file(o->stations_file, "stations file", "--stations");
              stations = analysis::read_stations(o->stations_file);
            }
            const DailyProductFiles files = write_daily_products(
                o->run_dir, o->out_dir.empty() ? o->run_dir : o->out_dir, stations);
            std::cout << files.days << " day(s), " << files.complete_days
                      << " with all the hours the standards ask for\n"
                      << "output: " << files.grid << "\n";
            if (!files.stations.empty()) std::cout << "output: " << files.stations << "\n";
            return 0;
          }};
}

}  // namespace kctm::app
