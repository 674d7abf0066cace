#include "run/run_output.hpp"

#include "kernels/field_mass.hpp"
#include "kernels/host_copy.hpp"

namespace kctm {

namespace {

/// The tracer, then the chemistry's species and PM sums.
std::vector<OutputQuantity> output_quantities(const RunConfig& c, const FieldRegistry& registry,
                                              int tracer) {
  std::vector<OutputQuantity> outputs = {
      {{c.tracer.name, "passive tracer concentration", "ug m-3"}, {tracer}}};
  for (const OutputQuantity& o : chemistry_outputs(registry)) outputs.push_back(o);
  return outputs;
}

std::vector<OutputVariable> variables_of(const std::vector<OutputQuantity>& outputs) {
  std::vector<OutputVariable> variables;
  for (const OutputQuantity& o : outputs) variables.push_back(o.variable);
  return variables;
}

}  // namespace

RunOutput::RunOutput(const RunConfig& c, const Domain& d, const Decomposition& ranks,
                     const FieldRegistry& registry, int tracer, const SourceSet* sources,
                     const Subdomain& block, const std::vector<double>& column_area_m2,
                     const std::string& run_id)
    : RunOutput(c, d, ranks, output_quantities(c, registry, tracer), registry, sources, block,
                column_area_m2, run_id) {}

RunOutput::RunOutput(const RunConfig& c, const Domain& d, const Decomposition& ranks,
                     const std::vector<OutputQuantity>& quantities, const FieldRegistry& registry,
                     const SourceSet* sources, const Subdomain& block,
                     const std::vector<double>& column_area_m2, const std::string& run_id)
    : ranks_(ranks),
      start_(c.output.start),
      write_initial_(c.output.write_initial),
      writer_({c.output.dir,
               c.output.deflate_level,
               c.output.file_day_utc_offset_s,
               c.output.start,
               c.config_yaml,
               "kctm_conc",
               {},
               "kctm hourly concentrations",
               run_id,
               c.output.layers},
              d.grid, d.sub, d.geometry, d.mask, variables_of(quantities)),
      conc_("conc", c.output.layers, block.ny, block.nx) {
  for (const OutputQuantity& o : quantities) {
    fields_.push_back(device_vector("output_fields", o.fields));
  }
  if (sources) {
    apportionment_ = std::make_unique<ApportionmentOutput>(c, d, ranks, *sources, registry,
                                                           column_area_m2, run_id);
  }
}

void RunOutput::write(const DeviceGeometry& geo, const State& state) {
  // A spin-up's hours are simulated, not written; the state at the start only on request.
  if (state.time < start_ || (state.time == start_ && !write_initial_)) return;
  std::vector<std::vector<float>> records;
  for (const View1D<int>& fields : fields_) {
    field_concentration(geo, state.air, state.q, fields, kUgPerKg, conc_);
    records.push_back(ranks_.gather(copy_to_host(conc_), static_cast<int>(conc_.extent(0))));
  }
  if (ranks_.root()) writer_.write(state.time, records);
  if (apportionment_) apportionment_->write(geo, state);
}

std::vector<std::string> RunOutput::finish() {
  if (!ranks_.root()) return {};
  std::vector<std::string> files = writer_.finish();
  if (apportionment_) {
    for (const std::string& f : apportionment_->finish()) files.push_back(f);
  }
  return files;
}

std::string RunOutput::apportionment_table() const {
  return apportionment_ && ranks_.root() ? apportionment_->summary().table() : std::string();
}

void RunOutput::save_to(Checkpoint& c, const std::string& dir, const std::string& copy_prefix) {
  writer_.save_to(c, dir, copy_prefix);
  if (apportionment_) apportionment_->save_to(c, dir, copy_prefix);
}

void RunOutput::restore_from(const Checkpoint& c, const std::string& path) {
  writer_.restore_from(c, path);
  if (apportionment_) apportionment_->restore_from(c, path);
}

}  // namespace kctm
