# Graph stage (lib/graph): GraphBuilder::Build from hand-made mentions and events (nodes,
# edges, projection weights, node ids) and ComputeMetrics on small graphs with known metrics.
actorgraph_unit_test(graph SOURCES test_graph.cpp DEPS actorgraph_graph)
