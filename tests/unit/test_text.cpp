// Tokens, keys and sentences: tables of tricky inputs.
#include "test_support.hpp"
#include "text/text.hpp"

#include <string>
#include <vector>

using actorgraph::text::Analyzer;
using actorgraph::text::Token;
using actorgraph::text::TokenList;

namespace {

std::vector<std::string> Keys(Analyzer& a, std::string_view s) {
  TokenList toks;
  a.Tokenize(s, &toks);
  std::vector<std::string> out;
  for (const auto& t : toks) out.emplace_back(t.key);
  return out;
}

}  // namespace

TEST_CASE("keys are insensitive to case, diacritics, compatibility forms and script", "[text]") {
  Analyzer a;
  struct Row {
    std::string input;
    std::string key;
  };
  const std::vector<Row> rows = {
      {"Stéphane", "stephane"},     {"STEPHANE", "stephane"},     {"Stephane", "stephane"},
      {"Путин", "putin"},           {"Пашинян", "pashinyan"},     {"Алиев", "aliyev"},
      {"ﬁnal", "final"},            {"Ｐｕｔｉｎ", "putin"},      {"Erdoğan", "erdogan"},
      {"Əliyev", "aliyev"},         {"Straße", "strasse"},        {"Nikol", "nikol"},
      {"Փաշինյան", "pashinyan"},    {"İlham", "ilham"},
  };
  for (const auto& r : rows) {
    INFO(r.input);
    CHECK(a.Key(r.input) == r.key);
  }
}

TEST_CASE("keys of non-ASCII tokens are the same from the memo, the cache and a fresh analyser", "[text]") {
  // A non-ASCII token's key is worked out once, then served from a per-analyser memo (short
  // tokens) or cache (all): every later occurrence must get the same key.
  const std::string long_word = "Ağdamköprüsüköyündəkiləryaxşıdırlar";  // past the memo's 24 bytes
  const std::string text = "Stéphane Пашинян Əliyev " + long_word + " Straße";
  const std::vector<std::string> expected = {"stephane", "pashinyan", "aliyev", Analyzer().Key(long_word), "strasse"};
  Analyzer a;
  for (int round = 0; round < 3; ++round) {
    INFO("round " << round);
    CHECK(Keys(a, text) == expected);
    CHECK(a.Key("Пашинян") == "pashinyan");
  }
  CHECK(expected[3].size() > 24);
}

TEST_CASE("keys and flags of non-ASCII tokens survive the growth of the analyser's key table", "[text]") {
  // Thousands of distinct non-ASCII tokens (the table starts at 4,096 entries, at most half
  // full, and doubles), each seen twice, in both cases and with a digit: every occurrence
  // gets its own key and flags, whether the table had it or not.
  std::string text;
  std::vector<std::string> expected_keys;
  std::vector<std::uint8_t> expected_flags;
  const auto suffix = [](int i) {
    std::string s;
    for (int k = 0; k < 4; ++k, i /= 26) s += static_cast<char>('a' + i % 26);
    return s;
  };
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 6000; ++i) {
      const std::string sfx = suffix(i);
      switch (i % 3) {
        case 0:
          text += "Zürich" + sfx + " ";
          expected_keys.push_back("zurich" + sfx);
          expected_flags.push_back(actorgraph::text::kCapitalized);
          break;
        case 1:
          text += "über" + sfx + " ";
          expected_keys.push_back("uber" + sfx);
          expected_flags.push_back(0);
          break;
        default:
          text += "ÉTÉ" + std::to_string(i) + " ";
          expected_keys.push_back("ete" + std::to_string(i));
          expected_flags.push_back(actorgraph::text::kCapitalized | actorgraph::text::kAllCaps);
      }
    }
  }
  // A short token whose key is longer than a table entry holds (24 bytes of Cyrillic, 48 of
  // key), twice.
  const std::string shch = "щщщщщщщщщщщщ";
  const std::string shch_key = Analyzer().Key(shch);
  text += shch + " " + shch;
  Analyzer a;
  TokenList toks;
  a.Tokenize(text, &toks);
  REQUIRE(toks.size() == expected_keys.size() + 2);
  std::size_t wrong_keys = 0, wrong_flags = 0;
  for (std::size_t i = 0; i < expected_keys.size(); ++i) {
    wrong_keys += toks[i].key != expected_keys[i];
    wrong_flags += toks[i].flags != expected_flags[i];
  }
  CHECK(wrong_keys == 0);
  CHECK(wrong_flags == 0);
  CHECK(shch_key.size() > 29);
  CHECK(toks[toks.size() - 2].key == shch_key);
  CHECK(toks.back().key == shch_key);
  CHECK(toks.back().flags == actorgraph::text::kNonLatin);
}

