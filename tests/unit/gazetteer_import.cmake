# Gazetteer importers (lib/gazetteer/import): fixtures in tests/fixtures/import/, and the real
# public files in ../shared when present.
actorgraph_unit_test(gazetteer_import
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_gazetteer_import.cpp
          ${CMAKE_CURRENT_LIST_DIR}/test_gazetteer_import_real.cpp
  DEPS actorgraph_gazetteer_import nlohmann_json::nlohmann_json)
