// Tokens, keys and sentences: tables of tricky inputs.
#include "common/bytes.hpp"
#include "test_support.hpp"
#include "text/text.hpp"

#include <cctype>
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
      {"Stéphane", "stephane"},  {"STEPHANE", "stephane"}, {"Stephane", "stephane"}, {"Путин", "putin"},
      {"Пашинян", "pashinyan"},  {"Алиев", "aliyev"},      {"ﬁnal", "final"},        {"Ｐｕｔｉｎ", "putin"},
      {"Erdoğan", "erdogan"},    {"Əliyev", "aliyev"},     {"Straße", "strasse"},    {"Nikol", "nikol"},
      {"Փաշինյան", "pashinyan"}, {"İlham", "ilham"},
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

TEST_CASE("keys of Latin names with diacritics: built from their letters, as ICU builds them", "[text]") {
  // A token whose non-ASCII letters are all Latin gets the keys of its letters in a row
  // (each worked out by ICU once); others, and letters that decompose into another script
  // or come with a separate combining mark, go through ICU whole. Both must give these keys,
  // in any order of first sight and when each word is seen again.
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"Straße", "strasse"},
      {"Æbeltoft", "aebeltoft"},
      {"Øresund", "oresund"},
      {"Łódź", "lodz"},
      {"İstanbul", "istanbul"},
      {"Iğdır", "igdir"},
      {"Əliyev", "aliyev"},
      {"Œuvre", "oeuvre"},
      {"Þingvellir", "thingvellir"},
      {"Đakovo", "dakovo"},
      {"Ðakovo", "dakovo"},
      {"Nguyễn", "nguyen"},
      {"Hồ", "ho"},
      {"ǄUKA", "dzuka"},
      {"ǅuka", "dzuka"},
      {"ĳssel", "ijssel"},
      {"ſtraße", "strasse"},
      {"Ærø", "aero"},
      {"Dŭsan", "dusan"},
      {"µm", "mm"},
      {"Ste\u0301phane", "stephane"},
      {"Пашинян", "pashinyan"},
      {"Zürich2021", "zurich2021"},
  };
  for (int order = 0; order < 2; ++order) {
    Analyzer a;
    for (int round = 0; round < 2; ++round) {
      for (std::size_t k = 0; k < rows.size(); ++k) {
        const auto& [word, key] = rows[order == 0 ? k : rows.size() - 1 - k];
        CAPTURE(order, round, word);
        CHECK(a.Key(word) == key);
        CHECK(Keys(a, word) == std::vector<std::string>{key});
      }
    }
  }
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
  // Tokenize takes ASCII tokens 64 bytes at a time, and reads the last 80 bytes of a text
  // from a zero-padded copy; tokens next to non-ASCII bytes, or longer than a block, byte by
  // byte. So a text on its own and the same text followed by 80 spaces (read in place up to
  // its end) must give the same tokens, wherever a token falls in a block. Random texts over an alphabet of capitals,
  // small letters, digits, separators, apostrophes and non-ASCII letters.
  Analyzer a;
  const std::vector<std::string> pieces = {"A",      "b",  "Z",    "q",      "0",      "9",         " ", "  ",
                                           ",",      ".",  "-",    "'",      "\u2019", "s",         "t", "\u00e9",
                                           "\u0416", "\n", "OSCE", "Lavrov", "don",    "abcdefghij"};
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

