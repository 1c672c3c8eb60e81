# World stage tests: physics truths, figures and the scene set; and the world benchmark.
kinora_add_test(tst_world_physics SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_world_physics.cpp LIBS kinora_world)
kinora_add_test(tst_world_figures SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_world_figures.cpp LIBS kinora_world)
kinora_add_test(tst_world_scene SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_world_scene.cpp LIBS kinora_world)

add_executable(bench_world ${CMAKE_SOURCE_DIR}/tests/bench/bench_world.cpp)
target_link_libraries(bench_world PRIVATE kinora_world)
add_test(NAME bench_world_small COMMAND bench_world --seconds 4)
set_tests_properties(bench_world_small PROPERTIES LABELS bench TIMEOUT 300)
# Motion words end to end: the PromptCompiler's plans ("walks past", "runs after it", "slowly") in the World.
kinora_add_test(tst_world_motion SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_world_motion.cpp LIBS kinora_world kinora_prompt)
