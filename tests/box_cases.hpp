#pragma once
// Box-model cases shared by the chemistry tests.
#include "app/box_model.hpp"

namespace kctm::test {

/// A polluted urban summer day in Hengyang: 24 h from 06:00 Beijing time on 15 July, with the
/// city's emissions and a slow exchange with cleaner regional air.
inline BoxConfig polluted_urban_box() {
  BoxConfig c;
  parse_iso8601("2019-07-15T06:00:00+08:00", c.start);
  c.hours = 24;
  c.step_s = 600;
  c.output_every_s = 3600;
  c.temperature_k = 302.0;
  c.temperature_amplitude_k = 4.0;
  c.relative_humidity = 0.65;
  c.dilution_per_h = 0.05;
  c.initial = {{"O3", 30},  {"NO", 10},  {"NO2", 25}, {"CO", 500},  {"HCHO", 5},   {"ALD", 4},
               {"ALK", 30}, {"OLE", 5},  {"ARO", 8},  {"ISOP", 1},  {"TERP", 0.3}, {"SO2", 8},
               {"NH3", 15}, {"HNO3", 1}, {"H2O2", 1}, {"PAN", 0.5}, {"SULF", 10},  {"NH4", 4},
               {"NIT", 2},  {"POA", 8},  {"PEC", 3}};
  c.emissions = {{"NO", 2.0},  {"NO2", 0.2}, {"CO", 40},    {"ALK", 3},
                 {"OLE", 0.6}, {"ARO", 1.0}, {"HCHO", 0.2}, {"ALD", 0.2},
                 {"SO2", 0.5}, {"NH3", 1.0}, {"ISOP", 0.5}, {"TERP", 0.1}};
  c.background = {{"O3", 40}, {"CO", 150}, {"NH3", 3}};
  return c;
}

/// A polluted winter day in Hengyang: from 18:00 Beijing time on 14 January, with the city's
/// winter emissions, in a 300 m deep layer over the ground (night-time HONO forms on it), humid
/// and cool as the January normals (6 °C, RH 80 %), sunny the next day.
inline BoxConfig polluted_winter_box() {
  BoxConfig c;
  parse_iso8601("2019-01-14T18:00:00+08:00", c.start);
  c.hours = 20;  // to 14:00 the next day
  c.step_s = 600;
  c.output_every_s = 1800;
  c.temperature_k = 279.0;
  c.temperature_amplitude_k = 3.0;
  c.relative_humidity = 0.8;
  c.mixing_height_m = 300;
  c.dilution_per_h = 0.05;
  c.initial = {{"O3", 15},    {"NO", 15},   {"NO2", 40},   {"CO", 1200}, {"HCHO", 4}, {"ALD", 3},
               {"ALK", 25},   {"OLE", 4},   {"ARO", 6},    {"SO2", 10},  {"NH3", 10}, {"HNO3", 0.5},
               {"H2O2", 0.2}, {"PAN", 0.3}, {"HONO", 0.5}, {"SULF", 18}, {"NH4", 12}, {"NIT", 20},
               {"POA", 15},   {"PEC", 4},   {"POTH", 15}};
  c.emissions = {{"NO", 2.0},  {"NO2", 0.3}, {"HONO", 0.02}, {"CO", 50},   {"ALK", 3},
                 {"OLE", 0.6}, {"ARO", 1.0}, {"HCHO", 0.2},  {"ALD", 0.2}, {"SO2", 0.6},
                 {"NH3", 0.8}, {"POA", 1.0}, {"PEC", 0.3}};
  c.background = {{"O3", 35}, {"CO", 300}, {"NH3", 3}};
  return c;
}

}  // namespace kctm::test
