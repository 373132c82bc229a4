// Document readers (lib/documents): text files, folders, JSON Lines, formats, BOM and CRLF,
// and every bad-input case with its exact message. Standard input ("-") is covered end to
// end in tests/e2e/cli_readers.sh.
#include "documents/documents.hpp"
#include "documents/json_line.hpp"
#include "test_support.hpp"

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using actorgraph::ErrorCode;
using actorgraph::Status;
using actorgraph::documents::Document;
using actorgraph::documents::DocumentReader;
using actorgraph::documents::InputFormat;
using actorgraph::documents::InvalidUtf8;
using actorgraph::documents::OnError;
using actorgraph::documents::ReadOptions;
using actorgraph::testing::TempDir;
using actorgraph::testing::WriteFile;

namespace {

const std::string kFffd = "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER

fs::path Fixtures() { return actorgraph::testing::SourceDir() / "tests/fixtures/documents"; }

// Captures what the reader logs (warnings) for the lifetime of the object, one
// "level: message" per line.
class LogCapture {
 public:
  LogCapture() : previous_(spdlog::default_logger()) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out_);
    auto logger = std::make_shared<spdlog::logger>("test", sink);
    logger->set_pattern("%l: %v");
    logger->set_level(spdlog::level::debug);
    spdlog::set_default_logger(logger);
  }
  ~LogCapture() { spdlog::set_default_logger(previous_); }
  LogCapture(const LogCapture&) = delete;
  LogCapture& operator=(const LogCapture&) = delete;
  std::string text() const { return out_.str(); }

 private:
  std::ostringstream out_;
  std::shared_ptr<spdlog::logger> previous_;
};

// The outcome of reading inputs to the end or to the first error.
struct Outcome {
  Status open;                 // result of Open()
  Status error;                // first error of Next() (Ok when the end was reached)
  std::vector<Document> docs;  // documents delivered before the end or the error
  actorgraph::documents::ReadStats stats;
  std::string log;
};

Outcome ReadAll(std::vector<std::string> inputs, ReadOptions options = {}) {
  LogCapture capture;
  Outcome r;
  DocumentReader reader(std::move(inputs), options);
  r.open = reader.Open();
  if (r.open.ok()) {
    for (int guard = 0; guard < 10000; ++guard) {
      Document doc;
      bool done = false;
      r.error = reader.Next(&doc, &done);
      if (!r.error.ok() || done) break;
      r.docs.push_back(std::move(doc));
    }
  }
  r.stats = reader.stats();
  r.log = capture.text();
  return r;
}

std::vector<std::string> Ids(const Outcome& r) {
  std::vector<std::string> ids;
  for (const auto& d : r.docs) ids.push_back(d.id);
  return ids;
}

}  // namespace

// ---- text files and folders ------------------------------------------------------------

TEST_CASE("documents: a text file is one document with its path as id", "[documents]") {
  const std::string path = (Fixtures() / "article.txt").string();
  const auto r = ReadAll({path});
  REQUIRE(r.open.ok());
  REQUIRE(r.error.ok());
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].id == path);
  CHECK(r.docs[0].origin == path);
  CHECK(r.docs[0].text == actorgraph::testing::ReadFile(path));
  CHECK(r.docs[0].date.empty());
  CHECK(r.stats.documents == 1);
  CHECK(r.stats.bytes == r.docs[0].text.size());
  CHECK(r.log.empty());
}

TEST_CASE("documents: a folder is read recursively, *.txt only, in sorted path order", "[documents]") {
  const std::string folder = (Fixtures() / "folder").string();
  const auto r = ReadAll({folder});
  REQUIRE(r.open.ok());
  REQUIRE(r.error.ok());
  // notes.md and m/ignored.jsonl are not read; m/inner.txt sorts between a- and z-.
  CHECK(Ids(r) == std::vector<std::string>{folder + "/a-first.txt", folder + "/m/inner.txt", folder + "/z-last.txt"});
  REQUIRE(r.docs.size() == 3);
  CHECK(r.docs[0].text == "Ilse Varga opened the session of the committee.\n");
}

