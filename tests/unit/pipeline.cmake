# The pipeline (lib/pipeline): input order for any -j, batch size and finishing order; a sink
# error, a reader error and an exception stop the run without a hang; progress sizes.
actorgraph_unit_test(pipeline SOURCES test_pipeline.cpp DEPS actorgraph_pipeline)
