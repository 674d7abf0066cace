#include "chemistry/tag_attribution.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <set>

#include "base/error.hpp"
#include "chemistry/mechanism.hpp"
#include "chemistry/species.hpp"
#include "chemistry/tag_families.hpp"
#include "kernels/backend_traits.hpp"
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
  int voc_group = -1;  ///< the tagged VOCs weighted by OH reactivity per kg, for O3V shares
  int oh = -1, ho2 = -1, no2 = -1;        ///< bulk fields of the indicator
  double g_oh = 0, g_ho2 = 0, g_no2 = 0;  ///< their molar masses [g mol-1]
  RateLaw h2o2_law, hno3_law;             ///< HO2 + HO2 → H2O2, OH + NO2 → HNO3
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

// The rules run on a block of kLanes cells along a row side by side (Backend::tag_lanes): the
// lookups of where a source's tag lies are made once for the block, and each step of a rule is a
// loop over the lanes, a SIMD loop on the host. Per-source work arrays hold a source's lanes
// together, [s * kLanes + l]. Every lane's arithmetic is that of its cell alone, in the same order.
constexpr int kLanes = Backend::tag_lanes;

/// The cells (k, jj, ii0 + l) for l < n, of which n ≤ kLanes lie in the interior.
struct CellBlock {
  int k, jj, ii0, n;
  /// Field f's value in the block's first cell; the others follow it.
  KOKKOS_INLINE_FUNCTION double* at(const View4D<double>& q, int f) const {
    return &q(f, k, jj, ii0);
  }
};

/// Per-lane values of a block (one per cell).
using LaneValues = double[kLanes];

/// Writes every source's value of a kind; what a source without a field would get goes to the
/// fallback source, and that lane is no longer `explained`.
KOKKOS_INLINE_FUNCTION void set_tags(const Tables& t, const View4D<double>& q, int kind,
                                     const double* value, const CellBlock& c, bool* explained) {
  const int n = c.n;
  LaneValues spill;
  for (int l = 0; l < n; ++l) spill[l] = 0;
  for (int s = 0; s < t.n_sources; ++s) {
    const int f = t.fields(kind, s);
    const double* v = value + s * kLanes;
    if (f >= 0) {
      double* x = c.at(q, f);
      KCTM_SIMD for (int l = 0; l < n; ++l) x[l] = v[l];
    } else {
      KCTM_SIMD for (int l = 0; l < n; ++l) spill[l] += v[l];
    }
  }
  double* fallback = c.at(q, t.fields(kind, t.fallback));
  for (int l = 0; l < n; ++l) {
    if (spill[l] != 0) {
      fallback[l] += spill[l];
      explained[l] = false;
    }
  }
}

/// A kind's value of every source, 0 where a source has none.
KOKKOS_INLINE_FUNCTION void load_tags(const Tables& t, const View4D<double>& q, int kind,
                                      const CellBlock& c, double* by_source) {
  for (int s = 0; s < t.n_sources; ++s) {
    const int f = t.fields(kind, s);
    double* o = by_source + s * kLanes;
    if (f >= 0) {
      const double* x = c.at(q, f);
      KCTM_SIMD for (int l = 0; l < c.n; ++l) o[l] = x[l];
    } else {
      KCTM_SIMD for (int l = 0; l < c.n; ++l) o[l] = 0;
    }
  }
}

/// Adds w times a kind's value of every source to `by_source`.
KOKKOS_INLINE_FUNCTION void add_weighted(const Tables& t, const View4D<double>& q, int kind,
                                         double w, const CellBlock& c, double* by_source) {
  for (int s = 0; s < t.n_sources; ++s) {
    const int f = t.fields(kind, s);
    if (f < 0) continue;  // adding its +0 would change nothing: the sums are never −0
    const double* x = c.at(q, f);
    double* o = by_source + s * kLanes;
    KCTM_SIMD for (int l = 0; l < c.n; ++l) o[l] += w * x[l];
  }
}

/// The sum over the sources, in their order.
KOKKOS_INLINE_FUNCTION void sum_over_sources(int n_sources, int n, const double* by_source,
                                             double* total) {
  for (int l = 0; l < n; ++l) total[l] = 0;
  for (int s = 0; s < n_sources; ++s) {
    KCTM_SIMD for (int l = 0; l < n; ++l) total[l] += by_source[s * kLanes + l];
  }
}

