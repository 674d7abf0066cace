#pragma once
// Puts the host-side grid geometry and meteorology on the device.
#include "grids/global_grid.hpp"
#include "grids/grid_geometry.hpp"
#include "grids/subdomain.hpp"
#include "kernels/transport_views.hpp"
#include "meteo/meteo_snapshot.hpp"

namespace kctm {

/// Device geometry of `sub`: true cell areas, face lengths, layer thicknesses.
DeviceGeometry make_device_geometry(const GlobalGrid& grid, const Subdomain& sub,
                                    const GridGeometry& geometry);

/// Device arrays shaped for meteorology on `geo`.
DeviceMeteo allocate_device_meteo(const DeviceGeometry& geo);

/// Copies a snapshot into the device arrays (once per input hour).
void upload_meteo(const MeteoSnapshot& snapshot, const DeviceMeteo& met);

/// Device arrays shaped for the surface, precipitation and cloud fields removal reads on `geo`.
DeviceSurface allocate_device_surface(const DeviceGeometry& geo);

/// Copies a snapshot's surface fields, temperature and cloud water to the device (once per hour).
void upload_surface(const MeteoSnapshot& snapshot, const DeviceSurface& surface);

}  // namespace kctm
