#include "documents/documents.hpp"

#include "common/iso_date.hpp"
#include "common/json_error.hpp"
#include "common/utf8.hpp"
#include "documents/json_line.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

namespace actorgraph::documents {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsJsonlPath(const std::string& path) {
  const std::string ext = fs::path(path).extension().string();
  return ext == ".jsonl" || ext == ".ndjson";
}

std::string DisplayName(const std::string& path);

// Reads a whole file (or standard input for "-") into `out`, up to kMaxLineBytes.
Status ReadAll(const std::string& path, std::string* out) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) return Status::Io(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
  out->clear();
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (out->size() + n > kMaxLineBytes) {
      if (f != stdin) std::fclose(f);
      out->clear();
      return Status::BadInput(
          fmt::format("{}: larger than {} MiB, the limit for one text document (split it, or give "
                      "JSON Lines)",
                      DisplayName(path), kMaxLineBytes >> 20));
    }
    out->append(buf, n);
  }
  const bool failed = std::ferror(f) != 0;
  const int err = errno;
  if (f != stdin) std::fclose(f);
  if (failed) return Status::Io(fmt::format("{}: read failed: {}", path, std::strerror(err)));
  return Status::Ok();
}

// Reads one line (without its '\n') into `line`, as std::getline does, but stops with
// *too_long once it holds more than kMaxLineBytes. False at the end of the input.
bool GetLine(std::istream& in, std::string& line, bool* too_long) {
  line.clear();
  *too_long = false;
  char chunk[1 << 16];
  for (;;) {
    in.getline(chunk, sizeof chunk);
    const auto got = static_cast<std::size_t>(in.gcount());
    if (in.eof()) {
      line.append(chunk, got);
      if (line.empty() && got == 0) return false;
      in.clear(std::ios::eofbit);  // a last line without '\n' is a line
      return true;
    }
    if (in.fail()) {  // the chunk filled up before the end of the line
      if (in.bad()) return false;
      line.append(chunk, got);
      in.clear();
      if (line.size() > kMaxLineBytes) {
        *too_long = true;
        return true;
      }
      continue;
    }
    line.append(chunk, got - 1);  // gcount() counted the '\n'
    return true;
  }
}

// The 1-based column of the text nlohmann quotes in `what` ("number overflow parsing
// '1e999'"), or 1.
std::size_t NumberColumn(std::string_view line, std::string_view what) {
  const auto open = what.find('\'');
  const auto close = open == std::string_view::npos ? open : what.find('\'', open + 1);
  if (close == std::string_view::npos || close == open + 1) return 1;
  const auto at = line.find(what.substr(open + 1, close - open - 1));
  return at == std::string_view::npos ? 1 : at + 1;
}

std::string DisplayName(const std::string& path) { return path == "-" ? "<stdin>" : path; }

// "2021-02-16-bayramov.txt" → "2021-02-16": a file name that starts with an ISO date dates
// the document (archives are often laid out so).
std::string DateFromFileName(const std::string& path) {
  if (path == "-") return {};
  const std::string name = fs::path(path).filename().string();
  if (name.size() < 10) return {};
  const std::string date = name.substr(0, 10);
  const bool boundary = name.size() == 10 || !std::isdigit(static_cast<unsigned char>(name[10]));
  return boundary && iso_date::IsValid(date) ? date : std::string{};
}

}  // namespace

bool ParseInputFormat(const std::string& name, InputFormat* out) {
  if (name == "auto")
    *out = InputFormat::kAuto;
  else if (name == "text" || name == "txt")
    *out = InputFormat::kText;
  else if (name == "jsonl" || name == "ndjson" || name == "json")
    *out = InputFormat::kJsonl;
  else
    return false;
  return true;
}

// A JSON Lines input being streamed line by line.
struct DocumentReader::Source {
  std::string path;
  std::ifstream file;
  // The stream's buffer: 1 MB instead of the default 8 KB, a hundredth of the read calls.
  static constexpr std::size_t kBufferBytes = 1u << 20;
  std::unique_ptr<char[]> buffer;
  bool from_stdin = false;
  std::size_t line_no = 0;
  std::size_t offset = 0;  // byte offset of the current line in the file
  std::istream& in() { return from_stdin ? std::cin : file; }
};

DocumentReader::DocumentReader(std::vector<std::string> inputs, ReadOptions options)
    : inputs_(std::move(inputs)), options_(options) {}
