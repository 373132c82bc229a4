// libFuzzer target: the tokenizer, the sentence splitter and the gazetteer matcher on any
// text (the input repaired to valid UTF-8, as the documents stage delivers it). Properties:
// every token and sentence offset is inside the text and on a UTF-8 character boundary;
// tokens are in order, do not overlap, have a non-empty key that is Analyzer::Key of their
// text and the hash of that key; sentences cover the text in order without gaps; every
// match covers whole tokens, in order and without overlap, and names entities one of whose
// names has, as its phrase key, the keys of the matched tokens.
#include "common/bytes.hpp"
#include "common/utf8.hpp"
#include "fuzz_util.hpp"
#include "gazetteer/gazetteer.hpp"
#include "text/text.hpp"

#include <spdlog/spdlog.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace text = actorgraph::text;
namespace gz = actorgraph::gazetteer;
using actorgraph::fuzz::Check;

constexpr const char* kGazetteer = R"(# fuzz gazetteer: names of every kind, cased, folded and non-Latin aliases
{"id":"country:RU","kind":"country","name":"Russia","aliases":["Russian Federation","Россия"],"adjectives":["Russian"],"demonyms":["Russians"],"code":"RU"}
{"id":"country:US","kind":"country","name":"United States","aliases":["U.S.","United States of America"],"cased":["US"],"adjectives":["American"],"code":"US"}
{"id":"country:GE","kind":"country","name":"Georgia","code":"GE"}
{"id":"place:georgia-us","kind":"location","name":"Georgia","country":"US"}
{"id":"place:can","kind":"location","name":"Çan","country":"TR"}
{"id":"place:nagorno-karabakh","kind":"location","name":"Nagorno-Karabakh","aliases":["Karabakh"],"country":"AZ"}
{"id":"place:beijing","kind":"location","name":"北京","aliases":["Beijing"]}
{"id":"org:osce-minsk-group","kind":"organization","name":"OSCE Minsk Group","aliases":["Minsk Group"]}
{"id":"org:who","kind":"organization","name":"World Health Organization","cased":["WHO"]}
{"id":"person:vladimir-putin","kind":"person","name":"Vladimir Putin","aliases":["Владимир Путин"],"country":"RU"}
{"id":"person:stephane-visconti","kind":"person","name":"Stéphane Visconti","country":"FR"}
{"id":"person:recep-erdogan","kind":"person","name":"Recep Tayyip Erdoğan","aliases":["Erdoğan"],"country":"TR"}
{"id":"person:ibn","kind":"person","name":"Abdullah ibn Al-Hussein","aliases":["عبد الله"]}
)";

const gz::Gazetteer& Fixture() {
  static const gz::Gazetteer g = [] {
    gz::Gazetteer out;
    std::vector<std::string> problems;
    if (!out.LoadString(kGazetteer, "fuzz.jsonl", &problems).ok())
      actorgraph::fuzz::Fail("fixture gazetteer", problems.front());
    out.Compile();
    return out;
  }();
  return g;
}

bool Boundary(std::string_view s, std::size_t pos) {
  return pos == s.size() || (static_cast<unsigned char>(s[pos]) & 0xC0) != 0x80;
}

void CheckTokens(text::Analyzer& analyzer, std::string_view s, const text::TokenList& tokens) {
  std::uint32_t last_end = 0;
  for (const auto& t : tokens) {
    Check(t.start >= last_end && t.start < t.end && t.end <= s.size(), "tokens in order, inside the text");
    Check(Boundary(s, t.start) && Boundary(s, t.end), "a token on character boundaries");
    Check(!t.key.empty(), "a token key is not empty");
    Check(t.hash == actorgraph::bytes::HashKey(t.key), "a token hash is its key's", t.key);
    const std::string_view token_text = s.substr(t.start, t.end - t.start);
    Check(analyzer.Key(token_text) == t.key, "a token key is Key of its text", token_text);
    last_end = t.end;
  }
}

void CheckSentences(std::string_view s, const std::vector<text::Span>& sentences) {
  std::uint32_t at = 0;
  for (const auto& sp : sentences) {
    Check(sp.start == at && sp.start < sp.end && sp.end <= s.size(), "sentences cover the text in order");
    Check(Boundary(s, sp.end), "a sentence ends on a character boundary");
    at = sp.end;
  }
  Check(at == s.size() || sentences.empty(), "the sentences reach the end of the text");
}

bool NamesEntity(text::Analyzer& analyzer, const gz::Entity& e, std::string_view key) {
  if (analyzer.PhraseKey(e.name) == key) return true;
  for (const auto* names : {&e.aliases, &e.cased, &e.adjectives, &e.demonyms}) {
    for (const auto& n : *names) {
      if (analyzer.PhraseKey(n) == key) return true;
    }
  }
  return false;
}

void CheckMatches(text::Analyzer& analyzer, std::string_view s, const text::TokenList& tokens) {
  const gz::Gazetteer& g = Fixture();
  std::vector<gz::Match> matches;
  g.FindMatches(s, tokens, &matches);
  std::uint32_t last_end = 0;
  for (const auto& m : matches) {
    Check(m.first_token >= last_end && m.first_token < m.end_token && m.end_token <= tokens.size(),
          "matches cover whole tokens, in order");
    last_end = m.end_token;
    std::string key;
    for (std::uint32_t i = m.first_token; i < m.end_token; ++i) {
      if (!key.empty()) key += ' ';
      key += tokens[i].key;
    }
    for (const auto& c : g.Candidates(m, s, tokens)) {
      Check(c.entity < g.size(), "a candidate is an entity");
      Check(NamesEntity(analyzer, g.entity(c.entity), key), "a candidate has a name with the match's key", key);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  spdlog::set_level(spdlog::level::off);
  (void)Fixture();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string s = actorgraph::utf8::Repair({reinterpret_cast<const char*>(data), size});
  static text::Analyzer analyzer;
  text::TokenList tokens;
  analyzer.Tokenize(s, &tokens);
  CheckTokens(analyzer, s, tokens);
  std::vector<text::Span> sentences;
  analyzer.Sentences(s, &sentences);
  CheckSentences(s, sentences);
  CheckMatches(analyzer, s, tokens);
  return 0;
}
