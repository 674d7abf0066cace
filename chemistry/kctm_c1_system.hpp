#pragma once
// The built-in mechanism KCTM-C1 as the Rosenbrock solver's System: the straight-line code that
// kctm_codegen generates at build time from chemistry/mechanism.cpp.
#include <string>

#include "base/error.hpp"
#include "chemistry/kctm_c1_generated.hpp"
#include "chemistry/mechanism.hpp"

namespace kctm::chem {

struct KctmC1System {
  KOKKOS_INLINE_FUNCTION int n() const { return kctm_c1::kVariables; }
  KOKKOS_INLINE_FUNCTION bool fast_radical(int v) const { return kctm_c1::fast_radical(v); }
  template <class T>
  KOKKOS_INLINE_FUNCTION void tendencies(const T* k, const T* y, T* f) const {
    kctm_c1::tendencies(k, y, f);
  }
  template <class T>
  KOKKOS_INLINE_FUNCTION void factorise(const T* k, const T* y, double diagonal, T* a) const {
    kctm_c1::factorise(k, y, diagonal, a);
  }
  template <class T>
  KOKKOS_INLINE_FUNCTION void lu_solve(const T* a, T* x) const {
    kctm_c1::lu_solve(a, x);
  }
};

/// Throws kctm::Error unless `m` has the generated code's variables, reactions and sparsity.
inline void check_generated_kctm_c1(const CompiledMechanism& m) {
  bool same = m.n_variables() == kctm_c1::kVariables && m.n_reactions() == kctm_c1::kReactions &&
              m.n_nonzeros() == kctm_c1::kNonzeros;
  for (int v = 0; same && v < kctm_c1::kVariables; ++v) {
    same = m.species_of_variable[v] == kctm_c1::kSpeciesOfVariable[v];
  }
  if (!same) {
    throw Error("chemistry", "the generated KCTM-C1 code does not match the mechanism",
                "rebuild: kctm_codegen regenerates it");
  }
}

}  // namespace kctm::chem
