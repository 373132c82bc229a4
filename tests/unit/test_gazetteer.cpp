// Gazetteer loading (every bad row named with file:line) and matching semantics.
#include "common/bytes.hpp"
#include "common/string_hash.hpp"
#include "fixture_gazetteer.hpp"
#include "gazetteer/flat.hpp"
#include "test_support.hpp"

#include <cstring>
#include <set>

using actorgraph::gazetteer::Gazetteer;
using actorgraph::gazetteer::Match;

namespace {

struct Found {
  std::string text, id;
  bool operator==(const Found& o) const { return text == o.text && id == o.id; }
};
std::ostream& operator<<(std::ostream& os, const Found& f) { return os << f.text << "=" << f.id; }

std::vector<Found> MatchAll(const Gazetteer& g, std::string_view text) {
  actorgraph::text::Analyzer a;
  actorgraph::text::TokenList toks;
  a.Tokenize(text, &toks);
  std::vector<Match> ms;
  g.FindMatches(text, toks, &ms);
  std::vector<Found> out;
  for (const auto& m : ms) {
    // Cache hints at every stage (a no-op for the results checked below, also for entities
    // of a compiled file not built yet), as MentionFinder gives them for later matches.
    for (int stage = 3; stage >= 1; --stage) g.Prefetch(m, stage);
    const auto cands = g.Candidates(m, text, toks);
    REQUIRE(!cands.empty());
    const auto start = toks[m.first_token].start, end = toks[m.end_token - 1].end;
    out.push_back({std::string(text.substr(start, end - start)), g.entity(cands.front().entity).id});
  }
  return out;
}

}  // namespace

TEST_CASE("matching: one table of aliases, texts and expected spans", "[gazetteer]") {
  const Gazetteer g = actorgraph::testing::FixtureGazetteer();
  struct Row {
    std::string text;
    std::vector<Found> expected;
  };
  const std::vector<Row> rows = {
      // leftmost-longest: "OSCE Minsk Group" beats "OSCE"
      {"co-chairs of the OSCE Minsk Group met", {{"OSCE Minsk Group", "org:osce-minsk-group"}}},
      // case-insensitive, diacritic-insensitive
      {"STEPHANE VISCONTI and stéphane visconti",
       {{"STEPHANE VISCONTI", "person:stephane-visconti"}, {"stéphane visconti", "person:stephane-visconti"}}},
      // hyphen and space variants
      {"in Nagorno Karabakh and Nagorno-Karabakh",
       {{"Nagorno Karabakh", "place:nagorno-karabakh"}, {"Nagorno-Karabakh", "place:nagorno-karabakh"}}},
      // possessive is not part of the match
      {"Azerbaijan's Foreign Ministry", {{"Azerbaijan", "country:AZ"}}},
      {"Azerbaijani Foreign Ministry said", {{"Azerbaijani Foreign Ministry", "org:mfa-az"}}},
      // cased alias: "US" but not "us"
      {"the US and us", {{"US", "country:US"}}},
      {"U.S. officials", {{"U.S", "country:US"}}},  // spans are token-aligned; mentions add the final period
      {"WHO said; who said", {{"WHO", "org:who"}}},
      // Cyrillic through transliteration, both ways
      {"Владимир Путин прибыл", {{"Владимир Путин", "person:vladimir-putin"}}},
      {"Путин and Россия", {}},  // a surname alone is not a gazetteer alias; Россия is
      // kind priority on equal spans: country beats location
      {"Georgia", {{"Georgia", "country:GE"}}},
      // token-aligned: no match inside a word
      {"Russiagate and Moscowitz", {}},
      // an alias with a possessive in it (bench oracle comparison)
      {"the People's Republic of China", {{"People's Republic of China", "country:CN"}}},
      // folding beyond case does not turn plain lower-case words into names
      {"we can go; Çan and Can are towns", {{"Çan", "place:can"}, {"Can", "place:can"}}},
      // a contraction is not a name
      {"I don’t know, said Don", {{"Don", "place:don"}}},
  };
  for (const auto& r : rows) {
    INFO(r.text);
    if (r.text == "Путин and Россия") {
      CHECK(MatchAll(g, r.text) == std::vector<Found>{{"Россия", "country:RU"}});
      continue;
    }
    CHECK(MatchAll(g, r.text) == r.expected);
  }
}