DocumentReader::~DocumentReader() = default;

Status DocumentReader::Open() {
  files_.clear();
  for (const auto& input : inputs_) {
    if (input == "-") {
      files_.push_back(input);
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) return Status::Io(fmt::format("{}: no such file or folder", input));
    if (fs::is_directory(status)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".txt") found.push_back(it->path().string());
      }
      if (ec) return Status::Io(fmt::format("{}: cannot list folder: {}", input, ec.message()));
      std::sort(found.begin(), found.end());
      if (found.empty()) spdlog::warn("{}: folder holds no *.txt files", input);
      files_.insert(files_.end(), found.begin(), found.end());
    } else {
      files_.push_back(input);
    }
  }
  // The total input size, for progress: known when every input is a regular file.
  std::uint64_t total = 0;
  bool known = true;
  for (const auto& f : files_) {
    std::error_code ec;
    if (f == "-" || !fs::is_regular_file(f, ec)) {
      known = false;
      break;
    }
    const std::uintmax_t size = fs::file_size(f, ec);
    if (ec) {
      known = false;
      break;
    }
    total += size;
  }
  total_bytes_ = known ? std::optional<std::uint64_t>(total) : std::nullopt;
  consumed_bytes_ = 0;
  return Status::Ok();
}

Status DocumentReader::FinishText(Document* doc, std::optional<std::size_t> file_base) {
  // Positions in messages: for a text file, byte offsets of the file (the BOM counted); for a
  // JSON Lines document, byte offsets into its decoded "text" value.
  const auto where = [&](std::size_t pos) {
    return file_base ? fmt::format("{}: byte {}", doc->origin, *file_base + pos)
                     : fmt::format("{}: byte {} of \"text\"", doc->origin, pos);
  };
  if (doc->text.compare(0, kBom.size(), kBom) == 0) {
    doc->text.erase(0, kBom.size());
    if (file_base) *file_base += kBom.size();
  }
  if (file_base && *file_base == 0 && doc->text.size() >= 2 &&
      ((doc->text[0] == '\xFF' && doc->text[1] == '\xFE') || (doc->text[0] == '\xFE' && doc->text[1] == '\xFF'))) {
    return Status::BadInput(fmt::format(
        "{}: UTF-16 byte-order mark: the text must be UTF-8 (convert it with iconv -f UTF-16 -t UTF-8)", where(0)));
  }
  // A NUL byte means binary data; checked before UTF-8 so that a binary file is called that.
  if (const auto nul = doc->text.find('\0'); nul != std::string::npos) {
    return Status::BadInput(fmt::format("{}: NUL byte: binary data, not text", where(nul)));
  }
  if (const auto bad = utf8::FirstInvalid(doc->text)) {
    if (options_.invalid_utf8 == InvalidUtf8::kError) {
      return Status::BadInput(
          fmt::format("{}: invalid UTF-8 (use --invalid-utf8=replace to substitute U+FFFD)", where(*bad)));
    }
    std::size_t replaced = 0;
    doc->text = utf8::Repair(doc->text, &replaced);
    spdlog::warn("{}: invalid UTF-8: replaced {} sequence(s) with U+FFFD", where(*bad), replaced);
    ++stats_.repaired_documents;
  }
  if (doc->text.find_first_not_of(" \t\r\n") == std::string::npos) {
    spdlog::warn("{}: empty document", doc->origin);
    ++stats_.empty_documents;
  }
  ++stats_.documents;
  stats_.bytes += doc->text.size();
  return Status::Ok();
}

