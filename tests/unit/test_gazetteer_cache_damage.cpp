// A compiled gazetteer (.agc) is untrusted input: every damaged, truncated or crafted file
// is either refused with "FILE: byte N: ...; compile it again" or loads into a gazetteer that
// works; never a crash, a read out of bounds or a probe loop that does not end.
#include "fixture_gazetteer.hpp"
#include "test_support.hpp"
#include "text/text.hpp"

#include <cstring>

using actorgraph::gazetteer::Gazetteer;

namespace {

// Uses everything a run uses of a loaded gazetteer: matching, candidates, entities, roles,
// surnames and ids.
void Exercise(const Gazetteer& g) {
  static const std::string text =
      "co-chairs of the OSCE Minsk Group met in Nagorno Karabakh; Владимир Путин and the US, WHO said; "
      "Vladimir Putin met Putin in Moscow and the Russian leader spoke to Russians";
  actorgraph::text::Analyzer a;
  actorgraph::text::TokenList toks;
  a.Tokenize(text, &toks);
  std::vector<actorgraph::gazetteer::Match> ms;
  g.FindMatches(text, toks, &ms);
  for (const auto& m : ms) {
    for (const auto& c : g.Candidates(m, text, toks)) (void)g.entity(c.entity).id.size();
  }
  for (std::uint32_t i = 0; i < g.size(); ++i) (void)g.brief(i);
  for (std::uint32_t i = 0; i < g.size(); ++i) (void)g.entity(i).roles.size();
  (void)g.Holders("head_of_state", "country:RU", "2020-01-01");
  (void)g.BySurname("putin");
  (void)g.Find("country:RU");
  (void)g.Find("nowhere:at-all");
}

// Refused as a damaged compiled file, or loaded into a working gazetteer. With its magic
// bytes damaged the file is not taken for a compiled one, and is refused as JSON Lines.
void LoadsOrRefuses(const std::string& path, bool magic_intact) {
  Gazetteer g;
  const auto s = g.Load(path);
  if (s.ok()) {
    Exercise(g);
    return;
  }
  CHECK(s.code() == actorgraph::ErrorCode::kBadInput);
  if (!magic_intact) {
    CHECK_THAT(s.message(), Catch::StartsWith(path + ":"));
    return;
  }
  CHECK_THAT(s.message(), Catch::StartsWith(path + ": ") && Catch::Contains("compile it again"));
}

// Where the tables start in a file written by SaveCompiled (the layout in cache.cpp).
struct Layout {
  std::size_t vocab = 0;  // the u64 count of the vocabulary slots
  std::size_t edges = 0;  // the u64 count of the edge slots
};

std::uint64_t U64At(const std::string& b, std::size_t at) {
  std::uint64_t v;
  std::memcpy(&v, b.data() + at, 8);
  return v;
}
std::uint32_t U32At(const std::string& b, std::size_t at) {
  std::uint32_t v;
  std::memcpy(&v, b.data() + at, 4);
  return v;
}

Layout Find(const std::string& b) {
  std::size_t at = 16;     // magic, version, byte order
  at += 4 + U32At(b, at);  // defaults fingerprint
  const std::uint64_t count = U64At(b, at);
  at += 16;                // entity count, alias count
  at += 8 + U64At(b, at);  // the entity section
  at += 8 + 8 * count;     // offsets
  at += 8 + 16 * count;    // id index
  Layout l;
  l.vocab = at;
  at += 8 + 32 * U64At(b, at);  // vocabulary slots
  at += 4 + U32At(b, at);       // keys
  at += 8 + 8 * U64At(b, at);   // filter
  l.edges = at;
  return l;
}

struct Compiled {
  std::filesystem::path dir;
  std::string path;
  std::string bytes;
};

Compiled MakeCompiled(const std::string& name) {
  Compiled c;
  c.dir = actorgraph::testing::TempDir(name);
  c.path = (c.dir / "fixture.agc").string();
  const Gazetteer source = actorgraph::testing::FixtureGazetteer();
  REQUIRE(source.SaveCompiled(c.path, "").ok());
  c.bytes = actorgraph::testing::ReadFile(c.path);
  return c;
}

}  // namespace

TEST_CASE("a compiled gazetteer with any one byte changed is refused or works", "[gazetteer][cache][damage]") {
  const Compiled c = MakeCompiled("agc-flip");
  const auto damaged = (c.dir / "damaged.agc").string();
  // Every byte, each with three kinds of damage: all bits flipped, set to 0xFF, set to 0x01.
  for (std::size_t at = 0; at < c.bytes.size(); ++at) {
    for (const int kind : {0, 1, 2}) {
      std::string b = c.bytes;
      b[at] = kind == 0 ? static_cast<char>(~b[at]) : kind == 1 ? '\xFF' : '\x01';
      if (b == c.bytes) continue;
      actorgraph::testing::WriteFile(damaged, b);
      CAPTURE(at, kind);
      LoadsOrRefuses(damaged, at >= 8);
    }
  }
  std::filesystem::remove_all(c.dir);
}

