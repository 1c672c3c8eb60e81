# Media module: MP4 encode/decode tests and the encode benchmark (small input under the bench label).
kinora_add_test(tst_media_mp4 SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_media_mp4.cpp LIBS kinora_media)

add_executable(bench_media ${CMAKE_SOURCE_DIR}/tests/bench/bench_media.cpp)
target_link_libraries(bench_media PRIVATE kinora_media)
add_test(NAME bench_media_small COMMAND bench_media --frames 24 --width 320 --height 180)
set_tests_properties(bench_media_small PROPERTIES LABELS bench TIMEOUT 300)
