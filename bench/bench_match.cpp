// bench_match — the gazetteer matcher on the peer benchmark of ../shared/bench/.
//
//   bench_match GAZETTEER CORPUS [--spans FILE] [--save-compiled FILE]
//   bench_match --compiled FILE CORPUS [--spans FILE]
//
// GAZETTEER is a plain alias list, one alias per line (the peers' input). Each alias becomes
// one gazetteer entity {"id":"b:N","kind":"location","name":ALIAS}, built as JSON Lines in
// memory and loaded with Gazetteer::LoadString, then compiled. CORPUS is UTF-8 text, one
// paragraph per line; each non-empty line is tokenised (text::Analyzer::Tokenize) and
// matched (Gazetteer::FindMatches) as one unit, on one thread.
//
// Timed separately (steady clock, file reading excluded as in the peers):
//   load_s       JSON Lines text built from the aliases + Gazetteer::LoadString
//   compile_s    Gazetteer::Compile
//   match_s      Tokenize + FindMatches over the corpus, timed as a whole as the peers time
//                their scan ("match_mbps" = corpus MB / match_s);
//   tokenize_in_match_s, find_s
//                its two parts, from a second pass that times each line's Tokenize and
//                FindMatches apart (about 240,000 clock readings, not in match_s);
//   tokenize_s   a third pass, Tokenize alone ("tokenize_mbps").
// Every pass starts with a fresh Analyzer, so its key cache starts cold each time; the
// matcher's per-thread token memo is cold only in the first, the timed one.
// Memory: mem_build_mb is the peak RSS after compiling, before the corpus is read;
// mem_peak_mb the peak at the end (the corpus is held in memory, as the peers hold it).
//
// --save-compiled FILE also writes the compiled gazetteer (save_s, compiled_mb).
// --compiled FILE loads a compiled gazetteer instead (load_s = Gazetteer::Load of the file,
// compile_s = 0; mem_build_mb is then the resident memory of the loaded cache alone).
//
// --spans FILE writes every match as "start<TAB>end<TAB>alias" with byte offsets into the
// corpus file, for bench/compare_oracle.py.
//
// Prints one JSON line, with field names shared with the peers where they mean the same.
#include "gazetteer/gazetteer.hpp"
#include "text/text.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
namespace gz = actorgraph::gazetteer;
namespace tx = actorgraph::text;

