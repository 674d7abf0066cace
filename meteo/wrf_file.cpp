#include "meteo/wrf_file.hpp"

#include <algorithm>
#include <cmath>
#include <netcdf>
#include <utility>

#include "base/constants.hpp"
#include "base/error.hpp"

namespace kctm {

namespace {
using namespace netCDF;

const char* const kNeeded =
    "wrfout files need Times, XLAT, XLONG, U, V, T, P, PB, PH, PHB, QVAPOR, QCLOUD, PBLH, UST, "
    "HFX, RAINC, RAINNC, SWDOWN, T2, Q2, U10, V10, HGT and PSFC";

using Dims = std::vector<std::string>;
const Dims kMass{"Time", "bottom_top", "south_north", "west_east"};
const Dims kSurface{"Time", "south_north", "west_east"};

/// The variables read and their dimensions as WRF writes them; LU_INDEX is optional.
const std::vector<std::pair<std::string, Dims>> kVariables{
    {"XLAT", kSurface},
    {"XLONG", kSurface},
    {"U", {"Time", "bottom_top", "south_north", "west_east_stag"}},
    {"V", {"Time", "bottom_top", "south_north_stag", "west_east"}},
    {"T", kMass},
    {"P", kMass},
    {"PB", kMass},
    {"PH", {"Time", "bottom_top_stag", "south_north", "west_east"}},
    {"PHB", {"Time", "bottom_top_stag", "south_north", "west_east"}},
    {"QVAPOR", kMass},
    {"QCLOUD", kMass},
    {"PBLH", kSurface},
    {"UST", kSurface},
    {"HFX", kSurface},
    {"RAINC", kSurface},
    {"RAINNC", kSurface},
    {"SWDOWN", kSurface},
    {"T2", kSurface},
    {"Q2", kSurface},
    {"U10", kSurface},
    {"V10", kSurface},
    {"HGT", kSurface},
    {"PSFC", kSurface},
    {"LU_INDEX", kSurface}};
const char* const kOptional = "LU_INDEX";

std::string index_text(const std::vector<std::size_t>& idx) {
  std::string s = "[";
  for (std::size_t d = 0; d < idx.size(); ++d) s += (d ? "," : "") + std::to_string(idx[d]);
  return s + "]";
}

/// Index (r, ...) of element `flat` of one record with dimension sizes `shape` (Time left out).
std::vector<std::size_t> unflatten(std::size_t r, std::size_t flat,
                                   const std::vector<std::size_t>& shape) {
  std::vector<std::size_t> idx(shape.size() + 1);
  idx[0] = r;
  for (std::size_t d = shape.size(); d > 0; --d) {
    idx[d] = flat % shape[d - 1];
    flat /= shape[d - 1];
  }
  return idx;
}

/// Variable `name` of kVariables, with its dimensions checked by name (so sizes follow).
NcVar checked_var(const NcFile& nc, const std::string& path, const std::string& name) {
  const NcVar v = nc.getVar(name);
  if (v.isNull()) throw Error(path, "no variable '" + name + "'", kNeeded);
  const std::string where = path + ":" + name;
  const Dims& want = std::find_if(kVariables.begin(), kVariables.end(), [&](const auto& e) {
                       return e.first == name;
                     })->second;
  if (v.getDimCount() != static_cast<int>(want.size())) {
    throw Error(where, "has " + std::to_string(v.getDimCount()) + " dimensions",
                "expected " + std::to_string(want.size()) + ", Time first");
  }
  for (std::size_t d = 0; d < want.size(); ++d) {
    const NcDim got = v.getDim(static_cast<int>(d));
    if (got.getName() != want[d]) {
      const NcDim expected = nc.getDim(want[d]);
      throw Error(where, "dimension " + std::to_string(d) + " is " + got.getName() + " (" +
                             std::to_string(got.getSize()) + "), expected " + want[d] + " (" +
                             std::to_string(expected.isNull() ? 0 : expected.getSize()) + ")");
    }
  }
  return v;
}

/// The variables of one record over a window (or whole, for the grid's coordinates), every value
/// checked to be finite.
class RecordReader {
 public:
  RecordReader(const NcFile& nc, const std::string& path, std::size_t r, const WrfWindow* window)
      : nc_(nc), path_(path), r_(r), window_(window) {}

