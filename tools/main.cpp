// actorgraph — the command line. A thin layer: it parses flags, finds the default data and
// calls the library; every behaviour lives in lib/.
#include "common/iso_date.hpp"
#include "common/json_writer.hpp"
#include "common/output_file.hpp"
#include "common/status.hpp"
#include "documents/documents.hpp"
#include "events/jsonl.hpp"
#include "export/export.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/import/import.hpp"
#include "graph/build.hpp"
#include "mentions/jsonl.hpp"
#include "pipeline/pipeline.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace fs = std::filesystem;
using actorgraph::Status;

namespace {

constexpr const char* kVersion = ACTORGRAPH_VERSION;

// The default data folder: $ACTORGRAPH_DATA_DIR, else <prefix>/share/actorgraph beside the
// binary's <prefix>/bin (true both in the build tree and after `cmake --install`).
Status FindDataDir(std::string* out) {
  if (const char* env = std::getenv("ACTORGRAPH_DATA_DIR"); env && *env) {
    if (!fs::is_directory(env)) return Status::Io(fmt::format("ACTORGRAPH_DATA_DIR={}: no such folder", env));
    *out = env;
    return Status::Ok();
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path candidate = exe.parent_path().parent_path() / ACTORGRAPH_DATA_SUBDIR;
    if (fs::is_directory(candidate / "lexicons", ec)) {
      *out = candidate.string();
      return Status::Ok();
    }
  }
  return Status::Io(fmt::format("cannot find the default data (looked in {}/../{}); set ACTORGRAPH_DATA_DIR",
                                exe.parent_path().string(), ACTORGRAPH_DATA_SUBDIR));
}

// Refuses an output that is one of the inputs: the same file, whether by the same path or
// through a link (same device and inode). Writing it would replace the input with the
// output (data loss), so this is bad usage (exit 2). Standard output and inputs that do not
// exist (the reader names those) pass.
Status RefuseOutputOntoInput(const std::string& output, const std::vector<std::vector<std::string>>& input_lists) {
  if (output.empty() || output == "-") return Status::Ok();
  struct stat out_st;
  if (::stat(output.c_str(), &out_st) != 0 || !S_ISREG(out_st.st_mode)) return Status::Ok();
  for (const auto& inputs : input_lists) {
    for (const auto& input : inputs) {
      struct stat in_st;
      if (input == "-" || ::stat(input.c_str(), &in_st) != 0) continue;
      if (in_st.st_dev == out_st.st_dev && in_st.st_ino == out_st.st_ino) {
        return Status::BadUsage(
            fmt::format("-o {}: is the input {} ({}); writing it would replace the input: "
                        "give another output",
                        output, input, input == output ? "the same path" : "the same file"));
      }
    }
  }
  return Status::Ok();
}

// A whole number of worker threads, 0 (all cores) to 1024; the message says which it is not.
std::string CheckThreads(const std::string& value) {
  int n = 0;
  const char* end = value.data() + value.size();
  const auto [ptr, ec] = std::from_chars(value.data(), end, n);
  if (value.empty() || ptr != end || ec == std::errc::invalid_argument) {
    return fmt::format("{} is not a number (expected 0 for all cores, or 1 to 1024)", value);
  }
  if (ec == std::errc::result_out_of_range || n < 0 || n > 1024) {
    return fmt::format("{} is out of range (expected 0 for all cores, or 1 to 1024)", value);
  }
  return {};
}

// Options shared by the commands that read documents.
struct CorpusOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> gazetteers;
  bool no_default_gazetteers = false;
  bool no_name_model = false;
  std::string date;
  std::string input_format = "auto";
  std::string invalid_utf8 = "error";
  std::string on_error = "stop";
  int threads = 0;
  bool progress = false;
  bool no_progress = false;
  // events and extract only (AddEventOptions)
  std::string actors = "people";
  std::string cameo_verbs;
};

void AddCorpusOptions(CLI::App* cmd, CorpusOptions* o) {
  cmd->add_option("inputs", o->inputs,
                  "Text files, folders (all *.txt below them), JSON Lines files (*.jsonl), or - for standard input")
      ->required();
  // One value per -g (repeat the flag for more), so that `-g names.jsonl article.txt` leaves
  // article.txt to the inputs.
  cmd->add_option("-g,--gazetteer", o->gazetteers,
                  "Extra gazetteer file or folder (repeatable), added to the shipped ones")
      ->allow_extra_args(false);
  cmd->add_flag("--no-default-gazetteers", o->no_default_gazetteers, "Leave out the shipped gazetteers");
  cmd->add_flag("--no-name-model", o->no_name_model,
                "Leave out the trained name tagger (the `names` step): gazetteers and discovery rules only");
  cmd->add_option("--date", o->date, "Document date (YYYY-MM-DD) for documents without one in their metadata")
      ->check([](const std::string& d) {
        return d.size() == 10 && actorgraph::iso_date::IsValid(d) ? std::string()
                                                                  : std::string("expected a real day as YYYY-MM-DD");
      });
  cmd->add_option("--input-format", o->input_format,
                  "auto (by extension: .jsonl/.ndjson are JSON Lines), text or jsonl")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}));
  cmd->add_option("--invalid-utf8", o->invalid_utf8,
                  "error (exit 1, naming file and byte) or replace (warn, substitute U+FFFD)")
      ->check(CLI::IsMember({"error", "replace"}));
  cmd->add_option("--on-error", o->on_error, "Malformed JSON lines: stop (exit 1) or skip (warn and count)")
      ->check(CLI::IsMember({"stop", "skip"}));
  cmd->add_option("-j,--threads", o->threads, "Worker threads (default: all cores); output is identical for any value")
      ->check(CLI::Validator(CheckThreads, "0-1024"));
  cmd->add_flag("--progress", o->progress,
                "Show documents, MB, MB/s and, for files, the share done and the time left on standard error, "
                "updated 4 times a second (default when standard error is a terminal; never with -q)");
  cmd->add_flag("--no-progress", o->no_progress, "Never show progress");
}

