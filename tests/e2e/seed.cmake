actorgraph_e2e_test(seed COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/seed.py)
actorgraph_e2e_test(sample_exports COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/sample_exports.py)
actorgraph_e2e_test(sample_events COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/samples_events.py)
