#pragma once
// Puts what the chemistry reads of an hour's meteorology on the device: per cell temperature, air
// and water vapour number densities, relative humidity, cloud water, the cell's place in the
// column's cloud layer; per column cloud cover, optical depth, position and the ground's surface.
#include "chemistry/chemistry_step.hpp"
#include "grids/grid_geometry.hpp"
#include "grids/vertical_levels.hpp"
#include "meteo/meteo_snapshot.hpp"

namespace kctm {

/// Chemistry meteorology shaped for `snapshot`'s interior, with the columns' positions.
chem::ChemistryMeteo allocate_chemistry_meteo(const MeteoSnapshot& snapshot,
                                              const GridGeometry& geometry, int halo);

/// Copies the snapshot's chemistry fields into `out` (once per input hour) and gives them a new
/// revision. Meteorology without temperatures (the analytic and placeholder flows) gets a 288 K,
/// 1013 hPa, 70 % RH standard surface atmosphere.
void upload_chemistry_meteo(const MeteoSnapshot& snapshot, const VerticalLevels& levels,
                            chem::ChemistryMeteo& out);

}  // namespace kctm