// The options of the event steps, for events and extract.
void AddEventOptions(CLI::App* cmd, CorpusOptions* o) {
  cmd->add_option("--actors", o->actors,
                  "Who takes part in events: people (default), or all (where no person takes part, countries and "
                  "organisations make the event, as PETRARCH codes states)")
      ->check(CLI::IsMember({"people", "all"}));
  cmd->add_option("--cameo-verbs", o->cameo_verbs,
                  "PETRARCH/TABARI verb dictionary (\"--- MEET [040] ---\" blocks): its CAMEO code for each "
                  "verb trigger it lists, instead of the shipped lexicon's");
}

actorgraph::documents::ReadOptions ReadOptionsFrom(const CorpusOptions& o) {
  actorgraph::documents::ReadOptions r;
  actorgraph::documents::ParseInputFormat(o.input_format, &r.format);
  r.invalid_utf8 = o.invalid_utf8 == "replace" ? actorgraph::documents::InvalidUtf8::kReplace
                                               : actorgraph::documents::InvalidUtf8::kError;
  r.on_error = o.on_error == "skip" ? actorgraph::documents::OnError::kSkip : actorgraph::documents::OnError::kStop;
  return r;
}

// The steps of a command: `steps` without the name tagger under --no-name-model.
std::vector<std::string> StepsFor(const CorpusOptions& o, const std::vector<std::string>& steps) {
  std::vector<std::string> out;
  for (const auto& s : steps)
    if (!(o.no_name_model && s == "names")) out.push_back(s);
  return out;
}

actorgraph::pipeline::RunOptions RunOptionsFrom(const CorpusOptions& o, bool quiet) {
  actorgraph::pipeline::RunOptions r;
  r.threads = o.threads > 0 ? o.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  r.date = o.date;
  r.progress = !quiet && !o.no_progress && (o.progress || ::isatty(STDERR_FILENO));
  if (o.no_name_model) r.steps = StepsFor(o, actorgraph::pipeline::EventSteps());
  return r;
}

// Loads resources and opens the reader: the common start of extract, mentions and events.
Status Prepare(const CorpusOptions& o, const std::vector<std::string>& all_steps, actorgraph::pipeline::Resources* res,
               std::unique_ptr<actorgraph::documents::DocumentReader>* reader) {
  const std::vector<std::string> steps = StepsFor(o, all_steps);
  std::string data_dir;
  ACTORGRAPH_RETURN_IF_ERROR(FindDataDir(&data_dir));
  *reader = std::make_unique<actorgraph::documents::DocumentReader>(o.inputs, ReadOptionsFrom(o));
  ACTORGRAPH_RETURN_IF_ERROR((*reader)->Open());
  actorgraph::analysis::LoadContext where;
  where.data_dir = data_dir;
  where.no_default_gazetteers = o.no_default_gazetteers;
  where.gazetteers = o.gazetteers;
  where.event_all_actors = o.actors == "all";
  where.cameo_verbs = o.cameo_verbs;
  return actorgraph::pipeline::LoadResources(where, res, steps);
}

void LogSummary(const actorgraph::documents::DocumentReader& reader, const std::string& what) {
  const auto& s = reader.stats();
  std::string extra;
  if (s.skipped_lines) extra += fmt::format(", {} malformed line(s) skipped", s.skipped_lines);
  if (s.empty_documents) extra += fmt::format(", {} empty", s.empty_documents);
  if (s.repaired_documents) extra += fmt::format(", {} with invalid UTF-8 replaced", s.repaired_documents);
  spdlog::info("{} document(s), {:.2f} MB{}; {}", s.documents, static_cast<double>(s.bytes) / 1e6, extra, what);
}

// ---- graph output (extract, merge) -----------------------------------------------------

struct GraphOutputOptions {
  std::string output = "-";
  std::string format;
  std::string projection;
  std::string render;
  std::string graphml_flavor = "plain";
  bool no_legend = false;
  std::string status = "happened";
  std::string metrics = "all";
  std::uint64_t betweenness_limit = actorgraph::graph::MetricsOptions{}.max_betweenness_work;
};

void AddGraphOutputOptions(CLI::App* cmd, GraphOutputOptions* o) {
  cmd->add_option("-o,--output", o->output,
                  "Output file (- = standard output); the extension picks the format; .svg/.png render with Graphviz");
  cmd->add_option(
      "-f,--format", o->format,
      "graphml, dot, gexf, json (node-link), cyjs (Cytoscape.js), neo4j (a folder of CSV) or html (viewer)");
  cmd->add_option("--projection", o->projection, "actors: actor-only graph, edges weighted by shared events")
      ->check(CLI::IsMember({"actors"}));
  cmd->add_option("--render", o->render, "Also render the DOT output with Graphviz: svg or png")
      ->check(CLI::IsMember({"svg", "png"}));
  cmd->add_option("--graphml-flavor", o->graphml_flavor, "plain, or yed (yFiles labels and colours for yEd)")
      ->check(CLI::IsMember({"plain", "yed"}));
  cmd->add_flag("--no-legend", o->no_legend, "DOT: leave out the legend subgraph");
  cmd->add_option("--status", o->status,
                  "Events the graph holds, by status: happened (default), or a comma-separated list of happened, "
                  "planned and cancelled, or all; event nodes carry a status attribute");
  cmd->add_option("--metrics", o->metrics,
                  "Node metrics: all (default: degree, weighted degree, component, betweenness), degree (all but "
                  "betweenness: linear time) or none (all 0)")
      ->check(CLI::IsMember({"all", "degree", "none"}));
  cmd->add_option("--betweenness-limit", o->betweenness_limit,
                  "Betweenness costs about vertices x edges per connected component (each event is a vertex; "
                  "about 25 ns a unit here: 1e9 units ~25 s): a larger component gets 0 and a warning. 0 = no bound")
      ->default_val(o->betweenness_limit);
}

