#include "chemistry/tag_families.hpp"

#include <algorithm>

#include "chemistry/mechanism.hpp"
#include "chemistry/species.hpp"

namespace kctm::chem {

namespace {

double molar_mass(std::string_view species) {
  return kSpecies[species_index(species)].molar_mass_g_mol;
}

/// Moles of N or S per kg of each species: the inorganic families share element mass.
std::vector<TagMember> per_mole(std::initializer_list<std::string_view> species) {
  std::vector<TagMember> members;
  for (std::string_view s : species) members.push_back({s, {s}, 1.0 / molar_mass(s)});
  return members;
}

/// KCTM-C1's reaction of `a` with `b`, or nullptr.
const Reaction* find_reaction(const std::vector<Reaction>& reactions, std::string_view a,
                              std::string_view b) {
  const auto r = std::find_if(reactions.begin(), reactions.end(), [&](const Reaction& x) {
    return x.reactants.size() == 2 && ((x.reactants[0] == a && x.reactants[1] == b) ||
                                       (x.reactants[0] == b && x.reactants[1] == a));
  });
  return r == reactions.end() ? nullptr : &*r;
}

/// kOH of `voc` at 298 K and 1 atm [cm3 molecule-1 s-1].
double k_oh_298(const std::vector<Reaction>& reactions, std::string_view voc) {
  CellEnvironment env{};
  env.t_k = 298.0;
  env.m = 2.46e19;
  return rate_coefficient(find_reaction(reactions, "OH", voc)->law, env);
}

bool forms_soa(std::string_view species) {
  return species == "CG1" || species == "CG2" || species == "CG3" || species == "CG4" ||
         species == "SOANV";
}

/// SOA mass per mole of `voc` oxidised by OH [g mol-1]: its products' SOA yields, following a
/// peroxy radical product through its reaction with NO (the high-NOx branch, Hengyang's usual).
double soa_g_per_mol(const std::vector<Reaction>& reactions, std::string_view voc) {
  double g = 0;
  for (const auto& [yield, product] : find_reaction(reactions, "OH", voc)->products) {
    if (forms_soa(product)) g += yield * molar_mass(product);
    if (const Reaction* next = find_reaction(reactions, product, "NO")) {
      for (const auto& [y2, p2] : next->products) {
        if (forms_soa(p2)) g += yield * y2 * molar_mass(p2);
      }
    }
  }
  return g;
}

}  // namespace

std::vector<TagFamily> tag_families() {
  const std::vector<Reaction> reactions = kctm_c1_reactions();
  // SOA precursors share a product's sources by the rate they form SOA mass: kOH × SOA per mole
  // oxidised (PSAT splits SOA by yield-weighted precursor tags).
  std::vector<std::vector<TagMember>> soa_precursors;
  for (std::string_view voc : {"ARO", "ISOP", "TERP", "IVOC"}) {
    soa_precursors.push_back(
        {{voc, {voc}, k_oh_298(reactions, voc) * soa_g_per_mol(reactions, voc) / molar_mass(voc)}});
  }
  const std::vector<TagMember> soa = {{"SOA", {"SOA1", "SOA2", "SOA3", "SOA4", "SOANV"}, 1.0}};
  return {
      {"sulfate", {per_mole({"SO2"})}, per_mole({"SULF"})},
      // NO3, N2O5, PAN and organic nitrates are not tagged: their nitrogen is shared by the
      // NOx tags when it comes back (PSAT's RGN/TPN/NTR families, collapsed to save fields).
      {"nitrate", {per_mole({"NO", "NO2"})}, per_mole({"HNO3", "NIT"}), true},
      {"ammonium", {per_mole({"NH3"})}, per_mole({"NH4"}), true},
      // The semi-volatile gases CG1–4 are not tagged: SOA that condenses is attributed to the
      // precursors' sources, SOA that evaporates leaves every source alike.
      {"soa", soa_precursors, soa},
      {"alkanes", {{{"ALK", {"ALK"}, 1.0}}}, {}},
      {"alkenes", {{{"OLE", {"OLE"}, 1.0}}}, {}},
  };
}

std::vector<TagMember> ozone_voc_reactivity() {
  const std::vector<Reaction> reactions = kctm_c1_reactions();
  std::vector<TagMember> vocs;
  for (std::string_view voc : {"ALK", "OLE", "ARO", "ISOP", "TERP", "IVOC"}) {
    vocs.push_back({voc, {voc}, k_oh_298(reactions, voc) / molar_mass(voc)});
  }
  return vocs;
}

std::vector<TagMember> inert_tags() {
  return {{"PRIMARY", {"PEC", "POA", "POTH"}, 1.0}, {"PMC", {"PMC"}, 1.0}};
}

std::vector<TagKind> tag_kinds() {
  std::vector<TagKind> kinds;
  auto add = [&](const TagMember& m) {
    for (std::string_view s : m.species) kinds.push_back({s, m.kind});
  };
  for (const TagMember& m : inert_tags()) add(m);
  for (const TagFamily& f : tag_families()) {
    for (const std::vector<TagMember>& g : f.precursors) {
      for (const TagMember& m : g) add(m);
    }
    for (const TagMember& m : f.products) add(m);
  }
  kinds.push_back({"O3", kO3Brought});  // first: the kind that the inflow and initial air fill
  kinds.push_back({"O3", kO3NoxLimited});
  kinds.push_back({"O3", kO3VocLimited});
  return kinds;
}

}  // namespace kctm::chem
