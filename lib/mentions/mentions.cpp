#include "mentions/mentions.hpp"

#include "common/string_hash.hpp"
#include "common/tsv.hpp"
#include "mentions/internal/steps.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <fstream>
#include <unordered_map>
#include <unordered_set>

namespace actorgraph::mentions {
namespace {

std::string Slug(text::Analyzer& analyzer, std::string_view name) {
  text::TokenList toks;
  analyzer.Tokenize(name, &toks);
  std::string out;
  for (const auto& t : toks) {
    if (!out.empty()) out += '-';
    for (char c : t.key) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      out += ok ? c : '_';
    }
  }
  return out;
}

}  // namespace

std::string DiscoveredId(text::Analyzer& analyzer, std::string_view name) {
  return "discovered:" + Slug(analyzer, name);
}

Status Titles::Load(const std::string& path) {
  std::vector<tsv::Row> rows;
  ACTORGRAPH_RETURN_IF_ERROR(tsv::Read(path, {"phrase", "role_key"}, &rows));
  text::Analyzer analyzer;
  for (const auto& row : rows) {
    if (row.fields[0].empty()) return Status::BadInput(fmt::format("{}:{}: empty phrase", path, row.line));
    table.Add(analyzer, row.fields[0], static_cast<std::uint32_t>(role_keys.size()));
    role_keys.push_back(row.fields[1]);
  }
  return Status::Ok();
}

Status GivenNames::Load(const std::string& path) {
  std::vector<tsv::Row> rows;
  ACTORGRAPH_RETURN_IF_ERROR(tsv::Read(path, {"name"}, &rows));
  text::Analyzer analyzer;
  for (const auto& row : rows) {
    const std::string key = analyzer.PhraseKey(row.fields[0]);
    if (key.empty() || key.find(' ') != std::string::npos) {
      return Status::BadInput(fmt::format("{}:{}: expected one word, got \"{}\"", path, row.line, row.fields[0]));
    }
    keys.insert(key);
  }
  return Status::Ok();
}

void RegisterSteps(analysis::Registry& registry) {
  using analysis::Resources;
  using analysis::WorkerContext;
  registry.AddResource(analysis::FileResource<Titles>("titles", "lexicons/titles.tsv"));
  registry.AddResource(analysis::FileResource<GivenNames>("given-names", "lexicons/given-names.tsv"));
  // The name tagger and the POS tagger it reads. A data folder without the name model (a
  // trimmed copy) runs the names step as a no-op; a damaged model file is an error.
  registry.AddResource({"names-model", [](const analysis::LoadContext& where, Resources* into) {
                          auto m = std::make_shared<tagger::NameModel>();
                          const std::string path = where.data_dir + "/models/names-en.agn";
                          if (std::ifstream(path).good()) {
                            ACTORGRAPH_RETURN_IF_ERROR(tagger::NameModel::Load(path, m.get()));
                            if (!into->Has("pos-model")) {
                              auto pos = std::make_shared<tagger::Model>();
                              ACTORGRAPH_RETURN_IF_ERROR(
                                  tagger::Model::Load(where.data_dir + "/models/pos-en.agt", pos.get()));
                              into->Put<tagger::Model>("pos-model", std::move(pos));
                            }
                          }
                          into->Put<tagger::NameModel>("names-model", std::move(m));
                          return Status::Ok();
                        }});
  const auto gaz = [](const Resources& r) -> const gazetteer::Gazetteer& {
    return *r.Find<gazetteer::Gazetteer>("gazetteer");
  };
  registry.Add({"gazetteer",
                "gazetteer matches (leftmost-longest, token-aligned)",
                {"gazetteer"},
                [gaz](const Resources& r, WorkerContext&) { return internal::MakeGazetteerStep(gaz(r)); }});
  registry.Add({"titles", "title phrases over uncovered tokens", {"titles"}, [](const Resources& r, WorkerContext&) {
                  return internal::MakeTitlesStep(*r.Find<Titles>("titles"));
                }});
  registry.Add({"roles",
                "role references resolved to the holder on the document date",
                {"gazetteer"},
                [gaz](const Resources& r, WorkerContext&) { return internal::MakeRolesStep(gaz(r)); }});
  registry.Add({"names",
                "names no gazetteer lists, from the trained name tagger (sentences with uncovered capitalised words)",
                {"names-model", "given-names"},
                [](const Resources& r, WorkerContext& c) {
                  return internal::MakeNamesStep(r.Find<tagger::Model>("pos-model"),
                                                 *r.Find<tagger::NameModel>("names-model"),
                                                 r.Find<GivenNames>("given-names"), c);
                }});
  registry.Add({"discovery",
                "people no gazetteer lists, from six patterns",
                {"given-names"},
                [](const Resources& r, WorkerContext& c) {
                  return internal::MakeDiscoveryStep(r.Find<GivenNames>("given-names"), c);
                }});
  registry.Add({"surnames",
                "surnames after a full name; unique surnames of people in office",
                {"gazetteer"},
                [gaz](const Resources& r, WorkerContext& c) { return internal::MakeSurnamesStep(gaz(r), c); }});
  registry.Add({"mention-order", "mentions sorted by start", {}, [](const Resources&, WorkerContext&) {
                  return internal::MakeMentionOrderStep();
                }});
}

const std::vector<std::string>& StepNames() {
  static const std::vector<std::string> names = {"gazetteer", "titles",   "roles",        "discovery",
                                                 "names",     "surnames", "mention-order"};
  return names;
}

struct MentionFinder::Impl {
  analysis::Resources resources;
  std::unique_ptr<analysis::Chain> chain;
  std::unique_ptr<analysis::Chain> chain_with_sentences;
};

MentionFinder::MentionFinder(const gazetteer::Gazetteer& g, const Titles& t, const GivenNames* n)
    : impl_(std::make_unique<Impl>()) {
  static const GivenNames kNoGivenNames;
  impl_->resources.PutBorrowed<gazetteer::Gazetteer>("gazetteer", g);
  impl_->resources.PutBorrowed<Titles>("titles", t);
  impl_->resources.PutBorrowed<GivenNames>("given-names", n ? *n : kNoGivenNames);
  analysis::Registry registry;
  analysis::RegisterTextSteps(registry);
  RegisterSteps(registry);
  // The facade is given no models: it runs the steps that need none.
  std::vector<std::string> steps = {"tokenize", "document-date"};
  for (const std::string& s : StepNames())
    if (s != "names") steps.push_back(s);
  // The lexicons are given, so making the chains cannot fail.
  (void)analysis::Chain::Make(registry, steps, impl_->resources, &impl_->chain);
  steps.insert(steps.begin() + 1, "sentences");
  (void)analysis::Chain::Make(registry, steps, impl_->resources, &impl_->chain_with_sentences);
}
MentionFinder::~MentionFinder() = default;

void MentionFinder::Analyze(documents::Document doc, const std::string& option_date, AnalyzedDocument* out,
                            bool sentences) {
  out->Reset(std::move(doc), option_date);
  (sentences ? impl_->chain_with_sentences : impl_->chain)->Run(*out);
}

}  // namespace actorgraph::mentions
