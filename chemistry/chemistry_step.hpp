#pragma once
// The chemistry operator: for every interior cell, the gas-phase and cloud mechanism integrated
// over the step (chemistry/rosenbrock.hpp), then inorganic and organic gas–particle equilibrium
// (chemistry/aerosol_equilibrium.hpp). One kernel over all cells; operator-split with transport.
#include <vector>

#include "chemistry/device_mechanism.hpp"
#include "chemistry/lanes.hpp"
#include "chemistry/rosenbrock.hpp"
#include "kernels/kokkos_types.hpp"

namespace kctm::chem {

/// What the chemistry reads of the meteorology, on the device: per interior cell (k, j, i) and per
/// column (j, i).
struct ChemistryMeteo {
  View3D<double> t_k;            ///< temperature [K]
  View3D<double> air_molec_cm3;  ///< air number density [molecules cm-3]
  View3D<double> h2o_molec_cm3;  ///< water vapour [molecules cm-3]
  View3D<double> rh;             ///< relative humidity [0–1]
  View3D<double> lwc;            ///< cloud liquid water [L water per L air]
  View3D<double> cloud_above;    ///< place in the column's cloud layer: 0 below, 1 above
  View2D<double> cloud_fraction, cloud_tau;  ///< per column: cover [0–1], optical depth [1]
  /// Per column: ground and leaf surface per volume of the lowest layer [cm2 cm-3]
  View2D<double> ground_area_cm2_cm3;
  View2D<double> lat_deg, lon_deg;  ///< per column, for the sun's position
  /// Which meteorology the fields hold: while it stays the same (and is not 0), the chemistry
  /// keeps each cell's rate coefficients that depend on the air alone from one step to the next.
  /// 0 for fields that may change between steps unannounced (the default): nothing is kept.
  long revision = 0;

  static ChemistryMeteo allocate(int nz, int ny, int nx);
};

/// A revision no ChemistryMeteo of this process has had: give it to fields as they change.
long next_meteo_revision();

/// The solver variables of the species the cloud water's ion balance reads.
struct CloudVariables {
  int sulf = -1, hno3 = -1, so2 = -1;
};

/// Counts of one chemistry step over all cells.
struct ChemistryStats {
  long steps = 0, rejected = 0, clipped = 0, failed_cells = 0, cells = 0;
};

class Chemistry {
 public:
  /// `field_of_species`: the state's field of each kSpecies entry (−1 if absent; every species
  /// the mechanism or the equilibria use must be present). Throws kctm::Error otherwise.
  Chemistry(const std::vector<int>& field_of_species, const SolverControl& control);

  /// Advances the interior of q (field, k, j, i; mass mixing ratios, halo `halo`) over dt_s in air
  /// of density `air` [kg m-3], the sun at unix time `mid_unix_s`.
  ChemistryStats step(const ChemistryMeteo& met, View3D<const double> air, View4D<double> q,
                      int halo, double mid_unix_s, double dt_s) const;

  const CompiledMechanism& mechanism() const { return compiled_; }

  /// Each cell's next solver step (k, j, i) [s] (empty before the first step): what a checkpoint
  /// keeps so that a restarted run steps as an unbroken one would.
  std::vector<double> step_memory() const;
  /// Sets it back: `h` holds nz × ny × nx values, or none.
  void set_step_memory(const std::vector<double>& h, int nz, int ny, int nx) const;

 private:
  CompiledMechanism compiled_;
  DeviceMechanism device_;
  SolverControl control_;
  View1D<int> variable_field_;      ///< state field of each solver variable
  View1D<double> variable_mass_;    ///< its molar mass [g mol-1]
  View1D<int> composition_fields_;  ///< fine-aerosol components (chemistry_step.cpp)
  CloudVariables cloud_variables_;  ///< solver variables of the cloud water's ion balance
  View1D<int> equilibrium_fields_;  ///< see chemistry_step.cpp
  /// Each cell's next solver step [s] (0 before the first), so a step starts where the last ended.
  mutable View3D<double> h_next_;
  /// The step's sun per column, shared by its levels: cos of the solar zenith angle (slot 0) and
  /// the clear-sky photolysis frequencies (slots 1..kPhotolysisCount) (slot, j, i).
  mutable View3D<double> column_sun_;
  /// Each cell's rate coefficients that depend on the air alone (k, j, i, reaction of
  /// DeviceMechanism::air_only), computed for the meteorology of revision held_revision_.
  mutable View4D<double> air_only_k_;
  mutable long held_revision_ = 0;
};

}  // namespace kctm::chem
