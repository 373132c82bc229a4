// ASCII case mapping (lib/common/ascii.hpp) and FNV-1a (lib/common/fnv1a.hpp), each once in
// common/ instead of a copy per stage.
#include "common/ascii.hpp"
#include "common/fnv1a.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace ascii = actorgraph::ascii;
namespace fnv1a = actorgraph::fnv1a;
using Catch::Generators::table;

TEST_CASE("ascii::Lower and Upper change A-Z and a-z only") {
  auto [text, lower, upper] = GENERATE(table<std::string, std::string, std::string>({
      {"", "", ""},
      {"GraphML.GV", "graphml.gv", "GRAPHML.GV"},
      {"az", "az", "AZ"},
      {"@[`{", "@[`{", "@[`{"},  // the bytes beside A-Z and a-z
      {"0-9_:", "0-9_:", "0-9_:"},
      {"\xC3\x84rger \xC3\xA4", "\xC3\x84rger \xC3\xA4", "\xC3\x84RGER \xC3\xA4"},  // UTF-8 untouched
      {std::string("A\0b", 3), std::string("a\0b", 3), std::string("A\0B", 3)},
  }));
  CAPTURE(text);
  CHECK(ascii::Lower(text) == lower);
  CHECK(ascii::Upper(text) == upper);
}

TEST_CASE("ascii::ToLower and ToUpper over every byte") {
  for (int i = 0; i < 256; ++i) {
    const char c = static_cast<char>(i);
    CAPTURE(i);
    CHECK(ascii::ToLower(c) == (i >= 'A' && i <= 'Z' ? static_cast<char>(i + 32) : c));
    CHECK(ascii::ToUpper(c) == (i >= 'a' && i <= 'z' ? static_cast<char>(i - 32) : c));
  }
}

TEST_CASE("fnv1a::Hash gives the published FNV-1a 64-bit values") {
  CHECK(fnv1a::Hash("") == 0xcbf29ce484222325ULL);
  CHECK(fnv1a::Hash("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(fnv1a::Hash("foobar") == 0x85944171f73967e8ULL);
  CHECK(fnv1a::Hash(std::string_view("\xFF", 1)) == ((0xcbf29ce484222325ULL ^ 0xFFULL) * 0x100000001b3ULL));
  CHECK(fnv1a::Add(fnv1a::Add(fnv1a::kOffsetBasis, "foo"), "bar") == fnv1a::Hash("foobar"));
  static_assert(fnv1a::Hash("a") == 0xaf63dc4c8601ec8cULL);
}