TEST_CASE("documents: sorted order does not depend on the order files were created in", "[documents]") {
  const auto dir = TempDir("documents-order");
  for (const char* name : {"c.txt", "a.txt", "b/b.txt", "B.txt", "a/z.txt", "d.TXT", "e.txt.bak"}) {
    fs::create_directories((dir / name).parent_path());
    WriteFile(dir / name, std::string("text of ") + name);
  }
  const auto r = ReadAll({dir.string()});
  REQUIRE(r.error.ok());
  const std::string d = dir.string();
  // Byte order of the paths: upper case before lower case, "a.txt" before "a/z.txt".
  CHECK(Ids(r) == std::vector<std::string>{d + "/B.txt", d + "/a.txt", d + "/a/z.txt", d + "/b/b.txt", d + "/c.txt"});
  fs::remove_all(dir);
}

TEST_CASE("documents: inputs keep the order given; a folder without *.txt warns", "[documents]") {
  const auto dir = TempDir("documents-inputs");
  WriteFile(dir / "second.txt", "two");
  WriteFile(dir / "first.txt", "one");
  fs::create_directories(dir / "empty");
  WriteFile(dir / "empty" / "readme.md", "not text input");
  const std::string second = (dir / "second.txt").string(), first = (dir / "first.txt").string();
  const std::string empty = (dir / "empty").string();
  const auto r = ReadAll({second, empty, first});
  REQUIRE(r.open.ok());
  REQUIRE(r.error.ok());
  CHECK(Ids(r) == std::vector<std::string>{second, first});
  CHECK(r.log == "warning: " + empty + ": folder holds no *.txt files\n");
  fs::remove_all(dir);
}

TEST_CASE("documents: a missing input is an I/O error naming the path", "[documents]") {
  const std::string missing = (TempDir("documents-missing") / "no-such-article.txt").string();
  const auto r = ReadAll({(Fixtures() / "article.txt").string(), missing});
  CHECK(r.open.code() == ErrorCode::kIo);
  CHECK(r.open.message() == missing + ": no such file or folder");
}

// ---- JSON Lines ----------------------------------------------------------------------

TEST_CASE("documents: JSON Lines fields, integer ids, unknown fields, blank lines", "[documents]") {
  const std::string path = (Fixtures() / "corpus.jsonl").string();
  const auto r = ReadAll({path});
  REQUIRE(r.open.ok());
  REQUIRE(r.error.ok());
  REQUIRE(r.docs.size() == 3);
  const Document& a = r.docs[0];
  CHECK(a.id == "wire-001");
  CHECK(a.text == "Ilse Varga met Tomas Brandt on Thursday.");
  CHECK(a.date == "2021-03-04");
  CHECK(a.title == "Morning meeting");
  CHECK(a.url == "https://example.org/wire-001");
  CHECK(a.lang == "en");
  CHECK(a.origin == path + ":1");
  // An integer id is accepted and written in decimal; line 2 is blank and skipped.
  CHECK(r.docs[1].id == "42");
  CHECK(r.docs[1].origin == path + ":3");
  CHECK(r.docs[1].date.empty());
  // Without an id, the document is named by file and line.
  CHECK(r.docs[2].id == path + ":4");
  CHECK(r.docs[2].text == "Tomas Brandt spoke to reporters.");
  CHECK(r.stats.documents == 3);
  CHECK(r.stats.skipped_lines == 0);
  CHECK(r.log.empty());
}

