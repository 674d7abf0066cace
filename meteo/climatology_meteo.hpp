#pragma once
// The default meteorology: a typical Hengyang year from the station's climate normals
// (meteo/weather_generator.hpp), spread over the domain with a boundary layer and vertical
// profiles. The wind is horizontally uniform in each layer (so ρ·u has no horizontal divergence
// and the flow is mass-consistent), and so are temperature, humidity and density; the sun, the
// surface heat flux, u*, L and Kz vary by column with the solar elevation.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "grids/global_grid.hpp"
#include "grids/subdomain.hpp"
#include "meteo/kz_floor.hpp"
#include "meteo/meteo_source.hpp"
#include "meteo/weather_generator.hpp"

namespace kctm {

struct ClimatologyMeteoConfig {
  std::string normals_file;  ///< "" for the built-in Hengyang (57872) normals
  std::uint64_t seed;        ///< of the weather generator: the same seed, the same year
  double roughness_m;        ///< surface roughness length [m]
  double kz_min_m2_s;        ///< Kz floor of rural columns [m2 s-1]
  double kz_min_urban_m2_s;  ///< ... of wholly urban columns (meteo/kz_floor.hpp) [m2 s-1]
  int land_use;              ///< USGS 24-category land use of every column
};

class ClimatologyMeteo : public MeteoSource {
 public:
  /// `urban_fraction`: the urban share of each interior column (j, i) of `sub`, which raises its
  /// Kz floor (inputs/urban_fraction.hpp); empty: every column rural.
  ClimatologyMeteo(const ClimatologyMeteoConfig& config, const GlobalGrid& grid,
                   const Subdomain& sub, std::vector<double> urban_fraction = {});
  MeteoSnapshot at(UnixSeconds t) const override;
  /// Hourly, as meteorological input files.
  double update_interval_s() const override { return 3600.0; }
  const WeatherGenerator& weather() const { return weather_; }

  /// Boundary-layer height at time t [m]: by day the convective layer grown by the day's heat
  /// input (encroachment), by night the stable layer's height from u* and L.
  double pbl_height_m(UnixSeconds t) const;

  /// The boundary layer's mean wind at time t, (u, v) [m s-1]: the transport's wind of the layers
  /// that begin below the boundary-layer height (the lowest at least), weighted by thickness. The
  /// wind is the same over the whole domain.
  std::array<double, 2> mixed_layer_wind(UnixSeconds t) const;

 private:
  struct Surface {
    double sw_w_m2, heat_w_m2, cos_zenith;
  };
  Surface surface_at(const HourlyWeather& w, UnixSeconds t, double lat_deg, double lon_deg) const;

  ClimatologyMeteoConfig config_;
  const GlobalGrid& grid_;
  Subdomain sub_;
  WeatherGenerator weather_;
  KzFloor kz_floor_;
  std::vector<double> lat_deg_, lon_deg_;  ///< interior column centres (j, i)
};

}  // namespace kctm
