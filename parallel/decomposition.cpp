#include "parallel/decomposition.hpp"

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

/// The cells a block alone holds: its interior, and on the lateral boundary its outer halo when
/// `haloed`.
Region owned_region(const Subdomain& s, bool haloed) {
  const int h = haloed ? s.halo : 0;
  Region r{0, s.ny + 2 * h, 0, s.nx + 2 * h, s.ny + 2 * h, s.nx + 2 * h, s.j0, s.i0};
  if (haloed) {
    r.i_lo = s.at_west() ? 0 : h, r.i_hi = s.at_east() ? s.nx + 2 * h : s.nx + h;
    r.j_lo = s.at_south() ? 0 : h, r.j_hi = s.at_north() ? s.ny + 2 * h : s.ny + h;
  }
  return r;
}

/// Calls f(n, local, global) for every cell of `r` in every layer, n counting them in the order of
/// a packed buffer; `local` is the cell's index in the block's array (layer, ny_local, nx_local),
/// `global` in the global one (layer, ny_global, nx_global).
template <class F>
void each_cell_of(const Region& r, int layers, int ny_global, int nx_global, F&& f) {
  std::size_t n = 0;
  for (int l = 0; l < layers; ++l) {
    for (int j = r.j_lo; j < r.j_hi; ++j) {
      for (int i = r.i_lo; i < r.i_hi; ++i, ++n) {
        f(n, (static_cast<std::size_t>(l) * r.ny_local + j) * r.nx_local + i,
          (static_cast<std::size_t>(l) * ny_global + r.j0 + j) * nx_global + r.i0 + i);
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
  // The neighbours across x (west, east) and y (south, north), with the boxes each exchange sends
  // and fills. Tags name the direction of travel: 0 towards lower indices, 1 towards higher ones.
  const int bx = rank_ % px_, by = rank_ / px_;
  const Subdomain& b = block();
  const int h = b.halo, w = b.nx + 2 * h;
  if (bx > 0) sides_[0].push_back({rank_ - 1, {h, b.ny, h, h}, {h, b.ny, 0, h}, 0, 1});
  if (bx < px_ - 1) {
    sides_[0].push_back({rank_ + 1, {h, b.ny, b.nx, h}, {h, b.ny, b.nx + h, h}, 1, 0});
  }
  if (by > 0) sides_[1].push_back({rank_ - px_, {h, h, 0, w}, {0, h, 0, w}, 0, 1});
  if (by < py_ - 1) sides_[1].push_back({rank_ + px_, {b.ny, h, 0, w}, {b.ny + h, h, 0, w}, 1, 0});
}

Decomposition::SideBuffers& Decomposition::buffers_of(int axis, int side,
                                                      std::size_t values) const {
  SideBuffers& b = buffers_[{axis, side, values}];
  if (b.out.extent(0) != values) {
    b.out = View1D<double>("halo_out", values);
    b.in = View1D<double>("halo_in", values);
    b.out_host = Kokkos::create_mirror_view(b.out);
    b.in_host = Kokkos::create_mirror_view(b.in);
  }
  return b;
}

/// Sends the `send` boxes of q to the neighbours and fills the `recv` boxes from them.
void Decomposition::exchange_sides(int axis, View4D<double> q) const {
  const std::vector<Side>& sides = sides_[axis];
  const std::size_t per_cell = q.extent(0) * q.extent(1);
  std::vector<SideBuffers*> buffers;
  std::vector<MPI_Request> requests;
  for (std::size_t s = 0; s < sides.size(); ++s) {
    SideBuffers& b =
        buffers_of(axis, static_cast<int>(s), per_cell * sides[s].send.nj * sides[s].send.ni);
    copy_box(q, sides[s].send, b.out, BoxCopy::kPack);
    Kokkos::deep_copy(b.out_host, b.out);
    buffers.push_back(&b);
  }
  for (std::size_t s = 0; s < sides.size(); ++s) {
    requests.emplace_back();
    MPI_Irecv(buffers[s]->in_host.data(), static_cast<int>(buffers[s]->in_host.size()), MPI_DOUBLE,
              sides[s].rank, sides[s].recv_tag, MPI_COMM_WORLD, &requests.back());
  }
  for (std::size_t s = 0; s < sides.size(); ++s) {
    requests.emplace_back();
    MPI_Isend(buffers[s]->out_host.data(), static_cast<int>(buffers[s]->out_host.size()),
              MPI_DOUBLE, sides[s].rank, sides[s].send_tag, MPI_COMM_WORLD, &requests.back());
  }
  MPI_Waitall(static_cast<int>(requests.size()), requests.data(), MPI_STATUSES_IGNORE);
  for (std::size_t s = 0; s < sides.size(); ++s) {
    Kokkos::deep_copy(buffers[s]->in, buffers[s]->in_host);
    copy_box(q, sides[s].recv, buffers[s]->in, BoxCopy::kUnpack);
  }
}

void Decomposition::exchange(int axis, View4D<double> q, View3D<double> air) const {
  if (sides_[axis].empty()) return;
  exchange_sides(axis, q);
  const View4D<double> air4(air.data(), 1, air.extent(0), air.extent(1), air.extent(2));
  exchange_sides(axis, air4);
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

double Decomposition::node_sum(double v) const {
  if (size_ == 1) return v;
  MPI_Comm node;
  MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, rank_, MPI_INFO_NULL, &node);
  double out = v;
  MPI_Allreduce(&v, &out, 1, MPI_DOUBLE, MPI_SUM, node);
  MPI_Comm_free(&node);
  return out;
}

std::string Decomposition::broadcast(std::string text) const {
  if (size_ == 1) return text;
  unsigned long length = text.size();
  MPI_Bcast(&length, 1, MPI_UNSIGNED_LONG, 0, MPI_COMM_WORLD);
  text.resize(length);
  if (length > 0) MPI_Bcast(text.data(), static_cast<int>(length), MPI_CHAR, 0, MPI_COMM_WORLD);
  return text;
}

double Decomposition::max(double v) const {
  double out = v;
  if (size_ > 1) MPI_Allreduce(&v, &out, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
  return out;
}

std::vector<double> Decomposition::max(std::vector<double> v) const {
  if (size_ > 1) {
    MPI_Allreduce(MPI_IN_PLACE, v.data(), static_cast<int>(v.size()), MPI_DOUBLE, MPI_MAX,
                  MPI_COMM_WORLD);
  }
  return v;
}

template <class T>
std::vector<T> Decomposition::gather(const std::vector<T>& block, int layers, bool haloed) const {
  const int h = haloed ? whole_.halo : 0;
  const int ny = whole_.ny + 2 * h, nx = whole_.nx + 2 * h;
  if (size_ == 1) return block;
  const Region mine = owned_region(this->block(), haloed);
  std::vector<T> packed(mine.cells() * layers);
  each_cell_of(mine, layers, ny, nx,
               [&](std::size_t n, std::size_t local, std::size_t) { packed[n] = block[local]; });
  std::vector<int> counts(size_), offsets(size_);
  std::size_t total = 0;
  for (int r = 0; r < size_; ++r) {
    counts[r] = static_cast<int>(owned_region(blocks_[r], haloed).cells() * layers);
    offsets[r] = static_cast<int>(total);
    total += counts[r];
  }
  std::vector<T> all(root() ? total : 0);
  MPI_Gatherv(packed.data(), static_cast<int>(packed.size()), mpi_type<T>(), all.data(),
              counts.data(), offsets.data(), mpi_type<T>(), 0, MPI_COMM_WORLD);
  if (!root()) return {};
  std::vector<T> global(static_cast<std::size_t>(layers) * ny * nx);
  for (int r = 0; r < size_; ++r) {
    const T* from = all.data() + offsets[r];
    each_cell_of(owned_region(blocks_[r], haloed), layers, ny, nx,
                 [&](std::size_t n, std::size_t, std::size_t at) { global[at] = from[n]; });
  }
  return global;
}

template <class T>
std::vector<T> Decomposition::block_of(const std::vector<T>& global, int layers,
                                       bool haloed) const {
  if (size_ == 1) return global;
  return block_part(global, block(), layers, haloed);
}

template std::vector<float> Decomposition::gather(const std::vector<float>&, int, bool) const;
template std::vector<double> Decomposition::gather(const std::vector<double>&, int, bool) const;
template std::vector<double> Decomposition::block_of(const std::vector<double>&, int, bool) const;

}  // namespace kctm
