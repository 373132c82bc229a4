#include "common/output_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>

namespace actorgraph {

namespace {

// The outputs being written, for the signal handler: fixed storage, so that the handler
// reads them without allocating or locking. A slot is claimed (kFree -> kFilling), filled,
// then published (kLive); the handler reads only live slots.
constexpr int kSlots = 32;
constexpr std::size_t kPathMax = 4096;
enum SlotState : int { kFree = 0, kFilling = 1, kLive = 2 };
struct Slot {
  std::atomic<int> state{kFree};
  char temp[kPathMax];  // "" while the temporary file has no name (O_TMPFILE)
  char dest[kPathMax];
};
Slot g_slots[kSlots];

void CopyPath(char* to, const std::string& from) {
  const std::size_t n = std::min(from.size(), kPathMax - 1);
  std::memcpy(to, from.data(), n);
  to[n] = '\0';
}

int Register(const std::string& temp, const std::string& dest) {
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (g_slots[i].state.compare_exchange_strong(expected, kFilling)) {
      CopyPath(g_slots[i].temp, temp);
      CopyPath(g_slots[i].dest, dest);
      g_slots[i].state.store(kLive);
      return i;
    }
  }
  return -1;  // more outputs at once than slots: that one is cleaned by its destructor only
}

void SetTemp(int slot, const std::string& temp) {
  if (slot < 0) return;
  g_slots[slot].state.store(kFilling);
  CopyPath(g_slots[slot].temp, temp);
  g_slots[slot].state.store(kLive);
}

void Unregister(int* slot) {
  if (*slot >= 0) g_slots[*slot].state.store(kFree);
  *slot = -1;
}

void Say(const char* text) {
  const std::size_t n = std::strlen(text);
  if (::write(STDERR_FILENO, text, n) < 0) return;
}

extern "C" void OnSignal(int sig) {
  bool any = false;
  for (auto& slot : g_slots) {
    if (slot.state.load() != kLive) continue;
    if (slot.temp[0] != '\0') ::unlink(slot.temp);
    if (sig == SIGPIPE) continue;
    if (!any) {
      Say("actorgraph: interrupted by ");
      Say(sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "SIGHUP");
      Say("; not written (left as it was):");
      any = true;
    }
    Say(" ");
    Say(slot.dest);
  }
  if (sig != SIGPIPE) {
    if (!any) {
      Say("actorgraph: interrupted by ");
      Say(sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "SIGHUP");
      Say("; no output file was open, none left behind (what went to standard output is incomplete)");
    }
    Say("\n");
  }
  ::_exit(128 + sig);
}

}  // namespace

void InstallSignalCleanup() {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = OnSignal;
  sigfillset(&sa.sa_mask);  // one handler at a time
  for (const int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) ::sigaction(sig, &sa, nullptr);
}

OutputFile::~OutputFile() {
  if (file_ && !to_stdout_) {
    std::fclose(file_);
    if (!direct_ && !temp_path_.empty()) ::unlink(temp_path_.c_str());
  }
  Unregister(&slot_);
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
  return OpenTemporary(dir.string(), dest.filename().string());
}

// An unnamed file in `dir` (O_TMPFILE) when the file system has them and /proc can name it
// for linkat; else a hidden "dir/.name.tmp-XXXXXX".
Status OutputFile::OpenTemporary(const std::string& dir, const std::string& name) {
  int fd = -1;
#ifdef O_TMPFILE
  if (::access("/proc/self/fd", X_OK) == 0) {
    fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
    anonymous_ = fd >= 0;
  }
#endif
  std::string templ = (std::filesystem::path(dir) / fmt::format(".{}.tmp-XXXXXX", name)).string();
  if (fd < 0) {
    fd = ::mkstemp(templ.data());
    if (fd < 0) return Status::Io(fmt::format("{}: cannot write: {}", path_, std::strerror(errno)));
  }
  ::fchmod(fd, 0644);
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    const int err = errno;
    ::close(fd);
    if (!anonymous_) ::unlink(templ.c_str());
    return Status::Io(fmt::format("{}: cannot write: {}", path_, std::strerror(err)));
  }
  if (!anonymous_) temp_path_ = templ;
  slot_ = Register(temp_path_, path_);
  UseLargeBuffer();
  return Status::Ok();
}

// Gives the unnamed file its temporary name (beside the destination), for the rename.
Status OutputFile::LinkAnonymous() {
  const std::filesystem::path dest(path_);
  const std::filesystem::path dir = dest.has_parent_path() ? dest.parent_path() : std::filesystem::path(".");
  const std::string proc = fmt::format("/proc/self/fd/{}", ::fileno(file_));
  for (int attempt = 0; attempt < 100; ++attempt) {
    const std::string name =
        (dir / fmt::format(".{}.tmp-{}-{}", dest.filename().string(), ::getpid(), attempt)).string();
    SetTemp(slot_, name);  // before the link: a signal in between unlinks what may exist
    if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) {
      temp_path_ = name;
      return Status::Ok();
    }
    if (errno != EEXIST) break;
  }
  const int err = errno;
  SetTemp(slot_, "");
  return Status::Io(fmt::format("{}: write failed: {}", path_, std::strerror(err)));
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
    if (!ok)
      return Status::Io(fmt::format("standard output: write failed: {}", std::strerror(error_ ? error_ : errno)));
    return Status::Ok();
  }
  if (!failed_ && std::fflush(file_) != 0) {
    failed_ = true;
    error_ = errno;
  }
  if (!failed_ && !direct_ && ::fsync(::fileno(file_)) != 0 && errno != EINVAL) {
    failed_ = true;
    error_ = errno;
  }
  if (!failed_ && anonymous_) {
    if (Status linked = LinkAnonymous(); !linked.ok()) {
      std::fclose(file_);
      file_ = nullptr;
      Unregister(&slot_);
      return linked;
    }
  }
  if (std::fclose(file_) != 0 && !failed_) {
    failed_ = true;
    error_ = errno;
  }
  file_ = nullptr;
  if (direct_) {
    if (failed_) return Status::Io(fmt::format("{}: write failed: {}", path_, std::strerror(error_)));
    return Status::Ok();
  }
  if (!failed_ && std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    failed_ = true;
    error_ = errno;
  }
  if (failed_) {
    if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
    Unregister(&slot_);
    return Status::Io(fmt::format("{}: write failed: {}", path_, std::strerror(error_)));
  }
  Unregister(&slot_);
  return Status::Ok();
}

}  // namespace actorgraph
