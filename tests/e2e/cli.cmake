# The command line, end to end (tests/e2e/cli_*.sh, helpers in cli_lib.sh): usage, help and
# version; each document reader; each bad-input case with its message and exit code; I/O
# failures and atomic output; logging levels; identical output for any -j; signals.
foreach(script usage readers bad_input io logging determinism compile signals)
  actorgraph_e2e_test(cli_${script} COMMAND /bin/bash ${CMAKE_CURRENT_LIST_DIR}/cli_${script}.sh)
endforeach()

# size_linear: one document repeating one event 200,000 times; quadratic work in a document
# would not finish within the timeout (see the script).
actorgraph_e2e_test(size_linear COMMAND /bin/bash ${CMAKE_CURRENT_LIST_DIR}/size_linear.sh)
set_tests_properties("e2e: size_linear" PROPERTIES TIMEOUT 120)
