// Helpers shared by the libFuzzer targets: a scratch file per process (for readers that take
// a path) and a check that reports a broken property as a crash, so that libFuzzer keeps
// the input.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::fuzz {

// "$TMPDIR/actorgraph-fuzz-<pid>-<name>" (TMPDIR defaults to /tmp), removed when the
// process exits normally (libFuzzer's -max_total_time, -runs).
inline std::string ScratchPath(std::string_view name) {
  static std::vector<std::string> paths;
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/actorgraph-fuzz-" + std::to_string(getpid()) + "-" +
                     std::string(name);
  if (std::find(paths.begin(), paths.end(), path) == paths.end()) {
    if (paths.empty()) {
      std::atexit([] {
        for (const auto& p : paths) std::remove(p.c_str());
      });
    }
    paths.push_back(path);
  }
  return path;
}

inline bool WriteFile(const std::string& path, const std::uint8_t* data, std::size_t size) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  const bool ok = size == 0 || std::fwrite(data, 1, size, f) == size;
  return std::fclose(f) == 0 && ok;
}

// A broken property: says which and aborts (libFuzzer records the input as a crash).
[[noreturn]] inline void Fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "fuzz property broken: %s: %.*s\n", what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

inline void Check(bool ok, const char* what, std::string_view detail = {}) {
  if (!ok) Fail(what, detail);
}

}  // namespace actorgraph::fuzz
