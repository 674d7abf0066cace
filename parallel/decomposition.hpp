#pragma once
// The run's ranks: MPI's world split into a px × py block decomposition of the grid, the halo
// exchange between neighbouring blocks, and the few collectives the driver needs (reductions, and
// gathering blocks into global arrays on rank 0, which writes every file). A run without mpirun is
// one rank holding the whole grid; nothing is then sent.
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "grids/subdomain.hpp"
#include "kernels/halo_pack.hpp"
#include "kernels/kokkos_types.hpp"

namespace kctm {

/// MPI for the life of the process (MPI_Init_thread, funneled: only the main thread calls MPI).
class MpiSession {
 public:
  MpiSession(int& argc, char**& argv);
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  int rank() const;
  int size() const;
  /// Ends every rank (one failed while the others may wait for it in a collective).
  [[noreturn]] void abort_all(int code) const;
};

/// The px × py blocks closest to square cells per block for `ranks` ranks on an nx × ny grid.
void choose_block_grid(int ranks, int nx, int ny, int& px, int& py);

class Decomposition {
 public:
  /// Splits `grid` over the ranks of MPI_COMM_WORLD (px × py chosen by choose_block_grid), the
  /// blocks starting at multiples of `align_x` in x (block_decomposition).
  Decomposition(const GlobalGrid& grid, int halo, int align_x = 1);

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool root() const { return rank_ == 0; }
  int px() const { return px_; }
  int py() const { return py_; }
  const Subdomain& block() const { return blocks_[rank_]; }
  const Subdomain& whole() const { return whole_; }

  /// Fills the halo of `q` (field, k, j, i) and `air` (k, j, i) from the neighbouring blocks
  /// across the faces of `axis` (0: x, the west and east halos of the interior rows; 1: y, the
  /// south and north halos of every column, halos included, which fills the corners too). Sides
  /// on the lateral boundary are left as they are.
  void exchange(int axis, View4D<double> q, View3D<double> air) const;

  /// Rank 0's `text` on every rank.
  std::string broadcast(std::string text) const;

  /// Sum and maximum over the ranks.
  double sum(double v) const;
  long sum(long v) const;
  double max(double v) const;
  std::vector<double> max(std::vector<double> v) const;
  /// Sum over the ranks that share this rank's machine (MPI_COMM_TYPE_SHARED).
  double node_sum(double v) const;
  std::vector<double> sum(std::vector<double> v) const;

  /// The global array (layer, J, I) on rank 0 of every rank's interior block (layer, j, i) with
  /// `layers` layers; other ranks get an empty vector. `haloed`: the blocks and the global array
  /// include the halo, of which the blocks on the lateral boundary give their outer side.
  template <class T>
  std::vector<T> gather(const std::vector<T>& block, int layers, bool haloed = false) const;
  /// The inverse, without sending anything: this rank's block (with `haloed`, its whole haloed
  /// extent) of a global array (layer, J, I) that every rank holds.
  template <class T>
  std::vector<T> block_of(const std::vector<T>& global, int layers, bool haloed = false) const;

 private:
  int rank_ = 0, size_ = 1, px_ = 1, py_ = 1;
  Subdomain whole_;
  std::vector<Subdomain> blocks_;

  /// One neighbour of an exchange: the box of this block sent to it, the halo box it fills, and
  /// the tags of the two messages.
  struct Side {
    int rank;
    HaloBox send, recv;
    int send_tag, recv_tag;
  };
  std::vector<Side> sides_[2];  ///< the neighbours across x (west, east) and y (south, north)
  /// The packed halo of one side, on the device and its host copy for MPI, out and in.
  struct SideBuffers {
    View1D<double> out, in;
    View1D<double>::HostMirror out_host, in_host;
  };
  /// Packing buffers kept from one exchange to the next (one per axis, side and number of values
  /// per cell), so that the advection sub-steps allocate nothing.
  mutable std::map<std::tuple<int, int, std::size_t>, SideBuffers> buffers_;
  SideBuffers& buffers_of(int axis, int side, std::size_t values) const;
  void exchange_sides(int axis, View4D<double> q) const;
};

}  // namespace kctm