Status DocumentReader::OpenSource(const std::string& path) {
  source_ = std::make_unique<Source>();
  source_->path = DisplayName(path);
  if (path == "-") {
    source_->from_stdin = true;
    return Status::Ok();
  }
  source_->buffer.reset(new char[Source::kBufferBytes]);
  source_->file.rdbuf()->pubsetbuf(source_->buffer.get(), Source::kBufferBytes);  // before open()
  source_->file.open(path, std::ios::binary);
  if (!source_->file) return Status::Io(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
  return Status::Ok();
}

Status DocumentReader::FinishJsonDocument(Document* doc, bool has_id, bool* skipped) {
  *skipped = false;
  Status s = Status::Ok();
  if (!doc->date.empty()) {
    // A timestamp dates the document by its day; anything else that is not a real date is an
    // error (it would be silently ignored otherwise).
    if (const auto day = iso_date::DateOf(doc->date)) {
      doc->date = std::string(*day);
    } else {
      s =
          Status::BadInput(fmt::format("{}: field \"date\": \"{}\" is not a real date (expected YYYY, YYYY-MM, "
                                       "YYYY-MM-DD or an ISO timestamp such as 2021-02-10T10:00:00Z)",
                                       doc->origin, doc->date));
    }
  }
  if (s.ok()) s = FinishText(doc, std::nullopt);
  if (!s.ok()) {
    if (s.code() != ErrorCode::kBadInput) return s;
    if (options_.on_error == OnError::kStop)
      return Status::BadInput(s.message() + " (use --on-error=skip to skip such lines)");
    spdlog::warn("{}; line skipped", s.message());
    ++stats_.skipped_lines;
    *doc = Document{};
    *skipped = true;
    return Status::Ok();
  }
  if (has_id) {
    auto [it, fresh] = seen_ids_.emplace(doc->id, doc->origin);
    if (!fresh) spdlog::warn("{}: duplicate document id \"{}\" (first at {})", doc->origin, doc->id, it->second);
  }
  return Status::Ok();
}

namespace {

// Checks a JSON line's UTF-8: an error naming line, column and file byte, or (with
// InvalidUtf8::kReplace) a warning, the line repaired and *repaired set. `bom` is the
// length of a byte-order mark taken off the line; `line_offset` the line's file offset.
Status CheckJsonLineUtf8(std::string* line, const std::string& where, std::size_t bom, std::size_t line_offset,
                         InvalidUtf8 mode, bool* repaired) {
  *repaired = false;
  const auto bad = utf8::FirstInvalid(*line);
  if (!bad) return Status::Ok();
  if (mode == InvalidUtf8::kError) {
    return Status::BadInput(
        fmt::format("{}:{}: invalid UTF-8 (byte {} of the file; use --invalid-utf8=replace to substitute U+FFFD)",
                    where, bom + *bad + 1, line_offset + bom + *bad));
  }
  *line = utf8::Repair(*line);
  spdlog::warn("{}:{}: invalid UTF-8 (byte {} of the file): replaced with U+FFFD", where, bom + *bad + 1,
               line_offset + bom + *bad);
  *repaired = true;
  return Status::Ok();
}

// Parses a line that the flat reader did not take with nlohmann::json, for exact messages:
// "" and *obj an object with a string "text" and string (or integer "id") fields, or the
// problem, "file:line:column: what".
std::string ParseJsonObjectLine(const std::string& line, const std::string& where, std::size_t bom,
                                nlohmann::json* obj) {
  try {
    *obj = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is 1-based and points just past the offending character.
    const std::string_view what = JsonErrorText(e.what());
    return fmt::format("{}:{}: malformed JSON: {}", where, bom + (e.byte == 0 ? 1 : e.byte), what);
  } catch (const nlohmann::json::exception& e) {
    // A number no double holds (1e999): out_of_range, with no position; the column is where
    // the number's text starts.
    return fmt::format("{}:{}: {}", where, bom + NumberColumn(line, e.what()), JsonErrorText(e.what()));
  }
  if (!obj->is_object()) return fmt::format("{}:1: expected a JSON object, found {}", where, obj->type_name());
  if (!obj->contains("text")) return fmt::format("{}:1: missing field \"text\"", where);
  if (!(*obj)["text"].is_string()) return fmt::format("{}:1: field \"text\" must be a string", where);
  for (const char* key : {"id", "date", "title", "url", "lang"}) {
    const bool integer_id = std::string_view(key) == "id" && obj->contains(key) && (*obj)[key].is_number_integer();
    if (obj->contains(key) && !(*obj)[key].is_string() && !integer_id) {
      return fmt::format("{}:1: field \"{}\" must be a string", where, key);
    }
  }
  return {};
}

// The document of a line the flat reader took; its id is `where` when the line has none.
void DocumentFromFields(JsonLineFields fields, const std::string& where, Document* doc) {
  doc->id = fields.has_id ? std::move(fields.id) : where;
  doc->text = std::move(fields.text);
  doc->date = std::move(fields.date);
  doc->title = std::move(fields.title);
  doc->url = std::move(fields.url);
  doc->lang = std::move(fields.lang);
  doc->origin = where;
}

// The same from a line ParseJsonObjectLine accepted (an integer id as its digits).
void DocumentFromJson(nlohmann::json& obj, const std::string& where, Document* doc) {
  const auto get = [&](const char* key) {
    return obj.contains(key) && obj[key].is_string() ? obj[key].get<std::string>() : std::string{};
  };
  doc->id = obj.contains("id") ? (obj["id"].is_string() ? obj["id"].get<std::string>() : obj["id"].dump()) : where;
  doc->text = obj["text"].get<std::string>();
  doc->date = get("date");
  doc->title = get("title");
  doc->url = get("url");
  doc->lang = get("lang");
  doc->origin = where;
}

}  // namespace

Status DocumentReader::NextFromJsonl(Document* doc, bool* got) {
  *got = false;
  std::string line;
  Source& src = *source_;
  bool too_long = false;
  while (GetLine(src.in(), line, &too_long)) {
    ++src.line_no;
    if (too_long) {
      return Status::BadInput(fmt::format("{}:{}: line longer than {} MiB, the limit for one JSON Lines document",
                                          src.path, src.line_no, kMaxLineBytes >> 20));
    }
    const std::size_t line_offset = src.offset;
    // The last line of a file may lack its newline.
    const std::size_t line_bytes = line.size() + (src.in().eof() ? 0 : 1);
    src.offset += line_bytes;
    consumed_bytes_ += line_bytes;
    // A BOM before the first line is dropped; columns and byte offsets still count it.
    std::size_t bom = 0;
    if (src.line_no == 1 && line.compare(0, kBom.size(), kBom) == 0) {
      line.erase(0, kBom.size());
      bom = kBom.size();
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;

    const std::string where = fmt::format("{}:{}", src.path, src.line_no);
    bool repaired = false;
    ACTORGRAPH_RETURN_IF_ERROR(CheckJsonLineUtf8(&line, where, bom, line_offset, options_.invalid_utf8, &repaired));
    // Most lines: a flat object of strings, read without a DOM. Anything else, including
    // every malformed line, goes to nlohmann::json for exact messages.
    bool has_id = false;
    JsonLineFields fields;
    if (ParseFlatJsonLine(line, &fields)) {
      has_id = fields.has_id;
      DocumentFromFields(std::move(fields), where, doc);
    } else {
      nlohmann::json obj;
      const std::string problem = ParseJsonObjectLine(line, where, bom, &obj);
      if (!problem.empty()) {
        if (options_.on_error == OnError::kStop)
          return Status::BadInput(problem + " (use --on-error=skip to skip such lines)");
        spdlog::warn("{}; line skipped", problem);
        ++stats_.skipped_lines;
        continue;
      }
      has_id = obj.contains("id");
      DocumentFromJson(obj, where, doc);
    }
    if (repaired) ++stats_.repaired_documents;
    bool skipped = false;
    ACTORGRAPH_RETURN_IF_ERROR(FinishJsonDocument(doc, has_id, &skipped));
    if (skipped) continue;
    *got = true;
    return Status::Ok();
  }
  if (src.in().bad()) return Status::Io(fmt::format("{}: read failed", src.path));
  source_.reset();
  return Status::Ok();
}

Status DocumentReader::Next(Document* doc, bool* done) {
  *done = false;
  *doc = Document{};
  while (true) {
    if (source_) {
      bool got = false;
      ACTORGRAPH_RETURN_IF_ERROR(NextFromJsonl(doc, &got));
      if (got) return Status::Ok();
      continue;
    }
    if (next_file_ >= files_.size()) {
      *done = true;
      return Status::Ok();
    }
    const std::string path = files_[next_file_++];
    const bool jsonl =
        options_.format == InputFormat::kJsonl || (options_.format == InputFormat::kAuto && IsJsonlPath(path));
    if (jsonl) {
      ACTORGRAPH_RETURN_IF_ERROR(OpenSource(path));
      continue;
    }
    ACTORGRAPH_RETURN_IF_ERROR(ReadAll(path, &doc->text));
    consumed_bytes_ += doc->text.size();
    doc->id = path == "-" ? "stdin" : path;
    doc->origin = DisplayName(path);
    doc->date = DateFromFileName(path);
    return FinishText(doc, 0);
  }
}

}  // namespace actorgraph::documents
