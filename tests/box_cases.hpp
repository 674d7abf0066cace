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

}  // namespace kctm::test
