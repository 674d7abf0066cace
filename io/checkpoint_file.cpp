#include "io/checkpoint_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <hdf5.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "base/error.hpp"
#include "base/input_file.hpp"
#include "base/text_file.hpp"

namespace kctm {

namespace fs = std::filesystem;

namespace {

constexpr int kFormatVersion = 3;  // 2: the grid's definition; 3: the run's id
constexpr const char* kKind = "kctm checkpoint";
// Arrays are stored in chunks of at most this many values, each with its own checksum.
constexpr hsize_t kChunkValues = 1 << 20;

/// An HDF5 identifier closed when it goes out of scope.
class Handle {
 public:
  Handle(hid_t id, herr_t (*close)(hid_t)) : id_(id), close_(close) {}
  ~Handle() {
    if (id_ >= 0) close_(id_);
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  hid_t get() const { return id_; }
  bool ok() const { return id_ >= 0; }

 private:
  hid_t id_;
  herr_t (*close_)(hid_t);
};

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += n + "\n";
  return out;
}

/// "name value" lines, each value in the shortest form that reads back as the same double.
std::string join(const std::vector<std::pair<std::string, double>>& items) {
  std::string out;
  for (const auto& [name, value] : items) out += fmt::format("{} {}\n", name, value);
  return out;
}

std::vector<std::pair<std::string, double>> split_items(const std::string& path,
                                                        const std::string& text) {
  std::vector<std::pair<std::string, double>> out;
  std::istringstream in(text);
  std::string name;
  for (double value = 0; in >> name >> value;) out.emplace_back(name, value);
  if (!in.eof()) throw Error(path, "corrupt checkpoint: its grid cannot be read");
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

class Writer {
 public:
  Writer(const std::string& path, hid_t file) : path_(path), file_(file) {}

  void text(const std::string& name, const std::string& value) const {
    const Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
    check(type.ok() && H5Tset_size(type.get(), std::max<std::size_t>(1, value.size())) >= 0, name);
    const Handle space(H5Screate(H5S_SCALAR), H5Sclose);
    const Handle attr(
        H5Acreate2(file_, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
        H5Aclose);
    check(attr.ok() && H5Awrite(attr.get(), type.get(), value.empty() ? "" : value.data()) >= 0,
          name);
  }

  void number(const std::string& name, double value) const {
    const Handle space(H5Screate(H5S_SCALAR), H5Sclose);
    const Handle attr(
        H5Acreate2(file_, name.c_str(), H5T_IEEE_F64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT),
        H5Aclose);
    check(attr.ok() && H5Awrite(attr.get(), H5T_NATIVE_DOUBLE, &value) >= 0, name);
  }

  void array(const std::string& name, const std::vector<double>& values) const {
    const hsize_t n = values.size(), unlimited = H5S_UNLIMITED;
    const hsize_t chunk = std::clamp<hsize_t>(n, 1, kChunkValues);
    const Handle space(H5Screate_simple(1, &n, &unlimited), H5Sclose);
    const Handle dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
    check(space.ok() && dcpl.ok() && H5Pset_chunk(dcpl.get(), 1, &chunk) >= 0 &&
              H5Pset_fletcher32(dcpl.get()) >= 0,
          name);
    const Handle set(H5Dcreate2(file_, name.c_str(), H5T_IEEE_F64LE, space.get(), H5P_DEFAULT,
                                dcpl.get(), H5P_DEFAULT),
                     H5Dclose);
    check(set.ok(), name);
    if (n > 0) {
      check(
          H5Dwrite(set.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) >= 0,
          name);
    }
  }

 private:
  void check(bool ok, const std::string& name) const {
    if (!ok) {
      throw Error(path_, "cannot write the checkpoint's '" + name + "'", full_disk_hint(path_));
    }
  }
  std::string path_;
  hid_t file_;
};

herr_t collect_attribute(hid_t, const char* name, const H5A_info_t*, void* names) {
  static_cast<std::vector<std::string>*>(names)->push_back(name);
  return 0;
}

class Reader {
 public:
  Reader(const std::string& path, hid_t file) : path_(path), file_(file) {}

  bool has_attribute(const std::string& name) const { return H5Aexists(file_, name.c_str()) > 0; }

  std::string text(const std::string& name) const {
    const Handle attr(H5Aopen(file_, name.c_str(), H5P_DEFAULT), H5Aclose);
    check(attr.ok(), name);
    const Handle type(H5Aget_type(attr.get()), H5Tclose);
    check(type.ok() && H5Tget_class(type.get()) == H5T_STRING && !H5Tis_variable_str(type.get()),
          name);
    std::string value(H5Tget_size(type.get()), '\0');
    check(H5Aread(attr.get(), type.get(), value.data()) >= 0, name);
    return value.substr(0, value.find('\0'));
  }

  double number(const std::string& name) const {
    const Handle attr(H5Aopen(file_, name.c_str(), H5P_DEFAULT), H5Aclose);
    double value = 0;
    check(attr.ok() && H5Aread(attr.get(), H5T_NATIVE_DOUBLE, &value) >= 0, name);
    return value;
  }

  std::vector<double> array(const std::string& name) const {
    const Handle set(H5Dopen2(file_, name.c_str(), H5P_DEFAULT), H5Dclose);
    check(set.ok(), name);
    const Handle space(H5Dget_space(set.get()), H5Sclose);
    hsize_t n = 0;
    check(space.ok() && H5Sget_simple_extent_ndims(space.get()) == 1 &&
              H5Sget_simple_extent_dims(space.get(), &n, nullptr) == 1,
          name);
    std::vector<double> values(n);
    // The Fletcher-32 filter fails the read of a chunk whose bytes changed.
    if (n > 0) {
      check(
          H5Dread(set.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) >= 0,
          name);
    }
    return values;
  }

  /// Names of the file's datasets.
  std::vector<std::string> datasets() const {
    H5G_info_t info;
    check(H5Gget_info(file_, &info) >= 0, "/");
    std::vector<std::string> names;
    for (hsize_t i = 0; i < info.nlinks; ++i) {
      const ssize_t len =
          H5Lget_name_by_idx(file_, ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
      check(len >= 0, "/");
      std::string name(static_cast<std::size_t>(len) + 1, '\0');
      H5Lget_name_by_idx(file_, ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size(),
                         H5P_DEFAULT);
      name.resize(static_cast<std::size_t>(len));
      names.push_back(name);
    }
    return names;
  }

  /// Names of the file's attributes.
  std::vector<std::string> attributes() const {
    std::vector<std::string> names;
    check(H5Aiterate2(file_, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_attribute, &names) >= 0,
          "/");
    return names;
  }

 private:
  void check(bool ok, const std::string& name) const {
    if (!ok) {
      throw Error(path_, "corrupt checkpoint: cannot read '" + name + "'",
                  "the file is damaged or truncated; restart from an earlier checkpoint");
    }
  }
  std::string path_;
  hid_t file_;
};

// Attribute names of the texts stored beside the identity.
constexpr const char* kTextPrefix = "text:";

void refuse(const std::string& path, const std::string& what, const std::string& hint) {
  throw Error(path, "checkpoint made by a different run: " + what, hint);
}

bool is_hdf5(const std::string& path) {
#if H5_VERSION_GE(1, 12, 0)
  return H5Fis_accessible(path.c_str(), H5P_DEFAULT) > 0;
#else
  return H5Fis_hdf5(path.c_str()) > 0;
#endif
}

void sync_to_disk(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  const bool ok = fd >= 0 && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  if (!ok) throw Error(path, "cannot flush the checkpoint to disk");
}

/// The checkpoint at `path` opened for reading (a valid identifier); throws kctm::Error when it is
/// missing, not HDF5 or cannot be opened.
hid_t open_checkpoint(const std::string& path) {
  require_input_file(path, "checkpoint file");
  if (!is_hdf5(path)) {
    throw Error(path, "not an HDF5 file: not a kctm checkpoint, or truncated");
  }
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file < 0) throw Error(path, "cannot open the checkpoint (damaged?)");
  return file;
}

/// A reader of the open checkpoint `file`, once its kind and format are this kctm's.
Reader checked_reader(const std::string& path, hid_t file) {
  Reader r(path, file);
  if (!r.has_attribute("kind") || r.text("kind") != kKind) {
    throw Error(path, "not a kctm checkpoint (no kind = '" + std::string(kKind) + "')");
  }
  if (r.number("format_version") != kFormatVersion) {
    throw Error(path, "checkpoint format " + std::to_string(r.number("format_version")) +
                          " is not this kctm's (" + std::to_string(kFormatVersion) + ")");
  }
  return r;
}

}  // namespace

const std::vector<double>& Checkpoint::array(const std::string& path, const std::string& name,
                                             std::size_t size) const {
  const auto it = arrays.find(name);
  if (it == arrays.end()) throw Error(path, "checkpoint lacks '" + name + "'");
  if (it->second.size() != size) {
    throw Error(path, "checkpoint's '" + name + "' holds " + std::to_string(it->second.size()) +
                          " values, expected " + std::to_string(size));
  }
  return it->second;
}

std::string Checkpoint::text(const std::string& name) const {
  const auto it = texts.find(name);
  return it == texts.end() ? std::string() : it->second;
}

void keep_hdf5_files_at_exit() { H5dont_atexit(); }

void write_checkpoint(const std::string& path, const Checkpoint& c) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const std::string temp = path + ".partial";
  try {
    const Handle file(H5Fcreate(temp.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
    if (!file.ok()) throw Error(temp, "cannot create the checkpoint", "check the folder");
    const Writer w(temp, file.get());
    const CheckpointIdentity& id = c.identity;
    w.text("kind", kKind);
    w.number("format_version", kFormatVersion);
    w.number("nx", id.nx);
    w.number("ny", id.ny);
    w.number("nz", id.nz);
    w.number("halo", id.halo);
    w.text("fields", join(id.fields));
    w.text("grid", join(id.grid));
    w.number("start_unix_s", static_cast<double>(id.start));
    w.number("step_s", id.step_s);
    w.number("time_unix_s", static_cast<double>(c.time));
    w.text("time", format_iso8601(c.time, 0));
    w.number("step", static_cast<double>(c.step));
    for (const auto& [name, value] : c.texts) w.text(kTextPrefix + name, value);
    for (const auto& [name, values] : c.arrays) w.array(name, values);
    w.text("run_id", c.run_id);
    if (H5Fflush(file.get(), H5F_SCOPE_GLOBAL) < 0) {
      throw Error(temp, "cannot flush the checkpoint", full_disk_hint(temp));
    }
  } catch (...) {
    std::error_code ec;
    fs::remove(temp, ec);
    throw;
  }
  sync_to_disk(temp);
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) {
    fs::remove(temp, ec);
    throw Error(path, "cannot rename the checkpoint into place: " + ec.message());
  }
}

std::string checkpoint_run_id(const std::string& path) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const Handle file(open_checkpoint(path), H5Fclose);
  return checked_reader(path, file.get()).text("run_id");
}

Checkpoint read_checkpoint(const std::string& path, const CheckpointIdentity& expected,
                           CheckpointUse use) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const Handle file(open_checkpoint(path), H5Fclose);
  const Reader r = checked_reader(path, file.get());
  Checkpoint c;
  c.run_id = r.text("run_id");
  CheckpointIdentity& id = c.identity;
  id.nx = static_cast<int>(r.number("nx"));
  id.ny = static_cast<int>(r.number("ny"));
  id.nz = static_cast<int>(r.number("nz"));
  id.halo = static_cast<int>(r.number("halo"));
  id.fields = split_lines(r.text("fields"));
  id.grid = split_items(path, r.text("grid"));
  id.start = static_cast<UnixSeconds>(r.number("start_unix_s"));
  id.step_s = r.number("step_s");
  c.time = static_cast<UnixSeconds>(r.number("time_unix_s"));
  c.step = static_cast<long>(r.number("step"));

