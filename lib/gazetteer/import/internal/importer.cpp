#include "gazetteer/import/internal/importer.hpp"

#include "common/utf8.hpp"

#include <fmt/format.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <utility>

namespace actorgraph::gazetteer::import_internal {

// ----- JSON -----

namespace {

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        if (byte < 0x20) {
          out->append(fmt::format("\\u{:04x}", byte));
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

// `"key":"value"` with the separating comma (every key but `id` follows another).
void AppendField(std::string_view key, std::string_view value, std::string* out) {
  out->push_back(',');
  AppendJsonString(key, out);
  out->push_back(':');
  AppendJsonString(value, out);
}

void AppendNumber(std::string_view key, double value, std::string* out) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);  // shortest round trip
  out->push_back(',');
  AppendJsonString(key, out);
  out->push_back(':');
  out->append(buffer, result.ptr);
}

}  // namespace

void AppendJsonLine(const Entity& e, std::string* out) {
  out->append("{\"id\":");
  AppendJsonString(e.id, out);
  AppendField("kind", e.kind, out);
  AppendField("name", e.name, out);
  if (!e.aliases.empty()) {
    out->append(",\"aliases\":[");
    for (std::size_t i = 0; i < e.aliases.size(); ++i) {
      if (i) out->push_back(',');
      AppendJsonString(e.aliases[i], out);
    }
    out->push_back(']');
  }
  if (!e.country.empty()) AppendField("country", e.country, out);
  if (!e.code.empty()) AppendField("code", e.code, out);
  if (!e.alpha3.empty()) AppendField("alpha3", e.alpha3, out);
  if (!e.roles.empty()) {
    out->append(",\"roles\":[");
    for (std::size_t i = 0; i < e.roles.size(); ++i) {
      const Role& r = e.roles[i];
      if (i) out->push_back(',');
      out->append("{\"role\":");
      AppendJsonString(r.role, out);
      AppendField("of", r.of, out);
      AppendField("title", r.title, out);
      if (!r.from.empty()) AppendField("from", r.from, out);
      if (!r.to.empty()) AppendField("to", r.to, out);
      out->push_back('}');
    }
    out->push_back(']');
  }
  if (!e.wikidata.empty()) AppendField("wikidata", e.wikidata, out);
  if (e.lat) AppendNumber("lat", *e.lat, out);
  if (e.lon) AppendNumber("lon", *e.lon, out);
  if (e.population) {
    out->append(",\"population\":");
    out->append(std::to_string(*e.population));
  }
  if (!e.feature_code.empty()) AppendField("feature_code", e.feature_code, out);
  if (!e.source.empty()) AppendField("source", e.source, out);
  out->append("}\n");
}

// ----- LineReader -----

namespace {
constexpr std::size_t kReadChunk = 1 << 20;
}

LineReader::~LineReader() {
  if (file_ && owns_file_) std::fclose(file_);
}

Status LineReader::Open(const std::string& path) {
  path_ = path;
  if (path == "-") {
    file_ = stdin;
    owns_file_ = false;
  } else {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      return Status::Io(fmt::format("{}: cannot read: is a directory", path));
    }
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) return Status::Io(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
    owns_file_ = true;
  }
  buffer_.resize(kReadChunk);
  return Status::Ok();
}

bool LineReader::Fill() {
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);  // a very long line
  const std::size_t n = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_);
  end_ += n;
  if (n == 0) {
    if (std::ferror(file_)) {
      status_ = Status::Io(fmt::format("{}: read failed: {}", path_, std::strerror(errno)));
    }
    eof_ = true;
    return false;
  }
  return true;
}

bool LineReader::Next(std::string_view* line) {
  if (!file_ || !status_.ok()) return false;
  std::size_t scanned = 0;  // bytes after begin_ already known to hold no '\n'
  for (;;) {
    const char* start = buffer_.data() + begin_;
    const std::size_t available = end_ - begin_;
    const void* newline = std::memchr(start + scanned, '\n', available - scanned);
    std::size_t length = 0;
    std::size_t skip = 0;
    if (newline) {
      length = static_cast<std::size_t>(static_cast<const char*>(newline) - start);
      skip = length + 1;
    } else if (eof_) {
      if (available == 0) return false;
      length = available;
      skip = available;
    } else {
      scanned = available;
      Fill();
      if (!status_.ok()) return false;
      continue;
    }
    std::string_view text(buffer_.data() + begin_, length);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    *line = text;
    ++line_number_;
    line_offset_ = consumed_;
    consumed_ += skip;
    begin_ += skip;
    return true;
  }
}

// ----- Slugger -----

struct Slugger::Icu {
  std::unique_ptr<icu::Transliterator> transliterator;
  bool failed = false;
};

Slugger::Slugger() = default;
Slugger::~Slugger() = default;

