#include "io/conc_writer.hpp"

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <netcdf>
#include <set>
#include <sstream>

#include "base/error.hpp"
#include "base/text_file.hpp"
#include "base/version.hpp"
#include "io/run_id.hpp"

namespace kctm {

namespace fs = std::filesystem;
using namespace netCDF;

struct ConcWriter::OpenFile {
  std::string final_path, temp_path;
  CivilDate day;
  std::unique_ptr<NcFile> nc;
  std::size_t records = 0;
  UnixSeconds last_time = 0;  ///< the time of the last record written
};

std::string ConcWriter::file_name(const std::string& prefix, UnixSeconds t, int utc_offset_s) {
  const CivilDate d = local_date(t, utc_offset_s);
  char buf[32];
  std::snprintf(buf, sizeof buf, "_%04d%02d%02d.nc", d.year, d.month, d.day);
  return prefix + buf;
}

ConcWriter::ConcWriter(ConcFileSettings settings, const GlobalGrid& grid, const Subdomain& sub,
                       const GridGeometry& geometry, const RegionMask& mask,
                       std::vector<OutputVariable> variables)
    : settings_(std::move(settings)),
      grid_(grid),
      sub_(sub),
      geometry_(geometry),
      mask_(mask),
      variables_(std::move(variables)) {
  // The coordinates' and the grid's own names, and every data variable once.
  std::set<std::string> names = {"time",    "lev",           "lev_bnds", "nv",         "x",
                                 "y",       "lat",           "lon",      "crs",        "cell_area",
                                 "unit_id", "unit_fraction", "source",   "source_name"};
  for (const OutputVariable& v : variables_) {
    if (!names.insert(v.name).second) {
      throw Error(settings_.dir + "/" + settings_.prefix + "_*.nc",
                  "two variables would be named '" + v.name + "'",
                  "give tracer.name another name if it is the tracer's");
    }
  }
}

ConcWriter::~ConcWriter() {
  if (file_) discard(*file_);
}

void ConcWriter::discard(OpenFile& f) {
  try {
    f.nc.reset();
  } catch (...) {  // closing a broken file may throw; the temporary is removed either way
  }
  std::error_code ec;
  fs::remove(f.temp_path, ec);
}

namespace {

/// A NetCDF failure on `path`, naming a full disk when that is what it met.
Error netcdf_error(const std::string& path, const std::string& action, const char* what) {
  return Error(path, "cannot " + action + " NetCDF: " + what, full_disk_hint(path));
}

std::vector<double> interior(const std::vector<double>& haloed, const GridGeometry& g,
                             const Subdomain& sub) {
  std::vector<double> out;
  out.reserve(static_cast<std::size_t>(sub.nx) * sub.ny);
  for (int j = 0; j < sub.ny; ++j) {
    for (int i = 0; i < sub.nx; ++i) out.push_back(haloed[g.at(i + sub.halo, j + sub.halo)]);
  }
  return out;
}

using Attributes = std::vector<std::pair<std::string, std::string>>;

/// The auxiliary coordinates of a variable on the grid.
constexpr const char* kGridCoordinates = "lat lon";

/// A variable with text attributes; `coordinates` (on the grid) adds the CF links to the
/// projection and to these auxiliary coordinates.
NcVar add_var(NcFile& nc, const std::string& name, const NcType& type,
              const std::vector<NcDim>& dims, const Attributes& attributes,
              const char* coordinates = nullptr) {
  NcVar v = nc.addVar(name, type, dims);
  for (const auto& [key, value] : attributes) v.putAtt(key, value);
  if (coordinates) {
    v.putAtt("grid_mapping", "crs");
    v.putAtt("coordinates", coordinates);
  }
  return v;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return buf;
}

}  // namespace

void ConcWriter::open_day(UnixSeconds t) {
  auto f = std::make_unique<OpenFile>();
  f->day = local_date(t, settings_.file_day_utc_offset_s);
  const std::string name = file_name(settings_.prefix, t, settings_.file_day_utc_offset_s);
  f->final_path = (fs::path(settings_.dir) / name).string();
  f->temp_path = f->final_path + ".partial";
  try {
    f->nc = std::make_unique<NcFile>(f->temp_path, NcFile::replace, NcFile::nc4);
    NcFile& nc = *f->nc;
    const int nz = layers();
    const NcDim d_time = nc.addDim("time");
    const NcDim d_lev = nc.addDim("lev", nz);
    const NcDim d_y = nc.addDim("y", sub_.ny);
    const NcDim d_x = nc.addDim("x", sub_.nx);
    const NcDim d_nv = nc.addDim("nv", 2);

    const std::string origin = format_iso8601(settings_.time_origin, 0);
    NcVar time =
        add_var(nc, "time", ncDouble, {d_time},
                {{"standard_name", "time"},
                 {"units", "hours since " + origin.substr(0, 10) + " " + origin.substr(11, 8)},
                 {"calendar", "standard"},
                 {"axis", "T"}});
    NcVar lev = add_var(nc, "lev", ncDouble, {d_lev},
                        {{"standard_name", "height"},
                         {"long_name", "height above ground of the layer middle"},
                         {"units", "m"},
                         {"positive", "up"},
                         {"axis", "Z"},
                         {"bounds", "lev_bnds"}});
    NcVar lev_bnds = add_var(nc, "lev_bnds", ncDouble, {d_lev, d_nv}, {{"units", "m"}});
    NcVar x =
        add_var(nc, "x", ncDouble, {d_x},
                {{"standard_name", "projection_x_coordinate"}, {"units", "m"}, {"axis", "X"}});
    NcVar y =
        add_var(nc, "y", ncDouble, {d_y},
                {{"standard_name", "projection_y_coordinate"}, {"units", "m"}, {"axis", "Y"}});
    NcVar lat = add_var(nc, "lat", ncDouble, {d_y, d_x},
                        {{"standard_name", "latitude"}, {"units", "degrees_north"}});
    NcVar lon = add_var(nc, "lon", ncDouble, {d_y, d_x},
                        {{"standard_name", "longitude"}, {"units", "degrees_east"}});

    const LambertParams& p = grid_.projection().params();
    NcVar crs = add_var(nc, "crs", ncInt, {},
                        {{"grid_mapping_name", "lambert_conformal_conic"},
                         {"proj4_params", grid_.projection().proj_string()}});
    const double parallels[2] = {p.lat_1_deg, p.lat_2_deg};
    crs.putAtt("standard_parallel", ncDouble, 2, parallels);
    crs.putAtt("longitude_of_central_meridian", ncDouble, p.lon_0_deg);
    crs.putAtt("latitude_of_projection_origin", ncDouble, p.lat_0_deg);
    crs.putAtt("false_easting", ncDouble, 0.0);
    crs.putAtt("false_northing", ncDouble, 0.0);
    crs.putAtt("earth_radius", ncDouble, p.earth_radius_m);

    NcVar area = add_var(nc, "cell_area", ncDouble, {d_y, d_x},
                         {{"standard_name", "cell_area"}, {"units", "m2"}}, kGridCoordinates);
    NcVar unit =
        add_var(nc, "unit_id", ncInt, {d_y, d_x},
                {{"long_name", "county-level unit of Hengyang holding the cell"}, {"units", "1"}},
                kGridCoordinates);
    unit.putAtt("_FillValue", ncInt, -1);
    std::vector<int> flag_values;
    std::string meanings;
    for (std::size_t u = 0; u < mask_.units.size(); ++u) {
      flag_values.push_back(static_cast<int>(u));
      meanings += (u ? " " : "") + mask_.units[u].name;
    }
    unit.putAtt("flag_values", ncInt, flag_values.size(), flag_values.data());
    unit.putAtt("flag_meanings", meanings);
    NcVar frac = add_var(
        nc, "unit_fraction", ncDouble, {d_y, d_x},
        {{"long_name", "share of the cell inside Hengyang's county-level units"}, {"units", "1"}},
        kGridCoordinates);

    const bool by_source = !settings_.sources.empty();
    NcDim d_second = d_lev;
    if (by_source) {
      d_second = nc.addDim("source", settings_.sources.size());
      // The names are an auxiliary coordinate, not the coordinate variable `source`: CF's
      // coordinate variables are numeric, and CDO fails on a string one.
      NcVar source = add_var(nc, "source_name", ncString, {d_second},
                             {{"long_name", "source of the apportioned mass"}});
      std::vector<const char*> names;
      for (const std::string& n : settings_.sources) names.push_back(n.c_str());
      source.putVar(names.data());
    }
    for (const OutputVariable& v : variables_) {
      Attributes attributes = {
          {"long_name", v.long_name}, {"units", v.units}, {"cell_methods", "time: point"}};
      if (by_source) attributes.push_back({"level", "lowest model layer"});
      NcVar var = add_var(nc, v.name, ncFloat, {d_time, d_second, d_y, d_x}, attributes,
                          by_source ? "lat lon source_name" : kGridCoordinates);
      std::vector<std::size_t> chunk = {1, d_second.getSize(), static_cast<std::size_t>(sub_.ny),
                                        static_cast<std::size_t>(sub_.nx)};
      var.setChunking(NcVar::nc_CHUNKED, chunk);
      if (settings_.deflate_level > 0) var.setCompression(true, true, settings_.deflate_level);
    }

    nc.putAtt("Conventions", "CF-1.8");
    nc.putAtt("title", settings_.title);
    nc.putAtt("institution", "kctm, the Hengyang attainment-plan CTM kernel");
    nc.putAtt("source", std::string("kctm ") + kVersion);
    nc.putAtt("history", utc_now() + " written by kctm " + kVersion);
    nc.putAtt("kctm_version", kVersion);
    nc.putAtt("kctm_config", settings_.config_yaml);
    nc.putAtt(kRunIdAttribute, settings_.run_id);
    const int off_h = settings_.file_day_utc_offset_s / 3600;
    nc.putAtt("file_day_time_zone", std::string("UTC") + (off_h < 0 ? "-" : "+") +
                                        std::to_string(off_h < 0 ? -off_h : off_h));

    std::vector<double> levels(nz), bounds(2 * nz);
    for (int k = 0; k < nz; ++k) {
      levels[k] = grid_.levels().mid_m(k);
      bounds[2 * k] = grid_.levels().interface_m(k);
      bounds[2 * k + 1] = grid_.levels().interface_m(k + 1);
    }
    lev.putVar(levels.data());
    lev_bnds.putVar(bounds.data());
    std::vector<double> xs, ys;
    for (int i = 0; i < sub_.nx; ++i) xs.push_back(grid_.x_center_m(sub_.i0 + i));
    for (int j = 0; j < sub_.ny; ++j) ys.push_back(grid_.y_center_m(sub_.j0 + j));
    x.putVar(xs.data());
    y.putVar(ys.data());
    lat.putVar(interior(geometry_.lat_deg, geometry_, sub_).data());
    lon.putVar(interior(geometry_.lon_deg, geometry_, sub_).data());
    area.putVar(interior(geometry_.cell_area_m2, geometry_, sub_).data());
    unit.putVar(mask_.unit_of_cell.data());
    frac.putVar(mask_.unit_fraction.data());
  } catch (const exceptions::NcException& e) {
    discard(*f);
    throw netcdf_error(f->temp_path, "write", e.what());
  }
  file_ = std::move(f);
}

void ConcWriter::close_day() {
  if (!file_) return;
  try {
    file_->nc->close();
  } catch (const exceptions::NcException& e) {
    throw netcdf_error(file_->temp_path, "close", e.what());
  }
  std::error_code ec;
  fs::rename(file_->temp_path, file_->final_path, ec);
  if (ec) throw Error(file_->final_path, "cannot rename the finished file: " + ec.message());
  finished_.push_back(file_->final_path);
  file_.reset();
}

void ConcWriter::write(UnixSeconds t, const std::vector<std::vector<float>>& fields) {
  const CivilDate d = local_date(t, settings_.file_day_utc_offset_s);
  if (file_ &&
      (d.year != file_->day.year || d.month != file_->day.month || d.day != file_->day.day)) {
    close_day();
  }
  if (!file_) open_day(t);
  try {
    NcFile& nc = *file_->nc;
    const double hours = static_cast<double>(t - settings_.time_origin) / 3600.0;
    nc.getVar("time").putVar({file_->records}, {1}, &hours);
    const std::vector<std::size_t> start = {file_->records, 0, 0, 0};
    const std::size_t second =
        settings_.sources.empty() ? static_cast<std::size_t>(layers()) : settings_.sources.size();
    const std::vector<std::size_t> count = {1, second, static_cast<std::size_t>(sub_.ny),
                                            static_cast<std::size_t>(sub_.nx)};
    for (std::size_t v = 0; v < variables_.size(); ++v) {
      nc.getVar(variables_[v].name).putVar(start, count, fields.at(v).data());
    }
    nc.sync();
  } catch (const exceptions::NcException& e) {
    throw netcdf_error(file_->temp_path, "write", e.what());
  }
  ++file_->records;
  file_->last_time = t;
}

void ConcWriter::save_to(Checkpoint& c, const std::string& dir, const std::string& copy_prefix) {
  const std::string key = settings_.prefix + ".";
  std::string finished;
  for (const std::string& f : finished_) finished += fs::path(f).filename().string() + "\n";
  c.texts[key + "finished"] = finished;
  c.texts[key + "copy"] = "";
  c.arrays[key + "open_day"] = {0.0, 0.0};
  if (!file_) return;
  const std::string name = fs::path(file_->final_path).filename().string();
  const fs::path copy = fs::path(dir) / (copy_prefix + name);
  try {
    file_->nc->close();
    std::error_code ec;
    fs::copy_file(file_->temp_path, copy.string() + ".partial",
                  fs::copy_options::overwrite_existing, ec);
    if (!ec) fs::rename(copy.string() + ".partial", copy, ec);
    if (ec) throw Error(copy.string(), "cannot copy the open output file: " + ec.message());
    file_->nc = std::make_unique<NcFile>(file_->temp_path, NcFile::write);
  } catch (const exceptions::NcException& e) {
    throw Error(file_->temp_path, std::string("cannot reopen NetCDF: ") + e.what());
  }
  c.texts[key + "copy"] = copy.filename().string();
  c.arrays[key + "open_day"] = {static_cast<double>(file_->records),
                                static_cast<double>(file_->last_time)};
}

void ConcWriter::restore_from(const Checkpoint& c, const std::string& path) {
  const std::string key = settings_.prefix + ".";
  const fs::path dir = fs::path(path).parent_path();
  finished_.clear();
  std::istringstream in(c.text(key + "finished"));
  for (std::string name; std::getline(in, name);) {
    finished_.push_back((fs::path(settings_.dir) / name).string());
  }
  const std::vector<double>& open_day = c.array(path, key + "open_day", 2);
  const std::string copy = c.text(key + "copy");
  if (copy.empty()) return;
  reopen_day(static_cast<UnixSeconds>(open_day[1]), (dir / copy).string(),
             static_cast<std::size_t>(open_day[0]));
}

void ConcWriter::reopen_day(UnixSeconds t, const std::string& copy, std::size_t records) {
  auto f = std::make_unique<OpenFile>();
  f->day = local_date(t, settings_.file_day_utc_offset_s);
  f->final_path =
      (fs::path(settings_.dir) / file_name(settings_.prefix, t, settings_.file_day_utc_offset_s))
          .string();
  f->temp_path = f->final_path + ".partial";
  f->records = records;
  f->last_time = t;
  std::error_code ec;
  fs::copy_file(copy, f->temp_path, fs::copy_options::overwrite_existing, ec);
  if (ec) throw Error(copy, "cannot copy the checkpoint's output file back: " + ec.message());
  std::size_t in_file = 0, in_file_layers = 0;
  try {
    f->nc = std::make_unique<NcFile>(f->temp_path, NcFile::write);
    in_file = f->nc->getDim("time").getSize();
    in_file_layers = f->nc->getDim("lev").getSize();
  } catch (const exceptions::NcException& e) {
    discard(*f);
    throw Error(copy, std::string("cannot reopen the checkpoint's output file: ") + e.what());
  }
  file_ = std::move(f);  // from here the destructor removes the temporary file on failure
  if (in_file != records) {
    throw Error(copy, "holds " + std::to_string(in_file) + " records, the checkpoint " +
                          std::to_string(records));
  }
  if (in_file_layers != static_cast<std::size_t>(layers())) {
    throw Error(copy,
                "holds " + std::to_string(in_file_layers) + " layers, this run writes " +
                    std::to_string(layers()),
                "continue with the output.layers of the run that wrote the checkpoint");
  }
}

std::vector<std::string> ConcWriter::finish() {
  close_day();
  return finished_;
}

}  // namespace kctm
