actorgraph_e2e_test(merge COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/merge.sh)
# merge_splits: merge ≡ extract at every document boundary of the samples, a generated corpus
# of same-day events across documents and the readouts (skipped when absent), shards in
# either order and one-document shards shuffled (tests/e2e/merge_splits.py).
actorgraph_e2e_test(merge_splits COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/merge_splits.py)
set_tests_properties("e2e: merge_splits" PROPERTIES TIMEOUT 240)
