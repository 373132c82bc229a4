# The Dask map step (scripts/dask_extract.py) on a LocalCluster of two worker processes over
# loopback: graphs byte-identical to one extract, a failing shard retried once then named
# (tests/e2e/dask_extract.py). Skipped when python3-distributed is missing.
actorgraph_e2e_test(dask_extract COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/dask_extract.py)
