#include "common/output_file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace actorgraph {

OutputFile::~OutputFile() {
  if (file_ && !to_stdout_) {
    std::fclose(file_);
    if (!direct_) ::unlink(temp_path_.c_str());
  }
}

Status OutputFile::Open(const std::string& path) {
  path_ = path;
  if (path == "-") {
    to_stdout_ = true;
    file_ = stdout;
    // A terminal keeps its line buffering; a pipe or file gets the large buffer.
    if (!::isatty(::fileno(stdout))) UseLargeBuffer();
    return Status::Ok();
  }
  namespace fs = std::filesystem;
  const fs::path dest(path);
  std::error_code ec;
  if (fs::is_directory(dest, ec)) return Status::Io(fmt::format("{}: cannot write: is a directory", path));
  if (fs::exists(dest, ec) && !fs::is_regular_file(dest, ec)) {
    // A device or pipe (/dev/null, /dev/full, a FIFO): nothing to replace, write through.
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) return Status::Io(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
    direct_ = true;
    UseLargeBuffer();
    return Status::Ok();
  }
  const fs::path dir = dest.has_parent_path() ? dest.parent_path() : fs::path(".");
  std::string templ = (dir / fmt::format(".{}.tmp-XXXXXX", dest.filename().string())).string();
  const int fd = ::mkstemp(templ.data());
  if (fd < 0) {
    return Status::Io(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
  }
  ::fchmod(fd, 0644);
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    const int err = errno;
    ::close(fd);
    ::unlink(templ.c_str());
    return Status::Io(fmt::format("{}: cannot write: {}", path, std::strerror(err)));
  }
  temp_path_ = templ;
  UseLargeBuffer();
  return Status::Ok();
}

namespace {
constexpr std::size_t kBufferBytes = 1u << 20;
}  // namespace

void OutputFile::UseLargeBuffer() {
  // A run writes tens of MB in small pieces: 1 MB per write call rather than 4 KB.
  if (to_stdout_) {
    // Standard output outlives this object: its buffer is static, and set once, before
    // anything is written to it.
    static char stdout_buffer[kBufferBytes];
    static bool set = false;
    if (!set) std::setvbuf(stdout, stdout_buffer, _IOFBF, kBufferBytes);
    set = true;
    return;
  }
  buffer_.reset(new char[kBufferBytes]);
  if (std::setvbuf(file_, buffer_.get(), _IOFBF, kBufferBytes) != 0) buffer_.reset();
}

void OutputFile::Write(std::string_view bytes) {
  if (failed_ || !file_ || bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    failed_ = true;
    error_ = errno;
  }
}

Status OutputFile::WriteStatus() const {
  if (!failed_) return Status::Ok();
  if (to_stdout_) return Status::Io(fmt::format("standard output: write failed: {}", std::strerror(error_)));
  return Status::Io(fmt::format("{}: write failed: {}", path_, std::strerror(error_)));
}

Status OutputFile::Commit() {
  if (!file_) return Status::Io(fmt::format("{}: output was not opened", path_));
  if (to_stdout_) {
    const bool ok = !failed_ && std::fflush(stdout) == 0;
    file_ = nullptr;
    if (!ok) return Status::Io(fmt::format("standard output: write failed: {}", std::strerror(error_ ? error_ : errno)));
    return Status::Ok();
  }
  if (!failed_ && std::fflush(file_) != 0) { failed_ = true; error_ = errno; }
  if (!failed_ && !direct_ && ::fsync(::fileno(file_)) != 0 && errno != EINVAL) {
    failed_ = true;
    error_ = errno;
  }
  if (std::fclose(file_) != 0 && !failed_) { failed_ = true; error_ = errno; }
  file_ = nullptr;
  if (direct_) {
    if (failed_) return Status::Io(fmt::format("{}: write failed: {}", path_, std::strerror(error_)));
    return Status::Ok();
  }
  if (!failed_ && std::rename(temp_path_.c_str(), path_.c_str()) != 0) { failed_ = true; error_ = errno; }
  if (failed_) {
    ::unlink(temp_path_.c_str());
    return Status::Io(fmt::format("{}: write failed: {}", path_, std::strerror(error_)));
  }
  return Status::Ok();
}

}  // namespace actorgraph
