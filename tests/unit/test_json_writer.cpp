// Hand-written JSON (lib/common/json_writer) and the JSON Lines of `mentions` and `events`
// written with it: the escapes themselves, and byte-for-byte agreement with nlohmann::json's
// dump(), which wrote these lines before and still reads them back (`actorgraph merge`).
#include "common/bytes.hpp"
#include "common/json_writer.hpp"
#include "events/jsonl.hpp"
#include "mentions/jsonl.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

namespace json = actorgraph::json;

namespace {

std::string Str(std::string_view s, bool line_separators = false) {
  std::string out;
  json::AppendString(out, s, {.escape_line_separators = line_separators});
  return out;
}

std::string Num(double d) {
  std::string out;
  json::AppendNumber(out, d);
  return out;
}

std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

TEST_CASE("JSON strings: quotes, backslashes and control characters escaped, the rest kept as UTF-8") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"", R"("")"},
      {"plain", R"("plain")"},
      {"say \"hi\"", R"("say \"hi\"")"},
      {"C:\\path\\", R"("C:\\path\\")"},
      {"/slash/", R"("/slash/")"},  // not escaped
      {"a\nb\rc\td", R"("a\nb\rc\td")"},
      {"\b\f", R"("\b\f")"},
      {std::string("\0\x01\x1F", 3), R"("\u0000\u0001\u001f")"},
      {"\x1B[0m", R"("\u001b[0m")"},
      {"\x7F", "\"\x7F\""},  // DEL is not a control character for JSON
      {"Stéphane Visconti", "\"Stéphane Visconti\""},
      {"Владимир Путин", "\"Владимир Путин\""},
      {"\xF0\x9F\x98\x80 \xD7\xA9", "\"\xF0\x9F\x98\x80 \xD7\xA9\""},
      {"\xE2\x80\xA8", "\"\xE2\x80\xA8\""},  // U+2028 kept unless asked for
  }));
  CAPTURE(input);
  CHECK(Str(input) == expected);
  CHECK(Str(input) == Dump(input));
}

TEST_CASE("JSON strings: ill-formed UTF-8 becomes U+FFFD per maximal subpart, as nlohmann replaces it") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"a\xFF"
       "b",
       "\"a\xEF\xBF\xBD"
       "b\""},
      {"\xC3", "\"\xEF\xBF\xBD\""},  // truncated at the end
      {"\xE2\x82"
       "x",
       "\"\xEF\xBF\xBD"
       "x\""},                                                                       // truncated in the middle
      {"\xE0\x80\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},                  // overlong
      {"\xED\xA0\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},                  // surrogate
      {"\xF4\x90\x80\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},  // above U+10FFFF
      {"\"\xC0\n", "\"\\\"\xEF\xBF\xBD\\n\""},
  }));
  CAPTURE(input);
  CHECK(Str(input) == expected);
  CHECK(Str(input) == Dump(input));
}

TEST_CASE("JSON strings: U+2028 and U+2029 escaped on request, other E2 sequences kept") {
  CHECK(Str("a\xE2\x80\xA8"
            "b\xE2\x80\xA9",
            true) == R"("a\u2028b\u2029")");
  CHECK(Str("\xE2\x80\xA7\xE2\x82\xAC", true) == "\"\xE2\x80\xA7\xE2\x82\xAC\"");
  CHECK(Str("\xE2\x80", true) == "\"\xEF\xBF\xBD\"");
}

TEST_CASE("JSON strings agree with nlohmann on every single byte and on random byte strings") {
  for (int b = 0; b < 256; ++b) {
    const std::string s(1, static_cast<char>(b));
    CAPTURE(b);
    CHECK(Str(s) == Dump(s));
  }
  std::mt19937 rng(20261128);
  const char pool[] = {'a',    ' ',    '"',    '\\',   '\n',   '\x01', '\x1f', '\x7f', '\xc3', '\xa9', '\xe2',
                       '\x80', '\xa8', '\xf0', '\x9f', '\x98', '\xed', '\xa0', '\xff', '\xc0', '\xbf'};
  for (int i = 0; i < 5000; ++i) {
    std::string s;
    const auto len = rng() % 12;
    for (unsigned k = 0; k < len; ++k) s += pool[rng() % sizeof pool];
    CAPTURE(s);
    CHECK(Str(s) == Dump(s));
  }
}

