# Finds a Kokkos (3.4 or 4.x) with a parallel backend, in this order:
#   1. the one the user names with -DKokkos_ROOT=... (or the Kokkos_ROOT environment variable);
#      it must have a parallel backend;
#   2. one installed on the system, if it has a parallel backend (Debian 12's libtrilinos-kokkos-dev
#      has the Serial backend alone, so it is passed over);
#   3. the one scripts/build-kokkos.sh builds with OpenMP into .deps/kokkos (built here when missing).
# The backend is read from KokkosConfigCommon.cmake before the package is loaded, so a serial-only
# Kokkos never defines targets that would clash with the chosen one.
set(KCTM_PARALLEL_BACKENDS OPENMP CUDA HIP SYCL THREADS OPENMPTARGET)
set(KCTM_OWN_KOKKOS ${PROJECT_SOURCE_DIR}/.deps/kokkos)

function(kctm_kokkos_devices config_dir out)
  set(devices "")
  if(EXISTS ${config_dir}/KokkosConfigCommon.cmake)
    file(STRINGS ${config_dir}/KokkosConfigCommon.cmake lines REGEX "^[Ss][Ee][Tt]\\(Kokkos_DEVICES ")
    if(lines)
      list(GET lines 0 line)
      string(REGEX REPLACE "^[Ss][Ee][Tt]\\(Kokkos_DEVICES[ ]+\"?([^\")]*)\"?\\).*" "\\1" devices "${line}")
    endif()
  endif()
  set(${out} "${devices}" PARENT_SCOPE)
endfunction()

function(kctm_is_parallel devices out)
  set(result FALSE)
  foreach(d ${devices})
    string(TOUPPER ${d} d)
    if(d IN_LIST KCTM_PARALLEL_BACKENDS)
      set(result TRUE)
    endif()
  endforeach()
  set(${out} ${result} PARENT_SCOPE)
endfunction()

set(_kctm_suffixes lib/cmake/Kokkos lib64/cmake/Kokkos lib/${CMAKE_LIBRARY_ARCHITECTURE}/cmake/Kokkos)
set(_kctm_user_root "${Kokkos_ROOT}")
if(NOT _kctm_user_root AND DEFINED ENV{Kokkos_ROOT})
  set(_kctm_user_root "$ENV{Kokkos_ROOT}")
endif()

if(_kctm_user_root)
  find_path(KCTM_KOKKOS_CONFIG_DIR KokkosConfig.cmake PATHS ${_kctm_user_root}
            PATH_SUFFIXES ${_kctm_suffixes} NO_DEFAULT_PATH)
  if(NOT KCTM_KOKKOS_CONFIG_DIR)
    message(FATAL_ERROR "kctm: no KokkosConfig.cmake under Kokkos_ROOT=${_kctm_user_root}")
  endif()
  kctm_kokkos_devices(${KCTM_KOKKOS_CONFIG_DIR} _devices)
  kctm_is_parallel("${_devices}" _parallel)
  if(NOT _parallel)
    message(FATAL_ERROR "kctm: the Kokkos at ${_kctm_user_root} has only the backends '${_devices}'; "
                        "kctm needs OpenMP, CUDA, HIP, SYCL or Threads")
  endif()
else()
  find_path(KCTM_SYSTEM_KOKKOS_DIR KokkosConfig.cmake PATH_SUFFIXES ${_kctm_suffixes})
  set(_parallel FALSE)
  if(KCTM_SYSTEM_KOKKOS_DIR AND NOT KCTM_SYSTEM_KOKKOS_DIR MATCHES "^${KCTM_OWN_KOKKOS}")
    kctm_kokkos_devices(${KCTM_SYSTEM_KOKKOS_DIR} _devices)
    kctm_is_parallel("${_devices}" _parallel)
    if(NOT _parallel)
      message(STATUS "kctm: passing over the serial-only Kokkos in ${KCTM_SYSTEM_KOKKOS_DIR}")
    endif()
  endif()
  if(_parallel)
    set(KCTM_KOKKOS_CONFIG_DIR ${KCTM_SYSTEM_KOKKOS_DIR})
  else()
    if(NOT EXISTS ${KCTM_OWN_KOKKOS}/lib/cmake/Kokkos/KokkosConfig.cmake
       AND NOT EXISTS ${KCTM_OWN_KOKKOS}/lib64/cmake/Kokkos/KokkosConfig.cmake)
      message(STATUS "kctm: building Kokkos with OpenMP into ${KCTM_OWN_KOKKOS}")
      execute_process(COMMAND ${PROJECT_SOURCE_DIR}/scripts/build-kokkos.sh RESULT_VARIABLE _rc)
      if(NOT _rc EQUAL 0)
        message(FATAL_ERROR "kctm: scripts/build-kokkos.sh failed (${_rc})")
      endif()
    endif()
    find_path(KCTM_KOKKOS_CONFIG_DIR KokkosConfig.cmake PATHS ${KCTM_OWN_KOKKOS}
              PATH_SUFFIXES lib/cmake/Kokkos lib64/cmake/Kokkos NO_DEFAULT_PATH)
  endif()
endif()

find_package(Kokkos 3.4 CONFIG REQUIRED PATHS ${KCTM_KOKKOS_CONFIG_DIR} NO_DEFAULT_PATH)
message(STATUS "kctm: Kokkos ${Kokkos_VERSION} from ${Kokkos_DIR} with backends ${Kokkos_DEVICES}")
