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
# `gazetteer import --format petrarch` and `events --format petrarch --actors all
# --cameo-verbs PETR.Validate.verbs.txt` (states as actors and the records' own verb codes, as
# PETRARCH codes them). Fails if a step fails, prints malformed rows or names entity ids the
# import did not write, if fewer than 45 of the 101 gold triples come out right (52 when this
# floor was set), or if more than 40 false 04x/057 triples come out of the other records (6).
# The figures are in the README ("Evaluation").
actorgraph_e2e_test(petrarch_gold
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/petrarch_gold.py --min-correct 45 --min-dyads 45 --max-false 40)
set_tests_properties("e2e: petrarch_gold" PROPERTIES TIMEOUT 60)
