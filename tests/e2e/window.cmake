# window: a document larger than a window (made small with ACTORGRAPH_WINDOW_BYTES) gives the
# output of the document analysed whole, and a 16 MB document's memory stays near a 4 MB one's.
actorgraph_e2e_test(window COMMAND /bin/bash ${CMAKE_CURRENT_LIST_DIR}/window.sh)
set_tests_properties("e2e: window" PROPERTIES TIMEOUT 120)
# Under AddressSanitizer the peak memory is its shadow and quarantine: the memory check is
# skipped there (the outputs are still compared).
if(ACTORGRAPH_SANITIZE)
  set_property(TEST "e2e: window" APPEND PROPERTY ENVIRONMENT ACTORGRAPH_SANITIZED=1)
endif()
