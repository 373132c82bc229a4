// actorgraph — atomic output files.
//
// An OutputFile writes to a temporary file in the destination's folder and renames it over
// the destination only on Commit(), so a failed or interrupted run never leaves a partial
// file behind. The path "-" means standard output (written through, nothing to rename).
// Where the file system allows it (Linux O_TMPFILE) the temporary file has no name until
// Commit() links it in, so not even SIGKILL leaves one visible; elsewhere it is a hidden
// ".NAME.tmp-XXXXXX" beside the destination, removed by the destructor or, after
// InstallSignalCleanup(), by SIGINT, SIGTERM, SIGHUP and SIGPIPE.
#pragma once

#include "common/status.hpp"

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace actorgraph {

// Makes SIGINT, SIGTERM and SIGHUP remove the temporary files of every OutputFile not yet
// committed, say on standard error which outputs were left unwritten, and exit with 128 +
// the signal (130, 143, 129). SIGPIPE (standard output closed by a reader such as `head`)
// removes them too and exits with 141 without a word. Call once, early in main().
void InstallSignalCleanup();

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
  Status OpenTemporary(const std::string& dir, const std::string& name);
  Status LinkAnonymous();
  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  std::unique_ptr<char[]> buffer_;  // the stream's buffer (1 MB), outlives file_
  bool to_stdout_ = false;
  bool direct_ = false;     // an existing device or pipe: written in place
  bool anonymous_ = false;  // O_TMPFILE: no name until LinkAnonymous() gives it temp_path_
  int slot_ = -1;           // its entry for the signal handler, or -1
  bool failed_ = false;
  int error_ = 0;
};

}  // namespace actorgraph
