#include "apportionment/output.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "kernels/field_mass.hpp"
#include "kernels/host_copy.hpp"

namespace kctm {

namespace {

std::vector<OutputVariable> variables_of(const std::vector<ApportionedOutput>& outputs) {
  std::vector<OutputVariable> v;
  for (const ApportionedOutput& o : outputs) v.push_back(o.variable);
  return v;
}

std::vector<std::string> names_of(const std::vector<ApportionedOutput>& outputs) {
  std::vector<std::string> v;
  for (const ApportionedOutput& o : outputs) v.push_back(o.variable.name);
  return v;
}

/// The stations of the summary: none when the default file is absent (with a warning).
std::vector<analysis::Station> summary_stations(const SourceApportionmentConfig& c) {
  if (c.stations_file.empty()) return {};
  if (!c.stations_required && !std::filesystem::exists(c.stations_file)) {
    spdlog::warn("source apportionment: no stations file at {}; the summary covers Hengyang only",
                 c.stations_file);
    return {};
  }
  return analysis::read_stations(c.stations_file);
}

}  // namespace

ApportionmentOutput::ApportionmentOutput(const RunConfig& c, const Domain& d,
                                         const Decomposition& ranks, const SourceSet& sources,
                                         const FieldRegistry& registry,
                                         const std::vector<double>& cell_area_m2,
                                         const std::string& run_id)
    : dir_(c.output.dir),
      run_id_(run_id),
      ranks_(ranks),
      outputs_(apportioned_outputs(registry)),
      writer_({c.output.dir, c.output.deflate_level, c.output.file_day_utc_offset_s, c.output.start,
               c.config_yaml, "kctm_sa", sources.names,
               "kctm hourly source apportionment (lowest layer; the sum over sources is the bulk)",
               run_id},
              d.grid, d.sub, d.geometry, d.mask, variables_of(outputs_)),
      summary_(sources, names_of(outputs_), d.mask, cell_area_m2, d.grid, d.sub.i0, d.sub.j0,
               summary_stations(c.apportionment)),
      surface_("sa_surface", 1, ranks.block().ny, ranks.block().nx) {
  for (const ApportionedOutput& o : outputs_) {
    fields_.emplace_back();
    for (int s = 0; s < sources.size(); ++s) {
      fields_.back().push_back(device_vector("sa_fields", source_fields(o, s, registry)));
    }
  }
}

void ApportionmentOutput::write(const DeviceGeometry& geo, const State& state) {
  std::vector<std::vector<float>> record;
  for (const std::vector<View1D<int>>& by_source : fields_) {
    record.emplace_back();
    for (const View1D<int>& fields : by_source) {
      field_concentration(geo, state.air, state.q, fields, kUgPerKg, surface_);
      const std::vector<float> layer = ranks_.gather(copy_to_host(surface_), 1);
      record.back().insert(record.back().end(), layer.begin(), layer.end());
    }
  }
  if (!ranks_.root()) return;
  writer_.write(state.time, record);
  summary_.add(record);
}

std::vector<std::string> ApportionmentOutput::finish() {
  std::vector<std::string> files = writer_.finish();
  const std::string csv = (std::filesystem::path(dir_) / "kctm_sa_summary.csv").string();
  summary_.write_csv(csv, run_id_);
  files.push_back(csv);
  return files;
}

void ApportionmentOutput::save_to(Checkpoint& c, const std::string& dir,
                                  const std::string& copy_prefix) {
  writer_.save_to(c, dir, copy_prefix);
  summary_.save_to(c);
}

void ApportionmentOutput::restore_from(const Checkpoint& c, const std::string& path) {
  writer_.restore_from(c, path);
  summary_.restore_from(c, path);
}

}  // namespace kctm