double Secs(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

double PeakRssMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

bool ReadFile(const char* path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

// Appends `s` as a JSON string literal (UTF-8 passes through).
void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  out += '"';
}

const char* BaseName(const char* path) {
  const char* slash = std::strrchr(path, '/');
  return slash ? slash + 1 : path;
}

// Non-empty lines of `text` as (offset, view) pairs; a trailing '\r' is dropped.
std::vector<std::pair<std::size_t, std::string_view>> Lines(std::string_view text) {
  std::vector<std::pair<std::size_t, std::string_view>> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) out.emplace_back(pos, line);
    pos = nl + 1;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const char* gaz_path = nullptr;
  const char* corpus_path = nullptr;
  const char* spans_path = nullptr;
  const char* save_path = nullptr;
  bool compiled = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--spans") == 0 && i + 1 < argc) {
      spans_path = argv[++i];
    } else if (std::strcmp(argv[i], "--save-compiled") == 0 && i + 1 < argc) {
      save_path = argv[++i];
    } else if (std::strcmp(argv[i], "--compiled") == 0) {
      compiled = true;
    } else if (!gaz_path) {
      gaz_path = argv[i];
    } else if (!corpus_path) {
      corpus_path = argv[i];
    } else {
      gaz_path = nullptr;
      break;
    }
  }
  if (!gaz_path || !corpus_path) {
    std::fprintf(stderr, "usage: %s [--compiled] GAZETTEER CORPUS [--spans FILE] [--save-compiled FILE]\n", argv[0]);
    return 2;
  }

  // --- gazetteer: read (untimed), then build entities + compile (timed) ----------------
  std::string alias_file;
  if (compiled) {
    // Only the alias count is read from the file for the report.
  } else if (!ReadFile(gaz_path, &alias_file)) {
    std::perror(gaz_path);
    return 3;
  }
  std::vector<std::string_view> aliases;
  for (const auto& [off, line] : Lines(alias_file)) {
    std::string_view a = line;
    while (!a.empty() && (a.back() == ' ' || a.back() == '\t')) a.remove_suffix(1);
    while (!a.empty() && (a.front() == ' ' || a.front() == '\t')) a.remove_prefix(1);
    if (!a.empty()) aliases.push_back(a);
  }

  gz::Gazetteer gazetteer;
  const auto b0 = Clock::now();
  std::size_t problems = 0;
  if (compiled) {
    const auto status = gazetteer.Load(gaz_path);
    if (!status.ok()) {
      std::fprintf(stderr, "%s\n", status.message().c_str());
      return 3;
    }
  } else {
    std::string jsonl;
    jsonl.reserve(alias_file.size() * 2 + aliases.size() * 48);
    for (std::size_t i = 0; i < aliases.size(); ++i) {
      jsonl += "{\"id\":\"b:";
      jsonl += std::to_string(i);
      jsonl += "\",\"kind\":\"location\",\"name\":";
      AppendJsonString(jsonl, aliases[i]);
      jsonl += "}\n";
    }
    std::vector<std::string> found;
    const auto status = gazetteer.LoadString(jsonl, BaseName(gaz_path), &found);
    problems = found.size();
    if (!status.ok())
      std::fprintf(stderr, "warning: %zu problem(s) loading aliases, first: %s\n", problems, status.message().c_str());
  }
  const auto b1 = Clock::now();
  gazetteer.Compile();
  const auto b2 = Clock::now();
  const double mem_build_mb = PeakRssMb();
  double save_s = 0, compiled_mb = 0;
  if (save_path) {
    const auto s0 = Clock::now();
    const auto status = gazetteer.SaveCompiled(save_path, "");
    save_s = Secs(s0, Clock::now());
    if (!status.ok()) {
      std::fprintf(stderr, "%s\n", status.message().c_str());
      return 3;
    }
    std::ifstream f(save_path, std::ios::binary | std::ios::ate);
    compiled_mb = static_cast<double>(f.tellg()) / 1e6;
  }

  // --- corpus (untimed read) -----------------------------------------------------------
  std::string corpus;
  if (!ReadFile(corpus_path, &corpus)) {
    std::perror(corpus_path);
    return 3;
  }
  const auto lines = Lines(corpus);
  const double mb = static_cast<double>(corpus.size()) / 1e6;

  std::FILE* spans = nullptr;
  if (spans_path) {
    spans = std::fopen(spans_path, "w");
    if (!spans) {
      std::perror(spans_path);
      return 3;
    }
  }

  // --- pass 1: Tokenize + FindMatches, timed as a whole ---------------------------------
  std::size_t matches = 0, tokens_seen = 0;
  const auto m0 = Clock::now();
  {
    tx::Analyzer analyzer;
    tx::TokenList tokens;
    std::vector<gz::Match> found;
    for (const auto& [off, line] : lines) {
      analyzer.Tokenize(line, &tokens);
      gazetteer.FindMatches(line, tokens, &found);
      tokens_seen += tokens.size();
      matches += found.size();
      if (spans) {
        for (const auto& m : found) {
          const auto cands = gazetteer.Candidates(m, line, tokens);
          const std::string& alias = cands.empty() ? std::string() : gazetteer.entity(cands.front().entity).name;
          std::fprintf(spans, "%zu\t%zu\t%s\n", off + tokens[m.first_token].start, off + tokens[m.end_token - 1].end,
                       alias.c_str());
        }
      }
    }
  }
  const auto m1 = Clock::now();
  if (spans) std::fclose(spans);

  // --- pass 1b: the same, each line's two parts timed apart ---------------------------------
  double tok_part = 0, find_part = 0;
  std::size_t matches_again = 0;
  {
    tx::Analyzer analyzer;
    tx::TokenList tokens;
    std::vector<gz::Match> found;
    for (const auto& [off, line] : lines) {
      const auto t0 = Clock::now();
      analyzer.Tokenize(line, &tokens);
      const auto t1 = Clock::now();
      gazetteer.FindMatches(line, tokens, &found);
      const auto t2 = Clock::now();
      tok_part += Secs(t0, t1);
      find_part += Secs(t1, t2);
      matches_again += found.size();
    }
  }

  // --- pass 2: Tokenize alone ----------------------------------------------------------------
  std::size_t tokens_only = 0;
  const auto k0 = Clock::now();
  {
    tx::Analyzer analyzer;
    tx::TokenList tokens;
    for (const auto& [off, line] : lines) {
      analyzer.Tokenize(line, &tokens);
      tokens_only += tokens.size();
    }
  }
  const auto k1 = Clock::now();

  const double match_s = Secs(m0, m1), tokenize_s = Secs(k0, k1);
  std::printf(
      "{\"peer\": \"actorgraph\", \"program\": \"bench_match\", \"gazetteer\": \"%s\", \"aliases\": %zu, "
      "\"aliases_compiled\": %zu, \"load_problems\": %zu, \"corpus\": \"%s\", \"corpus_mb\": %.3f, "
      "\"paragraphs\": %zu, \"tokens\": %zu, \"load_s\": %.3f, \"compile_s\": %.3f, \"build_s\": %.3f, "
      "\"mem_build_mb\": %.1f, \"match_s\": %.3f, \"tokenize_in_match_s\": %.3f, \"find_s\": %.3f, "
      "\"tokenize_s\": %.3f, \"matches\": %zu, \"match_mbps\": %.2f, \"find_mbps\": %.2f, "
      "\"tokenize_mbps\": %.2f, \"mem_peak_mb\": %.1f, \"from_compiled\": %s, \"save_s\": %.3f, \"compiled_mb\": "
      "%.1f}\n",
      BaseName(gaz_path), compiled ? gazetteer.size() : aliases.size(), gazetteer.alias_count(), problems,
      BaseName(corpus_path), mb, lines.size(), tokens_seen, Secs(b0, b1), Secs(b1, b2), Secs(b0, b2), mem_build_mb,
      match_s, tok_part, find_part, tokenize_s, matches, mb / match_s, mb / find_part, mb / tokenize_s, PeakRssMb(),
      compiled ? "true" : "false", save_s, compiled_mb);
  return tokens_only == tokens_seen && matches_again == matches ? 0 : 1;
}
