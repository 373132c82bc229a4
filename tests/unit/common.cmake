# Common helpers (lib/common): the node-id alphabet and escaper, ISO dates, ASCII case
# mapping and FNV-1a.
actorgraph_unit_test(common SOURCES test_node_id.cpp test_iso_date.cpp test_ascii.cpp DEPS actorgraph_common)
