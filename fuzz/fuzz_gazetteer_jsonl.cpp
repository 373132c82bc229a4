// libFuzzer target: the gazetteer JSON Lines parser (lib/gazetteer/FORMAT.md). The input is
// a gazetteer file; one that loads is compiled, saved as a compiled gazetteer and loaded
// again, and both are matched against a text. Properties: no crash, no sanitizer report, a
// loaded gazetteer compiles and round-trips through the compiled format with the same
// entities and the same matches.
#include "fuzz_util.hpp"
#include "gazetteer/gazetteer.hpp"
#include "text/text.hpp"

#include <spdlog/spdlog.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace gz = actorgraph::gazetteer;
using actorgraph::fuzz::Check;

const std::string& Text() {
  static const std::string text =
      "Vladimir Putin met Ilham Aliyev in Moscow; the Russian and Azerbaijani ministers, the OSCE Minsk Group "
      "co-chairs and the WHO said. Владимир Путин, Stéphane Visconti and the U.S. President spoke in Nagorno-Karabakh "
      "on 16 February 2021. A B C a b c 1 2 3";
  return text;
}

std::vector<gz::Match> Matches(const gz::Gazetteer& g, const actorgraph::text::TokenList& tokens) {
  std::vector<gz::Match> matches;
  g.FindMatches(Text(), tokens, &matches);
  std::uint32_t last_end = 0;
  for (const auto& m : matches) {
    Check(m.first_token < m.end_token && m.end_token <= tokens.size(), "a match covers tokens of the text");
    Check(m.first_token >= last_end, "matches do not overlap");
    last_end = m.end_token;
    for (const auto& c : g.Candidates(m, Text(), tokens)) Check(c.entity < g.size(), "a candidate is an entity");
  }
  return matches;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  spdlog::set_level(spdlog::level::off);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  gz::Gazetteer g;
  std::vector<std::string> problems;
  const bool ok = g.LoadString(content, "fuzz.jsonl", &problems).ok();
  Check(ok == problems.empty(), "Load fails exactly when it reports a problem");
  if (!ok) return 0;
  std::vector<std::string> warnings;
  g.Compile(&warnings);
  for (std::uint32_t i = 0; i < g.size(); ++i) {
    Check(g.Find(g.entity(i).id) == i, "Find finds each entity by its id", g.entity(i).id);
    (void)g.brief(i);
  }
  static actorgraph::text::Analyzer analyzer;
  actorgraph::text::TokenList tokens;
  analyzer.Tokenize(Text(), &tokens);
  const std::vector<gz::Match> matches = Matches(g, tokens);
  (void)g.Holders("head_of_state", "country:RU", "2021-02-16");
  (void)g.BySurname("putin");

  const std::string path = actorgraph::fuzz::ScratchPath("jsonl.agc");
  if (!g.SaveCompiled(path, "").ok()) actorgraph::fuzz::Fail("a loaded gazetteer saves compiled");
  gz::Gazetteer compiled;
  const auto loaded = compiled.Load(path);
  Check(loaded.ok(), "a saved compiled gazetteer loads", loaded.message());
  Check(compiled.size() == g.size(), "the compiled gazetteer has the same entities");
  for (std::uint32_t i = 0; i < g.size(); ++i) {
    Check(compiled.entity(i).id == g.entity(i).id && compiled.entity(i).name == g.entity(i).name,
          "the compiled gazetteer has the same entity", g.entity(i).id);
  }
  const std::vector<gz::Match> again = Matches(compiled, tokens);
  Check(again.size() == matches.size(), "the compiled gazetteer matches alike");
  for (std::size_t i = 0; i < again.size(); ++i) {
    Check(again[i].first_token == matches[i].first_token && again[i].end_token == matches[i].end_token,
          "the compiled gazetteer matches the same tokens");
  }
  return 0;
}
