#include "state/field_registry.hpp"

#include <algorithm>

#include "base/error.hpp"
#include "base/spelling.hpp"

namespace kctm {

namespace {
template <class T, class Name>
std::vector<std::string> names_of(const std::vector<T>& items, Name name) {
  std::vector<std::string> out;
  for (const T& item : items) out.push_back(name(item));
  return out;
}
}  // namespace

int FieldRegistry::add_species(const SpeciesInfo& info) {
  if (!tagged_.empty()) {
    throw Error("species " + info.name, "species must be added before any is tagged");
  }
  for (const SpeciesInfo& s : species_) {
    if (s.name == info.name) throw Error("species " + info.name, "defined twice");
  }
  species_.push_back(info);
  return n_species() - 1;
}

void FieldRegistry::lay_out(const std::vector<std::vector<bool>>& present) {
  tag_field_.assign(tagged_.size() * sources_.size(), -1);
  field_tag_.clear();
  for (std::size_t t = 0; t < tagged_.size(); ++t) {
    for (std::size_t s = 0; s < sources_.size(); ++s) {
      if (!present.at(t).at(s)) continue;
      tag_field_[t * sources_.size() + s] = n_fields();
      field_tag_.push_back({static_cast<int>(t), static_cast<int>(s)});
    }
  }
}

void FieldRegistry::lay_out_all() {
  lay_out(std::vector<std::vector<bool>>(tagged_.size(), std::vector<bool>(sources_.size(), true)));
}

void FieldRegistry::keep_tags(const std::vector<std::vector<bool>>& present) {
  if (present.size() != tagged_.size()) throw Error("tags", "one row per tag kind is needed");
  lay_out(present);
  fixed_ = true;
}

int FieldRegistry::add_source(const std::string& source) {
  if (fixed_) throw Error("source " + source, "added after the tags were laid out");
  if (std::find(sources_.begin(), sources_.end(), source) != sources_.end()) {
    throw Error("source " + source, "defined twice");
  }
  sources_.push_back(source);
  lay_out_all();
  return n_sources() - 1;
}

void FieldRegistry::tag_species(const std::string& name, const std::string& kind) {
  if (fixed_) throw Error("tag " + name, "added after the tags were laid out");
  const int s = species(name);
  const std::string label = kind.empty() ? name : kind;
  if (label != name && find_species(label) >= 0) {
    throw Error("tag " + label, "is the name of a species", "name the tag kind differently");
  }
  for (TagKind& t : tagged_) {
    if (t.kind != label) continue;
    if (std::find(t.species.begin(), t.species.end(), s) == t.species.end()) {
      t.species.push_back(s);
    }
    return;
  }
  tagged_.push_back({{s}, label});
  lay_out_all();
}

int FieldRegistry::find_species(const std::string& name) const {
  for (int s = 0; s < n_species(); ++s) {
    if (species_[s].name == name) return s;
  }
  return -1;
}

int FieldRegistry::species(const std::string& name) const {
  const int s = find_species(name);
  if (s >= 0) return s;
  throw Error("species " + name, "unknown species",
              did_you_mean(name, names_of(species_, [](const SpeciesInfo& s) { return s.name; })));
}

int FieldRegistry::tagged(const std::string& kind, const std::string& source) const {
  const auto t = std::find_if(tagged_.begin(), tagged_.end(),
                              [&](const TagKind& k) { return k.kind == kind; });
  if (t == tagged_.end()) {
    species(kind);  // an unknown name gets its hint
    throw Error("species " + kind, "is not tagged");
  }
  const auto src = std::find(sources_.begin(), sources_.end(), source);
  if (src == sources_.end()) {
    throw Error("source " + source, "unknown source", did_you_mean(source, sources_));
  }
  const int field =
      tag_field(static_cast<int>(t - tagged_.begin()), static_cast<int>(src - sources_.begin()));
  if (field < 0) {
    throw Error("tag " + kind + "@" + source, "is not carried",
                "no origin of the source brings that species");
  }
  return field;
}

bool FieldRegistry::tags(int t, int species) const {
  const std::vector<int>& parents = tagged_.at(t).species;
  return std::find(parents.begin(), parents.end(), species) != parents.end();
}

int FieldRegistry::first_tag_field(int species, int source) const {
  for (int t = 0; t < n_tag_kinds(); ++t) {
    if (tags(t, species)) return tag_field(t, source);
  }
  return -1;
}

std::string FieldRegistry::field_name(int field) const {
  if (field < n_species()) return species_.at(field).name;
  const auto [t, src] = field_tag_.at(field - n_species());
  return tagged_.at(t).kind + "@" + sources_.at(src);
}

}  // namespace kctm
