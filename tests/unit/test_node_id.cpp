// Node ids (lib/common/node_id): the id alphabet and the one escaper that the gazetteer,
// the graph builder and the exporters share.
#include "common/node_id.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <set>
#include <string>

namespace node_id = actorgraph::node_id;
using Catch::Generators::table;

TEST_CASE("IsValid is the gazetteer's id alphabet [A-Za-z0-9._:-], non-empty") {
  auto [id, valid] = GENERATE(table<std::string, bool>({
      {"person:anna_berg", true},
      {"country:AZ", true},
      {"event:meeting:2021-02-16:abc.1", true},
      {"a__b", true},
      {"_", true},
      {"", false},
      {"a b", false},
      {"a\"b", false},
      {"a<b", false},
      {"a&b", false},
      {"a/b", false},
      {"\xC3\xBC", false},
      {std::string("a\0b", 3), false},
      {"a\tb", false},
  }));
  CAPTURE(id);
  CHECK(node_id::IsValid(id) == valid);
}

TEST_CASE("FromString keeps plain ids and escapes everything else as __HH") {
  auto [raw, id] = GENERATE(table<std::string, std::string>({
      // Plain ids stay as they are: the gazetteer id is the node id.
      {"person:anna_berg", "person:anna_berg"},
      {"person:jeyhun-bayramov", "person:jeyhun-bayramov"},
      {"country:AZ", "country:AZ"},
      {"event:meeting:2021-02-16:0123abcd", "event:meeting:2021-02-16:0123abcd"},
      {"_", "_"},
      {"x_20", "x_20"},
      {"a.b-c:d_e9", "a.b-c:d_e9"},
      // Anything else: each byte outside [A-Za-z0-9.:-] and each '_' becomes __HH.
      {"a b", "a__20b"},
      {"a__20b", "a__5F__5F20b"},  // valid but holds "__": escaped, so it cannot meet "a b"
      {"anna berg_x", "anna__20berg__5Fx"},
      {"\"q\"", "__22q__22"},
      {"<&>", "__3C__26__3E"},
      {"'", "__27"},
      {"\xC3\xBC", "__C3__BC"},
      {"\xFF", "__FF"},
      {std::string("\0", 1), "__00"},
      {"\n\x1F\x7F", "__0A__1F__7F"},
      {"", "__"},
  }));
  CAPTURE(raw);
  CHECK(node_id::FromString(raw) == id);
  CHECK(node_id::IsValid(node_id::FromString(raw)));
}

TEST_CASE("FromString never gives two inputs one id") {
  // Inputs built to collide under simpler schemes: an escape written out by hand, the
  // empty string against "_" and "__", lower- and upper-case hex.
  const std::vector<std::string> inputs = {"",
                                           "_",
                                           "__",
                                           "___",
                                           "____",
                                           "__00",
                                           std::string("\0", 1),
                                           "a b",
                                           "a__20b",
                                           "a_20b",
                                           "a__5F__5F20b",
                                           "a_b",
                                           "a__b",
                                           "a___b",
                                           "\xC3\xBC",
                                           "__C3__BC",
                                           "_c3_bc",
                                           "x",
                                           "x ",
                                           "x__20",
                                           "legend:a",
                                           "legend__3Aa",
                                           "a__2",
                                           "a\x01",
                                           "a__01"};
  std::set<std::string> ids;
  for (const auto& raw : inputs) {
    CAPTURE(raw);
    CHECK(ids.insert(node_id::FromString(raw)).second);
  }
  // And on random strings over a small alphabet that makes near-collisions likely.
  std::mt19937 rng(7);
  const std::string alphabet = std::string("_a_ 5F2\x00\xC3", 10);
  std::map<std::string, std::string> seen;
  for (int i = 0; i < 20000; ++i) {
    std::string raw;
    const int n = static_cast<int>(rng() % 7);
    for (int k = 0; k < n; ++k) raw += alphabet[rng() % alphabet.size()];
    const std::string id = node_id::FromString(raw);
    REQUIRE(node_id::IsValid(id));
    auto [it, fresh] = seen.try_emplace(id, raw);
    CAPTURE(raw, it->second, id);
    REQUIRE((fresh || it->second == raw));
  }
}
