// actorgraph — atomic output files.
//
// An OutputFile writes to a temporary file in the destination's folder and renames it over
// the destination only on Commit(), so a failed or interrupted run never leaves a partial
// file behind. The path "-" means standard output (written through, nothing to rename).
#pragma once

#include "common/status.hpp"

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace actorgraph {

class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  // Removes the temporary file when Commit() was not reached.
  ~OutputFile();

  // Opens a temporary file beside `path` (or standard output for "-"). Errors: kIo naming
  // the path (missing folder, no permission).
  Status Open(const std::string& path);
  // Buffered write; errors are sticky and reported by Commit().
  void Write(std::string_view bytes);
  // Ok, or the error of a failed Write() in the words Commit() would use: lets a long run
  // stop at the first failed write instead of at the end.
  Status WriteStatus() const;
  // Flushes, fsyncs and renames into place. Errors (disk full, /dev/full, rename failure):
  // kIo naming the path; the temporary file is removed and the destination left untouched.
  Status Commit();

  const std::string& path() const { return path_; }

 private:
  void UseLargeBuffer();
  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  std::unique_ptr<char[]> buffer_;  // the stream's buffer (1 MB), outlives file_
  bool to_stdout_ = false;
  bool direct_ = false;  // an existing device or pipe: written in place
  bool failed_ = false;
  int error_ = 0;
};

}  // namespace actorgraph
