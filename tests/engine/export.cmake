# Export: the film exporter on a real project (in process), the kinora-cli export command, and
# the export benchmark against the ffmpeg tool (small input under the bench label).
if(TARGET kinora_export)
  kinora_add_test(tst_export_film SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_export_film.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/tst_export_project.h LIBS kinora_export kinora_media kinora_story kinora_store)
  kinora_add_test(tst_export_cli SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_export_cli.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/tst_export_project.h LIBS kinora_media kinora_story kinora_store Qt6::Gui)
  add_dependencies(tst_export_cli kinora-cli)

  if(EXISTS ${CMAKE_SOURCE_DIR}/tests/bench/bench_export.cpp)
    add_executable(bench_export ${CMAKE_SOURCE_DIR}/tests/bench/bench_export.cpp)
    target_link_libraries(bench_export PRIVATE kinora_media)
    add_test(NAME bench_export_small COMMAND bench_export --seconds 2)
    set_tests_properties(bench_export_small PROPERTIES LABELS bench TIMEOUT 300 ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
  endif()
endif()
