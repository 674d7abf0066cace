#include "apportionment/summary.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/error.hpp"
#include "base/text_file.hpp"
#include "io/run_id.hpp"

namespace kctm {

ApportionmentSummary::ApportionmentSummary(const SourceSet& sources,
                                           std::vector<std::string> outputs, const RegionMask& mask,
                                           const std::vector<double>& cell_area_m2,
                                           const GlobalGrid& grid, int i0, int j0,
                                           const std::vector<analysis::Station>& stations)
    : sources_(sources), outputs_(std::move(outputs)), columns_(mask.unit_of_cell.size()) {
  Place hengyang{"Hengyang", {}};
  double area = 0;
  for (std::size_t c = 0; c < columns_; ++c) {
    if (mask.unit_of_cell[c] < 0) continue;
    const double a = cell_area_m2[c] * mask.unit_fraction[c];
    hengyang.columns.push_back({c, a});
    area += a;
  }
  for (auto& [c, w] : hengyang.columns) w /= area;
  places_.push_back(hengyang);
  for (const analysis::Station& s : stations) {
    int gi = 0, gj = 0;
    const bool inside = grid.locate({s.lon_deg, s.lat_deg}, gi, gj);
    const int i = gi - i0, j = gj - j0;
    if (!inside || i < 0 || j < 0 || i >= mask.nx || j >= mask.ny) continue;
    places_.push_back({s.code, {{static_cast<std::size_t>(j) * mask.nx + i, 1.0}}});
  }
  sum_.assign(places_.size() * outputs_.size() * sources_.size(), 0.0);
  last_ = sum_;
}

void ApportionmentSummary::add(const std::vector<std::vector<float>>& record) {
  const std::size_t n_src = sources_.size();
  for (std::size_t p = 0; p < places_.size(); ++p) {
    for (std::size_t o = 0; o < outputs_.size(); ++o) {
      for (std::size_t s = 0; s < n_src; ++s) {
        double v = 0;
        for (const auto& [c, w] : places_[p].columns) v += w * record[o][s * columns_ + c];
        sum_[(p * outputs_.size() + o) * n_src + s] += v;
        last_[(p * outputs_.size() + o) * n_src + s] = v;
      }
    }
  }
  ++hours_;
}

double ApportionmentSummary::mean(int p, int o, int source) const {
  const std::size_t i = (static_cast<std::size_t>(p) * outputs_.size() + o) * sources_.size();
  return hours_ > 0 ? sum_[i + source] / hours_ : 0.0;
}

namespace {
double share_pct(double part, double whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }
}  // namespace

double ApportionmentSummary::total(int p, int o) const {
  double sum = 0;
  for (int s = 0; s < sources_.size(); ++s) sum += mean(p, o, s);
  return sum;
}

void ApportionmentSummary::write_csv(const std::string& path, const std::string& run_id) const {
  std::string csv = run_id_comment(run_id) + "\nplace,source,category";
  for (const std::string& o : outputs_) csv += "," + o + "_ug_m3," + o + "_share_pct";
  csv += '\n';
  for (int p = 0; p < n_places(); ++p) {
    for (int s = 0; s < sources_.size(); ++s) {
      csv +=
          places_[p].name + ',' + sources_.names[s] + ',' + category_name(sources_.categories[s]);
      for (int o = 0; o < static_cast<int>(outputs_.size()); ++o) {
        const double m = mean(p, o, s);
        csv += fmt::format(",{:.6g},{:.4g}", m, share_pct(m, total(p, o)));
      }
      csv += '\n';
    }
  }
  write_text_file(path, csv, "source apportionment summary");
}

std::string ApportionmentSummary::table() const {
  const auto pm = std::find(outputs_.begin(), outputs_.end(), "PM25_SA");
  const auto o3 = std::find(outputs_.begin(), outputs_.end(), "O3_SA");
  if (pm == outputs_.end() || o3 == outputs_.end()) return "";
  const int ipm = static_cast<int>(pm - outputs_.begin()),
            io3 = static_cast<int>(o3 - outputs_.begin());
  const double pm_total = total(0, ipm), o3_total = total(0, io3);
  std::string text = fmt::format("{:<28} {:>10} {:>7} {:>10} {:>7}\n", "source (over Hengyang)",
                                 "PM2.5", "%", "O3", "%");
  auto row = [&](const std::string& name, double p, double o) {
    text += fmt::format("{:<28} {:>10.3g} {:>6.1f}% {:>10.3g} {:>6.1f}%\n", name, p,
                        share_pct(p, pm_total), o, share_pct(o, o3_total));
  };
  for (int s = 0; s < sources_.size(); ++s) {
    row(sources_.names[s], mean(0, ipm, s), mean(0, io3, s));
  }
  for (const SourceCategory c :
       {SourceCategory::Local, SourceCategory::Regional, SourceCategory::Background,
        SourceCategory::Initial, SourceCategory::Mixed}) {
    double p = 0, o = 0;
    for (int s = 0; s < sources_.size(); ++s) {
      if (sources_.categories[s] != c) continue;
      p += mean(0, ipm, s);
      o += mean(0, io3, s);
    }
    if (p > 0 || o > 0) row(std::string("category: ") + category_name(c), p, o);
  }
  text += "(ug m-3, lowest layer, mean over the output hours)";
  if (sources_.initial >= 0 && hours_ > 0) {
    // What the initial air still holds at the end: how far the run is from its start.
    const std::size_t n_src = sources_.size();
    auto last_share = [&](int o) {
      double all = 0;
      for (std::size_t s = 0; s < n_src; ++s) all += last_[o * n_src + s];
      return share_pct(last_[o * n_src + sources_.initial], all);
    };
    text += fmt::format(
        "\ninitial air in the last hour: {:.1f} % of PM2.5, {:.1f} % of O3 over Hengyang "
        "(time.spinup_days runs it down before the output starts)",
        last_share(ipm), last_share(io3));
  }
  return text;
}

void ApportionmentSummary::save_to(Checkpoint& c) const {
  c.arrays["apportionment_summary.sums"] = sum_;
  c.arrays["apportionment_summary.hours"] = {static_cast<double>(hours_)};
}

void ApportionmentSummary::restore_from(const Checkpoint& c, const std::string& path) {
  sum_ = c.array(path, "apportionment_summary.sums", sum_.size());
  hours_ = static_cast<long>(c.array(path, "apportionment_summary.hours", 1)[0]);
}

}  // namespace kctm
