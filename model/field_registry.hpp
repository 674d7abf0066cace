#pragma once
// Names of the state's fields: bulk species first, then each tagged species once per source.
// Kernels receive indices from here; no field index is ever written as a bare number.
#include <string>
#include <vector>

namespace kctm {

enum class Phase { Gas, Aerosol, Tracer };

struct SpeciesInfo {
  std::string name;       ///< short name used in config and output, e.g. "O3", "TRACER"
  std::string long_name;  ///< CF long_name
  Phase phase;
  double molar_mass_g_mol;  ///< [g mol-1]; 0 for a passive tracer carried as mass
};

class FieldRegistry {
 public:
  /// Adds a bulk species; returns its field index. Throws kctm::Error on a duplicate name.
  int add_species(const SpeciesInfo& info);
  /// Adds a source (a tag); every species tagged before or after gets one field for it.
  int add_source(const std::string& source);
  /// Marks a species as tagged: it gets one field per source.
  void tag_species(const std::string& species);

  int n_species() const { return static_cast<int>(species_.size()); }
  int n_sources() const { return static_cast<int>(sources_.size()); }
  /// Total fields: bulk species plus (tagged species × sources).
  int n_fields() const { return n_species() + static_cast<int>(tagged_.size()) * n_sources(); }

  /// Field index of a bulk species, or −1.
  int find_species(const std::string& name) const;
  /// Field index of a bulk species; throws kctm::Error with a "did you mean" hint.
  int species(const std::string& name) const;
  /// Field index of `species` tagged by `source`.
  int tagged(const std::string& species, const std::string& source) const;
  const std::vector<std::string>& sources() const { return sources_; }
  /// "SPECIES" for bulk fields, "SPECIES@source" for tagged ones.
  std::string field_name(int field) const;

 private:
  std::vector<SpeciesInfo> species_;
  std::vector<std::string> sources_;
  std::vector<int> tagged_;  // species indices, in tagging order
};

}  // namespace kctm