TEST_CASE("JSON numbers are written as nlohmann writes them") {
  auto [value, expected] = GENERATE(table<double, std::string>({
      {1.0, "1.0"},
      {0.9, "0.9"},
      {0.8, "0.8"},
      {0.7, "0.7"},
      {0.6, "0.6"},
      {0.0, "0.0"},
      {-0.0, "-0.0"},
      {0.1 + 0.2, "0.30000000000000004"},
      {0.01207, "0.012070000000000001"},  // Grisu2, not the shortest form
      {123456789012345.0, "123456789012345.0"},
      {1e15, "1e+15"},
      {1.5e15, "1.5e+15"},
      {1e16, "1e+16"},
      {0.0001, "0.0001"},
      {0.00001, "1e-05"},
      {-2.5e-7, "-2.5e-07"},
      {1e300, "1e+300"},
      {std::numeric_limits<double>::quiet_NaN(), "null"},
      {std::numeric_limits<double>::infinity(), "null"},
  }));
  CAPTURE(value);
  CHECK(Num(value) == expected);
  CHECK(Num(value) == Dump(value));
}

TEST_CASE("JSON numbers agree with nlohmann on random doubles of every magnitude") {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int> exponent(-30, 30);
  for (int i = 0; i < 100000; ++i) {
    double d = unit(rng);
    if (i % 2) d = d * std::pow(10.0, exponent(rng));
    if (i % 3 == 0) d = std::round(d * 100) / 100;  // confidences such as 0.85
    if (i % 5 == 0) d = -d;
    CAPTURE(d);
    REQUIRE(Num(d) == Dump(d));
  }
  std::string out;
  json::AppendNumber(out, std::uint32_t{4294967295u});
  out += ' ';
  json::AppendNumber(out, std::int64_t{-42});
  out += ' ';
  json::AppendBool(out, true);
  json::AppendBool(out, false);
  CHECK(out == "4294967295 -42 truefalse");
  out.clear();
  json::AppendNumber(out, std::numeric_limits<std::int64_t>::min());
  out += ' ';
  json::AppendNumber(out, std::numeric_limits<std::uint64_t>::max());
  out += ' ';
  json::AppendNumber(out, std::int32_t{0});
  CHECK(out == "-9223372036854775808 18446744073709551615 0");
  CHECK(out ==
        Dump(std::numeric_limits<std::int64_t>::min()) + " " + Dump(std::numeric_limits<std::uint64_t>::max()) + " 0");
}

namespace {

// The previous writers of the two JSON Lines formats, through nlohmann::ordered_json: the
// reference the hand-written ones must match byte for byte.
std::string MentionReference(const std::string& doc_id, const std::string& doc_date, std::string_view text,
                             const actorgraph::mentions::Mention& m) {
  nlohmann::ordered_json j;
  j["doc"] = doc_id;
  j["start"] = m.start;
  j["end"] = m.end;
  j["text"] = std::string(text.substr(m.start, m.end - m.start));
  j["entity_id"] = m.entity_id;
  j["kind"] = std::string(actorgraph::gazetteer::KindName(m.kind));
  j["name"] = m.name;
  j["confidence"] = m.confidence;
  j["resolved_by"] = std::string(actorgraph::analysis::MentionSourceName(m.resolved_by));
  if (!m.role.empty()) j["role"] = m.role;
  if (!m.country.empty()) j["country"] = m.country;
  if (!doc_date.empty()) j["date"] = doc_date;
  return Dump(j);
}

std::string EventReference(const actorgraph::events::Event& e) {
  nlohmann::ordered_json j;
  j["id"] = e.id;
  j["type"] = e.type;
  j["class"] = e.event_class;
  j["date"] = e.date;
  j["place"] = e.place;
  j["place_name"] = e.place_name;
  j["mode"] = e.mode;
  j["cameo"] = e.cameo;
  j["status"] = e.status;
  if (!e.default_date_doc.empty()) j["default_date_doc"] = e.default_date_doc;
  auto& ps = j["participants"] = nlohmann::ordered_json::array();
  for (const auto& p : e.participants) {
    nlohmann::ordered_json pj;
    pj["entity_id"] = p.entity_id;
    pj["name"] = p.name;
    pj["kind"] = p.kind;
    pj["role"] = p.role;
    pj["title"] = p.title;
    pj["country"] = p.country;
    pj["confidence"] = p.confidence;
    pj["subject"] = p.subject;
    ps.push_back(std::move(pj));
  }
  auto& ds = j["dyads"] = nlohmann::ordered_json::array();
  for (const auto& [s, t] : actorgraph::events::Dyads(e)) ds.push_back({{"source", s}, {"target", t}});
  auto& ev = j["evidence"] = nlohmann::ordered_json::array();
  for (const auto& s : e.evidence) ev.push_back({{"doc", s.doc}, {"start", s.start}, {"end", s.end}});
  return Dump(j);
}

}  // namespace

