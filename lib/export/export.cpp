// Format names, format detection, and the atomic writers over the serialisers.
#include "export/export.hpp"

#include "common/ascii.hpp"
#include "common/output_file.hpp"
#include "export/internal/writers.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace actorgraph::exports {
namespace {

constexpr std::array<std::pair<std::string_view, Format>, 7> kNames = {{
    {"graphml", Format::kGraphml},
    {"dot", Format::kDot},
    {"gexf", Format::kGexf},
    {"json", Format::kJson},
    {"cyjs", Format::kCyjs},
    {"neo4j", Format::kNeo4j},
    {"html", Format::kHtml},
}};

// Longest suffixes first, so ".cyjs.json" wins over ".json".
constexpr std::array<std::pair<std::string_view, Format>, 9> kExtensions = {{
    {".cyjs.json", Format::kCyjs},
    {".graphml", Format::kGraphml},
    {".dot", Format::kDot},
    {".gv", Format::kDot},
    {".gexf", Format::kGexf},
    {".json", Format::kJson},
    {".cyjs", Format::kCyjs},
    {".html", Format::kHtml},
    {".htm", Format::kHtml},
}};

Status WriteNeo4jFolder(const internal::SafeGraph& safe, const std::string& path) {
  if (path == "-") return Status::BadUsage("neo4j export writes a folder; give a folder path, not '-'");
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path folder(path);
  bool created = false;
  if (fs::exists(folder, ec)) {
    if (!fs::is_directory(folder, ec)) return Status::Io(path + ": cannot write neo4j export: not a folder");
    // An earlier export (the two files) is replaced; a folder holding anything else is not
    // the export's to write into: its files would sit beside the graph, or be replaced.
    std::vector<std::string> others;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (name != "nodes.csv" && name != "relationships.csv") others.push_back(name);
    }
    if (!others.empty()) {
      std::sort(others.begin(), others.end());
      return Status::BadUsage(fmt::format(
          "-o {}: the folder exists and holds {}{}: a neo4j export writes nodes.csv and relationships.csv into a new "
          "or empty folder (or one with an earlier export): give another folder",
          path, others.front(), others.size() > 1 ? fmt::format(" and {} more", others.size() - 1) : ""));
    }
  } else if (!fs::create_directory(folder, ec)) {
    return Status::Io(path + ": cannot create folder: " + (ec ? ec.message() : std::string("unknown error")));
  } else {
    created = true;
  }
  // Both files are complete before either is renamed into place.
  const fs::path nodes_path = folder / "nodes.csv";
  const auto write = [&]() -> Status {
    OutputFile nodes, relationships;
    ACTORGRAPH_RETURN_IF_ERROR(nodes.Open(nodes_path.string()));
    ACTORGRAPH_RETURN_IF_ERROR(relationships.Open((folder / "relationships.csv").string()));
    internal::Sink node_sink{.text = {}, .file = &nodes};
    internal::WriteNeo4jNodes(safe, node_sink);
    node_sink.Finish();
    internal::Sink relationship_sink{.text = {}, .file = &relationships};
    internal::WriteNeo4jRelationships(safe, relationship_sink);
    relationship_sink.Finish();
    ACTORGRAPH_RETURN_IF_ERROR(nodes.Commit());
    return relationships.Commit();
  };
  Status s = write();
  if (!s.ok() && created) {
    // A folder this export made is not left behind, empty or half written.
    fs::remove(nodes_path, ec);
    fs::remove(folder, ec);
  }
  return s;
}

// Every format but kNeo4j (two files) into `sink`.
void SerializeSafe(const internal::SafeGraph& safe, const Options& opts, internal::Sink& sink) {
  switch (opts.format) {
    case Format::kGraphml:
      internal::WriteGraphml(safe, opts.yed, sink);
      break;
    case Format::kDot:
      internal::WriteDot(safe, opts.legend, sink);
      break;
    case Format::kGexf:
      internal::WriteGexf(safe, sink);
      break;
    case Format::kJson:
      internal::WriteNodeLink(safe, sink);
      break;
    case Format::kCyjs:
      internal::WriteCyjs(safe, sink);
      break;
    case Format::kHtml:
      internal::WriteHtml(safe, sink);
      break;
    case Format::kNeo4j:
      break;
  }
}

}  // namespace

std::optional<Format> ParseFormat(std::string_view name) {
  const std::string lower = ascii::Lower(name);
  for (const auto& [n, format] : kNames) {
    if (n == lower) return format;
  }
  return std::nullopt;
}

std::optional<Format> FormatFromPath(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string name = ascii::Lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
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
  internal::Sink sink;
  SerializeSafe(internal::MakeSafe(g), opts, sink);
  return std::move(sink.text);
}

Neo4jCsv SerializeNeo4j(const graph::Graph& g) {
  const internal::SafeGraph safe = internal::MakeSafe(g);
  internal::Sink nodes, relationships;
  internal::WriteNeo4jNodes(safe, nodes);
  internal::WriteNeo4jRelationships(safe, relationships);
  return {std::move(nodes.text), std::move(relationships.text)};
}

Status WriteGraph(const graph::Graph& g, const Options& opts, const std::string& path) {
  const internal::SafeGraph safe = internal::MakeSafe(g);
  if (opts.format == Format::kNeo4j) return WriteNeo4jFolder(safe, path);
  // Written as it is serialised, a megabyte at a time (see internal::Sink).
  OutputFile file;
  ACTORGRAPH_RETURN_IF_ERROR(file.Open(path));
  internal::Sink sink{.text = {}, .file = &file};
  SerializeSafe(safe, opts, sink);
  sink.Finish();
  return file.Commit();
}

}  // namespace actorgraph::exports
