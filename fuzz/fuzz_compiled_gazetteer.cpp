// libFuzzer target: the compiled-gazetteer loader (.agc) on mutated files. Each input is
// written to a file (the loader maps a path) and loaded; a file that loads is then used as
// a run uses it (matching, candidates, entities, roles, surnames, ids). A crash, a sanitizer
// report or a probe that does not end (libFuzzer's -timeout) is a finding; a refusal is not.
#include "gazetteer/gazetteer.hpp"
#include "text/text.hpp"

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace {

const std::string& InputPath() {
  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir && *dir ? dir : "/tmp") + "/actorgraph-fuzz-" + std::to_string(getpid()) + ".agc";
  }();
  return path;
}

void Exercise(const actorgraph::gazetteer::Gazetteer& g) {
  static const std::string text =
      "co-chairs of the OSCE Minsk Group met in Nagorno Karabakh; Владимир Путин and the US, WHO said; "
      "Ilse Varga met Tomas Brandt in Moscow and the Russian leader spoke to Russians";
  static actorgraph::text::Analyzer analyzer;
  actorgraph::text::TokenList tokens;
  analyzer.Tokenize(text, &tokens);
  std::vector<actorgraph::gazetteer::Match> matches;
  g.FindMatches(text, tokens, &matches);
  for (const auto& m : matches) {
    for (const auto& c : g.Candidates(m, text, tokens)) (void)g.entity(c.entity).id.size();
  }
  for (std::uint32_t i = 0; i < g.size(); ++i) {
    (void)g.brief(i);
    (void)g.entity(i).roles.size();
  }
  (void)g.Holders("head_of_state", "country:RU", "2020-01-01");
  (void)g.BySurname("varga");
  (void)g.Find("person:ilse-varga");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::FILE* f = std::fopen(InputPath().c_str(), "wb");
  if (!f) return 0;
  if (size > 0) std::fwrite(data, 1, size, f);
  std::fclose(f);
  actorgraph::gazetteer::Gazetteer g;
  std::vector<std::string> problems;
  if (g.Load(InputPath(), &problems).ok()) Exercise(g);
  return 0;
}
