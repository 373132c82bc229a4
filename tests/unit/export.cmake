# Export stage unit tests: sanitising and escaping tables, number formatting, format
# detection, each serialiser read back, the HTML page's data block and escaping, atomic
# writes and Graphviz rendering.
actorgraph_unit_test(export
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/test_export_sanitize.cpp
    ${CMAKE_CURRENT_LIST_DIR}/test_export_formats.cpp
    ${CMAKE_CURRENT_LIST_DIR}/test_export_write.cpp
    ${CMAKE_CURRENT_LIST_DIR}/test_export_html.cpp
  DEPS actorgraph_export nlohmann_json::nlohmann_json)
target_include_directories(test_export PRIVATE ${PROJECT_SOURCE_DIR}/tests/fixtures/export)
