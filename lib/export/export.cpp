// Format names, format detection, and the atomic writers over the serialisers.
#include "export/export.hpp"

#include "common/output_file.hpp"
#include "export/internal/writers.hpp"

#include <array>
#include <filesystem>
#include <utility>

namespace actorgraph::exports {
namespace {

constexpr std::array<std::pair<std::string_view, Format>, 6> kNames = {{
    {"graphml", Format::kGraphml},
    {"dot", Format::kDot},
    {"gexf", Format::kGexf},
    {"json", Format::kJson},
    {"cyjs", Format::kCyjs},
    {"neo4j", Format::kNeo4j},
}};

// Longest suffixes first, so ".cyjs.json" wins over ".json".
constexpr std::array<std::pair<std::string_view, Format>, 7> kExtensions = {{
    {".cyjs.json", Format::kCyjs},
    {".graphml", Format::kGraphml},
    {".dot", Format::kDot},
    {".gv", Format::kDot},
    {".gexf", Format::kGexf},
    {".json", Format::kJson},
    {".cyjs", Format::kCyjs},
}};

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Status WriteFile(const std::string& path, std::string_view content) {
  OutputFile file;
  ACTORGRAPH_RETURN_IF_ERROR(file.Open(path));
  file.Write(content);
  return file.Commit();
}

Status WriteNeo4jFolder(const internal::SafeGraph& safe, const std::string& path) {
  if (path == "-") return Status::BadUsage("neo4j export writes a folder; give a folder path, not '-'");
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path folder(path);
  if (fs::exists(folder, ec)) {
    if (!fs::is_directory(folder, ec)) return Status::Io(path + ": cannot write neo4j export: not a folder");
  } else if (!fs::create_directory(folder, ec)) {
    return Status::Io(path + ": cannot create folder: " + (ec ? ec.message() : std::string("unknown error")));
  }
  // Both files are complete before either is renamed into place.
  OutputFile nodes, relationships;
  ACTORGRAPH_RETURN_IF_ERROR(nodes.Open((folder / "nodes.csv").string()));
  ACTORGRAPH_RETURN_IF_ERROR(relationships.Open((folder / "relationships.csv").string()));
  nodes.Write(internal::WriteNeo4jNodes(safe));
  relationships.Write(internal::WriteNeo4jRelationships(safe));
  ACTORGRAPH_RETURN_IF_ERROR(nodes.Commit());
  return relationships.Commit();
}

std::string SerializeSafe(const internal::SafeGraph& safe, const Options& opts) {
  switch (opts.format) {
    case Format::kGraphml: return internal::WriteGraphml(safe, opts.yed);
    case Format::kDot: return internal::WriteDot(safe, opts.legend);
    case Format::kGexf: return internal::WriteGexf(safe);
    case Format::kJson: return internal::WriteNodeLink(safe);
    case Format::kCyjs: return internal::WriteCyjs(safe);
    case Format::kNeo4j: return {};
  }
  return {};
}

}  // namespace

std::optional<Format> ParseFormat(std::string_view name) {
  const std::string lower = AsciiLower(name);
  for (const auto& [n, format] : kNames) {
    if (n == lower) return format;
  }
  return std::nullopt;
}

std::optional<Format> FormatFromPath(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string name = AsciiLower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  for (const auto& [ext, format] : kExtensions) {
    // The extension must follow at least one character of name (".json" alone is a hidden
    // file without an extension, as std::filesystem sees it).
    if (name.size() > ext.size() && name.ends_with(ext)) return format;
  }
  return std::nullopt;
}

std::string_view FormatName(Format format) {
  for (const auto& [n, f] : kNames) {
    if (f == format) return n;
  }
  return "graphml";
}

std::string Serialize(const graph::Graph& g, const Options& opts) {
  if (opts.format == Format::kNeo4j) return {};
  return SerializeSafe(internal::MakeSafe(g), opts);
}

Neo4jCsv SerializeNeo4j(const graph::Graph& g) {
  const internal::SafeGraph safe = internal::MakeSafe(g);
  return {internal::WriteNeo4jNodes(safe), internal::WriteNeo4jRelationships(safe)};
}

Status WriteGraph(const graph::Graph& g, const Options& opts, const std::string& path) {
  const internal::SafeGraph safe = internal::MakeSafe(g);
  if (opts.format == Format::kNeo4j) return WriteNeo4jFolder(safe, path);
  return WriteFile(path, SerializeSafe(safe, opts));
}

}  // namespace actorgraph::exports
