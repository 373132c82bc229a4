// Rendering DOT through Graphviz: `dot -T<format> <file>` via posix_spawnp (no shell); its
// standard output is copied into an OutputFile, its standard error into a temporary file
// that supplies the error message.
#include "export/export.hpp"

#include "common/output_file.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>

extern char** environ;

namespace actorgraph::exports {
namespace {

bool ValidFormat(std::string_view format) {
  if (format.empty() || format.size() > 32) return false;
  for (char c : format) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':' || c == '_')) return false;
  }
  return true;
}

// The first non-empty line of what the child wrote to standard error (at most 4 KiB read).
std::string FirstLine(std::FILE* file) {
  std::rewind(file);
  char buf[4096];
  const std::size_t n = std::fread(buf, 1, sizeof buf, file);
  std::string_view text(buf, n);
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) return std::string(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return {};
}

// Owns the spawn attributes' file actions for the duration of one spawn.
class FileActions {
 public:
  FileActions() { ok_ = ::posix_spawn_file_actions_init(&actions_) == 0; }
  FileActions(const FileActions&) = delete;
  FileActions& operator=(const FileActions&) = delete;
  ~FileActions() {
    if (ok_) ::posix_spawn_file_actions_destroy(&actions_);
  }
  bool ok() const { return ok_; }
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_{};
  bool ok_ = false;
};

}  // namespace

Status RenderDot(const std::string& dot_path, const std::string& out_path, std::string_view format) {
  if (!ValidFormat(format)) {
    return Status::BadUsage("unknown Graphviz output format '" + std::string(format) + "'");
  }
  const std::string what = "cannot render " + dot_path + " as " + std::string(format);
  if (::access(dot_path.c_str(), R_OK) != 0) return Status::Io(dot_path + ": cannot read: " + std::strerror(errno));

  OutputFile out;
  ACTORGRAPH_RETURN_IF_ERROR(out.Open(out_path));

  std::FILE* errors = std::tmpfile();
  if (!errors) return Status::Io(what + ": no temporary file: " + std::strerror(errno));
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    const int err = errno;
    std::fclose(errors);
    return Status::Io(what + ": " + std::strerror(err));
  }

  FileActions actions;
  int rc = actions.ok() ? 0 : ENOMEM;
  if (rc == 0) rc = ::posix_spawn_file_actions_addopen(actions.get(), 0, "/dev/null", O_RDONLY, 0);
  if (rc == 0) rc = ::posix_spawn_file_actions_adddup2(actions.get(), pipe_fds[1], 1);
  if (rc == 0) rc = ::posix_spawn_file_actions_adddup2(actions.get(), ::fileno(errors), 2);

  // A path starting with '-' would read as an option.
  const std::string input = dot_path.starts_with('-') ? "./" + dot_path : dot_path;
  std::string program = "dot", type_flag = "-T" + std::string(format);
  std::string input_arg = input;
  char* argv[] = {program.data(), type_flag.data(), input_arg.data(), nullptr};
  pid_t pid = -1;
  if (rc == 0) rc = ::posix_spawnp(&pid, "dot", actions.get(), nullptr, argv, environ);
  ::close(pipe_fds[1]);
  if (rc != 0) {
    ::close(pipe_fds[0]);
    std::fclose(errors);
    if (rc == ENOENT) {
      return Status::Io(what + ": Graphviz 'dot' was not found on PATH (install the graphviz package)");
    }
    return Status::Io(what + ": cannot run Graphviz 'dot': " + std::strerror(rc));
  }

  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(pipe_fds[0], buf, sizeof buf);
    if (n > 0) {
      out.Write(std::string_view(buf, static_cast<std::size_t>(n)));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  ::close(pipe_fds[0]);

  int wstatus = 0;
  while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  const std::string message = FirstLine(errors);
  std::fclose(errors);
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
    const std::string how =
        WIFEXITED(wstatus) ? "exit status " + std::to_string(WEXITSTATUS(wstatus)) : std::string("killed by a signal");
    return Status::Io(what + ": Graphviz 'dot' failed (" + how + ")" + (message.empty() ? "" : ": " + message));
  }
  return out.Commit();
}

}  // namespace actorgraph::exports
