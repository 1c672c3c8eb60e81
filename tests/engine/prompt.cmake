# PromptCompiler tests (prompt -> ScenePlan, ScenePlan JSON) and the prompt benchmark.
kinora_add_test(tst_prompt_compiler SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_prompt_compiler.cpp LIBS kinora_prompt)
kinora_add_test(tst_prompt_json SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_prompt_json.cpp LIBS kinora_prompt)

add_executable(bench_prompt ${CMAKE_SOURCE_DIR}/tests/bench/bench_prompt.cpp)
target_include_directories(bench_prompt PRIVATE ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(bench_prompt PRIVATE kinora_prompt)
add_test(NAME bench_prompt_small COMMAND bench_prompt --repeat 5)
set_tests_properties(bench_prompt_small PROPERTIES LABELS bench TIMEOUT 300)