TEST_CASE("role holders by date", "[gazetteer]") {
  const Gazetteer g = actorgraph::testing::FixtureGazetteer();
  const auto id = [&](std::uint32_t i) { return g.entity(i).id; };
  auto h = g.Holders("head_of_state", "country:RU", "2021-02-16");
  REQUIRE(h.size() == 1);
  CHECK(id(h[0]) == "person:vladimir-putin");
  h = g.Holders("head_of_state", "country:RU", "2010-01-01");
  REQUIRE(h.size() == 1);
  CHECK(id(h[0]) == "person:dmitry-medvedev");
  CHECK(g.Holders("head_of_state", "country:RU", "2012").size() == 2);  // both held it in 2012
}

TEST_CASE("every bad gazetteer row is reported with file:line", "[gazetteer]") {
  struct Row {
    std::string line;
    std::string problem;
  };
  const std::vector<Row> rows = {
      {R"({"id":"x:1","kind":"person"})", "t.jsonl:1: missing field \"name\""},
      {R"({"kind":"person","name":"A"})", "t.jsonl:1: missing field \"id\""},
      {R"({"id":"x:1","kind":"martian","name":"A"})", "t.jsonl:1: unknown kind \"martian\""},
      {R"({"id":"x 1","kind":"person","name":"A"})", "t.jsonl:1: id \"x 1\" may use only"},
      {R"({"id":"x:1","kind":"person","name":"A","roles":[{"role":"head_of_state","from":"2021-02-30"}]})",
       "t.jsonl:1: role 1: bad date \"2021-02-30\""},
      {R"({"id":"x:1","kind":"person","name":"A","roles":[{"role":"r","from":"2021","to":"2020"}]})",
       "t.jsonl:1: role 1: \"from\" 2021 is after \"to\" 2020"},
      {R"({"id":"x:1","kind":"person","name":"A","aliases":"B"})", "t.jsonl:1: field \"aliases\" must be a list"},
      {R"({"id":"x:1","kind":"person","name":"A","country":"Russia"})", "t.jsonl:1: country \"Russia\" must be an ISO"},
      {R"({"id":"x:1","kind":"person","name":"A")", "t.jsonl:1: malformed JSON"},
      {"[1,2]", "t.jsonl:1: expected a JSON object"},
      {"{\"id\":\"x:1\",\"kind\":\"person\",\"name\":\"A\xff\"}", "t.jsonl:1:"},
  };
  for (const auto& r : rows) {
    INFO(r.line);
    Gazetteer g;
    std::vector<std::string> problems;
    const auto s = g.LoadString(r.line, "t.jsonl", &problems);
    CHECK(s.code() == actorgraph::ErrorCode::kBadInput);
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::StartsWith(r.problem));
  }
  // Invalid UTF-8 names the byte of the file.
  Gazetteer g;
  std::vector<std::string> problems;
  (void)g.LoadString("# comment\n{\"id\":\"x:1\",\"kind\":\"person\",\"name\":\"A\xff\"}\n", "t.jsonl", &problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] == "t.jsonl:2:38: invalid UTF-8 (byte 47 of the file)");
}

TEST_CASE("duplicate ids and same-kind alias clashes are reported", "[gazetteer]") {
  Gazetteer g;
  std::vector<std::string> problems;
  (void)g.LoadString(
      "{\"id\":\"a:1\",\"kind\":\"person\",\"name\":\"Anna Berg\"}\n"
      "{\"id\":\"a:1\",\"kind\":\"person\",\"name\":\"Other\"}\n"
      "{\"id\":\"a:2\",\"kind\":\"person\",\"name\":\"Anna Berg\"}\n"
      "{\"id\":\"a:3\",\"kind\":\"location\",\"name\":\"Anna Berg\"}\n",
      "t.jsonl", &problems);
  g.Compile(&problems);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0] == "t.jsonl:2: duplicate id \"a:1\" (first defined at t.jsonl:1)");
  CHECK_THAT(problems[1],
             Catch::StartsWith("t.jsonl:3: alias \"Anna Berg\" also names a:1 (t.jsonl:1), of the same kind"));
}