  bool has(const std::string& name) const { return !nc_.getVar(name).isNull(); }

  std::vector<double> read(const std::string& name) const {
    const NcVar v = checked_var(nc_, path_, name);
    std::vector<std::size_t> start(v.getDimCount(), 0), count(v.getDimCount(), 1), shape;
    start[0] = r_;
    for (int d = 1; d < v.getDimCount(); ++d) {
      const std::string dim = v.getDim(d).getName();
      count[d] = v.getDim(d).getSize();
      if (window_ && (dim == "west_east" || dim == "west_east_stag")) {
        start[d] = window_->i0;
        count[d] = window_->nx + (dim == "west_east_stag");
      } else if (window_ && (dim == "south_north" || dim == "south_north_stag")) {
        start[d] = window_->j0;
        count[d] = window_->ny + (dim == "south_north_stag");
      }
      shape.push_back(count[d]);
    }
    std::size_t n = 1;
    for (std::size_t s : shape) n *= s;
    std::vector<double> data(n);
    v.getVar(start, count, data.data());
    for (std::size_t c = 0; c < n; ++c) {
      if (!std::isfinite(data[c])) {
        throw Error(path_ + ":" + name + index_of(c, shape),
                    std::isnan(data[c]) ? "is NaN" : "is infinite");
      }
    }
    return data;
  }

  /// "[r,...,j,i]": the file's index of value `flat` of a field read with dimension sizes `shape`
  /// (Time left out; the last two south_north and west_east, staggered or not).
  std::string index_of(std::size_t flat, const std::vector<std::size_t>& shape) const {
    std::vector<std::size_t> idx = unflatten(r_, flat, shape);
    if (window_) {
      idx[idx.size() - 1] += window_->i0;
      idx[idx.size() - 2] += window_->j0;
    }
    return index_text(idx);
  }

  /// Sum of two variables of the same shape (P + PB, PH + PHB, RAINC + RAINNC).
  std::vector<double> sum(const std::string& a, const std::string& b) const {
    std::vector<double> x = read(a);
    const std::vector<double> y = read(b);
    for (std::size_t c = 0; c < x.size(); ++c) x[c] += y[c];
    return x;
  }

  /// Throws unless every value is positive, naming `name` and the first bad index.
  void require_positive(const std::vector<double>& x, const std::string& name,
                        const std::string& what, const std::vector<std::size_t>& shape) const {
    for (std::size_t c = 0; c < x.size(); ++c) {
      if (!(x[c] > 0)) {
        throw Error(path_ + ":" + name + index_of(c, shape), what + " is " + std::to_string(x[c]),
                    "must be positive");
      }
    }
  }

