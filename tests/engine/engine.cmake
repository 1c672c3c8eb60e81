# The whole engine: worker supervision under SIGKILL, job specs, the film pipeline.
if(TARGET kinora_engine)
  kinora_add_test(tst_engine_worker SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_engine_worker.cpp
    LIBS kinora_engine kinora_media kinora_store)
  add_dependencies(tst_engine_worker kinora-engine)
endif()
if(TARGET kinora_engine)
  kinora_add_test(tst_engine_pipeline SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_engine_pipeline.cpp
    LIBS kinora_engine kinora_media kinora_engine_types kinora_audio)
  add_dependencies(tst_engine_pipeline kinora-cli)
  # Runs alone: two encodes in one process can differ when the machine is saturated (under
  # investigation, see the issue notes); alone it checks determinism reliably.
  set_tests_properties(tst_engine_pipeline PROPERTIES RUN_SERIAL TRUE)
endif()
if(TARGET kinora_engine)
  add_executable(bench_film ${CMAKE_SOURCE_DIR}/tests/bench/bench_film.cpp)
  target_link_libraries(bench_film PRIVATE kinora_engine kinora_render)
  target_compile_definitions(bench_film PRIVATE KINORA_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  add_test(NAME bench_film_small COMMAND bench_film --shots 1,3 --fps 6)
  set_tests_properties(bench_film_small PROPERTIES LABELS bench TIMEOUT 600)
endif()
if(TARGET kinora_engine AND TARGET kinora_export)
  # kinora-cli render through the supervised worker and the take cache (runs both binaries).
  kinora_add_test(tst_render_cli SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_render_cli.cpp
    LIBS kinora_media kinora_story kinora_store)
  add_dependencies(tst_render_cli kinora-cli kinora-engine)
endif()
