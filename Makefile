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
# cuda-check: the CUDA toolkit (nvcc) and the build folder of the nvcc build.
CUDA_HOME ?= /usr/local/cuda
CUDA_BUILD ?= build-cuda

ifneq ($(KOKKOS_ROOT),)
  override CMAKE_ARGS += -DKokkos_ROOT=$(KOKKOS_ROOT)
endif

.PHONY: all deps configure build demo test test-quick slurm-check cuda-check bench plot-deps cf-deps \
        emission-maps apportionment-maps nightly year sanitize format clean

all: build

deps:
	@KOKKOS_ROOT=$(KOKKOS_ROOT) scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS) >$(BUILD).configure.log 2>&1 \
	  || { cat $(BUILD).configure.log; exit 1; }

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# The demo day, and its pictures (DEMO_OUT/plots/, overview.png the README's) when Debian's
# python3-matplotlib and python3-netcdf4 are installed (make plot-deps).
demo: build
	$(BUILD)/kctm demo --hours $(DEMO_HOURS) --out $(DEMO_OUT) --overwrite
	@if $(PLOT_PYTHON) -c 'import matplotlib, netCDF4' 2>/dev/null; then \
	  $(PLOT_PYTHON) scripts/plot_apportionment.py $(DEMO_OUT); \
	else echo "no pictures: make plot-deps installs matplotlib, then make demo draws them"; fi

test: build
	cd $(BUILD) && ctest --output-on-failure

test-quick: build
	cd $(BUILD) && ctest --output-on-failure -L quick

# The Slurm template's restart chain on a one-node Slurm started here (as root; installs slurm-wlm
# and munge; about 4 minutes on 2 cores): tests/cluster/slurm_chain.sh. Not in CTest: it needs root and daemons.
slurm-check: build
	tests/cluster/slurm_chain.sh $(BUILD)/kctm

bench: build
	$(BUILD)/benchmarks/kctm_bench --benchmark_out=$(BUILD)/bench.json --benchmark_out_format=json
	@echo "benchmark results: $(BUILD)/bench.json"

# The plotting scripts' Python packages, from Debian.
plot-deps:
	@$(PLOT_PYTHON) -c 'import netCDF4, matplotlib' 2>/dev/null \
	  || apt-get install -y -q python3-netcdf4 python3-matplotlib >/dev/null

# The tools the CF test (tests/cli/cf_tools.sh) opens the output with, from Debian: CDO, NCO,
# UDUNITS-2's udunits2 and xarray; the test skips without them.
cf-deps:
	@command -v cdo >/dev/null && command -v ncks >/dev/null && command -v udunits2 >/dev/null \
	  && $(PLOT_PYTHON) -c 'import xarray, netCDF4' 2>/dev/null \
	  || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
	       --no-install-recommends cdo nco udunits-bin python3-xarray python3-netcdf4 >/dev/null; }

# Maps of the annual emissions per sector (PNG per pollutant in emission-maps/).
emission-maps: build plot-deps
	$(BUILD)/kctm emissions --write $(BUILD)/emissions.nc
	$(PLOT_PYTHON) scripts/plot_emissions.py $(BUILD)/emissions.nc emission-maps

# Maps of a run's PM2.5 by source, the stacked contributions and the attainment chart (from
# `kctm attain RUN --scenario scenarios/hengyang-plan.yaml --csv RUN/attain.csv`), in RUN/plots.
RUN ?= $(DEMO_OUT)
apportionment-maps: build plot-deps
	$(BUILD)/kctm attain $(RUN) --scenario scenarios/hengyang-plan.yaml --csv $(RUN)/attain.csv
	$(PLOT_PYTHON) scripts/plot_apportionment.py $(RUN) --attain $(RUN)/attain.csv

# Build, run the validation period, compare with the stations and with the previous night
# (scripts/nightly-validation.sh; settings: HOURS, START, NIGHTLY_DIR, LIMITS).
nightly: deps
	scripts/nightly-validation.sh

# A sampled year: a few days in every month, each after its own spin-up, then the year's
# validation and the plan's targets from its apportionment (scripts/sampled-year.sh; settings:
# MONTHS, SAMPLES or SAMPLE_DAYS, DAYS, SPINUP, SPINUP_MAX, SET, YEAR_DIR; docs/VALIDATION.md).
year: build
	scripts/sampled-year.sh all

# Compiles and links the kctm library, CLI and benchmarks with nvcc against a Kokkos with CUDA (sm_80,
# built into .deps/kokkos-cuda by scripts/build-kokkos-cuda.sh), in $(CUDA_BUILD): that the code
# builds for GPUs. Needs nvcc, no GPU; runs nothing. The tests are left out: with them the nvcc
# build takes over 40 minutes on 2 cores, and CTest's test discovery runs them, which needs a GPU.
CUDA_KOKKOS = $(CURDIR)/.deps/kokkos-cuda
CUDA_CMAKE_ARGS = -DCMAKE_CXX_COMPILER=$(CUDA_KOKKOS)/bin/nvcc_wrapper -DKCTM_NATIVE=OFF \
                  -DKCTM_BUILD_TESTS=OFF
cuda-check:
	@test -x $(CUDA_HOME)/bin/nvcc \
	  || { echo "cuda-check: no nvcc at $(CUDA_HOME)/bin/nvcc (install the CUDA toolkit or set CUDA_HOME)"; exit 1; }
	@KOKKOS_ROOT=$(CUDA_KOKKOS) scripts/install-deps.sh
	@CUDA_HOME=$(CUDA_HOME) scripts/build-kokkos-cuda.sh
	@PATH=$(CUDA_HOME)/bin:$$PATH $(MAKE) --no-print-directory build BUILD=$(CUDA_BUILD) \
	  KOKKOS_ROOT=$(CUDA_KOKKOS) CMAKE_ARGS="$(CUDA_CMAKE_ARGS)"

# The quick tests under AddressSanitizer and UndefinedBehaviorSanitizer: kctm and its tests built
# at -O1 with both (Debug, in $(SANITIZE_BUILD)), any report fails the test that meets it (the
# build lists the tests by running them too). Leak checks are off: MPI, OpenMP and HDF5 keep
# allocations until exit.
SANITIZE_BUILD ?= build-sanitize
SANITIZE_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
SANITIZE_ENV = ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
sanitize:
	@$(SANITIZE_ENV) $(MAKE) --no-print-directory build BUILD=$(SANITIZE_BUILD) CMAKE_ARGS="$(CMAKE_ARGS) \
	  -DCMAKE_BUILD_TYPE=Debug -DKCTM_BUILD_BENCHMARKS=OFF -DCMAKE_CXX_FLAGS_DEBUG='-O1 -g' \
	  -DCMAKE_CXX_FLAGS='$(SANITIZE_FLAGS)' -DCMAKE_EXE_LINKER_FLAGS='$(SANITIZE_FLAGS)' \
	  -DCMAKE_SHARED_LINKER_FLAGS='$(SANITIZE_FLAGS)'"
	cd $(SANITIZE_BUILD) && $(SANITIZE_ENV) ctest --output-on-failure -L quick

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(BUILD).configure.log