 private:
  const NcFile& nc_;
  const std::string& path_;
  std::size_t r_;
  const WrfWindow* window_;
};

std::size_t dim_size(const NcFile& nc, const std::string& path, const std::string& name) {
  const NcDim d = nc.getDim(name);
  if (d.isNull()) throw Error(path, "no dimension '" + name + "'", "not a wrfout file?");
  return d.getSize();
}

template <class T>
T global_attribute(const NcFile& nc, const std::string& path, const std::string& name) {
  const NcGroupAtt a = nc.getAtt(name);
  if (a.isNull()) throw Error(path, "no global attribute '" + name + "'", "wrfout files have it");
  if (a.getAttLength() != 1) throw Error(path + ":" + name, "is not a single value");
  T value{};
  a.getValues(&value);
  if (!std::isfinite(static_cast<double>(value))) throw Error(path + ":" + name, "is not finite");
  return value;
}

/// "YYYY-MM-DD_HH:MM:SS" (WRF's Times, UTC) as Unix seconds.
bool parse_wrf_time(std::string text, UnixSeconds& t) {
  if (text.size() < 19 || text[10] != '_') return false;
  text = text.substr(0, 19);
  text[10] = 'T';
  return parse_iso8601(text + "Z", t);
}

}  // namespace

bool WrfGrid::operator==(const WrfGrid& o) const {
  return nx == o.nx && ny == o.ny && nz == o.nz && map_proj == o.map_proj &&
         truelat1_deg == o.truelat1_deg && truelat2_deg == o.truelat2_deg &&
         stand_lon_deg == o.stand_lon_deg && cen_lat_deg == o.cen_lat_deg &&
         cen_lon_deg == o.cen_lon_deg && moad_cen_lat_deg == o.moad_cen_lat_deg && dx_m == o.dx_m &&
         dy_m == o.dy_m;
}

WrfFile::WrfFile(std::string path) : path_(std::move(path)) {
  try {
    const NcFile nc(path_, NcFile::read);
    grid_.nx = static_cast<int>(dim_size(nc, path_, "west_east"));
    grid_.ny = static_cast<int>(dim_size(nc, path_, "south_north"));
    grid_.nz = static_cast<int>(dim_size(nc, path_, "bottom_top"));
    for (const auto& [stag, n] : {std::pair<const char*, int>{"west_east_stag", grid_.nx},
                                  {"south_north_stag", grid_.ny},
                                  {"bottom_top_stag", grid_.nz}}) {
      if (dim_size(nc, path_, stag) != static_cast<std::size_t>(n) + 1) {
        throw Error(path_ + ":" + stag, "has " + std::to_string(dim_size(nc, path_, stag)),
                    "one more than its unstaggered dimension, " + std::to_string(n));
      }
    }
    if (grid_.nx < 2 || grid_.ny < 2 || grid_.nz < 1) {
      throw Error(path_, "grid too small", "need at least 2 × 2 columns and one level");
    }
    grid_.map_proj = global_attribute<int>(nc, path_, "MAP_PROJ");
    if (grid_.map_proj != 1) {
      throw Error(path_ + ":MAP_PROJ", "is " + std::to_string(grid_.map_proj),
                  "only Lambert conformal grids (MAP_PROJ = 1) are read");
    }
    grid_.truelat1_deg = global_attribute<double>(nc, path_, "TRUELAT1");
    grid_.truelat2_deg = global_attribute<double>(nc, path_, "TRUELAT2");
    grid_.stand_lon_deg = global_attribute<double>(nc, path_, "STAND_LON");
    grid_.cen_lat_deg = global_attribute<double>(nc, path_, "CEN_LAT");
    grid_.cen_lon_deg = global_attribute<double>(nc, path_, "CEN_LON");
    grid_.moad_cen_lat_deg = global_attribute<double>(nc, path_, "MOAD_CEN_LAT");
    grid_.dx_m = global_attribute<double>(nc, path_, "DX");
    grid_.dy_m = global_attribute<double>(nc, path_, "DY");
    if (!(grid_.dx_m > 0) || !(grid_.dy_m > 0)) throw Error(path_ + ":DX", "DX and DY must be > 0");

    const std::size_t nt = dim_size(nc, path_, "Time"), len = dim_size(nc, path_, "DateStrLen");
    if (nt == 0) throw Error(path_ + ":Times", "no records");
    const NcVar times = nc.getVar("Times");
    if (times.isNull()) throw Error(path_, "no variable 'Times'", kNeeded);
    if (times.getDimCount() != 2 || times.getDim(0).getName() != "Time" ||
        times.getDim(1).getName() != "DateStrLen") {
      throw Error(path_ + ":Times", "wrong dimensions", "expected (Time, DateStrLen)");
    }
    std::vector<char> text(nt * len);
    times.getVar(text.data());
    for (std::size_t r = 0; r < nt; ++r) {
      const std::string s(text.data() + r * len, len);
      UnixSeconds t = 0;
      if (!parse_wrf_time(s, t)) {
        throw Error(path_ + ":Times[" + std::to_string(r) + "]", "'" + s + "' is not a WRF time",
                    "YYYY-MM-DD_HH:MM:SS");
      }
      times_.push_back(t);
    }
    for (const auto& var : kVariables) {  // all present, on the right dimensions
      if (var.first != kOptional || !nc.getVar(var.first).isNull()) {
        checked_var(nc, path_, var.first);
      }
    }
    const RecordReader first(nc, path_, 0, nullptr);
    xlat_deg_ = first.read("XLAT");
    xlong_deg_ = first.read("XLONG");
  } catch (const exceptions::NcException& e) {
    throw Error(path_, std::string("cannot read the WRF file: ") + e.what());
  }
}

WrfRecord WrfFile::read(std::size_t r, const WrfWindow& window) const {
  const std::size_t nx = window.nx, ny = window.ny, nz = grid_.nz;
  WrfRecord rec;
  try {
    const NcFile nc(path_, NcFile::read);
    const RecordReader in(nc, path_, r, &window);
    rec.u_m_s = in.read("U");
    rec.v_m_s = in.read("V");
    rec.theta_k = in.read("T");
    for (double& x : rec.theta_k) x += 300.0;  // WRF's T is θ − 300 K
    in.require_positive(rec.theta_k, "T", "T + 300", {nz, ny, nx});
    rec.p_pa = in.sum("P", "PB");
    in.require_positive(rec.p_pa, "P", "P + PB", {nz, ny, nx});
    rec.z_w_m = in.sum("PH", "PHB");
    // WRF's geopotential is defined with WRF's own g, so divide by that, not by g_n.
    for (double& x : rec.z_w_m) x /= constants::kWrfGravity;
    for (std::size_t c = nx * ny; c < rec.z_w_m.size(); ++c) {
      if (!(rec.z_w_m[c] > rec.z_w_m[c - nx * ny])) {
        throw Error(path_ + ":PH" + in.index_of(c, {nz + 1, ny, nx}),
                    "(PH + PHB) / g does not increase with height");
      }
    }
    rec.qv_kg_kg = in.read("QVAPOR");
    rec.qc_kg_kg = in.read("QCLOUD");
    rec.pblh_m = in.read("PBLH");
    rec.ustar_m_s = in.read("UST");
    rec.hfx_w_m2 = in.read("HFX");
    rec.rain_mm = in.sum("RAINC", "RAINNC");
    rec.swdown_w_m2 = in.read("SWDOWN");
    rec.t2_k = in.read("T2");
    rec.q2_kg_kg = in.read("Q2");
    rec.psfc_pa = in.read("PSFC");
    in.require_positive(rec.psfc_pa, "PSFC", "PSFC", {ny, nx});
    rec.u10_m_s = in.read("U10");
    rec.v10_m_s = in.read("V10");
    rec.hgt_m = in.read("HGT");
    rec.land_use.assign(nx * ny, kDefaultLandUse);
    if (in.has("LU_INDEX")) {
      const std::vector<double> lu = in.read("LU_INDEX");
      for (std::size_t c = 0; c < lu.size(); ++c) {
        if (lu[c] != std::round(lu[c]) || lu[c] < 1 || lu[c] > 24) {
          throw Error(path_ + ":LU_INDEX" + in.index_of(c, {ny, nx}), "is " + std::to_string(lu[c]),
                      "USGS categories 1 to 24");
        }
        rec.land_use[c] = static_cast<int>(lu[c]);
      }
    }
  } catch (const exceptions::NcException& e) {
    throw Error(path_, std::string("cannot read the WRF file: ") + e.what());
  }
  return rec;
}

}  // namespace kctm