TEST_CASE("documents: format by extension and by option", "[documents]") {
  const auto dir = TempDir("documents-format");
  const std::string line = R"({"id":"x","text":"Ilse Varga"})"
                           "\n";
  for (const char* name : {"a.jsonl", "a.ndjson", "a.txt", "a.json"}) WriteFile(dir / name, line);
  const auto p = [&](const char* name) { return (dir / name).string(); };

  SECTION("auto: .jsonl and .ndjson are JSON Lines") {
    for (const char* name : {"a.jsonl", "a.ndjson"}) {
      const auto r = ReadAll({p(name)});
      REQUIRE(r.docs.size() == 1);
      CHECK(r.docs[0].id == "x");
      CHECK(r.docs[0].text == "Ilse Varga");
    }
  }
  SECTION("auto: anything else is text, .json included") {
    for (const char* name : {"a.txt", "a.json"}) {
      const auto r = ReadAll({p(name)});
      REQUIRE(r.docs.size() == 1);
      CHECK(r.docs[0].id == p(name));
      CHECK(r.docs[0].text == line);
    }
  }
  SECTION("--input-format jsonl reads a .txt file as JSON Lines") {
    ReadOptions o;
    o.format = InputFormat::kJsonl;
    const auto r = ReadAll({p("a.txt")}, o);
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].id == "x");
  }
  SECTION("--input-format text reads a .jsonl file as one text") {
    ReadOptions o;
    o.format = InputFormat::kText;
    const auto r = ReadAll({p("a.jsonl")}, o);
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].id == p("a.jsonl"));
    CHECK(r.docs[0].text == line);
  }
  fs::remove_all(dir);
}

TEST_CASE("documents: ParseInputFormat", "[documents]") {
  InputFormat f = InputFormat::kAuto;
  CHECK(actorgraph::documents::ParseInputFormat("jsonl", &f));
  CHECK(f == InputFormat::kJsonl);
  CHECK(actorgraph::documents::ParseInputFormat("ndjson", &f));
  CHECK(f == InputFormat::kJsonl);
  CHECK(actorgraph::documents::ParseInputFormat("text", &f));
  CHECK(f == InputFormat::kText);
  CHECK(actorgraph::documents::ParseInputFormat("auto", &f));
  CHECK(f == InputFormat::kAuto);
  CHECK_FALSE(actorgraph::documents::ParseInputFormat("csv", &f));
  CHECK_FALSE(actorgraph::documents::ParseInputFormat("", &f));
}

TEST_CASE("documents: documents are delivered one at a time (streaming)", "[documents]") {
  // The malformed line 2 is seen only after document 1 was handed out.
  const std::string path = (Fixtures() / "malformed.jsonl").string();
  const auto r = ReadAll({path});
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].id == "first");
  CHECK(r.error.code() == ErrorCode::kBadInput);
}

// ---- BOM and CRLF --------------------------------------------------------------------

TEST_CASE("documents: a UTF-8 BOM is dropped, CRLF is kept as it is", "[documents]") {
  const auto dir = TempDir("documents-bom");
  SECTION("text file") {
    WriteFile(dir / "bom.txt", "\xEF\xBB\xBFIlse Varga met\r\nTomas Brandt.\r\n");
    const auto r = ReadAll({(dir / "bom.txt").string()});
    REQUIRE(r.error.ok());
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].text == "Ilse Varga met\r\nTomas Brandt.\r\n");
    CHECK(r.docs[0].text.find("Tomas") == 16);  // offsets count from the byte after the BOM
  }
  SECTION("JSON Lines with a BOM and CRLF line ends") {
    WriteFile(dir / "bom.jsonl",
              "\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"one\"}\r\n\r\n{\"id\":\"b\",\"text\":\"two\"}\r\n");
    const auto r = ReadAll({(dir / "bom.jsonl").string()});
    REQUIRE(r.error.ok());
    CHECK(Ids(r) == std::vector<std::string>{"a", "b"});
    REQUIRE(r.docs.size() == 2);
    CHECK(r.docs[1].text == "two");
    CHECK(r.docs[1].origin == (dir / "bom.jsonl").string() + ":3");
  }
  SECTION("a BOM alone is an empty document") {
    WriteFile(dir / "only-bom.txt", "\xEF\xBB\xBF");
    const auto r = ReadAll({(dir / "only-bom.txt").string()});
    REQUIRE(r.error.ok());
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].text.empty());
    CHECK(r.stats.empty_documents == 1);
  }
  fs::remove_all(dir);
}

// ---- bad input ------------------------------------------------------------------------