// The export format: -f, else the extension of -o (.svg/.png render a DOT file), else GraphML.
Status ResolveGraphFormat(const GraphOutputOptions& o, actorgraph::exports::Format* format, std::string* render) {
  namespace ex = actorgraph::exports;
  *render = o.render;
  std::optional<ex::Format> f;
  if (!o.format.empty()) {
    f = ex::ParseFormat(o.format);
    if (!f)
      return Status::BadUsage(
          fmt::format("-f {}: unknown format (graphml, dot, gexf, json, cyjs, neo4j, html)", o.format));
    // A file named for another format would mislead whoever opens it: refused (exit 2).
    if (o.output != "-") {
      const auto named = ex::FormatFromPath(o.output);
      if (named && *named != *f) {
        return Status::BadUsage(fmt::format("-f {} but -o {} is named for {}: rename the output or leave out -f",
                                            o.format, o.output, ex::FormatName(*named)));
      }
    }
  } else if (o.output != "-") {
    const std::string ext = fs::path(o.output).extension().string();
    if (ext == ".svg" || ext == ".png") {
      *render = ext.substr(1);
      f = ex::Format::kDot;
    } else {
      f = ex::FormatFromPath(o.output);
      // A device or pipe (/dev/stdout, /dev/null, a FIFO) has no extension to go by: it gets
      // the default format, as standard output does.
      std::error_code ec;
      const auto st = fs::status(o.output, ec);
      if (!f && !ec && fs::exists(st) && !fs::is_regular_file(st) && !fs::is_directory(st)) f = ex::Format::kGraphml;
      if (!f) {
        return Status::BadUsage(fmt::format(
            "-o {}: cannot tell the format from the name; give -f graphml|dot|gexf|json|cyjs|neo4j|html", o.output));
      }
    }
  } else {
    f = ex::Format::kGraphml;
  }
  if (!render->empty() && *f != ex::Format::kDot) return Status::BadUsage("--render needs the DOT format (-f dot)");
  if (*f == ex::Format::kNeo4j && o.output == "-") return Status::BadUsage("-f neo4j writes a folder: give -o DIR");
  if (!render->empty() && o.output == "-")
    return Status::BadUsage("--render writes a file: give -o FILE.svg or FILE.png");
  *format = *f;
  return Status::Ok();
}

// Builds the graph and writes it as asked.
Status BuildAndWrite(actorgraph::graph::GraphBuilder& builder, const GraphOutputOptions& o,
                     actorgraph::exports::Format format, const std::string& render, std::string* summary) {
  namespace ex = actorgraph::exports;
  actorgraph::graph::BuildOptions bo;
  bo.projection = o.projection == "actors";
  bo.generator = fmt::format("actorgraph {}", kVersion);
  bo.statuses.clear();
  for (std::size_t i = 0; i <= o.status.size();) {
    const std::size_t j = std::min(o.status.find(',', i), o.status.size());
    const std::string one = o.status.substr(i, j - i);
    if (one == "all") {
      bo.statuses = {"happened", "planned", "cancelled"};
    } else if (one == "happened" || one == "planned" || one == "cancelled") {
      bo.statuses.push_back(one);
    } else {
      return Status::BadUsage(fmt::format("--status {}: expected happened, planned, cancelled or all", o.status));
    }
    i = j + 1;
  }
  bo.metrics.level = *actorgraph::graph::ParseMetricsLevel(o.metrics);
  bo.metrics.max_betweenness_work = o.betweenness_limit;
  std::vector<std::string> warnings;
  bo.warnings = &warnings;
  const auto g = builder.Build(bo);
  for (const auto& w : warnings) spdlog::warn("{}", w);
  ex::Options eo;
  eo.format = format;
  eo.yed = o.graphml_flavor == "yed";
  eo.legend = !o.no_legend;
  if (render.empty()) {
    ACTORGRAPH_RETURN_IF_ERROR(ex::WriteGraph(g, eo, o.output));
  } else {
    // Render through a temporary DOT file beside the output.
    const fs::path dest = fs::path(o.output);
    const fs::path dot_path = (dest.has_parent_path() ? dest.parent_path() : fs::path(".")) /
                              fmt::format(".{}.{}.dot", dest.filename().string(), ::getpid());
    ACTORGRAPH_RETURN_IF_ERROR(ex::WriteGraph(g, eo, dot_path.string()));
    Status s = ex::RenderDot(dot_path.string(), o.output, render);
    std::error_code ec;
    fs::remove(dot_path, ec);
    ACTORGRAPH_RETURN_IF_ERROR(s);
  }
  *summary = fmt::format("{} event(s); graph of {} nodes and {} edges written to {}", builder.merged_events().size(),
                         boost::num_vertices(g), boost::num_edges(g), o.output == "-" ? "standard output" : o.output);
  return Status::Ok();
}

// ---- extract ---------------------------------------------------------------------------

struct ExtractOptions {
  CorpusOptions corpus;
  GraphOutputOptions out;
};