TEST_CASE("ASCII tokens match a reference tokenizer wherever they fall in a block or in the tail", "[text]") {
  // The 64-byte path reads the last 80 bytes of a text from a zero-padded copy, tokens of
  // 16 bytes or more through a loop of words, and tokens of 64 or more byte by byte. Random
  // ASCII texts of up to 400 bytes with tokens of every length up to 70, checked against a
  // plain reference: maximal runs of letters and digits, lower-cased, with their flags.
  Analyzer a;
  std::uint64_t state = 777;
  const auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33);
  };
  const std::string alphabet = "aBcDeZz09Qx";
  const std::vector<std::string> seps = {" ", ", ", "'", ".", "-", "\n", "  "};
  const std::vector<std::string> shorts = {"s", "S", "t", "ll", "re", "ve", "d", "m", "OSCE", "2021", "A", "US"};
  TokenList toks;
  std::size_t checked = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const std::size_t target = 1 + next() % 400;
    while (text.size() < target) {
      if (next() % 3 == 0) {
        text += shorts[next() % shorts.size()];
      } else {
        const std::size_t len = 1 + (next() % 4 == 0 ? next() % 70 : next() % 12);
        for (std::size_t k = 0; k < len; ++k) text += alphabet[next() % alphabet.size()];
      }
      text += seps[next() % seps.size()];
    }
    if (next() % 2) text.pop_back();  // sometimes a token ends the text
    a.Tokenize(text, &toks);
    CAPTURE(text);
    std::size_t t = 0;
    for (std::size_t i = 0; i < text.size();) {
      if (!std::isalnum(static_cast<unsigned char>(text[i]))) {
        ++i;
        continue;
      }
      std::size_t j = i;
      std::size_t upper = 0, lower = 0, digits = 0;
      std::string key;
      for (; j < text.size() && std::isalnum(static_cast<unsigned char>(text[j])); ++j) {
        const auto c = static_cast<unsigned char>(text[j]);
        upper += std::isupper(c) != 0;
        lower += std::islower(c) != 0;
        digits += std::isdigit(c) != 0;
        key += static_cast<char>(std::tolower(c));
      }
      std::uint8_t flags = 0;
      if (std::isupper(static_cast<unsigned char>(text[i]))) flags |= actorgraph::text::kCapitalized;
      if (upper >= 2 && lower == 0) flags |= actorgraph::text::kAllCaps;
      if (upper + lower == 0) flags |= actorgraph::text::kNumeric;
      if (upper == 0) flags |= actorgraph::text::kLowerAscii;
      const std::string word = text.substr(i, j - i);
      if (t > 0 && i >= 1 && text[i - 1] == '\'' && toks[t - 1].end == i - 1) {
        if (word == "s" || word == "S") flags |= actorgraph::text::kPossessive;
        if (word == "t" || word == "ll" || word == "re" || word == "ve" || word == "d" || word == "m") {
          flags |= actorgraph::text::kContraction;
        }
      }
      REQUIRE(t < toks.size());
      CAPTURE(t, word);
      CHECK(toks[t].start == i);
      CHECK(toks[t].end == j);
      CHECK(toks[t].key == key);
      CHECK(static_cast<int>(toks[t].flags) == static_cast<int>(flags));
      CHECK(toks[t].hash == actorgraph::bytes::HashKey(key));
      ++t;
      ++checked;
      i = j;
    }
    CHECK(t == toks.size());
  }
  CHECK(checked > 30000);
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
      {"A headline without a stop\n\nThe body starts here.",
       {"A headline without a stop\n\n", "The body starts here."}},
      {"The talks went on\nfor hours. It ended.", {"The talks went on\nfor hours. ", "It ended."}},
      // Offsets of text beyond ASCII: two-, three- and four-byte sequences (a surrogate pair
      // inside ICU) before and across the boundaries.
      {"Алиев прибыл в Баку. Встреча началась.", {"Алиев прибыл в Баку. ", "Встреча началась."}},
      {"Ceasefire \xF0\x9F\x95\x8A\xEF\xB8\x8F agreed. Talks in Zürich follow! Done?",
       {"Ceasefire \xF0\x9F\x95\x8A\xEF\xB8\x8F agreed. ", "Talks in Zürich follow! ", "Done?"}},
      {"Le ministre a dit « oui ». Puis il est parti.", {"Le ministre a dit « oui ». ", "Puis il est parti."}},
      // A dotted abbreviation before a title goes on; before a word that opens sentences, ends.
      {"It was signed by U.S. Secretary of State Rice.", {"It was signed by U.S. Secretary of State Rice."}},
      {"She flew to the U.S. The talks began.", {"She flew to the U.S. ", "The talks began."}},
      // Titles ICU's suppressions lack go on before a name; before a sentence opener, end.
      {"Sen. McCain met Gov. Brown and Dr. Cooper's aides.", {"Sen. McCain met Gov. Brown and Dr. Cooper's aides."}},
      {"They met in St. Petersburg.", {"They met in St. Petersburg."}},
      {"He lives on Main St. The talks began.", {"He lives on Main St. ", "The talks began."}},
      // Control: an abbreviation ICU does not know ends a sentence.
      {"He paid 5 dollars. Smith left.", {"He paid 5 dollars. ", "Smith left."}},
      // No break inside a URL; a break after a '?' with a space stays.
      {"See http://www.google.com/search?q=talks&ie=utf-8 today.",
       {"See http://www.google.com/search?q=talks&ie=utf-8 today."}},
      {"Did they meet?Yes.", {"Did they meet?", "Yes."}},
      {"Did they meet? Yes.", {"Did they meet? ", "Yes."}},
      // A leading ellipsis opens the sentence; closing brackets and quotes alone close one.
      {"...Now comes the fun part.", {"...Now comes the fun part."}},
      {"(We fly next day. )", {"(We fly next day. )"}},
      {"He said it. '", {"He said it. '"}},
      {"He said it. 'Go.'", {"He said it. ", "'Go.'"}},
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
