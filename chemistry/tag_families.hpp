#pragma once
// What source apportionment tags, and how chemistry moves mass between tagged species: families
// of a precursor group and a product group, after CAMx PSAT (Yarwood et al. 2005; CAMx v7.20
// user's guide, ch. 7): SO2 → sulfate, NOx → HNO3 + nitrate, NH3 → ammonium, SOA precursors →
// SOA; primary PM is inert. O3 carries three kinds: O3B, brought in by the boundary's and the
// initial air, and O3N and O3V, formed under NOx- and VOC-limited conditions (OSAT), told apart by
// Sillman's (1995) indicator P(H2O2)/P(HNO3).
#include <array>
#include <string_view>
#include <vector>

namespace kctm::chem {

/// A tagged quantity of a group: a tag kind, the species whose sum it tags, and its weight in
/// the group's shares. A kind sums several species only where they are removed alike (the fine
/// particles of PRIMARY and SOA: the same deposition and scavenging), so one field per source
/// carries them through transport exactly as their sum.
struct TagMember {
  std::string_view kind;
  std::vector<std::string_view> species;
  /// Share weight per kg: element moles (N, S) for the inorganic families, or the rate at which
  /// the species forms the product (see tag_families.cpp) [arbitrary, per group].
  double weight;
};

/// Chemistry turns precursors into products. The members of a group share one split over the
/// sources (NO and NO2 interconvert within minutes); a family's precursor groups are independent
/// species that all feed its product group (aromatics, isoprene and terpenes form SOA).
struct TagFamily {
  std::string_view name;
  std::vector<std::vector<TagMember>> precursors;
  std::vector<TagMember> products;  ///< empty: a precursor of ozone only (loss, no product)
  /// The products turn back into the precursors (HNO3 photolysis, NH4 evaporating): a precursor
  /// gain then comes in the products' shares.
  bool reversible = false;
};

/// The chemically active families of KCTM-C1.
std::vector<TagFamily> tag_families();

/// Primary particles, untouched by chemistry: PRIMARY (fine: PEC + POA + POTH) and PMC.
std::vector<TagMember> inert_tags();

/// The three O3 tag kinds; their sum over sources is the bulk O3. O3B is the O3 that air brought
/// in (the initial state, the boundaries' inflow): it only decays; what forms goes to O3N or O3V.
inline constexpr std::string_view kO3Brought = "O3B", kO3NoxLimited = "O3N", kO3VocLimited = "O3V";

/// The tagged VOCs weighted by their OH reactivity (kOH at 298 K per kg), for O3V shares.
std::vector<TagMember> ozone_voc_reactivity();

/// Sillman (1995, JGR 100:14175) and OSAT: P(H2O2)/P(HNO3) above this is NOx-limited.
constexpr double kNoxLimitedIndicator = 0.35;

/// A species tagged under a kind: the kind's name is the species' own, O3B/O3N/O3V (parts of O3),
/// or PRIMARY/SOA (sums of species).
struct TagKind {
  std::string_view species, kind;
};
/// Every (species, kind) pair, kinds in the order the state registers them.
std::vector<TagKind> tag_kinds();

}  // namespace kctm::chem