Status RunExtract(const ExtractOptions& o, bool quiet) {
  actorgraph::exports::Format format;
  std::string render;
  ACTORGRAPH_RETURN_IF_ERROR(ResolveGraphFormat(o.out, &format, &render));
  ACTORGRAPH_RETURN_IF_ERROR(
      RefuseOutputOntoInput(o.out.output, {o.corpus.inputs, o.corpus.gazetteers, {o.corpus.cameo_verbs}}));
  actorgraph::pipeline::Resources res;
  std::unique_ptr<actorgraph::documents::DocumentReader> reader;
  ACTORGRAPH_RETURN_IF_ERROR(Prepare(o.corpus, actorgraph::pipeline::EventSteps(), &res, &reader));
  actorgraph::graph::BuildOptions keep;
  keep.sentences = format == actorgraph::exports::Format::kHtml;  // the viewer's evidence sentences
  actorgraph::graph::GraphBuilder builder(res.gazetteer(), keep);
  std::size_t mentions = 0;
  ACTORGRAPH_RETURN_IF_ERROR(actorgraph::pipeline::Run(
      *reader, res, RunOptionsFrom(o.corpus, quiet), [&](actorgraph::pipeline::DocumentResult& r) {
        mentions += r.analyzed.mentions.size();
        builder.AddMentions(r.analyzed.doc.id, r.analyzed.date.date, r.analyzed.mentions, r.analyzed.doc.text,
                            r.analyzed.window_begin(), r.analyzed.window_end());
        builder.AddEvents(std::move(r.events));
        return Status::Ok();
      }));
  std::string summary;
  ACTORGRAPH_RETURN_IF_ERROR(BuildAndWrite(builder, o.out, format, render, &summary));
  LogSummary(*reader, fmt::format("{} mention(s), {}", mentions, summary));
  return Status::Ok();
}

// ---- merge -----------------------------------------------------------------------------

struct MergeOptions {
  std::vector<std::string> shards;
  std::vector<std::string> gazetteers;
  bool no_default_gazetteers = false;
  GraphOutputOptions out;
};

// Reads the JSON Lines that `mentions` and `events` write (in any mix and order) and builds
// the graph `extract` would have built from the same documents.
Status RunMerge(const MergeOptions& o) {
  actorgraph::exports::Format format;
  std::string render;
  ACTORGRAPH_RETURN_IF_ERROR(ResolveGraphFormat(o.out, &format, &render));
  ACTORGRAPH_RETURN_IF_ERROR(RefuseOutputOntoInput(o.out.output, {o.shards, o.gazetteers}));
  std::string data_dir;
  ACTORGRAPH_RETURN_IF_ERROR(FindDataDir(&data_dir));
  actorgraph::pipeline::Resources res;
  ACTORGRAPH_RETURN_IF_ERROR(
      actorgraph::pipeline::LoadResources(data_dir, o.no_default_gazetteers, o.gazetteers, &res, {"gazetteer"}));
  actorgraph::graph::BuildOptions keep;
  keep.sentences = format == actorgraph::exports::Format::kHtml;  // from `mentions --sentences`
  actorgraph::graph::GraphBuilder builder(res.gazetteer(), keep);
  // Mentions are grouped by document, as extract hands them over.
  std::map<std::pair<std::string, std::string>, std::vector<actorgraph::mentions::Mention>> by_doc;
  std::map<std::pair<std::string, std::string>, std::vector<std::optional<actorgraph::graph::SentenceText>>> sentences;
  std::vector<actorgraph::events::Event> events;
  std::size_t lines = 0;
  for (const auto& shard : o.shards) {
    std::ifstream file;
    if (shard != "-") {
      file.open(shard, std::ios::binary);
      if (!file) return Status::Io(fmt::format("{}: cannot read: {}", shard, std::strerror(errno)));
    }
    std::istream& in = shard == "-" ? std::cin : file;
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const std::string where = fmt::format("{}:{}", shard == "-" ? "<stdin>" : shard, line_no);
      if (line.find("\"participants\"") != std::string::npos) {
        actorgraph::events::Event e;
        ACTORGRAPH_RETURN_IF_ERROR(actorgraph::events::FromJsonLine(line, where, &e));
        events.push_back(std::move(e));
      } else {
        actorgraph::mentions::MentionLine m;
        ACTORGRAPH_RETURN_IF_ERROR(actorgraph::mentions::FromJsonLine(line, where, &m));
        if (auto idx = res.gazetteer().Find(m.mention.entity_id)) m.mention.entity = *idx;
        if (keep.sentences) sentences[{m.doc, m.date}].push_back(actorgraph::graph::ParseSentenceField(line));
        by_doc[{m.doc, m.date}].push_back(std::move(m.mention));
      }
      ++lines;
    }
    if (in.bad()) return Status::Io(fmt::format("{}: read failed", shard));
  }
  for (auto& [key, ms] : by_doc) {
    if (keep.sentences)
      builder.AddMentions(key.first, key.second, ms, sentences[key]);
    else
      builder.AddMentions(key.first, key.second, ms);
  }
  builder.AddEvents(std::move(events));
  std::string summary;
  ACTORGRAPH_RETURN_IF_ERROR(BuildAndWrite(builder, o.out, format, render, &summary));
  spdlog::info("{} line(s) from {} shard(s); {}", lines, o.shards.size(), summary);
  return Status::Ok();
}

// ---- mentions / events ----------------------------------------------------------------

struct StreamOptions {
  CorpusOptions corpus;
  std::string output = "-";
  std::string format = "jsonl";
  bool sentences = false;  // mentions: each line also carries its sentence (graph/sentences.hpp)
};

// What one of the streaming commands (mentions, events, tag) writes.
struct StreamCommand {
  std::vector<std::string> steps;  // the analysis steps it runs
  std::string header;              // written once before the documents' lines
  // Writes a document's lines into DocumentResult::rendered: on the worker that analysed it,
  // or with one worker on the calling thread (pipeline::RunOptions::render); the calling
  // thread writes them out in input order.
  std::function<void(actorgraph::pipeline::DocumentResult&)> render;
  std::function<std::size_t(const actorgraph::pipeline::DocumentResult&)> count;  // items written
  std::string what;                   // the items, for the summary: "mention(s)"
  bool render_reads_scratch = false;  // RunOptions::render_on_workers
};

