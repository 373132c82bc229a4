# The HTML viewer in headless Chromium (tests/e2e/html_viewer.py): the sample articles and
# the adversarial graph of export_fixture.
actorgraph_e2e_test(html_viewer
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/html_viewer.py $<TARGET_FILE:export_fixture>)
