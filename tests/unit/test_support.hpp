// Helpers shared by the unit tests: paths of the checkout and of ../shared.
#pragma once

#include <catch2/catch.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace actorgraph::testing {

inline std::filesystem::path SourceDir() { return ACTORGRAPH_SOURCE_DIR; }
inline std::filesystem::path SharedDir() { return ACTORGRAPH_SHARED_DIR; }

// The seed article, or "" when ../shared is absent (callers SKIP-by-WARN then).
inline std::filesystem::path SeedArticle() {
  auto p = SharedDir() / "corpus/seed/tass-2021-02-16-bayramov-minsk-group.txt";
  return std::filesystem::exists(p) ? p : std::filesystem::path{};
}

inline std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fresh empty folder under the system temp dir, unique per test run.
inline std::filesystem::path TempDir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("actorgraph-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline void WriteFile(const std::filesystem::path& p, const std::string& content) {
  std::ofstream out(p, std::ios::binary);
  out << content;
}

}  // namespace actorgraph::testing