// The skeleton of mentions, events and tag: resources and reader, the run, the output.
Status RunStream(const StreamOptions& o, bool quiet, const StreamCommand& cmd) {
  ACTORGRAPH_RETURN_IF_ERROR(
      RefuseOutputOntoInput(o.output, {o.corpus.inputs, o.corpus.gazetteers, {o.corpus.cameo_verbs}}));
  actorgraph::pipeline::Resources res;
  std::unique_ptr<actorgraph::documents::DocumentReader> reader;
  ACTORGRAPH_RETURN_IF_ERROR(Prepare(o.corpus, cmd.steps, &res, &reader));
  actorgraph::OutputFile out;
  ACTORGRAPH_RETURN_IF_ERROR(out.Open(o.output));
  if (!cmd.header.empty()) out.Write(cmd.header);
  auto run = RunOptionsFrom(o.corpus, quiet);
  run.steps = StepsFor(o.corpus, cmd.steps);
  run.render = cmd.render;
  run.render_on_workers = cmd.render_reads_scratch;
  std::size_t count = 0;
  ACTORGRAPH_RETURN_IF_ERROR(actorgraph::pipeline::Run(*reader, res, run, [&](actorgraph::pipeline::DocumentResult& r) {
    count += cmd.count(r);
    out.Write(r.rendered);
    return out.WriteStatus();
  }));
  ACTORGRAPH_RETURN_IF_ERROR(out.Commit());
  LogSummary(*reader, fmt::format("{} {}", count, cmd.what));
  return Status::Ok();
}

// One JSON line per mention, with its sentence when `with_sentences`.
void RenderMentions(actorgraph::pipeline::DocumentResult& r, bool with_sentences) {
  // One allocation for the document's lines.
  std::size_t need = 0;
  for (const auto& m : r.analyzed.mentions) need += actorgraph::mentions::JsonLineSizeHint(r.analyzed.doc.id, m) + 1;
  r.rendered.reserve(need);
  actorgraph::graph::DocumentSentences sentences(r.analyzed.doc.text, r.analyzed.window_begin(),
                                                 r.analyzed.window_end());
  for (const auto& m : r.analyzed.mentions) {
    actorgraph::mentions::AppendJsonLine(r.rendered, r.analyzed.doc.id, r.analyzed.date.date, r.analyzed.doc.text, m);
    if (with_sentences) {
      if (auto sentence = sentences.At(m.start)) actorgraph::graph::AppendSentenceField(r.rendered, *sentence);
    }
    r.rendered += '\n';
  }
}

// One JSON line per word of the tagged sentences.
void RenderWords(actorgraph::pipeline::DocumentResult& r) {
  using namespace std::string_view_literals;
  namespace json = actorgraph::json;
  const auto& d = r.analyzed;
  for (std::size_t w = 0; w < d.words.size(); ++w) {
    const auto& word = d.words[w];
    r.rendered += "{\"doc\":"sv;
    json::AppendString(r.rendered, d.doc.id);
    r.rendered += ",\"start\":"sv;
    json::AppendNumber(r.rendered, word.start);
    r.rendered += ",\"end\":"sv;
    json::AppendNumber(r.rendered, word.end);
    r.rendered += ",\"text\":"sv;
    json::AppendString(r.rendered, d.text().substr(word.start, word.end - word.start));
    r.rendered += ",\"upos\":"sv;
    json::AppendString(r.rendered, actorgraph::tagger::UposName(d.upos[w]));
    r.rendered += ",\"lemma\":"sv;
    json::AppendString(r.rendered, d.lemmas[w]);
    r.rendered += ",\"chunk\":"sv;
    json::AppendString(r.rendered, actorgraph::tagger::ChunkName(d.chunks[w]));
    r.rendered += "}\n"sv;
  }
}

// The document's events as JSON Lines, or as PETRARCH-style rows.
void RenderEvents(actorgraph::pipeline::DocumentResult& r, bool petrarch) {
  for (const auto& e : r.events) {
    if (petrarch) {
      r.rendered += actorgraph::events::ToPetrarchRows(e);
    } else {
      r.rendered += actorgraph::events::ToJsonLine(e);
      r.rendered += '\n';
    }
  }
}

Status RunMentions(const StreamOptions& o, bool quiet) {
  return RunStream(o, quiet,
                   {actorgraph::pipeline::MentionSteps(), "",
                    [with_sentences = o.sentences](auto& r) { RenderMentions(r, with_sentences); },
                    [](const auto& r) { return r.analyzed.mentions.size(); }, "mention(s)"});
}

Status RunTag(const StreamOptions& o, bool quiet) {
  return RunStream(o, quiet,
                   {actorgraph::pipeline::TagSteps(), "", RenderWords,
                    [](const auto& r) { return r.analyzed.words.size(); }, "word(s)",
                    /*render_reads_scratch=*/true});  // the words and tags are scratch layers
}

Status RunEvents(const StreamOptions& o, bool quiet) {
  const bool petrarch = o.format == "petrarch";
  return RunStream(
      o, quiet,
      {actorgraph::pipeline::EventSteps(), petrarch ? actorgraph::events::PetrarchHeader() : "",
       [petrarch](auto& r) { RenderEvents(r, petrarch); }, [](const auto& r) { return r.events.size(); }, "event(s)"});
}

// ---- gazetteer -------------------------------------------------------------------------

