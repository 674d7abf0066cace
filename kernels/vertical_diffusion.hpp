#pragma once
// Implicit (backward Euler) vertical diffusion with emissions as a source term, one tridiagonal
// solve per column: unconditionally stable for any Kz and dt, and the column mass changes by
// exactly the emitted mass (the interface fluxes telescope). A team solves a block of neighbouring
// columns side by side, so the level-by-level sweeps are SIMD loops across the columns.
#include "kernels/transport_views.hpp"

namespace kctm {

/// Sources and sinks at the ground and in the column, per field.
struct ColumnExchange {
  /// Emission (slot, k, j, i) over the interior [kg s-1 per cell] of the fields that take any.
  View4D<const double> emis_kg_s;
  View1D<const int> emission_slot;  ///< per field its slot in emis_kg_s, −1 for none
  View3D<const double> vdep_m_s;    ///< dry deposition velocity (field, j, i) [m s-1]
};

/// Diffuses the fields of q in `fields` over dt with the meteorology's Kz in air of density `air`
/// [kg m-3], adds the emissions as a source and removes dry deposition at the ground, implicitly
/// (flux v_d ρ q of the new ground-layer value). The deposited mass goes to budget(field,
/// kDeposited); `column_kg` (field, j, i) is scratch for it.
void diffuse_vertical(const DeviceGeometry& geo, const DeviceMeteo& met, View3D<const double> air,
                      double dt_s, const ColumnExchange& exchange, const FieldList& fields,
                      View4D<double> q, View3D<double> column_kg, MassBudget budget);

}  // namespace kctm
