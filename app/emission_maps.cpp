#include "app/emission_maps.hpp"

#include <cstdio>
#include <filesystem>
#include <netcdf>

#include "base/error.hpp"
#include "inputs/emissions_setup.hpp"

namespace kctm {

void write_emission_maps(const RunConfig& config, const std::string& path) {
  const Domain d = build_domain(config, 0);
  const EmissionModel model = build_emission_model(d, emission_options(config));
  const Inventory& inv = model.inventory();
  const std::size_t ny = d.sub.ny, nx = d.sub.nx, plane = ny * nx;
  const std::string temp = path + ".partial";
  try {
    using namespace netCDF;
    NcFile nc(temp, NcFile::replace, NcFile::nc4);
    const NcDim s = nc.addDim("sector", inv.sectors.size()), y = nc.addDim("y", ny),
                x = nc.addDim("x", nx);
    std::string sectors;
    for (const std::string& name : inv.sectors) sectors += (sectors.empty() ? "" : " ") + name;
    nc.putAtt("sectors", sectors);
    nc.putAtt("source", inv.source);
    nc.putAtt("mask", d.mask.from_boundary_file ? "county outlines" : "core box");
    std::vector<double> lon(plane), lat(plane);
    for (std::size_t j = 0; j < ny; ++j) {
      for (std::size_t i = 0; i < nx; ++i) {
        const std::size_t g = d.geometry.at(static_cast<int>(i), static_cast<int>(j));
        lon[j * nx + i] = d.geometry.lon_deg[g];
        lat[j * nx + i] = d.geometry.lat_deg[g];
      }
    }
    NcVar lon_v = nc.addVar("lon", ncDouble, {y, x}), lat_v = nc.addVar("lat", ncDouble, {y, x});
    lon_v.putAtt("units", "degrees_east");
    lat_v.putAtt("units", "degrees_north");
    lon_v.putVar(lon.data());
    lat_v.putVar(lat.data());
    // Every sector's year, Hengyang's and its neighbours', per pollutant.
    std::vector<std::vector<double>> local, regional;
    for (std::size_t sec = 0; sec < inv.sectors.size(); ++sec) {
      local.push_back(model.annual_t(static_cast<int>(sec), EmissionOrigin::Local));
      regional.push_back(model.annual_t(static_cast<int>(sec), EmissionOrigin::Regional));
    }
    for (std::size_t p = 0; p < inv.pollutants.size(); ++p) {
      std::vector<double> e(inv.sectors.size() * plane);
      for (std::size_t sec = 0; sec < inv.sectors.size(); ++sec) {
        for (std::size_t c = 0; c < plane; ++c) {
          e[sec * plane + c] = local[sec][p * plane + c] + regional[sec][p * plane + c];
        }
      }
      NcVar v = nc.addVar("E_" + inv.pollutants[p], ncDouble, {s, y, x});
      v.putAtt("units", "t yr-1");
      v.putAtt("long_name", "annual " + inv.pollutants[p] + " emission per cell");
      v.putVar(e.data());
    }
  } catch (const netCDF::exceptions::NcException& e) {
    std::remove(temp.c_str());
    throw Error(path, std::string("cannot write the emission maps: ") + e.what());
  }
  std::filesystem::rename(temp, path);
}

}  // namespace kctm