  auto dims = [](const CheckpointIdentity& i) {
    return std::to_string(i.nx) + " x " + std::to_string(i.ny) + " x " + std::to_string(i.nz) +
           " cells, halo " + std::to_string(i.halo);
  };
  if (id.nx != expected.nx || id.ny != expected.ny || id.nz != expected.nz ||
      id.halo != expected.halo) {
    refuse(path, "grid " + dims(id) + ", this run's " + dims(expected),
           "run with the checkpoint's domain");
  }
  for (const auto& entry : expected.grid) {
    const std::string& name = entry.first;
    const double value = entry.second;
    const auto it = std::find_if(id.grid.begin(), id.grid.end(),
                                 [&](const auto& item) { return item.first == name; });
    if (it == id.grid.end() || it->second != value) {
      refuse(path,
             "grid's " + name + " " +
                 (it == id.grid.end() ? "absent" : fmt::format("{}", it->second)) +
                 ", this run's " + fmt::format("{}", value),
             "run with the checkpoint's grid.* settings");
    }
  }
  if (id.fields != expected.fields) {
    refuse(path,
           std::to_string(id.fields.size()) + " fields, this run's " +
               std::to_string(expected.fields.size()) + " (or other names)",
           "run with the checkpoint's chemistry, emissions and source apportionment settings");
  }
  if (use == CheckpointUse::kContinue &&
      (id.start != expected.start || id.step_s != expected.step_s)) {
    refuse(path,
           "start " + format_iso8601(id.start, 0) + " step " + std::to_string(id.step_s) +
               " s, this run's " + format_iso8601(expected.start, 0) + " step " +
               std::to_string(expected.step_s) + " s",
           "time.start and time.step_s must match");
  }
  if (c.step < 0 || c.time != id.start + static_cast<UnixSeconds>(std::llround(
                                             static_cast<double>(c.step) * id.step_s))) {
    throw Error(path, "corrupt checkpoint: time and step disagree");
  }
  for (const std::string& name : r.datasets()) c.arrays[name] = r.array(name);
  for (const std::string& n : r.attributes()) {
    if (n.rfind(kTextPrefix, 0) == 0)
      c.texts[n.substr(std::string(kTextPrefix).size())] = r.text(n);
  }
  return c;
}

}  // namespace kctm
