#include "chemistry/tag_attribution.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <set>

#include "base/error.hpp"
#include "chemistry/mechanism.hpp"
#include "chemistry/species.hpp"
#include "chemistry/tag_families.hpp"
#include "kernels/host_copy.hpp"
#include "kernels/team_simd.hpp"

namespace kctm::chem {

/// The families on the device: groups of members (bulk field, tag kind, share weight).
struct TagAttribution::Tables {
  int n_sources = 0, fallback = 0;
  View2D<int> fields;  ///< (kind, source) → field of the state, −1 if the source has none
  /// Member m's kind, and the bulk fields it tags the sum of: [member_bulk_begin(m), ...(m+1)).
  View1D<int> member_kind, member_bulk_begin, member_bulk;
  View1D<double> member_weight;
  View1D<int> group_begin;  ///< members of group g: [group_begin(g), group_begin(g+1))
  /// Family f's precursor groups are [precursor_begin(f), precursor_begin(f+1)) (groups are
  /// numbered precursors first), its product group products(f) (−1: none).
  View1D<int> precursor_begin, products;
  View1D<int> reversible;  ///< per family: 1 if its products turn back into its precursors
  int o3 = -1, o3b = -1, o3n = -1, o3v = -1;  ///< bulk O3, the O3B, O3N and O3V kinds
  int nox_group = -1;                         ///< the NOx group, whose shares O3N production takes
  View1D<int> voc_kind;                       ///< the tagged VOCs, for O3V shares
  View1D<double> voc_weight;                  ///< their OH reactivity per kg
  int oh = -1, ho2 = -1, no2 = -1;            ///< bulk fields of the indicator
  double g_oh = 0, g_ho2 = 0, g_no2 = 0;      ///< their molar masses [g mol-1]
  RateLaw h2o2_law, hno3_law;                 ///< HO2 + HO2 → H2O2, OH + NO2 → HNO3
  /// Closure sets: bulk fields whose sum its kinds' tags sum to, [closure_bulk_begin(c), ...)
  /// and [closure_begin(c), closure_begin(c + 1)).
  View1D<int> closure_bulk_begin, closure_bulk, closure_begin, closure_kind;
};

namespace {

int field_of(const TagFieldLayout& layout, std::string_view species) {
  const int s = species_index(species);
  const int f = s >= 0 ? layout.field_of_species.at(s) : -1;
  if (f < 0) {
    throw Error("source apportionment", "species " + std::string(species) + " has no field");
  }
  return f;
}

/// Index of a tag kind in the layout's (sorted) map, the row of Tables::fields.
int kind_of(const TagFieldLayout& layout, std::string_view kind) {
  const auto it = layout.tag_fields.find(std::string(kind));
  if (it == layout.tag_fields.end()) {
    throw Error("source apportionment", "tag kind " + std::string(kind) + " has no fields");
  }
  return static_cast<int>(std::distance(layout.tag_fields.begin(), it));
}

const RateLaw& law_of(const std::vector<Reaction>& reactions, std::string_view a,
                      std::string_view b, std::string_view product) {
  for (const Reaction& r : reactions) {
    const bool pair = r.reactants.size() == 2 && r.reactants[0] == a && r.reactants[1] == b;
    if (pair && !r.products.empty() && r.products[0].second == product) return r.law;
  }
  throw Error("source apportionment", "KCTM-C1 lacks " + std::string(a) + " + " + std::string(b) +
                                          " -> " + std::string(product));
}

using Tables = TagAttribution::Tables;

/// A source's value of a tag kind in cell (k, j, i): 0 where it has no field.
template <class StateView>
KOKKOS_INLINE_FUNCTION double tag_of(const Tables& t, const StateView& q, int kind, int s, int k,
                                     int j, int i) {
  const int f = t.fields(kind, s);
  return f >= 0 ? q(f, k, j, i) : 0.0;
}

/// Writes every source's value of a kind; what a source without a field would get goes to the
/// fallback source (false then).
KOKKOS_INLINE_FUNCTION bool set_tags(const Tables& t, const View4D<double>& q, int kind,
                                     const double* value, int k, int j, int i) {
  double spill = 0;
  for (int s = 0; s < t.n_sources; ++s) {
    const int f = t.fields(kind, s);
    if (f >= 0) {
      q(f, k, j, i) = value[s];
    } else {
      spill += value[s];
    }
  }
  if (spill != 0) q(t.fields(kind, t.fallback), k, j, i) += spill;
  return spill == 0;
}

/// Per-source totals of group g in cell (k, j, i) before the update, weighted [per kg air].
KOKKOS_INLINE_FUNCTION double group_shares(const Tables& t, const View4D<double>& q, int g, int k,
                                           int j, int i, double* by_source) {
  double total = 0;
  for (int s = 0; s < t.n_sources; ++s) by_source[s] = 0;
  for (int m = t.group_begin(g); m < t.group_begin(g + 1); ++m) {
    for (int s = 0; s < t.n_sources; ++s) {
      by_source[s] += t.member_weight(m) * tag_of(t, q, t.member_kind(m), s, k, j, i);
    }
  }
  for (int s = 0; s < t.n_sources; ++s) total += by_source[s];
  return total;
}

/// The bulk value of member m: the sum of the species it tags.
KOKKOS_INLINE_FUNCTION double member_value(const Tables& t, const View4D<double>& q, int m, int k,
                                           int j, int i) {
  double sum = 0;
  for (int b = t.member_bulk_begin(m); b < t.member_bulk_begin(m + 1); ++b) {
    sum += q(t.member_bulk(b), k, j, i);
  }
  return sum;
}

/// The sum of closure set c's bulk fields.
template <class StateView>
KOKKOS_INLINE_FUNCTION double closure_bulk(const Tables& t, const StateView& q, int c, int k, int j,
                                           int i) {
  double sum = 0;
  for (int b = t.closure_bulk_begin(c); b < t.closure_bulk_begin(c + 1); ++b) {
    sum += q(t.closure_bulk(b), k, j, i);
  }
  return sum;
}

/// The group's bulk total after the chemistry, weighted [per kg air].
KOKKOS_INLINE_FUNCTION double group_bulk(const Tables& t, const View4D<double>& q, int g, int k,
                                         int j, int i) {
  double total = 0;
  for (int m = t.group_begin(g); m < t.group_begin(g + 1); ++m) {
    total += t.member_weight(m) * member_value(t, q, m, k, j, i);
  }
  return total;
}

/// The interior's extent (layers, rows, columns) of a state view with `halo` cells.
template <class StateView>
std::array<int, 3> interior_of(const StateView& q, int halo) {
  return {static_cast<int>(q.extent(1)), static_cast<int>(q.extent(2)) - 2 * halo,
          static_cast<int>(q.extent(3)) - 2 * halo};
}

/// |sum − bulk| / |bulk|, with a floor of 1e-30 on the bulk.
KOKKOS_INLINE_FUNCTION double relative_gap(double sum, double bulk) {
  const double scale = bulk > 1e-30 ? bulk : (bulk < -1e-30 ? -bulk : 1e-30);
  return (sum > bulk ? sum - bulk : bulk - sum) / scale;
}

/// The sum over sources and kinds of closure set c's tags in cell (k, j, i).
template <class StateView>
KOKKOS_INLINE_FUNCTION double closure_tags(const Tables& t, const StateView& q, int c, int k, int j,
                                           int i) {
  double sum = 0;
  for (int kind = t.closure_begin(c); kind < t.closure_begin(c + 1); ++kind) {
    for (int s = 0; s < t.n_sources; ++s) sum += tag_of(t, q, t.closure_kind(kind), s, k, j, i);
  }
  return sum;
}

/// What renormalising one cell found: the largest gap, and whether it rescaled beyond round-off
/// or gave a bulk no tag held to the fallback source.
struct CellRenormalisation {
  double gap = 0;
  bool rescaled = false, fallback = false;
};

/// Rescales the tags of every closure set in cell (k, j, i) to sum to bulk(c), the set's bulk.
template <class Bulk>
KOKKOS_INLINE_FUNCTION CellRenormalisation renormalise_cell(const Tables& t,
                                                            const View4D<double>& q, int k, int j,
                                                            int i, Bulk bulk_of) {
  CellRenormalisation r;
  const int n_sets = static_cast<int>(t.closure_begin.extent(0)) - 1;
  for (int c = 0; c < n_sets; ++c) {
    const double sum = closure_tags(t, q, c, k, j, i), bulk = bulk_of(c);
    const double gap = relative_gap(sum, bulk);
    r.gap = gap > r.gap ? gap : r.gap;
    r.rescaled = r.rescaled || gap > 1e-12;
    if (sum * bulk > 0) {
      const double f = bulk / sum;
      for (int kind = t.closure_begin(c); kind < t.closure_begin(c + 1); ++kind) {
        for (int s = 0; s < t.n_sources; ++s) {
          const int field = t.fields(t.closure_kind(kind), s);
          if (field >= 0) q(field, k, j, i) *= f;
        }
      }
    } else if (bulk != sum) {
      q(t.fields(t.closure_kind(t.closure_begin(c)), t.fallback), k, j, i) += bulk - sum;
      r.fallback = true;
    }
  }
  return r;
}

/// Adds `gain` to `by_source` in the shares of `donor` (total `donor_total`); false if the donor
/// holds nothing.
KOKKOS_INLINE_FUNCTION bool add_in_shares(int n, double gain, const double* donor,
                                          double donor_total, double* by_source) {
  if (!(donor_total > 0)) return false;
  for (int s = 0; s < n; ++s) by_source[s] += gain * donor[s] / donor_total;
  return true;
}

/// Scales a group's shares from `before` to `after` (a loss).
KOKKOS_INLINE_FUNCTION void scale_shares(int n, double before, double after, double* by_source) {
  const double f = before > 0 ? after / before : 0.0;
  for (int s = 0; s < n; ++s) by_source[s] *= f;
}

/// Each member of group g takes the group's new shares of its bulk value; returns false where
/// the shares are empty but the bulk is not (the fallback source then takes it).
KOKKOS_INLINE_FUNCTION bool write_group(const Tables& t, const View4D<double>& q, int g,
                                        const double* by_source, int k, int j, int i) {
  double total = 0;
  for (int s = 0; s < t.n_sources; ++s) total += by_source[s];
  bool explained = true;
  double value[kMaxTagSources];
  for (int m = t.group_begin(g); m < t.group_begin(g + 1); ++m) {
    const double bulk = member_value(t, q, m, k, j, i);
    for (int s = 0; s < t.n_sources; ++s) {
      value[s] = total > 0 ? bulk * (by_source[s] / total) : 0.0;
    }
    if (!(total > 0)) {
      value[t.fallback] = bulk;
      explained = explained && bulk == 0;
    }
    explained = set_tags(t, q, t.member_kind(m), value, k, j, i) && explained;
  }
  return explained;
}

}  // namespace

TagAttribution::TagAttribution(const TagFieldLayout& layout) {
  if (layout.n_sources < 1 || layout.n_sources > kMaxTagSources) {
    throw Error("source_apportionment.sources", std::to_string(layout.n_sources) +
                                                    " sources; kctm tags 1 to " +
                                                    std::to_string(kMaxTagSources));
  }
  auto t = std::make_shared<Tables>();
  t->n_sources = layout.n_sources;
  t->fallback = layout.fallback_source;
  std::vector<int> fields;
  for (const auto& [kind, by_source] : layout.tag_fields) {
    if (by_source.size() != static_cast<std::size_t>(layout.n_sources) ||
        by_source.at(layout.fallback_source) < 0) {
      throw Error("source apportionment", "tag kind " + kind + " lacks the fallback source");
    }
    fields.insert(fields.end(), by_source.begin(), by_source.end());
  }
  t->fields = View2D<int>("tag_fields", layout.tag_fields.size(), layout.n_sources);
  auto fields_host = Kokkos::create_mirror_view(t->fields);
  for (std::size_t e = 0; e < fields.size(); ++e) fields_host.data()[e] = fields[e];
  Kokkos::deep_copy(t->fields, fields_host);
  std::vector<int> bulk, bulk_begin = {0}, member_kind, begin = {0}, precursor_begin = {0},
                         products, reversible;
  std::vector<double> weight;
  auto add_group = [&](const std::vector<TagMember>& members) {
    for (const TagMember& m : members) {
      for (std::string_view s : m.species) bulk.push_back(field_of(layout, s));
      bulk_begin.push_back(static_cast<int>(bulk.size()));
      member_kind.push_back(kind_of(layout, m.kind));
      weight.push_back(m.weight);
    }
    begin.push_back(static_cast<int>(member_kind.size()));
    return static_cast<int>(begin.size()) - 2;
  };
  const std::vector<TagFamily> families = tag_families();
  for (const TagFamily& f : families) {
    for (const std::vector<TagMember>& g : f.precursors) add_group(g);
    precursor_begin.push_back(static_cast<int>(begin.size()) - 1);
    if (f.name == "nitrate") t->nox_group = precursor_begin.back() - 1;
  }
  for (const TagFamily& f : families) {
    products.push_back(f.products.empty() ? -1 : add_group(f.products));
    reversible.push_back(f.reversible ? 1 : 0);
  }
  t->reversible = device_vector("tag_family_reversible", reversible);
  t->member_bulk_begin = device_vector("tag_member_bulk_begin", bulk_begin);
  t->member_bulk = device_vector("tag_member_bulk", bulk);
  t->member_kind = device_vector("tag_member_kind", member_kind);
  t->member_weight = device_vector("tag_member_weight", weight);
  t->group_begin = device_vector("tag_group_begin", begin);
  t->precursor_begin = device_vector("tag_family_precursor_begin", precursor_begin);
  t->products = device_vector("tag_family_products", products);

  t->o3 = field_of(layout, "O3");
  t->o3b = kind_of(layout, kO3Brought);
  t->o3n = kind_of(layout, kO3NoxLimited);
  t->o3v = kind_of(layout, kO3VocLimited);
  std::vector<int> voc_kind;
  std::vector<double> voc_weight;
  for (const TagMember& m : ozone_voc_reactivity()) {
    voc_kind.push_back(kind_of(layout, m.kind));
    voc_weight.push_back(m.weight);
  }
  t->voc_kind = device_vector("tag_voc_kind", voc_kind);
  t->voc_weight = device_vector("tag_voc_weight", voc_weight);
  t->oh = field_of(layout, "OH");
  t->ho2 = field_of(layout, "HO2");
  t->no2 = field_of(layout, "NO2");
  t->g_oh = kSpecies[species_index("OH")].molar_mass_g_mol;
  t->g_ho2 = kSpecies[species_index("HO2")].molar_mass_g_mol;
  t->g_no2 = kSpecies[species_index("NO2")].molar_mass_g_mol;
  const std::vector<Reaction> reactions = kctm_c1_reactions();
  t->h2o2_law = law_of(reactions, "HO2", "HO2", "H2O2");
  t->hno3_law = law_of(reactions, "OH", "NO2", "HNO3");

  // Closure sets: kinds that share a species (O3B, O3N and O3V) close on the sum of their species.
  std::vector<std::pair<std::set<int>, std::set<int>>> sets;  // (bulk fields, kinds)
  for (const TagKind& kind : tag_kinds()) {
    const int b = field_of(layout, kind.species), k = kind_of(layout, kind.kind);
    const auto set = std::find_if(sets.begin(), sets.end(), [&](const auto& s) {
      return s.first.count(b) > 0 || s.second.count(k) > 0;
    });
    if (set == sets.end()) {
      sets.push_back({{b}, {k}});
    } else {
      set->first.insert(b);
      set->second.insert(k);
    }
  }
  std::vector<int> closure_bulk, closure_bulk_begin = {0}, closure_begin = {0}, closure_kind;
  for (const auto& [fields_of_set, kinds] : sets) {
    closure_bulk.insert(closure_bulk.end(), fields_of_set.begin(), fields_of_set.end());
    closure_bulk_begin.push_back(static_cast<int>(closure_bulk.size()));
    closure_kind.insert(closure_kind.end(), kinds.begin(), kinds.end());
    closure_begin.push_back(static_cast<int>(closure_kind.size()));
  }
  t->closure_bulk_begin = device_vector("tag_closure_bulk_begin", closure_bulk_begin);
  t->closure_bulk = device_vector("tag_closure_bulk", closure_bulk);
  t->closure_begin = device_vector("tag_closure_begin", closure_begin);
  t->closure_kind = device_vector("tag_closure_kind", closure_kind);
  tables_ = std::move(t);
}

TagStats TagAttribution::attribute(const ChemistryMeteo& met, View4D<double> q, int halo) const {
  const Tables t = *tables_;
  const int nz = static_cast<int>(met.t_k.extent(0)), ny = static_cast<int>(met.t_k.extent(1)),
            nx = static_cast<int>(met.t_k.extent(2));
  const int n = t.n_sources, n_families = static_cast<int>(t.products.extent(0));
  const int nf = static_cast<int>(q.extent(0));
  const View4D<double> held = held_bulk_;
  if (held.extent(1) != static_cast<std::size_t>(nz)) {
    throw Error("source apportionment", "attribute() before hold_bulk()");
  }
  long fallback_cells = 0, rescaled_cells = 0;
  double drift = 0;
  Kokkos::parallel_reduce(
      "tag_attribution", Policy3D({0, 0, 0}, {nz, ny, nx}, {1, 1, nx}),
      KOKKOS_LAMBDA(int k, int j, int i, long& fallbacks, long& rescaled, double& worst) {
        const int jj = j + halo, ii = i + halo;
        // A cell's tags lie in as many fields as the run has, each its own stream in memory: more
        // than a core's prefetchers follow, so each field's cache line two ahead is asked for,
        // along the loop's order (a row of i, then the next row), so that a row starts in cache.
        if ((i & 7) == 0) {
          const int ahead = i + 16, wraps = ahead >= nx ? 1 : 0;
          const int pi = ahead - wraps * nx, pj = j + wraps < ny ? j + wraps : 0;
          const int pk = j + wraps < ny ? k : k + 1;
          if (pk < nz && pi < nx) {  // a row shorter than 16 cells: nothing ahead in the next
            for (int f = 0; f < nf; ++f) prefetch_line(&q(f, pk, pj + halo, pi + halo), 1, 1);
          }
        }
        // First the tags to the bulk transport left (as renormalise), while they are in cache.
        const CellRenormalisation r =
            renormalise_cell(t, q, k, jj, ii, [&](int c) { return held(c, k, j, i); });
        worst = r.gap > worst ? r.gap : worst;
        if (r.rescaled) ++rescaled;
        double a[kMaxTagSources], b[kMaxTagSources], c[kMaxTagSources], d[kMaxTagSources];
        bool explained = !r.fallback;

        // O3 first: its production takes the NOx and VOC shares before they change.
        CellEnvironment env{};
        env.t_k = met.t_k(k, j, i);
        env.m = met.air_molec_cm3(k, j, i);
        env.h2o = met.h2o_molec_cm3(k, j, i);
        const double ho2 = q(t.ho2, k, jj, ii) / t.g_ho2;
        const double p_h2o2 = rate_coefficient(t.h2o2_law, env) * ho2 * ho2;
        const double p_hno3 = rate_coefficient(t.hno3_law, env) * q(t.oh, k, jj, ii) / t.g_oh *
                              q(t.no2, k, jj, ii) / t.g_no2;
        const bool nox_limited = p_h2o2 > kNoxLimitedIndicator * p_hno3;
        double o3_before = 0;
        for (int s = 0; s < n; ++s) {
          a[s] = tag_of(t, q, t.o3n, s, k, jj, ii);
          b[s] = tag_of(t, q, t.o3v, s, k, jj, ii);
          d[s] = tag_of(t, q, t.o3b, s, k, jj, ii);
          o3_before += a[s] + b[s] + d[s];
        }
        const double o3_after = q(t.o3, k, jj, ii), gain = o3_after - o3_before;
        if (gain <= 0) {
          scale_shares(n, o3_before, o3_after, a);
          scale_shares(n, o3_before, o3_after, b);
          scale_shares(n, o3_before, o3_after, d);
        } else {
          const double nox = group_shares(t, q, t.nox_group, k, jj, ii, c);
          bool added = nox_limited && add_in_shares(n, gain, c, nox, a);
          if (!added) {
            double voc = 0;
            for (int s = 0; s < n; ++s) c[s] = 0;
            for (int v = 0; v < static_cast<int>(t.voc_kind.extent(0)); ++v) {
              for (int s = 0; s < n; ++s) {
                c[s] += t.voc_weight(v) * tag_of(t, q, t.voc_kind(v), s, k, jj, ii);
              }
            }
            for (int s = 0; s < n; ++s) voc += c[s];
            added = add_in_shares(n, gain, c, voc, b);
          }
          if (!added && o3_before > 0) {  // no precursor tags at all: the O3 already there
            scale_shares(n, o3_before, o3_after, a);
            scale_shares(n, o3_before, o3_after, b);
            scale_shares(n, o3_before, o3_after, d);
            added = true;
          }
          if (!added) {
            a[t.fallback] += gain;
            explained = false;
          }
        }
        explained = set_tags(t, q, t.o3n, a, k, jj, ii) && explained;
        explained = set_tags(t, q, t.o3v, b, k, jj, ii) && explained;
        explained = set_tags(t, q, t.o3b, d, k, jj, ii) && explained;

        for (int f = 0; f < n_families; ++f) {
          const int gr = t.products(f);
          const double r_before = gr >= 0 ? group_shares(t, q, gr, k, jj, ii, b) : 0.0;
          const double r_after = gr >= 0 ? group_bulk(t, q, gr, k, jj, ii) : 0.0;
          // c: the precursors' weighted shares before the step, which the product's gain takes.
          double c_total = 0;
          for (int s = 0; s < n; ++s) c[s] = 0;
          for (int gp = t.precursor_begin(f); gp < t.precursor_begin(f + 1); ++gp) {
            const double p_before = group_shares(t, q, gp, k, jj, ii, a);
            const double p_after = group_bulk(t, q, gp, k, jj, ii);
            for (int s = 0; s < n; ++s) c[s] += a[s];
            c_total += p_before;
            // A gain the products' loss explains comes in their shares; anything else
            // scales the group's own.
            if (!(t.reversible(f) && p_after > p_before && r_after < r_before &&
                  add_in_shares(n, p_after - p_before, b, r_before, a))) {
              scale_shares(n, p_before, p_after, a);
            }
            explained = write_group(t, q, gp, a, k, jj, ii) && explained;
          }
          if (gr < 0) continue;
          if (!(r_after > r_before && add_in_shares(n, r_after - r_before, c, c_total, b))) {
            scale_shares(n, r_before, r_after, b);
          }
          explained = write_group(t, q, gr, b, k, jj, ii) && explained;
        }
        if (!explained) ++fallbacks;
      },
      fallback_cells, rescaled_cells, Kokkos::Max<double>(drift));
  return {fallback_cells, rescaled_cells, drift};
}

void TagAttribution::hold_bulk(View4D<const double> q, int halo) const {
  const Tables t = *tables_;
  const auto [nz, ny, nx] = interior_of(q, halo);
  const int n_sets = static_cast<int>(t.closure_begin.extent(0)) - 1;
  if (held_bulk_.extent(1) != static_cast<std::size_t>(nz) ||
      held_bulk_.extent(2) != static_cast<std::size_t>(ny) ||
      held_bulk_.extent(3) != static_cast<std::size_t>(nx)) {
    held_bulk_ = View4D<double>("tag_held_bulk", n_sets, nz, ny, nx);
  }
  const View4D<double> held = held_bulk_;
  Kokkos::parallel_for(
      "tag_hold_bulk", Policy3D({0, 0, 0}, {nz, ny, nx}), KOKKOS_LAMBDA(int k, int j, int i) {
        for (int c = 0; c < n_sets; ++c)
          held(c, k, j, i) = closure_bulk(t, q, c, k, j + halo, i + halo);
      });
}

TagStats TagAttribution::renormalise(View4D<double> q, int halo) const {
  const Tables t = *tables_;
  const auto [nz, ny, nx] = interior_of(q, halo);
  long rescaled = 0, fallback = 0;
  double drift = 0;
  Kokkos::parallel_reduce(
      "tag_renormalise", Policy3D({0, 0, 0}, {nz, ny, nx}),
      KOKKOS_LAMBDA(int k, int j, int i, long& rescaled_cells, long& fallback_cells,
                    double& worst) {
        const int jj = j + halo, ii = i + halo;
        const CellRenormalisation r = renormalise_cell(
            t, q, k, jj, ii, [&](int c) { return closure_bulk(t, q, c, k, jj, ii); });
        worst = r.gap > worst ? r.gap : worst;
        if (r.rescaled) ++rescaled_cells;
        if (r.fallback) ++fallback_cells;
      },
      rescaled, fallback, Kokkos::Max<double>(drift));
  return {fallback, rescaled, drift};
}

double TagAttribution::closure_drift(View4D<const double> q, int halo) const {
  const Tables t = *tables_;
  const auto [nz, ny, nx] = interior_of(q, halo);
  const int n_sets = static_cast<int>(t.closure_begin.extent(0)) - 1;
  double drift = 0;
  Kokkos::parallel_reduce(
      "tag_closure_drift", Policy3D({0, 0, 0}, {nz, ny, nx}),
      KOKKOS_LAMBDA(int k, int j, int i, double& worst) {
        const int jj = j + halo, ii = i + halo;
        for (int c = 0; c < n_sets; ++c) {
          const double d =
              relative_gap(closure_tags(t, q, c, k, jj, ii), closure_bulk(t, q, c, k, jj, ii));
          worst = d > worst ? d : worst;
        }
      },
      Kokkos::Max<double>(drift));
  return drift;
}

}  // namespace kctm::chem