Status RunGazetteerCheck(const std::vector<std::string>& files) {
  actorgraph::gazetteer::Gazetteer gaz;
  std::vector<std::string> problems;
  std::vector<std::string> duplicate_summaries;  // which ids, which files, what to do
  for (const auto& f : files) {
    Status s = gaz.Load(f, &problems);
    if (s.code() == actorgraph::ErrorCode::kIo) return s;
    if (!s.ok() && s.message().find(" id(s) already defined in ") != std::string::npos) {
      duplicate_summaries.push_back(s.message());
    }
  }
  gaz.Compile(&problems);
  for (const auto& p : problems) std::cout << p << '\n';
  std::cout.flush();
  for (const auto& d : duplicate_summaries) spdlog::error("{}", d);
  if (!problems.empty()) {
    return Status::BadInput(
        fmt::format("{} problem(s) in {} file(s) ({} entities loaded)", problems.size(), files.size(), gaz.size()));
  }
  spdlog::info("{} entities, {} aliases: no problems", gaz.size(), gaz.alias_count());
  return Status::Ok();
}

struct ImportCliOptions {
  std::string format;
  std::vector<std::string> inputs;
  std::string output;
  bool skip_bad_rows = false;
  bool agents = false;
  std::string id_prefix;
};

Status RunGazetteerImport(const ImportCliOptions& o) {
  const auto format = actorgraph::gazetteer::ParseImportFormat(o.format);
  if (!format) return Status::BadUsage(fmt::format("--format {}: expected petrarch, geonames or csv", o.format));
  actorgraph::gazetteer::ImportOptions io;
  io.skip_bad_rows = o.skip_bad_rows;
  io.petrarch_agents = o.agents;
  io.id_prefix = o.id_prefix;
  ACTORGRAPH_RETURN_IF_ERROR(RefuseOutputOntoInput(o.output, {o.inputs}));
  actorgraph::gazetteer::ImportStats stats;
  ACTORGRAPH_RETURN_IF_ERROR(actorgraph::gazetteer::ImportGazetteer(*format, o.inputs, o.output, io, &stats));
  for (const auto& w : stats.warnings) spdlog::warn("{}", w);
  spdlog::info("{} entities with {} aliases written to {}{}", stats.entities, stats.aliases,
               o.output == "-" ? "standard output" : o.output,
               stats.skipped_lines ? fmt::format(" ({} bad rows skipped)", stats.skipped_lines) : "");
  return Status::Ok();
}

struct CompileCliOptions {
  std::vector<std::string> gazetteers;
  bool no_default_gazetteers = false;
  std::string output;
};

Status RunGazetteerCompile(const CompileCliOptions& o) {
  ACTORGRAPH_RETURN_IF_ERROR(RefuseOutputOntoInput(o.output, {o.gazetteers}));
  std::string data_dir;
  ACTORGRAPH_RETURN_IF_ERROR(FindDataDir(&data_dir));
  actorgraph::gazetteer::Gazetteer gaz;
  std::string fingerprint;
  ACTORGRAPH_RETURN_IF_ERROR(
      actorgraph::pipeline::LoadGazetteers(data_dir, o.no_default_gazetteers, o.gazetteers, &gaz, &fingerprint));
  ACTORGRAPH_RETURN_IF_ERROR(gaz.SaveCompiled(o.output, fingerprint));
  spdlog::info("{} entities with {} aliases{} compiled to {}", gaz.size(), gaz.alias_count(),
               fingerprint.empty() ? "" : " (with the shipped gazetteers)", o.output);
  return Status::Ok();
}

// CLI11 reports an unknown command as "arguments not expected" (listing the words in reverse
// order): name it instead. The options before a command are all flags, so the first word
// that is not an option is the command, and the next one that of a command with commands.
std::string UnknownCommand(CLI::App& app, int argc, char** argv) {
  CLI::App* level = &app;
  std::string path;
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word.empty() || word[0] == '-') continue;
    const auto subs = level->get_subcommands([](CLI::App*) { return true; });
    if (subs.empty()) break;
    CLI::App* found = nullptr;
    std::vector<std::string> names;
    for (CLI::App* sub : subs) {
      names.push_back(sub->get_name());
      if (sub->check_name(word)) found = sub;
    }
    if (!found) {
      return fmt::format("{}{}: unknown command (expected {})", path, word, fmt::join(names, ", "));
    }
    path += word + " ";
    level = found;
  }
  return {};
}

void SetUpLogging(bool verbose, bool quiet) {
  auto logger = std::make_shared<spdlog::logger>("actorgraph", std::make_shared<spdlog::sinks::stderr_sink_mt>());
  logger->set_pattern("%n: %l: %v");
  logger->set_level(quiet ? spdlog::level::err : verbose ? spdlog::level::debug : spdlog::level::warn);
  spdlog::set_default_logger(logger);
}

// The commands, their options and what the parse selected.
struct Cli {
  bool verbose = false, quiet = false;
  ExtractOptions ext;
  MergeOptions mrg;
  StreamOptions men, evs, tg;
  std::vector<std::string> check_files;
  ImportCliOptions imp;
  CompileCliOptions cmp;
  CLI::App* extract = nullptr;
  CLI::App* merge = nullptr;
  CLI::App* mentions = nullptr;
  CLI::App* events = nullptr;
  CLI::App* tag = nullptr;
  CLI::App* gaz = nullptr;
  CLI::App* check = nullptr;
  CLI::App* import = nullptr;
  CLI::App* compile = nullptr;
};

void AddExtractCommand(CLI::App& app, Cli* c) {
  c->extract = app.add_subcommand("extract", "Build the actor/event graph of a corpus and export it");
  AddCorpusOptions(c->extract, &c->ext.corpus);
  AddEventOptions(c->extract, &c->ext.corpus);
  AddGraphOutputOptions(c->extract, &c->ext.out);
  c->extract->footer(
      "Examples:\n"
      "  actorgraph extract data/samples -o graph.graphml\n"
      "  actorgraph extract news.jsonl -o graph.gexf -j 4\n"
      "  actorgraph extract article.txt --date 2021-02-16 -o graph.svg\n"
      "  cat article.txt | actorgraph extract - -f dot > graph.dot\n"
      "  actorgraph extract data/samples --projection actors -o actors.json");
}

