#pragma once
// The one home of kctm's physical and mathematical constants, in the manner of E3SM EAMxx's
// physics_constants.hpp: each a `constexpr double` at namespace scope, so usable on host and device
// (inside KOKKOS_LAMBDA and KOKKOS_INLINE_FUNCTION), with its unit in brackets and the source of
// its value. Derived constants are computed here from their parts, not spelled. No other file
// spells these values; a function that wants a short name takes a local alias, e.g.
// `constexpr double kG = constants::kGravity;`.

namespace kctm::constants {

// --- Mathematics -------------------------------------------------------------------------------

constexpr double kPi = 3.14159265358979323846;    ///< π [1]
constexpr double kDegToRad = kPi / 180.0;         ///< degrees to radians [rad deg-1]
constexpr double kRadToDeg = 180.0 / kPi;         ///< radians to degrees [deg rad-1]
constexpr double kLn10 = 2.30258509299404568402;  ///< ln 10: log10(x) = ln(x) / kLn10 [1]

// --- Defining constants of the SI (CODATA 2018; exact since the 2019 redefinition) -------------

/// Boltzmann constant k_B [J K-1] (CODATA 2018, exact).
constexpr double kBoltzmann = 1.380649e-23;
/// Avogadro constant N_A [mol-1] (CODATA 2018, exact).
constexpr double kAvogadro = 6.02214076e23;
/// Molar gas constant R = N_A k_B = 8.314 462 618... [J mol-1 K-1] (CODATA 2018, exact).
constexpr double kGasConstant = kAvogadro * kBoltzmann;
/// Standard atmosphere, 1 atm = 101 325 [Pa] (10th CGPM 1954, exact by definition).
constexpr double kStandardAtmosphere = 101325.0;
/// Molar gas constant in litre-atmospheres, R / (1 atm) ≈ 0.0820574 [L atm mol-1 K-1] (derived).
constexpr double kGasConstantLatm = kGasConstant * 1e3 / kStandardAtmosphere;

// --- The Earth and its surface layer -------------------------------------------------------------

/// Standard acceleration of gravity g_n [m s-2] (3rd CGPM 1901, exact by definition; the value of
/// the WMO and of the U.S. Standard Atmosphere 1976).
constexpr double kGravity = 9.80665;

/// von Kármán constant κ [1] (Högström 1996, Boundary-Layer Meteorol. 78:215: 0.40 ± 0.01; the
/// value of WRF's module_model_constants `karman`).
constexpr double kKarman = 0.4;

// --- Dry air and water ---------------------------------------------------------------------------

/// Molar mass of dry air M_d = 28.9644 g mol-1 [kg mol-1] (U.S. Standard Atmosphere 1976, the
/// sea-level mean molecular weight M_0).
constexpr double kMolarMassDryAir = 28.9644e-3;

/// Specific gas constant of dry air R_d = R / M_d ≈ 287.058 [J kg-1 K-1] (derived).
constexpr double kRd = kGasConstant / kMolarMassDryAir;

/// Specific heat of dry air at constant pressure c_p = 7/2 R_d ≈ 1004.70 [J kg-1 K-1] (derived:
/// an ideal diatomic gas; WRF's module_model_constants likewise sets cp = 7 r_d / 2).
constexpr double kCpDryAir = 3.5 * kRd;

/// Poisson constant κ = R_d / c_p = 2/7 [1] (derived), the exponent of potential temperature.
constexpr double kKappa = kRd / kCpDryAir;

/// Molar mass of water M_w = 18.015 g mol-1 [kg mol-1] (IUPAC/CIAAW abridged standard atomic
/// weights, H 1.008 and O 15.999).
constexpr double kMolarMassWater = 18.015e-3;

// --- WRF's own values, for reading WRF output consistently ---------------------------------------

/// WRF's gravity [m s-2] (WRF share/module_model_constants.F, `g = 9.81`). WRF defines its
/// geopotential PH + PHB with this g, so converting PH/PHB to height must divide by this 9.81, not
/// by kGravity, to give back WRF's own heights. For that conversion only.
constexpr double kWrfGravity = 9.81;

/// Radius of WRF's spherical Earth [m] (WRF share/module_llxy.F and WPS constants_module,
/// `EARTH_RADIUS_M = 6370000.`, "same as MM5"): WRF's map projections assume this sphere, so kctm
/// grids that carry WRF fields use it too.
constexpr double kWrfEarthRadius = 6370000.0;

}  // namespace kctm::constants
