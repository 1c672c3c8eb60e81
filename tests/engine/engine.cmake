# The whole engine: worker supervision under SIGKILL, job specs, the film pipeline.
if(TARGET kinora_engine)
  kinora_add_test(tst_engine_worker SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_engine_worker.cpp
    LIBS kinora_engine kinora_media kinora_store)
  add_dependencies(tst_engine_worker kinora-engine)
endif()
if(TARGET kinora_engine)
  kinora_add_test(tst_engine_pipeline SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_engine_pipeline.cpp
    LIBS kinora_engine kinora_media kinora_engine_types)
  add_dependencies(tst_engine_pipeline kinora-cli)
endif()
