# The document model and the step machinery (lib/analysis): unknown steps and resources are
# refused, a file resource names its file, and the worked example of ANNOTATORS.md §5 runs.
actorgraph_unit_test(analysis SOURCES test_analysis.cpp DEPS actorgraph_pipeline)
