actorgraph_e2e_test(merge COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/merge.sh)
