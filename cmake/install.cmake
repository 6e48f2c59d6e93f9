# `cmake --install build --prefix P` installs what an out-of-tree strategy plugin needs:
#   P/bin/abt, P/include/abt/{engine,strategies,testkit}/**.hpp, P/lib/libabt_engine.a,
#   P/lib/libabt_strategies.a, P/lib/libabt_testkit.a, P/lib/cmake/abt/abtConfig.cmake (+ version file and
#   targets), so that a plugin project does find_package(abt REQUIRED) and links abt::engine (abt::strategies
#   for the built-in building blocks, abt::testkit for its unit tests). The application (app/: run layer,
#   report, run store, sweeps) is not part of the library; its only installed piece is the `abt` tool.
# With -DABT_BUILD_TESTS=OFF -DABT_BUILD_BENCHMARKS=OFF a build for installing compiles the library and the
# tool only.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(DIRECTORY ${ABT_SOURCE_ROOT}/engine/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/abt/engine
        FILES_MATCHING PATTERN "*.hpp")
install(DIRECTORY ${ABT_SOURCE_ROOT}/strategies/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/abt/strategies
        FILES_MATCHING PATTERN "*.hpp")
install(DIRECTORY ${ABT_SOURCE_ROOT}/testkit/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/abt/testkit
        FILES_MATCHING PATTERN "*.hpp")
set_target_properties(abt_warnings PROPERTIES EXPORT_NAME warnings)
install(TARGETS abt_engine abt_strategies abt_testkit abt_warnings EXPORT abtTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS abt RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(EXPORT abtTargets NAMESPACE abt:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/abt)
configure_package_config_file(${ABT_SOURCE_ROOT}/cmake/abtConfig.cmake.in
                              ${CMAKE_BINARY_DIR}/abtConfig.cmake
                              INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/abt
                              PATH_VARS CMAKE_INSTALL_BINDIR)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/abtConfigVersion.cmake
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY ExactVersion)
install(FILES ${CMAKE_BINARY_DIR}/abtConfig.cmake ${CMAKE_BINARY_DIR}/abtConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/abt)