TEST_CASE("documents: invalid UTF-8 in a text file names the file and byte offset", "[documents]") {
  const auto dir = TempDir("documents-utf8");
  const std::string plain = (dir / "latin1.txt").string(), bom = (dir / "bom.txt").string();
  // "Jos\xE9" is Latin-1, not UTF-8: the bad byte is at offset 12.
  WriteFile(plain, "Ilse met Jos\xE9 Brandt.\n");
  WriteFile(bom, "\xEF\xBB\xBFIlse met Jos\xE9 Brandt.\n");

  SECTION("error by default") {
    const auto r = ReadAll({plain});
    CHECK(r.error.code() == ErrorCode::kBadInput);
    CHECK(r.error.message() == plain + ": byte 12: invalid UTF-8 (use --invalid-utf8=replace to substitute U+FFFD)");
    CHECK(r.docs.empty());
  }
  SECTION("the offset is the file's, BOM included") {
    const auto r = ReadAll({bom});
    CHECK(r.error.message() == bom + ": byte 15: invalid UTF-8 (use --invalid-utf8=replace to substitute U+FFFD)");
  }
  SECTION("replace: a warning and U+FFFD") {
    ReadOptions o;
    o.invalid_utf8 = InvalidUtf8::kReplace;
    const auto r = ReadAll({plain}, o);
    REQUIRE(r.error.ok());
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].text == "Ilse met Jos" + kFffd + " Brandt.\n");
    CHECK(r.stats.repaired_documents == 1);
    CHECK(r.log == "warning: " + plain + ": byte 12: invalid UTF-8: replaced 1 sequence(s) with U+FFFD\n");
  }
  SECTION("truncated, overlong and surrogate sequences") {
    struct Row {
      std::string bytes;
      std::size_t offset;
    };
    const std::vector<Row> rows = {
        {"ab\xC3", 2},            // truncated 2-byte sequence at the end
        {"a\xE2\x82z", 1},        // truncated 3-byte sequence
        {"ok \xC0\xAF", 3},       // overlong "/"
        {"x\xED\xA0\x80y", 1},    // UTF-16 surrogate D800
        {"\xF4\x90\x80\x80", 0},  // above U+10FFFF
        {"caf\xC3\xA9 \xFF", 6},  // valid é first, then a stray 0xFF
    };
    for (const auto& row : rows) {
      WriteFile(plain, row.bytes);
      const auto r = ReadAll({plain});
      INFO("offset " << row.offset);
      CHECK(r.error.message() == plain + ": byte " + std::to_string(row.offset) +
                                     ": invalid UTF-8 (use --invalid-utf8=replace to substitute U+FFFD)");
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("documents: invalid UTF-8 in a JSON line names file:line:column and the file offset", "[documents]") {
  const auto dir = TempDir("documents-utf8-jsonl");
  const std::string path = (dir / "corpus.jsonl").string();
  // Line 1 is 25 bytes with its newline; on line 2 the bad byte is at column 22.
  WriteFile(path, "{\"id\":\"a\",\"text\":\"fine\"}\n{\"id\":\"b\",\"text\":\"Jos\xE9\"}\n");

  SECTION("error by default") {
    const auto r = ReadAll({path});
    CHECK(r.docs.size() == 1);
    CHECK(r.error.code() == ErrorCode::kBadInput);
    CHECK(r.error.message() ==
          path + ":2:22: invalid UTF-8 (byte 46 of the file; use --invalid-utf8=replace to substitute U+FFFD)");
  }
  SECTION("replace: a warning and U+FFFD in the text") {
    ReadOptions o;
    o.invalid_utf8 = InvalidUtf8::kReplace;
    const auto r = ReadAll({path}, o);
    REQUIRE(r.error.ok());
    REQUIRE(r.docs.size() == 2);
    CHECK(r.docs[1].text == "Jos" + kFffd);
    CHECK(r.stats.repaired_documents == 1);
    CHECK(r.log == "warning: " + path + ":2:22: invalid UTF-8 (byte 46 of the file): replaced with U+FFFD\n");
  }
  SECTION("a BOM on line 1 counts in columns and offsets") {
    WriteFile(path, "\xEF\xBB\xBF{\"id\":\"b\",\"text\":\"Jos\xE9\"}\n");
    const auto r = ReadAll({path});
    CHECK(r.error.message() ==
          path + ":1:25: invalid UTF-8 (byte 24 of the file; use --invalid-utf8=replace to substitute U+FFFD)");
  }
  fs::remove_all(dir);
}

TEST_CASE("documents: binary input (a NUL byte) is bad input", "[documents]") {
  const auto dir = TempDir("documents-binary");
  SECTION("text file") {
    const std::string path = (dir / "image.txt").string();
    WriteFile(path, std::string("GIF89a\0\0\x01\x02", 10));
    const auto r = ReadAll({path});
    CHECK(r.error.code() == ErrorCode::kBadInput);
    CHECK(r.error.message() == path + ": byte 6: NUL byte: binary data, not text");
  }
  SECTION("binary is reported as binary even when invalid UTF-8 comes first") {
    const std::string path = (dir / "blob.txt").string();
    WriteFile(path, std::string("\x89PNG\r\n\x1a\n\0\0", 10));
    ReadOptions o;
    o.invalid_utf8 = InvalidUtf8::kReplace;  // replacing would not make it text
    const auto r = ReadAll({path}, o);
    CHECK(r.error.message() == path + ": byte 8: NUL byte: binary data, not text");
  }
  SECTION("UTF-16 is named as such") {
    const std::string path = (dir / "utf16.txt").string();
    WriteFile(path, std::string("\xFF\xFEH\0i\0", 6));
    const auto r = ReadAll({path});
    CHECK(r.error.code() == ErrorCode::kBadInput);
    CHECK(r.error.message() ==
          path + ": byte 0: UTF-16 byte-order mark: the text must be UTF-8 (convert it with iconv -f UTF-16 -t UTF-8)");
  }
  SECTION("JSON Lines: an escaped NUL in the text") {
    const std::string path = (dir / "nul.jsonl").string();
    WriteFile(path, "{\"id\":\"n\",\"text\":\"ab\\u0000c\"}\n");
    const auto r = ReadAll({path});
    CHECK(r.error.code() == ErrorCode::kBadInput);
    CHECK(r.error.message() ==
          path + ":1: byte 2 of \"text\": NUL byte: binary data, not text (use --on-error=skip to skip such lines)");
  }
  fs::remove_all(dir);
}

TEST_CASE("documents: malformed JSON lines stop with file:line:column, or are skipped", "[documents]") {
  const std::string path = (Fixtures() / "malformed.jsonl").string();
  SECTION("stop (default)") {
    const auto r = ReadAll({path});
    CHECK(r.error.code() == ErrorCode::kBadInput);
    // Line 2 has a trailing comma before "}" (column 44).
    CHECK_THAT(r.error.message(), Catch::StartsWith(path + ":2:44: malformed JSON: "));
    CHECK_THAT(r.error.message(), Catch::EndsWith(" (use --on-error=skip to skip such lines)"));
  }
  SECTION("skip: a warning, the line counted, the other lines read") {
    ReadOptions o;
    o.on_error = OnError::kSkip;
    const auto r = ReadAll({path}, o);
    REQUIRE(r.error.ok());
    CHECK(Ids(r) == std::vector<std::string>{"first", "third"});
    CHECK(r.stats.skipped_lines == 1);
    CHECK(r.stats.documents == 2);
    CHECK_THAT(r.log, Catch::StartsWith("warning: " + path + ":2:44: malformed JSON: "));
    CHECK_THAT(r.log, Catch::EndsWith("; line skipped\n"));
  }
}

TEST_CASE("documents: JSON lines of the wrong shape", "[documents]") {
  const auto dir = TempDir("documents-shape");
  const std::string path = (dir / "c.jsonl").string();
  struct Row {
    std::string line;
    std::string message;  // after "<path>:2:"
  };
  const std::vector<Row> rows = {
      {R"(["id","text"])", "1: expected a JSON object, found array"},
      {R"("just a string")", "1: expected a JSON object, found string"},
      {R"(17)", "1: expected a JSON object, found number"},
      {R"(null)", "1: expected a JSON object, found null"},
      {R"({"id":"x"})", "1: missing field \"text\""},
      {R"({"id":"x","body":"Ilse Varga"})", "1: missing field \"text\""},
      {R"({"id":"x","text":5})", "1: field \"text\" must be a string"},
      {R"({"id":"x","text":null})", "1: field \"text\" must be a string"},
      {R"({"id":"x","text":["a"]})", "1: field \"text\" must be a string"},
      {R"({"id":1.5,"text":"t"})", "1: field \"id\" must be a string"},
      {R"({"id":"x","text":"t","date":20210304})", "1: field \"date\" must be a string"},
      {R"({"id":"x","text":"t","title":{}})", "1: field \"title\" must be a string"},
  };
  for (const auto& row : rows) {
    INFO(row.line);
    WriteFile(path, "{\"id\":\"ok\",\"text\":\"fine\"}\n" + row.line + "\n{\"id\":\"after\",\"text\":\"more\"}\n");
    const auto stop = ReadAll({path});
    CHECK(Ids(stop) == std::vector<std::string>{"ok"});
    CHECK(stop.error.code() == ErrorCode::kBadInput);
    CHECK(stop.error.message() == path + ":2:" + row.message + " (use --on-error=skip to skip such lines)");

    ReadOptions o;
    o.on_error = OnError::kSkip;
    const auto skip = ReadAll({path}, o);
    CHECK(skip.error.ok());
    CHECK(Ids(skip) == std::vector<std::string>{"ok", "after"});
    CHECK(skip.stats.skipped_lines == 1);
    CHECK(skip.log == "warning: " + path + ":2:" + row.message + "; line skipped\n");
  }
  fs::remove_all(dir);
}

TEST_CASE("documents: an empty document is a warning, not an error", "[documents]") {
  const auto dir = TempDir("documents-empty");
  const std::string empty = (dir / "empty.txt").string(), blank = (dir / "blank.txt").string();
  const std::string jsonl = (dir / "empty.jsonl").string();
  WriteFile(empty, "");
  WriteFile(blank, " \r\n\t\n");
  WriteFile(jsonl, "{\"id\":\"e\",\"text\":\"\"}\n");
  const auto r = ReadAll({empty, blank, jsonl});
  REQUIRE(r.error.ok());
  CHECK(r.docs.size() == 3);
  CHECK(r.stats.empty_documents == 3);
  CHECK(r.log == "warning: " + empty + ": empty document\n" + "warning: " + blank + ": empty document\n" +
                     "warning: " + jsonl + ":1: empty document\n");
  fs::remove_all(dir);
}

TEST_CASE("JSON Lines fast path: what it accepts it reads exactly as nlohmann::json", "[documents]") {
  using actorgraph::documents::JsonLineFields;
  using actorgraph::documents::ParseFlatJsonLine;
  // The reference: the fields as the nlohmann path of the reader takes them.
  const auto reference = [](const std::string& line, JsonLineFields* f) {
    const auto j = nlohmann::json::parse(line);
    f->has_id = j.contains("id");
    f->id = !f->has_id ? "" : j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
    f->text = j["text"].get<std::string>();
    const auto get = [&](const char* k) { return j.contains(k) ? j[k].get<std::string>() : std::string(); };
    f->date = get("date");
    f->title = get("title");
    f->url = get("url");
    f->lang = get("lang");
  };
  const auto same = [&](const std::string& line) {
    INFO(line);
    JsonLineFields fast, ref;
    REQUIRE(ParseFlatJsonLine(line, &fast));
    reference(line, &ref);
    CHECK(fast.has_id == ref.has_id);
    CHECK(fast.id == ref.id);
    CHECK(fast.text == ref.text);
    CHECK(fast.date == ref.date);
    CHECK(fast.title == ref.title);
    CHECK(fast.url == ref.url);
    CHECK(fast.lang == ref.lang);
  };
  same(R"({"id":"a1","text":"Putin met Aliyev.","date":"2021-01-11"})");
  same(R"( { "text" : "x" , "id" : 42 , "extra": null, "n": -1.5e3, "ok": true, "no": false } )");
  same(R"({"text":"quote \" backslash \\ slash \/ tab \t nl \n cr \r bs \b ff \f"})");
  same(R"({"text":"\u00e9 \u0416 \ud83d\ude00 \u0000 end","title":"Ünïcödé ✓","url":"http://x/y?z=1","lang":"en"})");
  same(R"({"id":"","text":""})");
  same(R"({"t\u0065xt":"key with an escape","id":-7})");
  // Left to nlohmann (nested values, wrong types, repeated keys, malformed lines).
  for (const std::string line :
       {R"({"text":"a","meta":{"k":1}})", R"({"text":"a","tags":["x"]})", R"({"text":5})", R"({"id":"x"})",
        R"({"text":"a","date":20210111})", R"({"text":"a","text":"b"})", R"({"text":"a","id":1.5})",
        R"({"text":"a","id":-0})", R"({"text":"a\x"})", R"({"text":"\ud800"})", R"({"text":"a"} x)", R"(["text"])",
        R"({"text":"a",})", R"({"text":"a")", "{\"text\":\"a\tb\"}", R"({"text":"a","id":01})",
        R"({"text":"a","id":12345678901234567890})", ""}) {
    INFO(line);
    JsonLineFields f;
    CHECK_FALSE(ParseFlatJsonLine(line, &f));
  }
  // Random flat objects as nlohmann writes them (every escape and script it produces).
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {"a",    "Z",    " ", "\"", "\\", "/",  "\n",  "\t",
                                           "\x01", "\x1f", "é", "Ж",  "😀",  "中", "\x7f"};
  for (int round = 0; round < 500; ++round) {
    nlohmann::json j;
    const auto random_string = [&] {
      std::string s;
      for (int k = static_cast<int>(rng() % 12); k > 0; --k) s += pieces[rng() % pieces.size()];
      return s;
    };
    j["text"] = random_string();
    if (rng() % 2)
      j["id"] = random_string();
    else if (rng() % 2)
      j["id"] = static_cast<std::int64_t>(rng()) - 1000000;
    if (rng() % 2) j["date"] = random_string();
    if (rng() % 2) j["title"] = random_string();
    if (rng() % 3 == 0) j[random_string()] = random_string();
    same(j.dump(rng() % 2 ? -1 : 0, ' ', rng() % 2 == 0));
  }
}

// Fuzz finding (fuzz_documents, crash-bb44b59f): the fast path took a flat line whose
// ignored field held a number no double holds, while nlohmann::json refuses it; so
// {"text":..,"n":1e999} was read and {"text":..,"n":[1e999]} was an error.
TEST_CASE("fuzz regression: a number no double holds is an error in any field, flat or nested", "[documents][fuzz]") {
  using actorgraph::documents::JsonLineFields;
  using actorgraph::documents::ParseFlatJsonLine;
  const std::vector<std::string> refused = {R"({"text":"big","n":1e999})", R"({"text":"big","n":-1E+400})",
                                            R"({"n":1e999,"id":"a","text":"big"})",
                                            "{\"text\":\"a\",\"n\":1" + std::string(400, '0') + "}"};
  for (const std::string& line : refused) {
    INFO(line);
    JsonLineFields f;
    CHECK_FALSE(ParseFlatJsonLine(line, &f));
  }
  // An underflow reads as 0 to nlohmann and stays on the fast path, as do ordinary numbers.
  for (const std::string line : {R"({"text":"a","n":1e-999})", R"({"text":"a","n":1e308,"m":12345678901234567890})"}) {
    INFO(line);
    JsonLineFields f;
    CHECK(ParseFlatJsonLine(line, &f));
  }
  const auto dir = TempDir("fuzz-1e999");
  const std::string path = (dir / "c.jsonl").string();
  WriteFile(path, "{\"id\":\"a\",\"text\":\"flat\",\"n\":1e999}\n{\"id\":\"b\",\"text\":\"ok\"}\n");
  const auto stop = ReadAll({path});
  CHECK(stop.error.code() == ErrorCode::kBadInput);
  CHECK_THAT(stop.error.message(), Catch::StartsWith(path + ":1:"));
  CHECK_THAT(stop.error.message(), Catch::Contains("1e999"));
  ReadOptions skip;
  skip.on_error = OnError::kSkip;
  const auto skipped = ReadAll({path}, skip);
  REQUIRE(skipped.error.ok());
  CHECK(Ids(skipped) == std::vector<std::string>{"b"});
  CHECK(skipped.stats.skipped_lines == 1);
}
