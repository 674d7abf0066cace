#pragma once
// Names of the state's fields: bulk species first, then each tag kind once per source that can
// carry it (every source, unless keep_tags says otherwise).
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
  /// Marks a species as tagged under tag kind `kind` (default: the species' name), one field per
  /// source. A species may carry several kinds (O3 as O3B, brought in, and O3N and O3V, formed
  /// under NOx- and VOC-limited conditions), and a kind may tag the sum of several species
  /// (PRIMARY: PEC + POA + POTH), which must then be removed alike; over the sources a species'
  /// kinds sum to its bulk.
  void tag_species(const std::string& species, const std::string& kind = "");

  int n_species() const { return static_cast<int>(species_.size()); }
  int n_sources() const { return static_cast<int>(sources_.size()); }
  /// Total fields: bulk species plus the tags kept.
  int n_fields() const { return n_species() + static_cast<int>(field_tag_.size()); }

  /// Keeps only the tags with present[kind][source] (a source that can never hold a kind needs
  /// no field for it: a sector without SO2 never holds sulfate). Fixes the layout: no source or
  /// tag kind may be added afterwards.
  void keep_tags(const std::vector<std::vector<bool>>& present);

  /// Field index of a bulk species, or −1.
  int find_species(const std::string& name) const;
  /// Field index of a bulk species; throws kctm::Error with a "did you mean" hint.
  int species(const std::string& name) const;
  /// Field index of tag kind `kind` (a tagged species' name, or the kind given to tag_species)
  /// carried by `source`; throws kctm::Error if there is none.
  int tagged(const std::string& kind, const std::string& source) const;
  /// Field of tag kind number `t` (in tagging order) for source number `source`; −1 if that
  /// source does not carry the kind.
  int tag_field(int t, int source) const { return tag_field_.at(t * n_sources() + source); }
  int n_tag_kinds() const { return static_cast<int>(tagged_.size()); }
  /// Name of tag kind `t`, the bulk species it tags (their sum), and the first of them.
  const std::string& tag_kind(int t) const { return tagged_.at(t).kind; }
  const std::vector<int>& tag_parents(int t) const { return tagged_.at(t).species; }
  int tag_parent(int t) const { return tagged_.at(t).species.front(); }
  /// Whether tag kind `t` tags (part of) bulk species `species`.
  bool tags(int t, int species) const;
  /// Field of the first tag kind of bulk field `species` (O3B for O3) for `source`; −1 if the
  /// species is not tagged or the source does not carry it.
  int first_tag_field(int species, int source) const;
  /// The bulk field a field carries a share of: itself for bulk fields.
  int bulk_field(int field) const {
    return field < n_species() ? field : tag_parent(field_tag_.at(field - n_species()).first);
  }
  const std::vector<std::string>& sources() const { return sources_; }
  /// "SPECIES" for bulk fields, "KIND@source" for tagged ones.
  std::string field_name(int field) const;

 private:
  std::vector<SpeciesInfo> species_;
  std::vector<std::string> sources_;
  struct TagKind {
    std::vector<int> species;  // the bulk species' fields
    std::string kind;          // the kind's name
  };
  std::vector<TagKind> tagged_;                 // in tagging order
  std::vector<int> tag_field_;                  // (kind, source) → field, −1 where not kept
  std::vector<std::pair<int, int>> field_tag_;  // tag field − n_species → (kind, source)
  bool fixed_ = false;
  /// Lays the tag fields out kind by kind, source by source, those with present[t][s] only.
  void lay_out(const std::vector<std::vector<bool>>& present);
  void lay_out_all();
};

}  // namespace kctm