TEST_CASE("duplicate ids over files: one message with the ids, the files and what to do", "[gazetteer]") {
  Gazetteer g;
  REQUIRE(g.LoadString("{\"id\":\"place:baku\",\"kind\":\"location\",\"name\":\"Baku\"}\n"
                       "{\"id\":\"place:eilat\",\"kind\":\"location\",\"name\":\"Eilat\"}\n",
                       "shipped.jsonl")
              .ok());
  const auto s = g.LoadString(
      "{\"id\":\"place:new\",\"kind\":\"location\",\"name\":\"New\"}\n"
      "{\"id\":\"place:eilat\",\"kind\":\"location\",\"name\":\"Eilat\"}\n"
      "{\"id\":\"place:baku\",\"kind\":\"location\",\"name\":\"Baku\"}\n",
      "import.jsonl");
  CHECK(s.code() == actorgraph::ErrorCode::kBadInput);
  CHECK(s.message() ==
        "import.jsonl: 2 id(s) already defined in shipped.jsonl: \"place:eilat\" (line 2, first at shipped.jsonl:2), "
        "\"place:baku\" (line 3, first at shipped.jsonl:1); ids must be unique over all gazetteers loaded together: "
        "import the file again with an id namespace (actorgraph gazetteer import --id-prefix NAME), give these "
        "entries other ids, or remove them from one of the files");
  // Other problems of the file are counted after it.
  Gazetteer h;
  REQUIRE(h.LoadString("{\"id\":\"a:1\",\"kind\":\"person\",\"name\":\"A\"}\n", "one.jsonl").ok());
  const auto t = h.LoadString("{\"id\":\"a:1\",\"kind\":\"person\",\"name\":\"A\"}\n{\"id\":\"a:2\"}\n", "two.jsonl");
  CHECK_THAT(t.message(), Catch::StartsWith("two.jsonl: 1 id(s) already defined in one.jsonl: \"a:1\" (line 1"));
  CHECK_THAT(t.message(), Catch::EndsWith("(2 other problems: run 'actorgraph gazetteer check')"));
  // Positive control: a file without duplicates keeps the one-problem message.
  Gazetteer k;
  CHECK(k.LoadString("{\"id\":\"a:2\"}\n", "bad.jsonl").message() ==
        "bad.jsonl:1: missing field \"kind\" (and 1 more problems: run 'actorgraph gazetteer check')");
}

TEST_CASE("a compiled gazetteer matches, resolves roles and finds surnames exactly as the source",
          "[gazetteer][cache]") {
  const Gazetteer source = actorgraph::testing::FixtureGazetteer();
  const auto dir = actorgraph::testing::TempDir("cache");
  const auto path = (dir / "fixture.agc").string();
  REQUIRE(source.SaveCompiled(path, "").ok());
  CHECK(actorgraph::gazetteer::IsCompiledGazetteer(path));
  Gazetteer loaded;
  REQUIRE(loaded.Load(path).ok());  // Load recognises the cache by its first bytes
  REQUIRE(loaded.size() == source.size());
  CHECK(loaded.alias_count() == source.alias_count());
  for (std::uint32_t i = 0; i < source.size(); ++i) {
    CHECK(loaded.entity(i).id == source.entity(i).id);
    CHECK(loaded.entity(i).aliases == source.entity(i).aliases);
    CHECK(loaded.entity(i).roles.size() == source.entity(i).roles.size());
  }
  for (const std::string text : {"co-chairs of the OSCE Minsk Group met in Nagorno Karabakh",
                                 "Владимир Путин and the US, but not us; WHO said; Çan and we can",
                                 "I don’t know, said Don of the People's Republic of China"}) {
    INFO(text);
    CHECK(MatchAll(loaded, text) == MatchAll(source, text));
    CHECK(!MatchAll(loaded, text).empty());
  }
  CHECK(loaded.Holders("head_of_state", "country:RU", "2010-01-01") ==
        source.Holders("head_of_state", "country:RU", "2010-01-01"));
  CHECK(loaded.BySurname("putin") == source.BySurname("putin"));
  CHECK(!loaded.BySurname("putin").empty());
  CHECK(loaded.Find("country:AZ") == source.Find("country:AZ"));
  // Saving again gives the same bytes.
  const auto again = (dir / "again.agc").string();
  REQUIRE(loaded.SaveCompiled(again, "").ok());
  CHECK(actorgraph::testing::ReadFile(again) == actorgraph::testing::ReadFile(path));
  std::filesystem::remove_all(dir);
}