TEST_CASE("a compiled gazetteer cut at any byte is refused", "[gazetteer][cache][damage]") {
  const Compiled c = MakeCompiled("agc-cut");
  const auto cut = (c.dir / "cut.agc").string();
  // (Shorter than the magic bytes, a file is not taken for a compiled one.)
  for (std::size_t size = 8; size < c.bytes.size(); ++size) {
    actorgraph::testing::WriteFile(cut, c.bytes.substr(0, size));
    Gazetteer g;
    const auto s = g.Load(cut);
    CAPTURE(size);
    CHECK(!s.ok());
    CHECK_THAT(s.message(), Catch::StartsWith(cut + ": "));
  }
  std::filesystem::remove_all(c.dir);
}

TEST_CASE("a compiled gazetteer with a full vocabulary or edge table is refused, not probed for ever",
          "[gazetteer][cache][damage]") {
  const Compiled c = MakeCompiled("agc-full");
  const Layout l = Find(c.bytes);
  const auto crafted = (c.dir / "crafted.agc").string();
  {
    // Every vocabulary slot used (length 0 at offset 0): a token no slot holds would be
    // probed for ever.
    std::string b = c.bytes;
    const std::uint64_t slots = U64At(b, l.vocab);
    REQUIRE(slots >= 16);
    for (std::uint64_t i = 0; i < slots; ++i) {
      const std::uint32_t zero = 0;
      std::memcpy(b.data() + l.vocab + 8 + 32 * i + 16, &zero, 4);  // offset
      std::memcpy(b.data() + l.vocab + 8 + 32 * i + 20, &zero, 4);  // length
    }
    actorgraph::testing::WriteFile(crafted, b);
    Gazetteer g;
    const auto s = g.Load(crafted);
    CHECK(s.code() == actorgraph::ErrorCode::kBadInput);
    CHECK_THAT(s.message(), Catch::StartsWith(crafted + ": byte " + std::to_string(l.vocab) + ": ") &&
                                Catch::Contains("vocabulary") && Catch::Contains("compile it again"));
  }
  {
    // Every edge slot used (child 1 of node 1 by token 0).
    std::string b = c.bytes;
    const std::uint64_t slots = U64At(b, l.edges);
    REQUIRE(slots >= 16);
    for (std::uint64_t i = 0; i < slots; ++i) {
      const std::uint32_t one = 1, zero = 0;
      std::memcpy(b.data() + l.edges + 8 + 12 * i, &one, 4);
      std::memcpy(b.data() + l.edges + 8 + 12 * i + 4, &zero, 4);
      std::memcpy(b.data() + l.edges + 8 + 12 * i + 8, &one, 4);
    }
    actorgraph::testing::WriteFile(crafted, b);
    Gazetteer g;
    const auto s = g.Load(crafted);
    CHECK(s.code() == actorgraph::ErrorCode::kBadInput);
    CHECK_THAT(s.message(), Catch::StartsWith(crafted + ": byte " + std::to_string(l.edges) + ": ") &&
                                Catch::Contains("edge") && Catch::Contains("compile it again"));
  }
  std::filesystem::remove_all(c.dir);
}

TEST_CASE("a damaged entity in a compiled gazetteer is refused at load and by check", "[gazetteer][cache][damage]") {
  const Compiled c = MakeCompiled("agc-entity");
  // The kind byte of the first entity (after its id) set to an unknown kind.
  std::size_t at = 16;
  at += 4 + U32At(c.bytes, at);
  at += 24;  // entity count, alias count, section size: the first entity starts here
  std::string b = c.bytes;
  b[at + 4 + U32At(b, at)] = 9;
  const auto damaged = (c.dir / "entity.agc").string();
  actorgraph::testing::WriteFile(damaged, b);
  Gazetteer g;
  std::vector<std::string> problems;
  const auto s = g.Load(damaged, &problems);
  CHECK(s.code() == actorgraph::ErrorCode::kBadInput);
  CHECK_THAT(s.message(), Catch::StartsWith(damaged + ": byte " + std::to_string(at) + ": ") &&
                              Catch::Contains("an entity") && Catch::Contains("compile it again"));
  // What `gazetteer check` prints and counts.
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] == s.message());
  std::filesystem::remove_all(c.dir);
}

TEST_CASE("a compiled gazetteer of the other byte order says so", "[gazetteer][cache][damage]") {
  const Compiled c = MakeCompiled("agc-order");
  std::string b = c.bytes;
  std::reverse(b.begin() + 8, b.begin() + 12);   // the version, as a big-endian machine writes it
  std::reverse(b.begin() + 12, b.begin() + 16);  // the byte-order mark
  const auto other = (c.dir / "other.agc").string();
  actorgraph::testing::WriteFile(other, b);
  Gazetteer g;
  const auto s = g.Load(other);
  CHECK(s.code() == actorgraph::ErrorCode::kBadInput);
  CHECK_THAT(s.message(), Catch::Contains("other byte order") && Catch::Contains("compile it again"));
  CHECK_THAT(s.message(), !Catch::Contains("another version"));
  std::filesystem::remove_all(c.dir);
}

TEST_CASE("an empty compiled gazetteer saves and loads (no memcpy from null)", "[gazetteer][cache]") {
  const auto dir = actorgraph::testing::TempDir("agc-empty");
  const auto path = (dir / "empty.agc").string();
  Gazetteer empty;
  empty.Compile();
  REQUIRE(empty.SaveCompiled(path, "").ok());
  Gazetteer g;
  REQUIRE(g.Load(path).ok());
  CHECK(g.size() == 0);
  Exercise(g);
  std::filesystem::remove_all(dir);
}