/// Per-source totals of group g before the update, weighted [per kg air], and their sum.
KOKKOS_INLINE_FUNCTION void group_shares(const Tables& t, const View4D<double>& q, int g,
                                         const CellBlock& c, double* by_source, double* total) {
  for (int s = 0; s < t.n_sources; ++s) {
    KCTM_SIMD for (int l = 0; l < c.n; ++l) by_source[s * kLanes + l] = 0;
  }
  for (int m = t.group_begin(g); m < t.group_begin(g + 1); ++m) {
    add_weighted(t, q, t.member_kind(m), t.member_weight(m), c, by_source);
  }
  sum_over_sources(t.n_sources, c.n, by_source, total);
}

/// The bulk value of member m: the sum of the species it tags.
KOKKOS_INLINE_FUNCTION void member_value(const Tables& t, const View4D<double>& q, int m,
                                         const CellBlock& c, double* value) {
  for (int l = 0; l < c.n; ++l) value[l] = 0;
  for (int b = t.member_bulk_begin(m); b < t.member_bulk_begin(m + 1); ++b) {
    const double* x = c.at(q, t.member_bulk(b));
    KCTM_SIMD for (int l = 0; l < c.n; ++l) value[l] += x[l];
  }
}

/// The group's bulk total after the chemistry, weighted [per kg air].
KOKKOS_INLINE_FUNCTION void group_bulk(const Tables& t, const View4D<double>& q, int g,
                                       const CellBlock& c, double* total) {
  for (int l = 0; l < c.n; ++l) total[l] = 0;
  for (int m = t.group_begin(g); m < t.group_begin(g + 1); ++m) {
    LaneValues value;
    member_value(t, q, m, c, value);
    const double w = t.member_weight(m);
    KCTM_SIMD for (int l = 0; l < c.n; ++l) total[l] += w * value[l];
  }
}

/// What renormalising one cell found: the largest gap, and whether it rescaled beyond round-off
/// or gave a bulk no tag held to the fallback source.
struct CellRenormalisation {
  double gap = 0;
  bool rescaled = false, fallback = false;
};

/// Rescales the tags of every closure set in the block to sum to bulk_of(c, l), the set's bulk in
/// lane l.
template <class Bulk>
KOKKOS_INLINE_FUNCTION void renormalise_block(const Tables& t, const View4D<double>& q,
                                              const CellBlock& cells, Bulk bulk_of,
                                              CellRenormalisation* r) {
  const int n = cells.n, n_sets = static_cast<int>(t.closure_begin.extent(0)) - 1;
  for (int c = 0; c < n_sets; ++c) {
    LaneValues sum, bulk, factor;
    for (int l = 0; l < n; ++l) sum[l] = 0;
    for (int kind = t.closure_begin(c); kind < t.closure_begin(c + 1); ++kind) {
      for (int s = 0; s < t.n_sources; ++s) {
        const int field = t.fields(t.closure_kind(kind), s);
        if (field < 0) continue;
        const double* x = cells.at(q, field);
        KCTM_SIMD for (int l = 0; l < n; ++l) sum[l] += x[l];
      }
    }
    bool scales = false, falls_back = false;
    for (int l = 0; l < n; ++l) {
      bulk[l] = bulk_of(c, l);
      const double gap = relative_gap(sum[l], bulk[l]);
      r[l].gap = gap > r[l].gap ? gap : r[l].gap;
      r[l].rescaled = r[l].rescaled || gap > 1e-12;
      const bool scale = sum[l] * bulk[l] > 0;
      factor[l] = scale ? bulk[l] / sum[l] : 1.0;  // × 1 changes no value, −0 and NaN included
      scales = scales || scale;
      falls_back = falls_back || (!scale && bulk[l] != sum[l]);
    }
    if (scales) {
      for (int kind = t.closure_begin(c); kind < t.closure_begin(c + 1); ++kind) {
        for (int s = 0; s < t.n_sources; ++s) {
          const int field = t.fields(t.closure_kind(kind), s);
          if (field < 0) continue;
          double* x = cells.at(q, field);
          KCTM_SIMD for (int l = 0; l < n; ++l) x[l] *= factor[l];
        }
      }
    }
    if (falls_back) {
      double* x = cells.at(q, t.fields(t.closure_kind(t.closure_begin(c)), t.fallback));
      for (int l = 0; l < n; ++l) {
        if (!(sum[l] * bulk[l] > 0) && bulk[l] != sum[l]) {
          x[l] += bulk[l] - sum[l];
          r[l].fallback = true;
        }
      }
    }
  }
}