TEST_CASE("Mention lines are byte-identical to the nlohmann writer and read back") {
  const std::string text = "He said \"Stéphane\\Visconti\"\tand\x01 Владимир.";
  actorgraph::mentions::Mention m;
  m.start = 8;
  m.end = 29;
  m.entity_id = "person:st\"ephane";
  m.kind = actorgraph::gazetteer::Kind::kPerson;
  m.name = "Stéphane \\ Visconti\n";
  m.confidence = 0.9;
  m.resolved_by = actorgraph::analysis::MentionSource::kSurname;
  for (int variant = 0; variant < 4; ++variant) {
    CAPTURE(variant);
    m.role = variant & 1 ? "Co-Chair of the \"Minsk\" Group" : "";
    m.country = variant & 2 ? "FR" : "";
    m.confidence = variant == 3 ? 1.0 : 0.9;
    const std::string date = variant & 1 ? "2021-02-16" : "";
    const std::string line = actorgraph::mentions::ToJsonLine("doc\\1\"", date, text, m);
    CHECK(line == MentionReference("doc\\1\"", date, text, m));
    actorgraph::mentions::MentionLine back;
    REQUIRE(actorgraph::mentions::FromJsonLine(line, "test", &back).ok());
    CHECK(back.doc == "doc\\1\"");
    CHECK(back.date == date);
    CHECK(back.mention.name == m.name);
    CHECK(back.mention.confidence == m.confidence);
    CHECK(back.mention.role == m.role);
  }
}

TEST_CASE("Event lines are byte-identical to the nlohmann writer and read back") {
  actorgraph::events::Event e;
  e.id = "event:2021-02-16:meeting:abc";
  e.type = "meeting";
  e.event_class = "meet";
  e.date = "2021-02-16";
  e.place = "place:moscow";
  e.place_name = "Moscow \"city\"";
  e.cameo = "043";
  CHECK(actorgraph::events::ToJsonLine(e) == EventReference(e));  // no participants, no evidence
  for (int i = 0; i < 3; ++i) {
    actorgraph::events::Participant p;
    p.entity_id = "person:p" + std::to_string(i);
    p.name = i == 1 ? "Jeyhun\tBayramov\\" : "Сергей Лавров";
    p.kind = "person";
    p.role = "participant";
    p.title = i == 2 ? "Foreign Minister" : "";
    p.country = "RU";
    p.confidence = i == 0 ? 1.0 : i == 1 ? 0.7 : 0.6;
    p.subject = i == 0;
    e.participants.push_back(p);
  }
  e.evidence.push_back({"doc\"1", 0, 42});
  e.evidence.push_back({"doc2", 4294967295u, 7});
  e.status = "planned";
  e.default_date_doc = "doc\"1";  // the date came from this document's date
  const std::string line = actorgraph::events::ToJsonLine(e);
  CHECK(line == EventReference(e));
  actorgraph::events::Event back;
  REQUIRE(actorgraph::events::FromJsonLine(line, "test", &back).ok());
  CHECK(actorgraph::events::ToJsonLine(back) == line);
}

TEST_CASE("JSON strings: a repaired string after escapes leaves what was already written intact") {
  std::string out = "{\"k\":";
  json::AppendString(out, "say \"x\"\n\xC3\xA9\xFF");
  CHECK(out == "{\"k\":\"say \\\"x\\\"\\n\xC3\xA9\xEF\xBF\xBD\"");
}

TEST_CASE("FindJsonSpecial finds the first byte a JSON string must escape or check, at any position") {
  for (const bool non_ascii : {false, true}) {
    for (int b = 0; b < 256; ++b) {
      const auto c = static_cast<unsigned char>(b);
      const bool special = c == '"' || c == '\\' || c < 0x20 || (non_ascii && c >= 0x80);
      for (std::size_t at = 0; at < 19; ++at) {
        // Plain bytes around it, including ones just above and below the SWAR thresholds.
        std::string s(19, 'a');
        for (std::size_t k = 0; k < s.size(); ++k) s[k] = "a!#[]~ 0\x7F"[k % 9];
        s[at] = static_cast<char>(c);
        CAPTURE(non_ascii, b, at);
        CHECK(actorgraph::bytes::FindJsonSpecial(s.data(), s.size(), non_ascii) == (special ? at : s.size()));
      }
    }
  }
  // Several special bytes: the first one counts, also when a later one is of another kind.
  CHECK(actorgraph::bytes::FindJsonSpecial("abc\\de\"f\x01", 9, false) == 3);
  CHECK(actorgraph::bytes::FindJsonSpecial("abcdefg\"\x01\\", 10, false) == 7);
  CHECK(actorgraph::bytes::FindJsonSpecial("ab\xC3\xA9\"", 5, true) == 2);
  CHECK(actorgraph::bytes::FindJsonSpecial("ab\xC3\xA9\"", 5, false) == 4);
}