std::string Slugger::Slug(std::string_view text) {
  bool ascii = true;
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  std::string folded;
  if (ascii) {
    folded = ascii::Lower(text);
  } else {
    if (!icu_) {
      icu_ = std::make_unique<Icu>();
      UErrorCode status = U_ZERO_ERROR;
      icu_->transliterator.reset(
          icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
      if (U_FAILURE(status)) icu_->transliterator.reset();
    }
    if (icu_->transliterator) {
      icu::UnicodeString u =
          icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
      icu_->transliterator->transliterate(u);
      u.toUTF8String(folded);
    } else {
      folded = std::string(text);  // without ICU data only the ASCII letters survive
    }
    folded = ascii::Lower(folded);
  }
  std::string slug;
  slug.reserve(folded.size());
  bool pending_dash = false;
  for (const char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (pending_dash && !slug.empty()) slug.push_back('-');
      pending_dash = false;
      slug.push_back(c);
    } else if (c == '\'' || c == '`' || c == '.') {
      // "People's" -> "peoples", "U.N." -> "un": these join rather than separate.
    } else {
      pending_dash = true;
    }
  }
  return slug;
}

// ----- ImportContext -----

namespace {
constexpr std::size_t kMaxWarnings = 100;  // the rest are counted in one closing line
constexpr std::size_t kWriteChunk = 1 << 20;
}  // namespace

ImportContext::ImportContext(const ImportOptions& options, ImportStats* stats, OutputFile* output)
    : options_(options), stats_(stats), output_(output) {}

Status ImportContext::BadRow(std::string message) {
  if (!options_.skip_bad_rows) return Status::BadInput(std::move(message));
  ++stats_->skipped_lines;
  Warn(std::move(message));
  return Status::Ok();
}

void ImportContext::Warn(std::string message) {
  if (stats_->warnings.size() < kMaxWarnings) {
    stats_->warnings.push_back(std::move(message));
  } else {
    ++warnings_dropped_;
  }
}

std::string InvalidUtf8Message(const std::string& path, const LineReader& reader, std::string_view line) {
  const auto invalid = utf8::FirstInvalid(line);
  // A NUL byte is valid UTF-8 but no name holds one: binary data (or UTF-16), refused with
  // its position like invalid UTF-8, whichever comes first.
  const std::size_t nul = line.find('\0');
  if (nul != std::string_view::npos && (!invalid || nul < *invalid)) {
    return fmt::format("{}:{}:{}: NUL byte at file offset {}: binary data, not text", path, reader.line_number(),
                       nul + 1, reader.line_offset() + nul);
  }
  if (!invalid) return {};
  return fmt::format("{}:{}:{}: invalid UTF-8 (byte 0x{:02x} at file offset {})", path, reader.line_number(),
                     *invalid + 1, static_cast<unsigned char>(line[*invalid]), reader.line_offset() + *invalid);
}

Status ImportContext::CheckUtf8(const std::string& path, const LineReader& reader, std::string_view line, bool* bad) {
  std::string message = InvalidUtf8Message(path, reader, line);
  *bad = !message.empty();
  if (!*bad) return Status::Ok();
  return BadRow(std::move(message));
}

bool ImportContext::ClaimId(const std::string& id) { return ids_.insert(id).second; }

std::string ImportContext::UniqueId(const std::string& base) {
  if (ids_.insert(base).second) return base;
  for (std::size_t n = 2;; ++n) {
    std::string candidate = fmt::format("{}-{}", base, n);
    if (ids_.insert(candidate).second) return candidate;
  }
}

void ImportContext::Emit(Entity& entity) {
  std::unordered_set<std::string> seen;
  seen.insert(ascii::Lower(entity.name));
  std::vector<std::string> kept;
  kept.reserve(entity.aliases.size());
  for (std::string& alias : entity.aliases) {
    if (alias.empty()) continue;
    if (!seen.insert(ascii::Lower(alias)).second) continue;
    kept.push_back(std::move(alias));
  }
  entity.aliases = std::move(kept);
  if (!options_.id_prefix.empty()) {
    // Ids of this import take the namespace, and so do the references to them; the ids
    // claimed are those without it.
    for (Role& role : entity.roles) {
      if (ids_.count(role.of)) role.of = fmt::format("{}:{}", options_.id_prefix, role.of);
    }
    entity.id = fmt::format("{}:{}", options_.id_prefix, entity.id);
  }
  AppendJsonLine(entity, &pending_);
  ++stats_->entities;
  stats_->aliases += entity.aliases.size();
  if (pending_.size() >= kWriteChunk) Flush();
}

void ImportContext::Flush() {
  output_->Write(pending_);
  pending_.clear();
}

void ImportContext::Finish() {
  Flush();
  if (warnings_dropped_ > 0) {
    stats_->warnings.push_back(fmt::format("... and {} more warnings", warnings_dropped_));
    warnings_dropped_ = 0;
  }
}

// ----- text helpers -----

std::string_view Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

std::string Basename(const std::string& path) {
  if (path == "-") return "stdin";
  return std::filesystem::path(path).filename().string();
}

std::string Excerpt(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

}  // namespace actorgraph::gazetteer::import_internal
