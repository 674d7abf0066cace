# kctm — thin wrapper: `make demo` and `make test` work on a fresh Debian 12 machine (as root).
# Everything real lives in scripts/ and CMake.
BUILD ?= build
JOBS ?= $(shell nproc)
DEMO_HOURS ?= 24
DEMO_OUT ?= kctm-demo
# Set KOKKOS_ROOT to build against your own Kokkos (CUDA or OpenMP); else one is built in .deps/.
KOKKOS_ROOT ?=
CMAKE_ARGS ?=
# Debian's Python, where python3-netcdf4 and python3-matplotlib install (not a pyenv or venv one).
PLOT_PYTHON ?= /usr/bin/python3

ifneq ($(KOKKOS_ROOT),)
  override CMAKE_ARGS += -DKokkos_ROOT=$(KOKKOS_ROOT)
endif

.PHONY: all deps configure build demo test test-quick bench emission-maps apportionment-maps nightly \
        format clean

all: build

deps:
	@KOKKOS_ROOT=$(KOKKOS_ROOT) scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS) >$(BUILD).configure.log 2>&1 \
	  || { cat $(BUILD).configure.log; exit 1; }

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	$(BUILD)/kctm demo --hours $(DEMO_HOURS) --out $(DEMO_OUT)

test: build
	cd $(BUILD) && ctest --output-on-failure

test-quick: build
	cd $(BUILD) && ctest --output-on-failure -L quick

bench: build
	$(BUILD)/benchmarks/kctm_bench --benchmark_out=$(BUILD)/bench.json --benchmark_out_format=json
	@echo "benchmark results: $(BUILD)/bench.json"

# Maps of the annual emissions per sector (PNG per pollutant in emission-maps/).
emission-maps: build
	@$(PLOT_PYTHON) -c 'import netCDF4, matplotlib' 2>/dev/null \
	  || apt-get install -y -q python3-netcdf4 python3-matplotlib >/dev/null
	$(BUILD)/kctm emissions --write $(BUILD)/emissions.nc
	$(PLOT_PYTHON) scripts/plot_emissions.py $(BUILD)/emissions.nc emission-maps

# Maps of a run's PM2.5 by source, the stacked contributions and the attainment chart (from
# `kctm attain RUN --scenario scenarios/hengyang-plan.yaml --csv RUN/attain.csv`), in RUN/plots.
RUN ?= $(DEMO_OUT)
apportionment-maps: build
	@$(PLOT_PYTHON) -c 'import netCDF4, matplotlib' 2>/dev/null \
	  || apt-get install -y -q python3-netcdf4 python3-matplotlib >/dev/null
	$(BUILD)/kctm attain $(RUN) --scenario scenarios/hengyang-plan.yaml --csv $(RUN)/attain.csv
	$(PLOT_PYTHON) scripts/plot_apportionment.py $(RUN) --attain $(RUN)/attain.csv

# Build, run the validation period, compare with the stations and with the previous night
# (scripts/nightly-validation.sh; settings: HOURS, START, NIGHTLY_DIR, LIMITS).
nightly: deps
	scripts/nightly-validation.sh

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(BUILD).configure.log