void AddMergeCommand(CLI::App& app, Cli* c) {
  c->merge = app.add_subcommand(
      "merge", "Build one graph from the JSON Lines of `mentions` and `events` runs (shards in any order)");
  c->merge
      ->add_option("shards", c->mrg.shards,
                   "JSON Lines files written by `actorgraph mentions` and `actorgraph events` (- = standard input)")
      ->required();
  c->merge
      ->add_option("-g,--gazetteer", c->mrg.gazetteers, "Extra gazetteer file or folder, as given to the shard runs")
      ->allow_extra_args(false);
  c->merge->add_flag("--no-default-gazetteers", c->mrg.no_default_gazetteers, "Leave out the shipped gazetteers");
  AddGraphOutputOptions(c->merge, &c->mrg.out);
  c->merge->footer(
      "Examples:\n"
      "  actorgraph mentions part1/ -o m1.jsonl && actorgraph events part1/ -o e1.jsonl\n"
      "  actorgraph mentions part2/ -o m2.jsonl && actorgraph events part2/ -o e2.jsonl\n"
      "  actorgraph merge m1.jsonl e1.jsonl m2.jsonl e2.jsonl -o graph.graphml   # = extract part1/ part2/\n"
      "  ls corpus/*.jsonl | parallel 'actorgraph mentions {} -q -o {.}.m.jsonl; actorgraph events {} -q -o "
      "{.}.e.jsonl'\n"
      "  actorgraph merge corpus/*.m.jsonl corpus/*.e.jsonl -o graph.gexf");
}

void AddStreamCommands(CLI::App& app, Cli* c) {
  c->mentions =
      app.add_subcommand("mentions", "Write every actor mention as JSON Lines (doc, start, end, entity_id, ...)");
  AddCorpusOptions(c->mentions, &c->men.corpus);
  c->mentions->add_option("-o,--output", c->men.output, "Output file (default: standard output)");
  c->mentions->add_flag("--sentences", c->men.sentences,
                        "Also write each mention's sentence (for `merge -o graph.html`)");
  c->mentions->footer(
      "Examples:\n"
      "  actorgraph mentions article.txt\n"
      "  actorgraph mentions corpus.jsonl -o mentions.jsonl -g my-names.jsonl");

  c->events = app.add_subcommand("events", "Write the events of each document as JSON Lines (or PETRARCH-style rows)");
  AddCorpusOptions(c->events, &c->evs.corpus);
  AddEventOptions(c->events, &c->evs.corpus);
  c->events->add_option("-o,--output", c->evs.output, "Output file (default: standard output)");
  c->events
      ->add_option("--format", c->evs.format,
                   "jsonl, or petrarch (tab-separated doc, date, source, target, CAMEO code)")
      ->check(CLI::IsMember({"jsonl", "petrarch"}));
  c->events->footer(
      "Examples:\n"
      "  actorgraph events article.txt --date 2021-02-16\n"
      "  actorgraph events corpus.jsonl --format petrarch -o events.tsv\n"
      "  actorgraph events records.jsonl --format petrarch --actors all --cameo-verbs CAMEO.2.0.txt \\\n"
      "      --no-default-gazetteers -g phoenix.jsonl   # code states, as PETRARCH does");

  c->tag = app.add_subcommand("tag", "Write every word with its part of speech, lemma and chunk as JSON Lines");
  AddCorpusOptions(c->tag, &c->tg.corpus);
  c->tag->add_option("-o,--output", c->tg.output, "Output file (default: standard output)");
  c->tag->footer(
      "One line per word: doc, start, end (byte offsets into the document text), text, upos (Universal\n"
      "POS tag), lemma, chunk (B-NP/I-NP base noun phrases, B-VP/I-VP verb groups, O). Words follow\n"
      "Universal Dependencies English (\"don't\" is \"do\" + \"n't\"; \"U.S.\" is one word). The model is\n"
      "data/models/pos-en.agt (see its NOTICE).\n"
      "Examples:\n"
      "  actorgraph tag article.txt | head\n"
      "  actorgraph tag corpus.jsonl -o words.jsonl -j 4");
}