TEST_CASE("brief() gives an entity's id, name, country, code, kind and whether it has roles", "[gazetteer][cache]") {
  const Gazetteer source = actorgraph::testing::FixtureGazetteer();
  const auto dir = actorgraph::testing::TempDir("brief");
  const auto path = (dir / "fixture.agc").string();
  REQUIRE(source.SaveCompiled(path, "").ok());
  Gazetteer loaded;
  REQUIRE(loaded.Load(path).ok());
  std::size_t with_roles = 0, with_country = 0, with_code = 0;
  const auto same = [](const actorgraph::gazetteer::EntityBrief& b, const actorgraph::gazetteer::Entity& e) {
    CHECK(b.id == e.id);
    CHECK(b.name == e.name);
    CHECK(b.country == e.country);
    CHECK(b.code == e.code);
    CHECK(b.kind == e.kind);
    CHECK(b.has_roles == !e.roles.empty());
  };
  for (std::uint32_t i = 0; i < source.size(); ++i) {
    const actorgraph::gazetteer::Entity& e = source.entity(i);
    CAPTURE(e.id);
    same(source.brief(i), e);
    same(loaded.brief(i), e);  // read from the mapped file: the entity is not built yet
    with_roles += !e.roles.empty();
    with_country += !e.country.empty();
    with_code += !e.code.empty();
  }
  CHECK(with_roles > 0);
  CHECK(with_country > 0);
  CHECK(with_code > 0);
  for (std::uint32_t i = 0; i < source.size(); ++i) {
    CHECK(loaded.entity(i).id == source.entity(i).id);  // builds it
    same(loaded.brief(i), source.entity(i));            // now from the built entity
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("a compiled gazetteer added to others contributes its entities; a damaged one is refused",
          "[gazetteer][cache]") {
  const auto dir = actorgraph::testing::TempDir("cache2");
  const auto path = (dir / "one.agc").string();
  {
    Gazetteer g;
    REQUIRE(g.LoadString(R"({"id":"p:1","kind":"person","name":"Odile Marchetti"})", "a.jsonl").ok());
    g.Compile();
    REQUIRE(g.SaveCompiled(path, "").ok());
  }
  Gazetteer both;
  REQUIRE(both.LoadString(R"({"id":"p:2","kind":"person","name":"Tarek Haddadin"})", "b.jsonl").ok());
  REQUIRE(both.Load(path).ok());
  both.Compile();
  CHECK(MatchAll(both, "Odile Marchetti met Tarek Haddadin") ==
        std::vector<Found>{{"Odile Marchetti", "p:1"}, {"Tarek Haddadin", "p:2"}});
  // The same entity twice is a duplicate id.
  Gazetteer twice;
  REQUIRE(twice.LoadString(R"({"id":"p:1","kind":"person","name":"Odile M."})", "c.jsonl").ok());
  const auto dup = twice.Load(path);
  CHECK(dup.code() == actorgraph::ErrorCode::kBadInput);
  CHECK_THAT(dup.message(), Catch::Contains("duplicate id \"p:1\""));
  // Truncated: refused with the byte where it ends.
  const std::string bytes = actorgraph::testing::ReadFile(path);
  const auto cut = (dir / "cut.agc").string();
  actorgraph::testing::WriteFile(cut, bytes.substr(0, bytes.size() - 5));
  Gazetteer g;
  const auto s = g.Load(cut);
  CHECK(s.code() == actorgraph::ErrorCode::kBadInput);
  CHECK_THAT(s.message(), Catch::StartsWith(cut + ": byte ") && Catch::Contains("compile it again"));
  // Another format version.
  std::string other = bytes;
  other[8] = 99;
  actorgraph::testing::WriteFile(cut, other);
  CHECK_THAT(g.Load(cut).message(), Catch::Contains("another version of actorgraph"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("the key hash is part of the compiled format: pinned values", "[gazetteer][cache]") {
  // Vocabulary slots in a compiled gazetteer are placed by this hash: a change to it must
  // come with a new format version (cache.cpp), or old files would stop matching.
  const std::vector<std::pair<std::string, std::uint64_t>> pinned = {
      {"", 0x1ff5c2923a788d2cULL},
      {"a", 0x78e38090270b1b58ULL},
      {"ab", 0x6fe4eaea98cea47eULL},
      {"abc", 0x277b0c0653f47203ULL},
      {"abcd", 0x55fd1d1630e31fb6ULL},
      {"abcde", 0x6fc3283f37230096ULL},
      {"abcdef", 0x1557efece3700162ULL},
      {"abcdefg", 0x56298e4cb1faa217ULL},
      {"abcdefgh", 0xa931a9664aa43d31ULL},
      {"nagorno", 0x58db8d2f0956c1aeULL},
      {"karabakh", 0x46152c09845b6808ULL},
      {"stephane-visconti", 0x7dcfd6c774185be3ULL},
      {"abcdefghijklmnop", 0x924e77d91933ea0fULL},
      {"abcdefghijklmnopqrstuvwxyz0123456789", 0x242a7695a06a6a97ULL},
  };
  for (const auto& [key, hash] : pinned) {
    CAPTURE(key);
    CHECK(actorgraph::gazetteer::flat::HashKey(key) == hash);
  }
}

TEST_CASE("the key hash spreads keys that differ in one byte over the bits the tables use", "[gazetteer]") {
  // The vocabulary, the token memo and the Bloom filters take their slots from different
  // bits of one hash: keys that share all but one byte (token keys often do) must still
  // land apart in each of them, as random values would.
  std::set<std::string> keys;
  const std::string base = "nagornokarabakhazerbaijanarmeniaminskgroup";
  for (std::size_t len = 1; len <= 40; ++len) {
    for (std::size_t at = 0; at < len; ++at) {
      for (char c = 'a'; c <= 'z'; ++c) {
        std::string k = base.substr(0, len);
        k[at] = c;
        keys.insert(k);
      }
    }
  }
  for (int i = 0; keys.size() < 65536; ++i) keys.insert("k" + std::to_string(i));
  const auto distinct = [&](int shift, int bits) {
    std::set<std::uint64_t> seen;
    for (const auto& k : keys) seen.insert((actorgraph::bytes::HashKey(k) >> shift) & ((std::uint64_t{1} << bits) - 1));
    return seen.size();
  };
  // 65,536 random values in 2^16 places fill about 41,400 of them; in 2^32, nearly all.
  CHECK(distinct(0, 16) > 40000);   // the slot of a table, the memo entry
  CHECK(distinct(20, 16) > 40000);  // the vocabulary filter's word
  CHECK(distinct(32, 32) > 65500);  // the vocabulary's tag
  std::set<std::uint64_t> pairs;
  for (std::uint32_t node = 0; node < 256; ++node) {
    for (std::uint32_t token = 0; token < 256; ++token) pairs.insert(actorgraph::bytes::HashPair(node, token) & 0xffff);
  }
  CHECK(pairs.size() > 40000);  // the trie's edges
}

TEST_CASE("LoadUpTo8 reads what memcpy into a zeroed integer reads", "[gazetteer]") {
  const char bytes[] = "\x01\x82\x03\xF4\x05\x06\x07\x88\x09";
  for (std::size_t n = 0; n <= 8; ++n) {
    std::uint64_t expected = 0;
    std::memcpy(&expected, bytes, n);
    CAPTURE(n);
    CHECK(actorgraph::bytes::LoadUpTo8(bytes, n) == expected);
  }
}

TEST_CASE("matching: the per-thread token memo never answers for another gazetteer", "[gazetteer]") {
  // FindMatches remembers recent token lookups per thread. Two gazetteers with different
  // vocabularies, used in turn on one thread, must each find only their own aliases.
  Gazetteer first, second;
  REQUIRE(first.LoadString(R"({"id":"l:1","kind":"location","name":"Port Orla"})", "first.jsonl").ok());
  REQUIRE(second
              .LoadString("{\"id\":\"l:2\",\"kind\":\"location\",\"name\":\"Kessel Point\"}\n"
                          "{\"id\":\"l:3\",\"kind\":\"location\",\"name\":\"Orla Bay\"}\n",
                          "second.jsonl")
              .ok());
  first.Compile();
  second.Compile();
  const std::string text = "From Port Orla to Orla Bay past Kessel Point.";
  for (int round = 0; round < 2; ++round) {
    CHECK(MatchAll(first, text) == std::vector<Found>{{"Port Orla", "l:1"}});
    CHECK(MatchAll(second, text) == std::vector<Found>{{"Orla Bay", "l:3"}, {"Kessel Point", "l:2"}});
  }
}

TEST_CASE("KeyFilter: every added key passes, most others do not, an unbuilt filter passes all", "[gazetteer]") {
  actorgraph::KeyFilter unbuilt;
  CHECK(unbuilt.MayContain("anything"));
  actorgraph::KeyFilter f;
  f.Reset(3000);
  for (int i = 0; i < 3000; ++i) f.Add("surname" + std::to_string(i));
  for (int i = 0; i < 3000; ++i) CHECK(f.MayContain("surname" + std::to_string(i)));
  int passed = 0;
  for (int i = 0; i < 20000; ++i) passed += f.MayContain("other" + std::to_string(i)) ? 1 : 0;
  CHECK(passed < 20000 / 20);  // about 1.4 % expected; 5 % would mean a broken hash or sizing
  actorgraph::KeyFilter empty;
  empty.Reset(0);
  CHECK_FALSE(empty.MayContain("surname0"));
}

TEST_CASE("bytes::Equal answers as memcmp for every length and every differing byte", "[gazetteer]") {
  const std::string base = "abcdefghijklmnopqrstuvwxyz0123456789ABCD";
  for (std::size_t n = 0; n <= base.size(); ++n) {
    CAPTURE(n);
    std::string same = base.substr(0, n);
    CHECK(actorgraph::bytes::Equal(base.data(), same.data(), n));
    for (std::size_t k = 0; k < n; ++k) {
      std::string other = same;
      other[k] = '_';
      CAPTURE(k);
      CHECK_FALSE(actorgraph::bytes::Equal(base.data(), other.data(), n));
      CHECK((std::memcmp(base.data(), other.data(), n) == 0) == actorgraph::bytes::Equal(base.data(), other.data(), n));
    }
  }
}

TEST_CASE("The vocabulary finds keys of every length by their inline first 16 bytes and the rest", "[gazetteer]") {
  // Slots hold a key's first 16 bytes: keys that share them (and their length) differ only
  // in the bytes kept apart, and the bytes after a looked-up key are not part of it.
  namespace flat = actorgraph::gazetteer::flat;
  const std::string base = "abcdefghijklmnopqrstuvwxyz0123456789ABCD";
  std::vector<std::string> stored, absent;
  for (std::size_t len = 1; len <= base.size(); ++len) {
    std::string k = base.substr(0, len);
    stored.push_back(k);
    k.back() = '!';  // same length, the same bytes but the last
    (len % 2 ? stored : absent).push_back(k);
    absent.push_back(base.substr(0, len) + "#");
  }
  std::vector<std::string_view> views(stored.begin(), stored.end());
  flat::Vocabulary vocab;
  std::vector<std::uint32_t> ids;
  vocab.Build(views, &ids);
  // Looked up from a buffer with other bytes after the key, as token keys are stored.
  const auto find = [&](const std::string& key) {
    std::string buffer = key + std::string(24, 'Q');
    return vocab.Find(std::string_view(buffer.data(), key.size()), actorgraph::bytes::HashKey(key));
  };
  for (std::size_t k = 0; k < stored.size(); ++k) {
    CAPTURE(stored[k]);
    CHECK(find(stored[k]) == ids[k]);
  }
  for (const auto& key : absent) {
    CAPTURE(key);
    CHECK(find(key) == flat::kNone);
  }
  // Even when its hash is that of a stored key (as a collision would have it), a key that
  // shares that key's length and first 16 bytes is told apart by the rest.
  for (std::size_t len = 17; len <= base.size(); len += 2) {
    const std::string key = base.substr(0, len);
    std::string other = key;
    other.back() = '%';
    std::string buffer = other + std::string(24, 'Q');
    CAPTURE(other);
    CHECK(vocab.Find(std::string_view(buffer.data(), other.size()), actorgraph::bytes::HashKey(key)) == flat::kNone);
  }
}

TEST_CASE("The edge filter keeps every edge and turns most absent ones away", "[gazetteer]") {
  namespace flat = actorgraph::gazetteer::flat;
  flat::Edges edges;
  edges.Reserve(5000);
  for (std::uint32_t k = 1; k <= 5000; ++k) edges.Insert(k, k * 7 + 3, k + 1);
  const flat::Edges unfiltered = edges;  // no filter: every lookup probes the table
  CHECK(unfiltered.filter.empty());
  edges.BuildFilter();
  REQUIRE(!edges.filter.empty());
  for (std::uint32_t k = 1; k <= 5000; ++k) CHECK(edges.Child(k, k * 7 + 3) == k + 1);
  int passed = 0;
  for (std::uint32_t k = 1; k <= 20000; ++k) {
    const std::uint32_t token = k * 7 + 4;  // no such edge
    CHECK(edges.Child(k, token) == 0);
    CHECK(unfiltered.Child(k, token) == 0);
    passed += edges.MayContain(flat::Edges::Hash(k, token)) ? 1 : 0;
  }
  CHECK(passed < 20000 / 20);  // about 2 % expected
}

TEST_CASE("Keys with their hash find what the keys find, in filters, maps and sets", "[gazetteer]") {
  actorgraph::KeyFilter filter;
  filter.Reset(100);
  actorgraph::StringMap<int> map;
  actorgraph::StringSet set;
  for (int i = 0; i < 100; ++i) {
    const std::string key = "key" + std::to_string(i);
    filter.Add(key);
    map.emplace(key, i);
    set.insert(key);
  }
  const auto hashed = [](const std::string& k) { return actorgraph::HashedKey{k, actorgraph::bytes::HashKey(k)}; };
  for (int i = 0; i < 200; ++i) {
    const std::string key = (i < 100 ? "key" : "other") + std::to_string(i);
    CAPTURE(key);
    CHECK(filter.MayContain(hashed(key)) == filter.MayContain(key));
    CHECK(map.count(hashed(key)) == map.count(key));
    CHECK(set.count(hashed(key)) == set.count(key));
    if (i < 100) CHECK(map.find(hashed(key))->second == i);
  }
  // Tokens carry the hash their keys have.
  actorgraph::text::Analyzer analyzer;
  actorgraph::text::TokenList tokens;
  analyzer.Tokenize("Putin and Aliyev", &tokens);
  const Gazetteer g = actorgraph::testing::FixtureGazetteer();
  for (const auto& t : tokens) CHECK(g.BySurname(actorgraph::HashedKey{t.key, t.hash}) == g.BySurname(t.key));
  CHECK(!g.BySurname(actorgraph::HashedKey{tokens[0].key, tokens[0].hash}).empty());
}
