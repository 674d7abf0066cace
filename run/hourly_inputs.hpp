#pragma once
// The inputs of each step on the device, made anew when their interval begins: the meteorology
// (held over its update interval at the interval's mid-point), the removal it drives (dry
// deposition velocities, wet scavenging), the chemistry's view of it, and the emissions of the
// hour (the inventory's or a user's, with the plumes placed in the hour's meteorology, and the
// biogenic species). Each rank makes only its own block's, cell by cell as over the whole grid, so
// that results do not depend on the rank count and the inputs' time falls with it.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "chemistry/chemistry_step.hpp"
#include "config/run_config.hpp"
#include "deposition/dry_deposition.hpp"
#include "deposition/wet_scavenging.hpp"
#include "inputs/emission_rows.hpp"
#include "kernels/transport_views.hpp"
#include "kernels/vertical_diffusion.hpp"
#include "meteo/meteo_source.hpp"
#include "parallel/decomposition.hpp"
#include "run/run_fields.hpp"
#include "state/domain.hpp"

namespace kctm {

class HourlyInputs {
 public:
  /// The inputs of this rank's block of domain `d` (the whole grid's interior columns' areas
  /// `column_area_m2`), for `registry`'s fields (the state's),
  /// with the chemistry's meteorology when `chemistry`; the meteorology and emissions of the
  /// run's start.
  HourlyInputs(const RunConfig& c, const Domain& d, const Decomposition& ranks,
               const GridGeometry& block_geometry, const DeviceGeometry& geo,
               const std::vector<double>& column_area_m2, const RunFields& fields,
               const FieldRegistry& registry, bool chemistry);
  HourlyInputs(const HourlyInputs&) = delete;
  HourlyInputs& operator=(const HourlyInputs&) = delete;

  /// The inputs of `step`: the meteorology of its update interval and the emissions of its hour,
  /// made when they begin or at the run's `first` step (a restart may begin inside either); then
  /// the step's emitted mass counted.
  void prepare(long step, bool first);

  const DeviceMeteo& meteo() const { return met_; }
  const chem::ChemistryMeteo& chemistry_meteo() const { return chemistry_met_; }
  /// The emissions and dry deposition velocities of the step.
  const ColumnExchange& exchange() const { return exchange_; }
  /// Whether the state has fields removed by deposition, and their wet scavenging.
  bool removes() const { return !deposited_.empty(); }
  const chem::WetScavengingInputs& wet() const { return wet_; }
  /// Mass emitted so far into each of the run's emitted fields (RunFields::emitted_fields) [kg]:
  /// counted at each step, kept in checkpoints.
  std::vector<double> emitted_kg;

 private:
  UnixSeconds time_at(long step) const;
  /// The block's meteorology of `step`, as of its update interval's first step.
  MeteoSnapshot meteo_of_step(long step) const;
  void update_meteo(long step);
  /// Dry deposition velocities for the meteorology at `now` (none without a surface layer).
  void update_removal(UnixSeconds now);
  /// The emissions of the hour that starts at `hour_time`, with that hour's meteorology.
  void fill_emissions(UnixSeconds hour_time, const MeteoSnapshot& hour_met);

  const RunConfig& c_;
  const Domain& d_;
  const Decomposition& ranks_;
  const RunFields& fields_;
  std::unique_ptr<MeteoSource> source_;
  double update_s_;
  long steps_per_update_, steps_per_hour_;
  MeteoSnapshot snapshot_;  ///< this rank's block, with its halo
  DeviceMeteo met_;
  chem::ChemistryMeteo chemistry_met_;
  bool chemistry_;
  /// Fields removed by deposition (species name, field): the species, and tags as their bulk.
  std::vector<std::pair<std::string, int>> deposited_;
  DeviceSurface surface_;
  chem::DryDeposition dry_deposition_;
  chem::WetScavengingInputs wet_;
  std::vector<double> column_area_m2_;  ///< the block's interior columns' areas [m2]
  double mid_lat_;
  View3D<double> vdep_;     ///< (field, j, i) [m s-1]
  EmissionRows emis_host_;  ///< the emitted fields over the block [kg s-1 per cell]
  View4D<double> emis_;     ///< the same on the device (slot, k, j, i)
  View1D<int> emission_slot_;
  std::vector<double> hour_tonnes_, kg_per_hour_;
  ColumnExchange exchange_;
};

}  // namespace kctm
