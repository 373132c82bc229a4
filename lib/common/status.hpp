// actorgraph — errors as values at the stage boundaries.
//
// Every fallible library call returns a Status (or fills an out-parameter and returns a
// Status). A Status carries the exit-code class of the failure (bad input data, bad usage,
// I/O) and one line of text that already names the file and position, so the CLI can print
// it as it is. Library exceptions (ICU, nlohmann::json, std::filesystem) are caught at the
// edge of the stage that calls them and turned into a Status.
#pragma once

#include <string>
#include <utility>

namespace actorgraph {

// The documented process exit codes (README, "Exit codes").
enum class ErrorCode : int {
  kOk = 0,
  kBadInput = 1,  // malformed data: invalid UTF-8, bad JSON line, bad gazetteer row
  kBadUsage = 2,  // wrong flags or arguments
  kIo = 3,        // a file that cannot be read or written
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return {}; }
  static Status BadInput(std::string message) { return {ErrorCode::kBadInput, std::move(message)}; }
  static Status BadUsage(std::string message) { return {ErrorCode::kBadUsage, std::move(message)}; }
  static Status Io(std::string message) { return {ErrorCode::kIo, std::move(message)}; }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  int exit_code() const { return static_cast<int>(code_); }
  const std::string& message() const { return message_; }

 private:
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

#define ACTORGRAPH_RETURN_IF_ERROR(expr)   \
  do {                                     \
    ::actorgraph::Status status_ = (expr); \
    if (!status_.ok()) return status_;     \
  } while (false)

}  // namespace actorgraph
