# Export stage, end to end: a program writes the adversarial graph in every format, then
# export_check.py validates the files (xmllint against the shared schemas, Graphviz) and
# loads them with networkx, igraph, graph-tool and pydot.
add_executable(export_fixture ${CMAKE_CURRENT_LIST_DIR}/export_fixture.cpp)
target_link_libraries(export_fixture PRIVATE actorgraph_export)
target_include_directories(export_fixture PRIVATE ${PROJECT_SOURCE_DIR}/tests/fixtures/export)
actorgraph_warnings(export_fixture)
set_target_properties(export_fixture PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)

actorgraph_e2e_test(export_formats
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/export_check.py $<TARGET_FILE:export_fixture>)
