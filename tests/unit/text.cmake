actorgraph_unit_test(text SOURCES test_text.cpp test_dates.cpp DEPS actorgraph_text)