/// Adds gain(l) to `by_source` in the shares of `donor` (total donor_total(l)) in the lanes where
/// `add` holds.
KOKKOS_INLINE_FUNCTION void add_in_shares(int n_sources, int n, const bool* add, const double* gain,
                                          const double* donor, const double* donor_total,
                                          double* by_source) {
  for (int s = 0; s < n_sources; ++s) {
    double* o = by_source + s * kLanes;
    const double* d = donor + s * kLanes;
    KCTM_SIMD for (int l = 0; l < n; ++l) o[l] =
        add[l] ? o[l] + gain[l] * d[l] / donor_total[l] : o[l];
  }
}

/// Scales a group's shares from before(l) to after(l) (a loss) in the lanes where `scale` holds.
KOKKOS_INLINE_FUNCTION void scale_shares(int n_sources, int n, const bool* scale,
                                         const double* before, const double* after,
                                         double* by_source) {
  LaneValues f;  // × 1 where a lane keeps its shares: that changes no value, −0 and NaN included
  for (int l = 0; l < n; ++l) f[l] = !scale[l] ? 1.0 : (before[l] > 0 ? after[l] / before[l] : 0.0);
  for (int s = 0; s < n_sources; ++s) {
    double* o = by_source + s * kLanes;
    KCTM_SIMD for (int l = 0; l < n; ++l) o[l] *= f[l];
  }
}

