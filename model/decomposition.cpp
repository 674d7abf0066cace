#include "model/decomposition.hpp"

#include <mpi.h>

#include <cmath>
#include <cstdlib>
#include <limits>

#include "base/error.hpp"
#include "kernels/halo_pack.hpp"

namespace kctm {

namespace {

template <class T>
MPI_Datatype mpi_type();
template <>
MPI_Datatype mpi_type<float>() {
  return MPI_FLOAT;
}
template <>
MPI_Datatype mpi_type<double>() {
  return MPI_DOUBLE;
}

/// A block's rectangle in its local array and in the global one: rows [j_lo, j_hi) and columns
/// [i_lo, i_hi) of the local array (extent ny_local × nx_local), global index = local + (j0, i0).
struct Region {
  int j_lo, j_hi, i_lo, i_hi, ny_local, nx_local, j0, i0;
  std::size_t cells() const { return static_cast<std::size_t>(j_hi - j_lo) * (i_hi - i_lo); }
};

/// Of a block: with `owned`, the cells it alone holds (its interior, and on the lateral boundary
/// its outer halo when `haloed`); else its whole local extent.
Region region_of(const Subdomain& s, bool haloed, bool owned) {
  const int h = haloed ? s.halo : 0;
  Region r{0, s.ny + 2 * h, 0, s.nx + 2 * h, s.ny + 2 * h, s.nx + 2 * h, s.j0, s.i0};
  if (owned && haloed) {
    r.i_lo = s.at_west() ? 0 : h, r.i_hi = s.at_east() ? s.nx + 2 * h : s.nx + h;
    r.j_lo = s.at_south() ? 0 : h, r.j_hi = s.at_north() ? s.ny + 2 * h : s.ny + h;
  }
  return r;
}

/// Copies `r` of every layer between a local array and a packed buffer (to_buffer) or back.
template <class T>
void copy_region(const Region& r, int layers, std::vector<T>& local, T* packed, bool to_buffer) {
  std::size_t n = 0;
  for (int l = 0; l < layers; ++l) {
    for (int j = r.j_lo; j < r.j_hi; ++j) {
      for (int i = r.i_lo; i < r.i_hi; ++i, ++n) {
        T& cell = local[(static_cast<std::size_t>(l) * r.ny_local + j) * r.nx_local + i];
        if (to_buffer) {
          packed[n] = cell;
        } else {
          cell = packed[n];
        }
      }
    }
  }
}

/// The same cells' place in the global array (layer, ny_global, nx_global).
template <class T>
void copy_global(const Region& r, int layers, int ny_global, int nx_global, std::vector<T>& global,
                 T* packed, bool to_buffer) {
  std::size_t n = 0;
  for (int l = 0; l < layers; ++l) {
    for (int j = r.j_lo; j < r.j_hi; ++j) {
      for (int i = r.i_lo; i < r.i_hi; ++i, ++n) {
        T& cell =
            global[(static_cast<std::size_t>(l) * ny_global + r.j0 + j) * nx_global + r.i0 + i];
        if (to_buffer) {
          packed[n] = cell;
        } else {
          cell = packed[n];
        }
      }
    }
  }
}

}  // namespace

MpiSession::MpiSession(int& argc, char**& argv) {
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
}

MpiSession::~MpiSession() { MPI_Finalize(); }

int MpiSession::rank() const {
  int r = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &r);
  return r;
}

int MpiSession::size() const {
  int n = 1;
  MPI_Comm_size(MPI_COMM_WORLD, &n);
  return n;
}

void MpiSession::abort_all(int code) const {
  MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);
}

void choose_block_grid(int ranks, int nx, int ny, int& px, int& py) {
  double best = std::numeric_limits<double>::max();
  for (int x = 1; x <= ranks; ++x) {
    if (ranks % x != 0) continue;
    const int y = ranks / x;
    // Blocks as square as can be: the halo's share of the work is then the least.
    const double cost =
        std::abs(std::log((static_cast<double>(nx) / x) / (static_cast<double>(ny) / y)));
    if (cost < best) best = cost, px = x, py = y;
  }
}

Decomposition::Decomposition(const GlobalGrid& grid, int halo, int align_x)
    : whole_(whole_domain(grid, halo)) {
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  choose_block_grid(size_, grid.nx(), grid.ny(), px_, py_);
  blocks_ = block_decomposition(grid, px_, py_, halo, align_x);
  const int bx = rank_ % px_, by = rank_ / px_;
  if (bx > 0) west_ = rank_ - 1;
  if (bx < px_ - 1) east_ = rank_ + 1;
  if (by > 0) south_ = rank_ - px_;
  if (by < py_ - 1) north_ = rank_ + px_;
}

