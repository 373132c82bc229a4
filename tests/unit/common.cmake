# Common helpers (lib/common): the node-id alphabet and escaper, and ISO dates.
actorgraph_unit_test(common SOURCES test_node_id.cpp test_iso_date.cpp DEPS actorgraph_common)