TEST_CASE("every token carries the hash of its key, also in a copied list", "[text]") {
  Analyzer a;
  // Keys of every length from 1 to 40 bytes in each case (the hash takes eight bytes a step
  // and pads the last ones), digits, possessives, and keys that ICU makes.
  std::string text = "a Bb CCC dddd EeEeE ffffff GGGGGGG hhhhhhhh IIIIIIIII 2021 Azerbaijan's Москва Αθήνα Łódź 東京 ";
  for (std::size_t n = 1; n <= 40; ++n) {
    for (std::size_t k = 0; k < n; ++k) text += static_cast<char>((k % 2 ? 'a' : 'A') + (n + k) % 26);
    text += ' ';
  }
  TokenList toks;
  a.Tokenize(text, &toks);
  REQUIRE(toks.size() > 50);
  const TokenList copy = toks;
  REQUIRE(copy.size() == toks.size());
  for (std::size_t i = 0; i < toks.size(); ++i) {
    CAPTURE(toks[i].key);
    CHECK(toks[i].hash == actorgraph::bytes::HashKey(toks[i].key));
    CHECK(copy[i].hash == toks[i].hash);
  }
}

TEST_CASE("tokens are the same whether the 64-byte path or the byte-by-byte path takes them", "[text]") {
  // Tokenize takes ASCII tokens 64 bytes at a time, except in the last 80 bytes of a text.
  // So a text on its own (short ones entirely byte by byte) and the same text followed by 80
  // spaces (block by block up to its end) must give the same tokens, wherever a token falls
  // in a block. Random texts over an alphabet of capitals, small letters, digits,
  // separators, apostrophes and non-ASCII letters.
  Analyzer a;
  const std::vector<std::string> pieces = {"A", "b", "Z", "q", "0", "9", " ", "  ", ",", ".", "-", "'", "\u2019",
                                           "s", "t", "\u00e9", "\u0416", "\n", "OSCE", "Lavrov", "don", "abcdefghij"};
  std::uint64_t state = 12345;
  const auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33);
  };
  TokenList plain, padded;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const std::size_t target = 1 + next() % 200;
    while (text.size() < target) text += pieces[next() % pieces.size()];
    a.Tokenize(text, &plain);
    a.Tokenize(text + std::string(80, ' '), &padded);
    CAPTURE(text);
    REQUIRE(plain.size() == padded.size());
    for (std::size_t i = 0; i < plain.size(); ++i) {
      CAPTURE(i);
      CHECK(plain[i].start == padded[i].start);
      CHECK(plain[i].end == padded[i].end);
      CHECK(static_cast<int>(plain[i].flags) == static_cast<int>(padded[i].flags));
      CHECK(plain[i].key == padded[i].key);
      CHECK(plain[i].hash == padded[i].hash);
    }
  }
}

TEST_CASE("swapping token lists exchanges tokens and keys, and both lists stay usable", "[text]") {
  Analyzer a;
  TokenList first, second;
  a.Tokenize("Lavrov met Bayramov in Moscow", &first);
  a.Tokenize(std::string(70000, 'x') + " Putin", &second);  // a key longer than a chunk
  first.swap(second);
  REQUIRE(first.size() == 2);
  REQUIRE(second.size() == 5);
  CHECK(first[0].key == std::string(70000, 'x'));
  CHECK(first[1].key == "putin");
  CHECK(second[0].key == "lavrov");
  CHECK(second[4].key == "moscow");
  swap(first, second);  // found by argument-dependent lookup
  CHECK(first[2].key == "bayramov");
  CHECK(second[1].key == "putin");
  // Both are reused for new texts.
  a.Tokenize("Aliyev", &first);
  a.Tokenize("Pashinyan and Aliyev", &second);
  REQUIRE(first.size() == 1);
  CHECK(first[0].key == "aliyev");
  CHECK(second.size() == 3);
  CHECK(second[2].key == "aliyev");
}

