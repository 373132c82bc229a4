# Evaluation, end to end, against third-party gold data in the shared folder (both skip with
# 77 when it is absent). They check that the measurement runs and its output parses; the
# figures themselves are printed, and the README reports them.
#
# eval_gum_smoke: bench/eval_gum.py scores `actorgraph mentions` on two GUM news documents and
# must print its precision/recall table (the full measurement: bench/eval_gum.py --cli ...).
actorgraph_e2e_test(eval_gum_smoke
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/gum_smoke.py)
set_tests_properties("e2e: eval_gum_smoke" PROPERTIES TIMEOUT 60)

# petrarch_gold: PETRARCH2's consult/meet/visit/host/agreement gold records through
# `gazetteer import --format petrarch` and `events --format petrarch`. Fails if a step fails,
# prints malformed rows or names entity ids the import did not write. The figures are a
# measurement (README, "Evaluation"): the selected records are PETRARCH's verb-pattern tests
# ("X welcomed a resumption of diplomatic ties with Y", coded 041 by its own verb dictionary;
# "celebrated Eid at X with Y", 043), which our event definition deliberately does not count
# as meetings, so no floor on correct triples is set.
actorgraph_e2e_test(petrarch_gold
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/petrarch_gold.py --min-correct 0 --min-dyads 0)
set_tests_properties("e2e: petrarch_gold" PROPERTIES TIMEOUT 60)
