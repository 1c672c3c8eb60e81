# Speech stage tests (espeak-ng synthesis, voice casting, visemes) and the speech benchmark.
kinora_add_test(tst_speech_synthesis SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_speech_synthesis.cpp LIBS kinora_audio)
kinora_add_test(tst_speech_voices SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_speech_voices.cpp LIBS kinora_audio)
kinora_add_test(tst_speech_visemes SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_speech_visemes.cpp LIBS kinora_audio)

add_executable(bench_speech ${CMAKE_SOURCE_DIR}/tests/bench/bench_speech.cpp)
target_link_libraries(bench_speech PRIVATE kinora_audio)
add_test(NAME bench_speech_small COMMAND bench_speech --repeat 2)
set_tests_properties(bench_speech_small PROPERTIES LABELS bench TIMEOUT 300)
