#include "run/boundary_inflow.hpp"

#include <algorithm>
#include <cstddef>

#include "apportionment/setup.hpp"
#include "state/chemistry_fields.hpp"
#include "state/state.hpp"

namespace kctm {

namespace {

/// The factor of the source that `origin` belongs to (source_apportionment.factors), 1 without.
double source_factor(const SourceSet* sources, int SourceSet::*origin) {
  return sources ? sources->factors[(*sources).*origin] : 1.0;
}

/// `values` of the chemistry's species fields times `factor` (other fields as they are).
std::vector<double> scaled_species(std::vector<double> values, const std::vector<int>& fields,
                                   double factor) {
  for (int f : fields) {
    if (f >= 0) values[f] *= factor;
  }
  return values;
}

}  // namespace

BoundaryAir boundary_air(const RunConfig& c, const FieldRegistry& registry,
                         const SourceSet* sources, int tracer, UnixSeconds t) {
  const std::vector<int> fields_of_species = species_fields(registry);
  const std::vector<double> clean_air =
      species_mixing_ratios(values_at(c.chemistry.background, t), registry);
  const std::vector<double> background_in =
      scaled_species(clean_air, fields_of_species, source_factor(sources, &SourceSet::boundary));
  const std::vector<double> regional_in =
      scaled_species(species_mixing_ratios(values_at(c.chemistry.regional_inflow, t), registry),
                     fields_of_species, source_factor(sources, &SourceSet::regional_inflow));
  BoundaryAir air{
      scaled_species(clean_air, fields_of_species, source_factor(sources, &SourceSet::initial)),
      background_in, regional_in};
  air.clean_in[tracer] = c.tracer.boundary_ug_kg / kUgPerKg;
  if (sources) {
    add_to_source(air.initial, sources->initial, registry, air.initial);
    add_to_source(background_in, sources->boundary, registry, air.clean_in);
    add_to_source(regional_in, sources->regional_inflow, registry, air.regional_in);
  }
  return air;
}

BoundaryInflow::BoundaryInflow(const RunConfig& c, const FieldRegistry& registry,
                               const SourceSet* sources, int tracer, const VerticalLevels& levels)
    : config_(c), registry_(registry), sources_(sources), levels_(levels), tracer_(tracer) {
  auto any_varies = [](const std::vector<MonthlyCycle>& cycles) {
    return std::any_of(cycles.begin(), cycles.end(),
                       [](const MonthlyCycle& m) { return m.varies(); });
  };
  seasonal_ = any_varies(c.chemistry.background) || any_varies(c.chemistry.regional_inflow) ||
              c.chemistry.regional_inflow_top_m.varies();
  inflow_.assign(static_cast<std::size_t>(registry.n_fields()) * levels_.nz(), 0.0);
  fill_configured(c.start);
  if (c.boundary_file.empty()) return;
  BoundaryFileSpecies file_species = boundary_file_species(registry);
  file_species.species.insert(file_species.species.begin(),
                              {c.tracer.name, "ug kg-1", 1.0 / kUgPerKg});
  file_species.fields.insert(file_species.fields.begin(), tracer);
  file_ = std::make_unique<BoundaryFile>(c.boundary_file, file_species.species, levels_.nz());
  // Refuse a file that does not cover the run before anything is written.
  file_->at(c.start);
  file_->at(c.start + 3600 * c.hours);
  for (const int f : file_species.fields) {
    FileRows r{{f}, -1, f == tracer ? 1.0 : source_factor(sources, &SourceSet::boundary)};
    if (sources && f != tracer) {
      r.rows.push_back(registry.first_tag_field(f, sources->boundary));
      r.emptied = registry.first_tag_field(f, sources->regional_inflow);
    }
    file_rows_.push_back(r);
  }
}

void BoundaryInflow::fill_configured(UnixSeconds t) {
  const BoundaryAir air = boundary_air(config_, registry_, sources_, tracer_, t);
  const std::vector<double> share =
      levels_.shares_below(config_.chemistry.regional_inflow_top_m.at(t));
  const int nz = levels_.nz();
  for (std::size_t f = 0; f < air.clean_in.size(); ++f) {
    for (int k = 0; k < nz; ++k) {
      inflow_[f * nz + k] = air.clean_in[f] + share[k] * air.regional_in[f];
    }
  }
}

const std::vector<double>& BoundaryInflow::at(UnixSeconds t) {
  // The configured air at t (when it has a season), then the file's profiles in place of the
  // fields it has (the same rows at every call).
  if (seasonal_) fill_configured(t);
  if (!file_) return inflow_;
  const std::vector<double> file_k = file_->at(t);
  const std::size_t nz = levels_.nz();
  for (std::size_t s = 0; s < file_rows_.size(); ++s) {
    if (!file_->has(static_cast<int>(s))) continue;
    const FileRows& r = file_rows_[s];
    if (r.emptied >= 0) {
      std::fill_n(inflow_.begin() + r.emptied * nz, nz, 0.0);
    }
    for (const int row : r.rows) {
      std::transform(file_k.begin() + s * nz, file_k.begin() + (s + 1) * nz,
                     inflow_.begin() + row * nz, [&](double v) { return v * r.scale; });
    }
  }
  return inflow_;
}

}  // namespace kctm