/// Each member of group g takes the group's new shares of its bulk value; a lane whose shares are
/// empty but whose bulk is not gives it to the fallback source and is no longer `explained`.
KOKKOS_INLINE_FUNCTION void write_group(const Tables& t, const View4D<double>& q, int g,
                                        const double* by_source, const CellBlock& c,
                                        bool* explained) {
  const int n = c.n;
  LaneValues total;
  sum_over_sources(t.n_sources, n, by_source, total);
  double value[kMaxTagSources * kLanes];
  for (int m = t.group_begin(g); m < t.group_begin(g + 1); ++m) {
    LaneValues bulk;
    member_value(t, q, m, c, bulk);
    for (int s = 0; s < t.n_sources; ++s) {
      const double* b = by_source + s * kLanes;
      double* v = value + s * kLanes;
      KCTM_SIMD for (int l = 0; l < n; ++l) v[l] = total[l] > 0 ? bulk[l] * (b[l] / total[l]) : 0.0;
    }
    for (int l = 0; l < n; ++l) {
      if (!(total[l] > 0)) {
        value[t.fallback * kLanes + l] = bulk[l];
        explained[l] = explained[l] && bulk[l] == 0;
      }
    }
    set_tags(t, q, t.member_kind(m), value, c, explained);
  }
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
  t->voc_group = add_group(ozone_voc_reactivity());
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
  const int n_families = static_cast<int>(t.products.extent(0));
  const int nf = static_cast<int>(q.extent(0)), blocks = (nx + kLanes - 1) / kLanes;
  const View4D<double> held = held_bulk_;
  if (held.extent(1) != static_cast<std::size_t>(nz)) {
    throw Error("source apportionment", "attribute() before hold_bulk()");
  }
  long fallback_cells = 0, rescaled_cells = 0;
  double drift = 0;
  Kokkos::parallel_reduce(
      "tag_attribution", Policy3D({0, 0, 0}, {nz, ny, blocks}, {1, 1, blocks}),
      KOKKOS_LAMBDA(int k, int j, int block, long& fallbacks, long& rescaled, double& worst) {
        const int i0 = block * kLanes, n = nx - i0 < kLanes ? nx - i0 : kLanes;
        const CellBlock cells{k, j + halo, i0 + halo, n};
        // A cell's tags lie in as many fields as the run has, each its own stream in memory: more
        // than a core's prefetchers follow, so each field's cache line two ahead is asked for,
        // along the loop's order (a row of i, then the next row), so that a row starts in cache.
        if ((i0 & 7) == 0) {
          const int ahead = i0 + 16, wraps = ahead >= nx ? 1 : 0;
          const int pi = ahead - wraps * nx, pj = j + wraps < ny ? j + wraps : 0;
          const int pk = j + wraps < ny ? k : k + 1;
          if (pk < nz && pi < nx) {  // a row shorter than 16 cells: nothing ahead in the next
            for (int f = 0; f < nf; ++f) prefetch_line(&q(f, pk, pj + halo, pi + halo), 1, 1);
          }
        }
        // First the tags to the bulk transport left (as renormalise), while they are in cache.
        CellRenormalisation r[kLanes];
        renormalise_block(
            t, q, cells, [&](int c, int l) { return held(c, k, j, i0 + l); }, r);
        bool explained[kLanes];
        for (int l = 0; l < n; ++l) {
          worst = r[l].gap > worst ? r[l].gap : worst;
          if (r[l].rescaled) ++rescaled;
          explained[l] = !r[l].fallback;
        }
        const int ns = t.n_sources;
        double a[kMaxTagSources * kLanes], b[kMaxTagSources * kLanes], c[kMaxTagSources * kLanes],
            d[kMaxTagSources * kLanes];

        // O3 first: its production takes the NOx and VOC shares before they change.
        load_tags(t, q, t.o3n, cells, a);
        load_tags(t, q, t.o3v, cells, b);
        load_tags(t, q, t.o3b, cells, d);
        LaneValues o3_before, o3_after, gain, nox, voc;
        for (int l = 0; l < n; ++l) o3_before[l] = 0;
        for (int s = 0; s < ns; ++s) {
          const int e = s * kLanes;
          KCTM_SIMD for (int l = 0; l < n; ++l) o3_before[l] += a[e + l] + b[e + l] + d[e + l];
        }
        const double* o3 = cells.at(q, t.o3);
        bool grows[kLanes], nox_limited[kLanes], gains = false;
        for (int l = 0; l < n; ++l) {
          o3_after[l] = o3[l];
          gain[l] = o3_after[l] - o3_before[l];
          grows[l] = !(gain[l] <= 0);
          gains = gains || grows[l];
          // The regime by Sillman's indicator, P(H2O2)/P(HNO3), where O3 formed (its rate
          // coefficients cost more than the rest of the cell's rules).
          nox_limited[l] = false;
          if (!grows[l]) continue;
          const int i = i0 + l, ii = i + halo;
          CellEnvironment env{};
          env.t_k = met.t_k(k, j, i);
          env.m = met.air_molec_cm3(k, j, i);
          env.h2o = met.h2o_molec_cm3(k, j, i);
          const double ho2 = q(t.ho2, k, cells.jj, ii) / t.g_ho2;
          const double p_h2o2 = rate_coefficient(t.h2o2_law, env) * ho2 * ho2;
          const double p_hno3 = rate_coefficient(t.hno3_law, env) * q(t.oh, k, cells.jj, ii) /
                                t.g_oh * q(t.no2, k, cells.jj, ii) / t.g_no2;
          nox_limited[l] = p_h2o2 > kNoxLimitedIndicator * p_hno3;
        }
        // A gain goes to O3N in the NOx shares where NOx-limited, else to O3V in the VOC shares;
        // without precursor tags the O3 already there takes it; with none, the fallback source.
        bool to_nox[kLanes], to_voc[kLanes], rescale[kLanes];
        bool needs_voc = false;
        if (gains) group_shares(t, q, t.nox_group, cells, c, nox);
        for (int l = 0; l < n; ++l) {
          to_nox[l] = grows[l] && nox_limited[l] && nox[l] > 0;
          needs_voc = needs_voc || (grows[l] && !to_nox[l]);
        }
        add_in_shares(ns, n, to_nox, gain, c, nox, a);
        if (needs_voc) group_shares(t, q, t.voc_group, cells, c, voc);
        for (int l = 0; l < n; ++l) {
          const bool left = grows[l] && !to_nox[l];
          to_voc[l] = left && voc[l] > 0;
          rescale[l] = !grows[l] || (left && !to_voc[l] && o3_before[l] > 0);
        }
        add_in_shares(ns, n, to_voc, gain, c, voc, b);
        scale_shares(ns, n, rescale, o3_before, o3_after, a);
        scale_shares(ns, n, rescale, o3_before, o3_after, b);
        scale_shares(ns, n, rescale, o3_before, o3_after, d);
        for (int l = 0; l < n; ++l) {
          if (grows[l] && !to_nox[l] && !to_voc[l] && !rescale[l]) {
            a[t.fallback * kLanes + l] += gain[l];
            explained[l] = false;
          }
        }
        set_tags(t, q, t.o3n, a, cells, explained);
        set_tags(t, q, t.o3v, b, cells, explained);
        set_tags(t, q, t.o3b, d, cells, explained);

        for (int f = 0; f < n_families; ++f) {
          const int gr = t.products(f);
          LaneValues r_before, r_after, c_total;
          if (gr >= 0) {
            group_shares(t, q, gr, cells, b, r_before);
            group_bulk(t, q, gr, cells, r_after);
          } else {
            for (int l = 0; l < n; ++l) r_before[l] = r_after[l] = 0;
          }
          // c: the precursors' weighted shares before the step, which the product's gain takes.
          for (int l = 0; l < n; ++l) c_total[l] = 0;
          for (int s = 0; s < ns; ++s) {
            KCTM_SIMD for (int l = 0; l < n; ++l) c[s * kLanes + l] = 0;
          }
          for (int gp = t.precursor_begin(f); gp < t.precursor_begin(f + 1); ++gp) {
            LaneValues p_before, p_after, rise;
            group_shares(t, q, gp, cells, a, p_before);
            group_bulk(t, q, gp, cells, p_after);
            for (int s = 0; s < ns; ++s) {
              const int e = s * kLanes;
              KCTM_SIMD for (int l = 0; l < n; ++l) c[e + l] += a[e + l];
            }
            // A gain the products' loss explains comes in their shares; anything else
            // scales the group's own.
            bool back[kLanes], own[kLanes];
            for (int l = 0; l < n; ++l) {
              c_total[l] += p_before[l];
              rise[l] = p_after[l] - p_before[l];
              back[l] = t.reversible(f) && p_after[l] > p_before[l] && r_after[l] < r_before[l] &&
                        r_before[l] > 0;
              own[l] = !back[l];
            }
            add_in_shares(ns, n, back, rise, b, r_before, a);
            scale_shares(ns, n, own, p_before, p_after, a);
            write_group(t, q, gp, a, cells, explained);
          }
          if (gr < 0) continue;
          LaneValues rise;
          bool from_precursors[kLanes], own[kLanes];
          for (int l = 0; l < n; ++l) {
            rise[l] = r_after[l] - r_before[l];
            from_precursors[l] = r_after[l] > r_before[l] && c_total[l] > 0;
            own[l] = !from_precursors[l];
          }
          add_in_shares(ns, n, from_precursors, rise, c, c_total, b);
          scale_shares(ns, n, own, r_before, r_after, b);
          write_group(t, q, gr, b, cells, explained);
        }
        for (int l = 0; l < n; ++l) {
          if (!explained[l]) ++fallbacks;
        }
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
  const int blocks = (nx + kLanes - 1) / kLanes;
  long rescaled = 0, fallback = 0;
  double drift = 0;
  Kokkos::parallel_reduce(
      "tag_renormalise", Policy3D({0, 0, 0}, {nz, ny, blocks}),
      KOKKOS_LAMBDA(int k, int j, int block, long& rescaled_cells, long& fallback_cells,
                    double& worst) {
        const int i0 = block * kLanes, n = nx - i0 < kLanes ? nx - i0 : kLanes;
        const CellBlock cells{k, j + halo, i0 + halo, n};
        CellRenormalisation r[kLanes];
        renormalise_block(
            t, q, cells,
            [&](int c, int l) { return closure_bulk(t, q, c, k, cells.jj, cells.ii0 + l); }, r);
        for (int l = 0; l < n; ++l) {
          worst = r[l].gap > worst ? r[l].gap : worst;
          if (r[l].rescaled) ++rescaled_cells;
          if (r[l].fallback) ++fallback_cells;
        }
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
