# `cmake --install` puts the kctm executable, libkctm, its headers (include/kctm/<room>/...), an
# exported CMake package (find_package(kctm) → kctm::kctm) and share/kctm (the default
# configuration, the built-in tables and the data folder's README).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS kctm EXPORT kctmTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS kctm_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The default configuration and the built-in tables (also embedded in the binary), to read and
# copy; share/kctm/data is the data folder an installed kctm looks in (docs/DATA.md).
install(FILES config/default_config.yaml DESTINATION ${CMAKE_INSTALL_DATADIR}/kctm)
install(DIRECTORY emissions/data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/kctm/emissions)
install(DIRECTORY meteo/data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/kctm/meteo)
install(FILES docs/DATA.md DESTINATION ${CMAKE_INSTALL_DATADIR}/kctm/data RENAME README.md)
foreach(room ${KCTM_ROOMS})
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${room}/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kctm/${room}
          FILES_MATCHING PATTERN "*.hpp")
endforeach()
install(FILES ${KCTM_GENERATED}/base/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kctm/base)
install(FILES ${KCTM_MECHANISM_HEADER} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kctm/chemistry)

set(KCTM_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/kctm)
install(EXPORT kctmTargets NAMESPACE kctm:: DESTINATION ${KCTM_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/kctmConfig.cmake.in
  ${PROJECT_BINARY_DIR}/kctmConfig.cmake INSTALL_DESTINATION ${KCTM_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/kctmConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/kctmConfig.cmake ${PROJECT_BINARY_DIR}/kctmConfigVersion.cmake
        DESTINATION ${KCTM_CMAKE_DIR})
