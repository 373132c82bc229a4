# Document readers (lib/documents): text files, folders, JSON Lines, BOM/CRLF, and each
# bad-input case with its message. Fixtures in tests/fixtures/documents/.
actorgraph_unit_test(documents SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_documents.cpp DEPS actorgraph_documents)
