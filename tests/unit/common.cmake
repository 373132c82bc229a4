# Common helpers (lib/common): the node-id alphabet and escaper, and ISO dates.
actorgraph_unit_test(common SOURCES test_node_id.cpp DEPS actorgraph_common)
