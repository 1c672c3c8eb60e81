# Renderer tests (camera path, images, styles) and the render benchmark (label "bench").
kinora_add_test(tst_render_camera SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_render_camera.cpp LIBS kinora_render)
kinora_add_test(tst_render_image SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_render_image.cpp LIBS kinora_render)
kinora_add_test(tst_render_styles SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_render_styles.cpp LIBS kinora_render)

add_executable(bench_render ${CMAKE_SOURCE_DIR}/tests/bench/bench_render.cpp)
target_link_libraries(bench_render PRIVATE kinora_render)
add_test(NAME bench_render_small COMMAND bench_render --frames 4 --width 214 --height 120)
set_tests_properties(bench_render_small PROPERTIES LABELS bench TIMEOUT 300)

# Same bytes whatever the thread counts or the load; it sets libtorch's thread count itself.
find_package(Torch REQUIRED)
# The CPU ray-cast loops against the tensor version of the same casts (white-box: private header).
kinora_add_test(tst_render_kernels SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_render_kernels.cpp
                LIBS kinora_render ${TORCH_LIBRARIES})
target_include_directories(tst_render_kernels PRIVATE ${CMAKE_SOURCE_DIR}/src)

kinora_add_test(tst_render_determinism SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_render_determinism.cpp
                LIBS kinora_render ${TORCH_LIBRARIES})
