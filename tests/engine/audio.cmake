# Sound stage tests (effects, ambience, mix, loudness) measured on rendered audio, with real scenes
# simulated by the torch-free World; the tests measure loudness with libebur128 themselves.
find_package(PkgConfig REQUIRED)
pkg_check_modules(EBUR128_TESTS REQUIRED IMPORTED_TARGET libebur128)

kinora_add_test(tst_audio_effects SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_audio_effects.cpp
  LIBS kinora_audio kinora_world)
kinora_add_test(tst_audio_mix SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_audio_mix.cpp
  LIBS kinora_audio kinora_world PkgConfig::EBUR128_TESTS)

add_executable(bench_audio ${CMAKE_SOURCE_DIR}/tests/bench/bench_audio.cpp)
target_link_libraries(bench_audio PRIVATE kinora_audio kinora_world)
add_test(NAME bench_audio_small COMMAND bench_audio --seconds 3)
set_tests_properties(bench_audio_small PROPERTIES LABELS bench TIMEOUT 300)
