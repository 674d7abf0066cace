#include "model/field_registry.hpp"

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

int FieldRegistry::add_source(const std::string& source) {
  if (std::find(sources_.begin(), sources_.end(), source) != sources_.end()) {
    throw Error("source " + source, "defined twice");
  }
  sources_.push_back(source);
  return n_sources() - 1;
}

void FieldRegistry::tag_species(const std::string& name) {
  const int s = species(name);
  if (std::find(tagged_.begin(), tagged_.end(), s) == tagged_.end()) tagged_.push_back(s);
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

int FieldRegistry::tagged(const std::string& name, const std::string& source) const {
  const int s = species(name);
  const auto t = std::find(tagged_.begin(), tagged_.end(), s);
  if (t == tagged_.end()) throw Error("species " + name, "is not tagged");
  const auto src = std::find(sources_.begin(), sources_.end(), source);
  if (src == sources_.end()) {
    throw Error("source " + source, "unknown source", did_you_mean(source, sources_));
  }
  return n_species() + static_cast<int>(t - tagged_.begin()) * n_sources() +
         static_cast<int>(src - sources_.begin());
}

std::string FieldRegistry::field_name(int field) const {
  if (field < n_species()) return species_.at(field).name;
  const int t = (field - n_species()) / n_sources(), src = (field - n_species()) % n_sources();
  return species_.at(tagged_.at(t)).name + "@" + sources_.at(src);
}

}  // namespace kctm
