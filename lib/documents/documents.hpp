// actorgraph — stage 1: documents.
//
// Reads news articles from plain-text files, folders of them (recursive, *.txt, sorted by
// path), JSON Lines corpora (one object per line: "id", "text", optional "date", "title",
// "url", "lang"; other fields are ignored) and standard input ("-"). Documents are streamed
// one at a time: a corpus of any size needs memory for one document, not for the corpus.
//
// Every document's text is valid UTF-8 when it leaves this stage: invalid input is an error
// naming the file (and JSON Lines line) and the byte offset, or, with
// InvalidUtf8::kReplace, a warning and U+FFFD in place of each bad sequence. A UTF-8 BOM is
// dropped. Offsets reported by later stages are byte offsets into Document::text, which is
// the file's bytes less the BOM (CRLF line ends are kept as they are).
#pragma once

#include "common/status.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace actorgraph::documents {

// The longest JSON Lines line and the largest text document read (64 MiB): past it the
// reader stops with an error naming the file and line instead of holding ever more memory
// (/dev/zero, a file with no line breaks).
inline constexpr std::size_t kMaxLineBytes = std::size_t{64} << 20;

struct Document {
  std::string id;    // text files: the path as given/found; JSONL: "id" (or "<file>:<line>")
  std::string text;  // valid UTF-8
  std::string date;  // ISO date from metadata: JSONL "date", or a text file name that
                     // starts with one ("2021-02-16-talks.txt"); "" when unknown
  std::string title;
  std::string url;
  std::string lang;
  std::string origin;  // where it came from, for messages: "file" or "file:line"
};

enum class InputFormat { kAuto, kText, kJsonl };
enum class InvalidUtf8 { kError, kReplace };
enum class OnError { kStop, kSkip };

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: *.jsonl / *.ndjson are JSON Lines, else text
  InvalidUtf8 invalid_utf8 = InvalidUtf8::kError;
  OnError on_error = OnError::kStop;  // malformed JSON lines: stop (exit 1) or skip
};

struct ReadStats {
  std::size_t documents = 0;
  std::size_t bytes = 0;
  std::size_t skipped_lines = 0;       // malformed JSON lines skipped under OnError::kSkip
  std::size_t empty_documents = 0;     // warned about, still delivered
  std::size_t repaired_documents = 0;  // invalid UTF-8 replaced under InvalidUtf8::kReplace
};

// Parses "text", "jsonl" (also "json", "ndjson") or "auto".
bool ParseInputFormat(const std::string& name, InputFormat* out);

// A stream of documents over the inputs, in order: each input in the order given; a folder's
// *.txt files in sorted path order.
class DocumentReader {
 public:
  DocumentReader(std::vector<std::string> inputs, ReadOptions options);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Checks that every input exists (and expands folders). Errors: kIo naming the path.
  Status Open();

  // Fills `doc` with the next document and returns Ok with *done == false, or Ok with
  // *done == true at the end. Errors: kBadInput "file:line: ..." or "file: byte N: ...",
  // kIo for read failures. After an error the reader must not be used again.
  Status Next(Document* doc, bool* done);

  const ReadStats& stats() const { return stats_; }

  // For progress reports. The total size in bytes of the inputs (after Open()), or nullopt
  // when it cannot be known (standard input, a pipe); and the input bytes consumed so far:
  // whole text files, and the lines of a JSON Lines file read up to now.
  std::optional<std::uint64_t> total_bytes() const { return total_bytes_; }
  std::uint64_t consumed_bytes() const { return consumed_bytes_; }

 private:
  struct Source;
  Status OpenSource(const std::string& path);
  Status NextFromJsonl(Document* doc, bool* got);
  // Drops a BOM, checks for binary data and UTF-8, counts the document. `file_base`: 0 for a
  // text file (messages then give byte offsets of the file), nullopt for a JSON Lines one.
  Status FinishText(Document* doc, std::optional<std::size_t> file_base);
  // FinishText for a JSON Lines document, and its "date" (an ISO timestamp becomes its day)
  // and id checked; a bad one under OnError::kSkip sets *skipped (warned and counted).
  Status FinishJsonDocument(Document* doc, bool has_id, bool* skipped);

  std::vector<std::string> inputs_;
  ReadOptions options_;
  std::vector<std::string> files_;  // expanded inputs
  std::size_t next_file_ = 0;
  std::unique_ptr<Source> source_;  // the JSON Lines file being read, if any
  ReadStats stats_;
  // Explicit JSON Lines ids seen so far, with where each was first seen: a repeated id is
  // warned about (each document still counts as its own).
  std::unordered_map<std::string, std::string> seen_ids_;
  std::optional<std::uint64_t> total_bytes_;
  std::uint64_t consumed_bytes_ = 0;
};

}  // namespace actorgraph::documents
