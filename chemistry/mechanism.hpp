#pragma once
// The gas-phase and cloud mechanism KCTM-C1 as data (reactions with their rate laws and sources),
// and its compiled form for the solver: the species that are integrated, the stoichiometry, the
// Jacobian's sparsity and a sparse LU factorisation plan with the fill-in of a Markowitz ordering
// (as KPP does: Damian et al. 2002, Comput. Chem. Eng. 26:1567).
#include <string_view>
#include <utility>
#include <vector>

#include "chemistry/rate_laws.hpp"

namespace kctm::chem {

struct Reaction {
  std::vector<std::string_view>
      reactants;  ///< one or two (the same name twice for a self-reaction)
  std::vector<std::pair<double, std::string_view>> products;  ///< (yield, species)
  RateLaw law;
  std::string_view source;  ///< where the rate coefficient (and yields) come from
};

/// KCTM-C1's reactions.
std::vector<Reaction> kctm_c1_reactions();

/// A mechanism compiled for the Rosenbrock solver. "Variables" are the species that take part in a
/// reaction, in the solver's (fill-reducing) order; indices below are variable indices.
struct CompiledMechanism {
  std::vector<int> species_of_variable;  ///< kSpecies index of each variable
  std::vector<int> variable_of_species;  ///< variable index of each kSpecies entry, or −1
  std::vector<RateLaw> laws;             ///< per reaction
  std::vector<int> reactant;             ///< 2 per reaction: variables, the second −1 if none
  /// Net stoichiometry per reaction: terms [term_offset[r], term_offset[r+1]).
  std::vector<int> term_offset, term_variable;
  std::vector<double> term_coefficient;
  /// Sparsity of the Jacobian with the LU's fill-in, CSR by row, columns ascending.
  std::vector<int> row_offset, column, diagonal;
  /// Jacobian contributions: entry nonzero += coefficient × k[reaction] × y[partner] (1 if −1).
  std::vector<int> jac_nonzero, jac_reaction, jac_partner;
  std::vector<double> jac_coefficient;
  /// LU plan (row-wise, no pivoting): for each elimination e, a[lu_lower[e]] /=
  /// a[lu_pivot[e]], then for u in [lu_update_offset[e], lu_update_offset[e+1]):
  /// a[lu_target[u]] −= a[lu_lower[e]] × a[lu_upper[u]].
  std::vector<int> lu_lower, lu_pivot, lu_update_offset, lu_target, lu_upper;

  int n_variables() const { return static_cast<int>(species_of_variable.size()); }
  int n_reactions() const { return static_cast<int>(laws.size()); }
  int n_nonzeros() const { return static_cast<int>(column.size()); }
};

/// Compiles `reactions`; throws kctm::Error naming the reaction on an unknown species.
CompiledMechanism compile_mechanism(const std::vector<Reaction>& reactions);

}  // namespace kctm::chem
