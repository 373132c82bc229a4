// libFuzzer target: the document readers. The first byte picks the options (text or JSON
// Lines, invalid UTF-8 an error or replaced, malformed lines stop or skip); the rest is the
// file's bytes. Properties: every document delivered has valid UTF-8 text without a BOM;
// the UTF-8 helpers agree with each other (FirstInvalid, SequenceAt, Repair); and the JSON
// Lines fast path (ParseFlatJsonLine) reads a line exactly as nlohmann::json does whenever
// it accepts it.
#include "common/utf8.hpp"
#include "documents/documents.hpp"
#include "documents/json_line.hpp"
#include "fuzz_util.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace {

using actorgraph::fuzz::Check;
namespace utf8 = actorgraph::utf8;
namespace docs = actorgraph::documents;

void CheckUtf8Helpers(std::string_view bytes) {
  const auto bad = utf8::FirstInvalid(bytes);
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const std::size_t n = utf8::SequenceAt(bytes, pos);
    if (n == 0) break;
    Check(n <= 4 && pos + n <= bytes.size(), "SequenceAt stays inside the text");
    pos += n;
  }
  Check(bad ? *bad == pos : pos == bytes.size(), "FirstInvalid is where SequenceAt stops");
  std::size_t replaced = 0;
  const std::string repaired = utf8::Repair(bytes, &replaced);
  Check(!utf8::FirstInvalid(repaired), "Repair gives valid UTF-8");
  Check((replaced == 0) == !bad, "Repair replaces exactly when the text is invalid");
  if (!bad) Check(repaired == bytes, "Repair keeps valid text as it is");
  // Decoding and encoding again is the identity on valid text.
  std::string again;
  for (std::size_t p = 0; p < repaired.size();) utf8::Append(again, utf8::Next(repaired, p));
  Check(again == repaired, "Next and Append round-trip");
}

// Whenever the fast path accepts a line, nlohmann::json reads the same fields from it.
void CheckFlatJsonLine(std::string_view line) {
  if (utf8::FirstInvalid(line) || line.find_first_of("\r\n") != std::string_view::npos) return;
  docs::JsonLineFields fields;
  if (!docs::ParseFlatJsonLine(line, &fields)) return;
  nlohmann::json obj;
  try {
    obj = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    actorgraph::fuzz::Fail("the fast path accepts a line nlohmann::json refuses", e.what());
  }
  Check(obj.is_object() && obj.contains("text") && obj["text"].is_string(), "accepted line has a string text");
  Check(obj["text"].get<std::string>() == fields.text, "text as nlohmann reads it");
  const auto same = [&](const char* key, const std::string& value) {
    const std::string expected = obj.contains(key) ? obj[key].get<std::string>() : std::string{};
    Check(expected == value, "field as nlohmann reads it", key);
  };
  same("date", fields.date);
  same("title", fields.title);
  same("url", fields.url);
  same("lang", fields.lang);
  Check(fields.has_id == obj.contains("id"), "id present as nlohmann reads it");
  if (fields.has_id) {
    const auto& id = obj["id"];
    Check(id.is_string() || id.is_number_integer(), "id is a string or an integer");
    Check((id.is_string() ? id.get<std::string>() : id.dump()) == fields.id, "id as nlohmann reads it");
  }
}

// `file_bytes`: what the file holds. The reader drops one BOM at its start; a second one
// right after it is a character of the text (U+FEFF, a zero-width no-break space). Only a
// text file's first document begins where the file does: a JSON string or a later document
// may begin with U+FEFF ("text":"\uFEFF...").
void ReadAll(const std::string& path, const docs::ReadOptions& options, std::string_view file_bytes) {
  const bool second_bom = file_bytes.starts_with("\xEF\xBB\xBF\xEF\xBB\xBF");
  docs::DocumentReader reader({path}, options);
  if (!reader.Open().ok()) return;
  for (int i = 0; i < 10000; ++i) {
    docs::Document doc;
    bool done = false;
    if (!reader.Next(&doc, &done).ok() || done) return;
    Check(!utf8::FirstInvalid(doc.text), "document text is valid UTF-8", doc.origin);
    const bool file_start = i == 0 && options.format == docs::InputFormat::kText;
    Check(!file_start || second_bom || doc.text.rfind("\xEF\xBB\xBF", 0) != 0, "the BOM is dropped", doc.origin);
    for (const std::string* field : {&doc.id, &doc.date, &doc.title, &doc.url, &doc.lang}) {
      Check(!utf8::FirstInvalid(*field), "document field is valid UTF-8", doc.origin);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  spdlog::set_level(spdlog::level::off);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t mode = data[0];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  CheckUtf8Helpers(bytes);
  for (std::size_t begin = 0; begin <= bytes.size();) {
    const std::size_t end = std::min(bytes.find('\n', begin), bytes.size());
    CheckFlatJsonLine(bytes.substr(begin, end - begin));
    begin = end + 1;
  }
  docs::ReadOptions options;
  options.format = (mode & 1) ? docs::InputFormat::kJsonl : docs::InputFormat::kText;
  options.invalid_utf8 = (mode & 2) ? docs::InvalidUtf8::kReplace : docs::InvalidUtf8::kError;
  options.on_error = (mode & 4) ? docs::OnError::kSkip : docs::OnError::kStop;
  const std::string path =
      actorgraph::fuzz::ScratchPath(options.format == docs::InputFormat::kJsonl ? "in.jsonl" : "in.txt");
  if (!actorgraph::fuzz::WriteFile(path, data + 1, size - 1)) return 0;
  ReadAll(path, options, bytes);
  return 0;
}