namespace {

/// Sends the `send` boxes of q to the neighbours and fills the `recv` boxes from them.
struct Side {
  int rank;
  HaloBox send, recv;
  int send_tag, recv_tag;
};

void exchange_sides(const std::vector<Side>& sides, View4D<double> q) {
  const std::size_t per_cell = q.extent(0) * q.extent(1);
  std::vector<View1D<double>> out, in;
  std::vector<View1D<double>::HostMirror> out_host, in_host;
  std::vector<MPI_Request> requests;
  for (const Side& s : sides) {
    const std::size_t n = per_cell * s.send.nj * s.send.ni;
    out.emplace_back("halo_out", n);
    in.emplace_back("halo_in", n);
    copy_box(q, s.send, out.back(), BoxCopy::kPack);
    out_host.push_back(Kokkos::create_mirror_view(out.back()));
    in_host.push_back(Kokkos::create_mirror_view(in.back()));
    Kokkos::deep_copy(out_host.back(), out.back());
  }
  for (std::size_t s = 0; s < sides.size(); ++s) {
    requests.emplace_back();
    MPI_Irecv(in_host[s].data(), static_cast<int>(in_host[s].size()), MPI_DOUBLE, sides[s].rank,
              sides[s].recv_tag, MPI_COMM_WORLD, &requests.back());
  }
  for (std::size_t s = 0; s < sides.size(); ++s) {
    requests.emplace_back();
    MPI_Isend(out_host[s].data(), static_cast<int>(out_host[s].size()), MPI_DOUBLE, sides[s].rank,
              sides[s].send_tag, MPI_COMM_WORLD, &requests.back());
  }
  MPI_Waitall(static_cast<int>(requests.size()), requests.data(), MPI_STATUSES_IGNORE);
  for (std::size_t s = 0; s < sides.size(); ++s) {
    Kokkos::deep_copy(in[s], in_host[s]);
    copy_box(q, sides[s].recv, in[s], BoxCopy::kUnpack);
  }
}

}  // namespace

void Decomposition::exchange(int axis, View4D<double> q, View3D<double> air) const {
  if (size_ == 1) return;
  const Subdomain& b = block();
  const int h = b.halo;
  // Tags name the direction of travel: 0 towards lower indices, 1 towards higher ones.
  std::vector<Side> sides;
  if (axis == 0) {
    if (west_ >= 0) sides.push_back({west_, {h, b.ny, h, h}, {h, b.ny, 0, h}, 0, 1});
    if (east_ >= 0) sides.push_back({east_, {h, b.ny, b.nx, h}, {h, b.ny, b.nx + h, h}, 1, 0});
  } else {
    const int w = b.nx + 2 * h;
    if (south_ >= 0) sides.push_back({south_, {h, h, 0, w}, {0, h, 0, w}, 0, 1});
    if (north_ >= 0) sides.push_back({north_, {b.ny, h, 0, w}, {b.ny + h, h, 0, w}, 1, 0});
  }
  if (sides.empty()) return;
  exchange_sides(sides, q);
  const View4D<double> air4(air.data(), 1, air.extent(0), air.extent(1), air.extent(2));
  exchange_sides(sides, air4);
}

double Decomposition::sum(double v) const {
  double out = v;
  if (size_ > 1) MPI_Allreduce(&v, &out, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
  return out;
}

long Decomposition::sum(long v) const {
  long out = v;
  if (size_ > 1) MPI_Allreduce(&v, &out, 1, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);
  return out;
}

std::vector<double> Decomposition::sum(std::vector<double> v) const {
  if (size_ > 1) {
    MPI_Allreduce(MPI_IN_PLACE, v.data(), static_cast<int>(v.size()), MPI_DOUBLE, MPI_SUM,
                  MPI_COMM_WORLD);
  }
  return v;
}

double Decomposition::max(double v) const {
  double out = v;
  if (size_ > 1) MPI_Allreduce(&v, &out, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
  return out;
}

template <class T>
std::vector<T> Decomposition::gather(const std::vector<T>& block, int layers, bool haloed) const {
  const int h = haloed ? whole_.halo : 0;
  const int ny = whole_.ny + 2 * h, nx = whole_.nx + 2 * h;
  if (size_ == 1) return block;
  std::vector<T> local = block, packed;
  const Region mine = region_of(this->block(), haloed, true);
  packed.resize(mine.cells() * layers);
  copy_region(mine, layers, local, packed.data(), true);
  std::vector<int> counts(size_), offsets(size_);
  std::size_t total = 0;
  for (int r = 0; r < size_; ++r) {
    counts[r] = static_cast<int>(region_of(blocks_[r], haloed, true).cells() * layers);
    offsets[r] = static_cast<int>(total);
    total += counts[r];
  }
  std::vector<T> all(root() ? total : 0);
  MPI_Gatherv(packed.data(), static_cast<int>(packed.size()), mpi_type<T>(), all.data(),
              counts.data(), offsets.data(), mpi_type<T>(), 0, MPI_COMM_WORLD);
  if (!root()) return {};
  std::vector<T> global(static_cast<std::size_t>(layers) * ny * nx);
  for (int r = 0; r < size_; ++r) {
    copy_global(region_of(blocks_[r], haloed, true), layers, ny, nx, global,
                all.data() + offsets[r], false);
  }
  return global;
}

template <class T>
std::vector<T> Decomposition::block_of(const std::vector<T>& global, int layers,
                                       bool haloed) const {
  if (size_ == 1) return global;
  const int h = haloed ? whole_.halo : 0;
  const Region mine = region_of(block(), haloed, false);
  std::vector<T> g = global, packed(mine.cells() * layers), local(packed.size());
  copy_global(mine, layers, whole_.ny + 2 * h, whole_.nx + 2 * h, g, packed.data(), true);
  copy_region(mine, layers, local, packed.data(), false);
  return local;
}

template std::vector<float> Decomposition::gather(const std::vector<float>&, int, bool) const;
template std::vector<double> Decomposition::gather(const std::vector<double>&, int, bool) const;
template std::vector<double> Decomposition::block_of(const std::vector<double>&, int, bool) const;

}  // namespace kctm