TEST_CASE("hyphen, space and apostrophe variants tokenise alike", "[text]") {
  Analyzer a;
  CHECK(a.PhraseKey("Nagorno-Karabakh") == "nagorno karabakh");
  CHECK(a.PhraseKey("Nagorno Karabakh") == "nagorno karabakh");
  CHECK(a.PhraseKey("Nagorno‑Karabakh") == "nagorno karabakh");  // U+2011 non-breaking hyphen
  CHECK(a.PhraseKey("Côte d’Ivoire") == "cote d ivoire");
  CHECK(a.PhraseKey("Côte d'Ivoire") == "cote d ivoire");
  CHECK(a.PhraseKey("U.S.") == "u s");
}

TEST_CASE("tokens carry byte offsets into the original text and flags", "[text]") {
  Analyzer a;
  const std::string s = "Azerbaijan’s OSCE 2021 Stéphane";
  TokenList t;
  a.Tokenize(s, &t);
  REQUIRE(t.size() == 5);
  CHECK(s.substr(t[0].start, t[0].end - t[0].start) == "Azerbaijan");
  CHECK((t[1].flags & actorgraph::text::kPossessive) != 0);
  CHECK(t[1].key == "s");
  CHECK((t[2].flags & actorgraph::text::kAllCaps) != 0);
  CHECK((t[3].flags & actorgraph::text::kNumeric) != 0);
  CHECK(s.substr(t[4].start, t[4].end - t[4].start) == "Stéphane");
  CHECK((t[4].flags & actorgraph::text::kCapitalized) != 0);
  // "s" after a plain space is not a possessive.
  a.Tokenize("the s word", &t);
  CHECK((t[1].flags & actorgraph::text::kPossessive) == 0);
}

TEST_CASE("scripts without spaces get one token per character", "[text]") {
  Analyzer a;
  CHECK(Keys(a, "习近平会见") == std::vector<std::string>{"习", "近", "平", "会", "见"});
}

TEST_CASE("sentences: abbreviations, datelines and headlines", "[text]") {
  Analyzer a;
  struct Row {
    std::string text;
    std::vector<std::string> sentences;
  };
  const std::vector<Row> rows = {
      {"Mr. Smith met the U.S. envoy. Then he left.", {"Mr. Smith met the U.S. envoy. ", "Then he left."}},
      {"A headline without a stop\n\nThe body starts here.", {"A headline without a stop\n\n", "The body starts here."}},
      {"The talks went on\nfor hours. It ended.", {"The talks went on\nfor hours. ", "It ended."}},
      // Offsets of text beyond ASCII: two-, three- and four-byte sequences (a surrogate pair
      // inside ICU) before and across the boundaries.
      {"Алиев прибыл в Баку. Встреча началась.", {"Алиев прибыл в Баку. ", "Встреча началась."}},
      {"Ceasefire \xF0\x9F\x95\x8A\xEF\xB8\x8F agreed. Talks in Zürich follow! Done?",
       {"Ceasefire \xF0\x9F\x95\x8A\xEF\xB8\x8F agreed. ", "Talks in Zürich follow! ", "Done?"}},
      {"Le ministre a dit « oui ». Puis il est parti.", {"Le ministre a dit « oui ». ", "Puis il est parti."}},
  };
  for (const auto& r : rows) {
    INFO(r.text);
    std::vector<actorgraph::text::Span> spans;
    a.Sentences(r.text, &spans);
    std::vector<std::string> got;
    for (const auto& sp : spans) got.push_back(r.text.substr(sp.start, sp.end - sp.start));
    CHECK(got == r.sentences);
  }
}
