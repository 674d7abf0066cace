#include "chemistry/device_mechanism.hpp"

#include <string>
#include <vector>

#include "base/error.hpp"
#include "kernels/host_copy.hpp"

namespace kctm::chem {

DeviceMechanism make_device_mechanism(const CompiledMechanism& m) {
  auto check = [](int n, int limit, const char* what) {
    if (n > limit) {
      throw Error("chemistry mechanism", std::string(what) + " " + std::to_string(n) +
                                             " exceed the solver's fixed size " +
                                             std::to_string(limit));
    }
  };
  check(m.n_variables(), kMaxVariables, "variables");
  check(m.n_reactions(), kMaxReactions, "reactions");
  check(m.n_nonzeros(), kMaxNonzeros, "Jacobian nonzeros");
  DeviceMechanism d;
  d.n_variables = m.n_variables();
  d.n_reactions = m.n_reactions();
  d.n_nonzeros = m.n_nonzeros();
  d.n_eliminations = static_cast<int>(m.lu_lower.size());
  d.laws = device_vector("chem_laws", m.laws);
  std::vector<int> air_only, varying;
  for (int r = 0; r < m.n_reactions(); ++r) {
    (depends_on_air_alone(m.laws[r].kind) ? air_only : varying).push_back(r);
  }
  d.n_air_only = static_cast<int>(air_only.size());
  d.n_varying = static_cast<int>(varying.size());
  d.air_only = device_vector("chem_air_only_reactions", air_only);
  d.varying = device_vector("chem_varying_reactions", varying);
  d.reactant = device_vector("chem_reactant", m.reactant);
  d.term_offset = device_vector("chem_term_offset", m.term_offset);
  d.term_variable = device_vector("chem_term_variable", m.term_variable);
  d.term_coefficient = device_vector("chem_term_coefficient", m.term_coefficient);
  d.row_offset = device_vector("chem_row_offset", m.row_offset);
  d.column = device_vector("chem_column", m.column);
  d.diagonal = device_vector("chem_diagonal", m.diagonal);
  d.jac_nonzero = device_vector("chem_jac_nonzero", m.jac_nonzero);
  d.jac_reaction = device_vector("chem_jac_reaction", m.jac_reaction);
  d.jac_partner = device_vector("chem_jac_partner", m.jac_partner);
  d.jac_coefficient = device_vector("chem_jac_coefficient", m.jac_coefficient);
  d.lu_lower = device_vector("chem_lu_lower", m.lu_lower);
  d.lu_pivot = device_vector("chem_lu_pivot", m.lu_pivot);
  d.lu_update_offset = device_vector("chem_lu_update_offset", m.lu_update_offset);
  d.lu_target = device_vector("chem_lu_target", m.lu_target);
  d.lu_upper = device_vector("chem_lu_upper", m.lu_upper);
  return d;
}

}  // namespace kctm::chem
