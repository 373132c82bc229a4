actorgraph_unit_test(tagger SOURCES test_tagger.cpp DEPS actorgraph_tagger)