void AddGazetteerCommands(CLI::App& app, Cli* c) {
  c->gaz = app.add_subcommand("gazetteer", "Check, import and compile gazetteers");
  c->gaz->require_subcommand(0, 1);
  c->gaz->footer(
      "Examples:\n"
      "  actorgraph gazetteer check data/gazetteers my-names.jsonl\n"
      "  actorgraph gazetteer import --format csv people.csv -o people.jsonl\n"
      "  actorgraph gazetteer compile people.jsonl -o names.agc\n"
      "Run 'actorgraph gazetteer COMMAND --help' for a command's options.");
  c->check =
      c->gaz->add_subcommand("check", "Validate gazetteer files; print every problem as file:line: what is wrong");
  c->check
      ->add_option("files", c->check_files,
                   "Gazetteer files or folders (checked together: ids must be unique across them)")
      ->required();
  c->check->footer(
      "Examples:\n"
      "  actorgraph gazetteer check data/gazetteers\n"
      "  actorgraph gazetteer check data/gazetteers my-names.jsonl");
  c->import =
      c->gaz->add_subcommand("import", "Convert PETRARCH dictionaries, GeoNames TSV or CSV into the gazetteer format");
  c->import->add_option("--format", c->imp.format, "petrarch, geonames or csv")
      ->required()
      ->check(CLI::IsMember({"petrarch", "geonames", "csv"}));
  c->import->add_option("inputs", c->imp.inputs, "Input files (- = standard input)")->required();
  c->import->add_option("-o,--output", c->imp.output, "Output gazetteer file (.jsonl; - = standard output)")
      ->required();
  c->import->add_flag("--skip-bad-rows", c->imp.skip_bad_rows,
                      "Skip malformed rows with a warning instead of stopping");
  c->import->add_flag("--agents", c->imp.agents, "petrarch: also import agent role nouns (as group entities)");
  c->import->add_option("--id-prefix", c->imp.id_prefix,
                        "An id namespace: ids become PREFIX:id (cities:place:eilat), so that the import loads "
                        "beside the shipped gazetteers without duplicate ids");
  c->import->footer(
      "Examples:\n"
      "  actorgraph gazetteer import --format petrarch Phoenix.Countries.actors.txt -o phoenix.jsonl\n"
      "  actorgraph gazetteer import --format geonames cities500.txt -o cities.jsonl\n"
      "  actorgraph gazetteer import --format csv people.csv -o people.jsonl\n"
      "  actorgraph gazetteer import --format csv places.csv --id-prefix myplaces -o myplaces.jsonl");

  c->compile = c->gaz->add_subcommand(
      "compile",
      "Compile gazetteers (the shipped ones and those given) into one file that loads in a fraction of the time");
  c->compile->add_option("files", c->cmp.gazetteers,
                         "Extra gazetteer files or folders, as given with -g to the other commands");
  c->compile->add_flag("--no-default-gazetteers", c->cmp.no_default_gazetteers, "Leave out the shipped gazetteers");
  c->compile->add_option("-o,--output", c->cmp.output, "Compiled gazetteer to write (e.g. names.agc)")->required();
  c->compile->footer(
      "The result is given with -g like any gazetteer. When it holds the shipped gazetteers (the default),\n"
      "they are not loaded again; after the shipped data changes, compile again.\n"
      "Examples:\n"
      "  actorgraph gazetteer compile phoenix.jsonl cities.jsonl -o names.agc\n"
      "  actorgraph mentions corpus.jsonl -g names.agc -o mentions.jsonl");
}

// Runs the command the parse selected.
Status Dispatch(const Cli& c) {
  if (*c.extract) return RunExtract(c.ext, c.quiet);
  if (*c.mentions) return RunMentions(c.men, c.quiet);
  if (*c.events) return RunEvents(c.evs, c.quiet);
  if (*c.tag) return RunTag(c.tg, c.quiet);
  if (*c.merge) return RunMerge(c.mrg);
  if (*c.check) return RunGazetteerCheck(c.check_files);
  if (*c.import) return RunGazetteerImport(c.imp);
  if (*c.compile) return RunGazetteerCompile(c.cmp);
  return Status::Ok();
}

}  // namespace

int main(int argc, char** argv) {
  // An interrupted run removes its temporary files and names what it left unwritten.
  actorgraph::InstallSignalCleanup();
#ifdef __GLIBC__
  // The threads allocate and free per document. With glibc's defaults freed heap is handed
  // back to the system and asked for again thousands of times a run, and blocks over 128 KB
  // are mapped and unmapped every time: keep up to 64 MB of free heap, grow the main heap
  // 16 MB at a time, and map only blocks of 32 MB or more.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
  CLI::App app{
      "actorgraph: news text in, a graph of who met whom and who signed what out.\n"
      "Finds people, organisations, countries and places with gazetteers, and meetings, talks, calls,\n"
      "visits, agreements and joint statements between them, with dates and evidence (byte spans)."};
  app.set_version_flag("--version", fmt::format("actorgraph {}", kVersion));
  // At most one command; "none given" is reported after parsing, so that an unknown command
  // or flag is named in the error instead of being reported as a missing command.
  app.require_subcommand(0, 1);
  app.fallthrough();
  Cli c;
  app.add_flag("-v,--verbose", c.verbose, "Say more on standard error (loading, dates, counts)");
  app.add_flag("-q,--quiet", c.quiet, "Errors only");
  app.footer(
      "Exit codes: 0 success, 1 bad input data, 2 bad usage, 3 I/O failure.\n"
      "Run 'actorgraph COMMAND --help' for a command's options and examples.");

  AddExtractCommand(app, &c);
  AddMergeCommand(app, &c);
  AddStreamCommands(app, &c);
  AddGazetteerCommands(app, &c);

  if (const std::string unknown = UnknownCommand(app, argc, argv); !unknown.empty()) {
    SetUpLogging(false, false);
    spdlog::error("{} (see 'actorgraph --help')", unknown);
    return static_cast<int>(actorgraph::ErrorCode::kBadUsage);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    SetUpLogging(false, false);
    spdlog::error("{} (see 'actorgraph --help')", e.what());
    return static_cast<int>(actorgraph::ErrorCode::kBadUsage);
  }
  SetUpLogging(c.verbose, c.quiet);
  if (app.get_subcommands().empty()) {
    spdlog::error(
        "a command is required: extract, mentions, events, tag, merge or gazetteer (see 'actorgraph --help')");
    return static_cast<int>(actorgraph::ErrorCode::kBadUsage);
  }
  if (*c.gaz && c.gaz->get_subcommands().empty()) {
    spdlog::error("a gazetteer command is required: check, import or compile (see 'actorgraph gazetteer --help')");
    return static_cast<int>(actorgraph::ErrorCode::kBadUsage);
  }

  Status status;
  try {
    status = Dispatch(c);
  } catch (const std::bad_alloc&) {
    status = Status::Io("out of memory");
  }
  if (!status.ok()) {
    spdlog::error("{}", status.message());
    return status.exit_code();
  }
  return 0;
}
