// actorgraph-train-names: trains data/models/names-en.agn, the name tagger, from UNER English
// EWT (train), the Broad Twitter Corpus and the open-licence GUM documents converted by
// scripts/gum_to_bio.py. scripts/train-models.sh runs it. Never given wikigold, UNER PUD,
// GUM news or CoNLL-2003: those are what the model is measured on.
#include "analysis/analysis.hpp"
#include "mentions/internal/steps.hpp"
#include "pipeline/pipeline.hpp"
#include "tagger/internal/names.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace ag = actorgraph;
namespace tg = actorgraph::tagger::internal;

namespace {

int LabelOf(const std::string& tag) {
  if (tag.size() < 5 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') return 0;
  const std::string type = tag.substr(2);
  const int base = type == "PER" ? 1 : type == "ORG" ? 3 : type == "LOC" ? 5 : 0;
  if (base == 0) return 0;
  return tag[0] == 'B' ? base : base + 1;
}

// Sentences of a BIO file: "form<TAB>tag" or "id<TAB>form<TAB>tag[...]" lines, '#' comments,
// blank lines between sentences. Forms become the words of a text joined by single spaces.
ag::Status ReadBio(const std::string& path, bool numbered, std::vector<tg::NameSentence>* out) {
  std::ifstream in(path);
  if (!in) return ag::Status::Io(path + ": cannot open");
  std::string line;
  tg::NameSentence s;
  auto flush = [&] {
    if (!s.words.empty()) out->push_back(std::move(s));
    s = tg::NameSentence{};
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    const std::size_t f = numbered ? 1 : 0;
    if (cols.size() < f + 2 || cols[f].empty()) continue;
    if (!s.text.empty()) s.text += ' ';
    const auto start = static_cast<std::uint32_t>(s.text.size());
    s.text += cols[f];
    s.words.push_back({start, static_cast<std::uint32_t>(s.text.size())});
    int label = LabelOf(cols[f + 1]);
    // BTC tags the "@" of a user name as a name of its own ("@ B-PER", "handle B-PER").
    if (cols[f] == "@") label = 0;
    // An I- without its B- (or after another type) starts the name.
    const int prev = s.labels.empty() ? 0 : s.labels.back();
    if (label != 0 && label % 2 == 0 && prev != label && prev != label - 1) label -= 1;
    s.labels.push_back(static_cast<std::uint8_t>(label));
  }
  flush();
  return ag::Status::Ok();
}

// One convention for countries: a place (GUM calls a country acting politically an
// organisation). An ORG name that is exactly a gazetteer country becomes LOC. Returns how
// many names were relabelled.
std::size_t RelabelCountries(tg::NameSentence* sentence) {
  tg::NameSentence& s = *sentence;
  std::size_t relabelled = 0;
  for (std::size_t i = 0; i < s.labels.size(); ++i) {
    if (s.labels[i] != 3) continue;
    std::size_t j = i + 1;
    while (j < s.labels.size() && s.labels[j] == 4) ++j;
    const auto& h0 = s.hints[i];
    const auto& h1 = s.hints[j - 1];
    const int country = 1 + static_cast<int>(ag::gazetteer::Kind::kCountry);
    if (h0.gaz_kind == country && h1.gaz_kind == country && (h0.gaz_pos == 1 || h0.gaz_pos == 4) &&
        (h1.gaz_pos == 3 || h1.gaz_pos == 4)) {
      for (std::size_t k = i; k < j; ++k) s.labels[k] = k == i ? 5 : 6;
      ++relabelled;
    }
  }
  return relabelled;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Train the actorgraph name tagger"};
  std::string shared = "../shared", data = "data", gum_bio, out = "data/models/names-en.agn";
  tg::NameTrainOptions o;
  std::string btc_sections = "abefgh";
  app.add_option("--shared", shared, "the shared data folder (holds data/uner-english, data/ner-open-extras)");
  app.add_option("--data", data, "the data folder (gazetteers, lexicons, models/pos-en.agt)");
  app.add_option("--gum-bio", gum_bio, "GUM converted by scripts/gum_to_bio.py (optional)");
  app.add_option("--out", out, "the model file to write");
  app.add_option("--epochs", o.epochs, "training epochs");
  app.add_option("--btc-sections", btc_sections, "the Broad Twitter Corpus sections to train on (letters of abefgh)");
  app.add_option("--prune", o.prune, "drop feature rows whose averaged weights stay below this");
  app.add_option("--hint-dropout", o.hint_dropout, "share of sentences trained without gazetteer hints");
  CLI11_PARSE(app, argc, argv);
  auto started = std::chrono::steady_clock::now();
  auto fail = [](const ag::Status& st) {
    std::fprintf(stderr, "actorgraph-train-names: %s\n", st.message().c_str());
    return st.exit_code();
  };
  std::vector<tg::NameSentence> train;
  ag::Status st = ReadBio(shared + "/data/uner-english/en_ewt-ud-train.draft-clean.iob2", true, &train);
  const std::size_t uner = train.size();
  for (const char part : btc_sections) {
    if (st.ok()) st = ReadBio(shared + "/data/ner-open-extras/btc/" + std::string(1, part) + ".conll", false, &train);
  }
  const std::size_t btc = train.size() - uner;
  if (st.ok() && !gum_bio.empty()) st = ReadBio(gum_bio, false, &train);
  if (!st.ok()) return fail(st);
  const std::size_t gum = train.size() - uner - btc;

  ag::pipeline::Resources res;
  const std::vector<std::string> steps = {"tokenize", "gazetteer", "titles"};
  st = ag::pipeline::LoadResources(data, false, {}, &res, {"tokenize", "gazetteer", "titles", "discovery", "tag"});
  if (!st.ok()) return fail(st);
  std::unique_ptr<ag::analysis::Chain> chain;
  st = ag::analysis::Chain::Make(res.registry, steps, res.shared, &chain);
  if (!st.ok()) return fail(st);
  const auto* given = res.shared.Find<ag::mentions::GivenNames>("given-names");
  const auto& pos = *res.shared.Find<ag::tagger::Model>("pos-model");
  ag::analysis::Document d;
  std::size_t words = 0, relabelled = 0;
  for (tg::NameSentence& s : train) {
    words += s.words.size();
    for (const auto& w : s.words)
      s.tag_classes.push_back(pos.TagClass(std::string_view(s.text).substr(w.start, w.end - w.start)));
    ag::documents::Document doc;
    doc.id = "train";
    doc.text = s.text;
    d.Reset(std::move(doc), "");
    chain->Run(d);
    ag::mentions::internal::ComputeNameHints(d, s.words, given, &s.hints);
    relabelled += RelabelCountries(&s);
  }
  std::fprintf(stderr, "training on %zu UNER EWT + %zu BTC + %zu GUM sentences, %zu words; %zu country ORG -> LOC\n",
               uner, btc, gum, words, relabelled);
  std::string bytes, log;
  st = tg::TrainNames(train, o, &bytes, &log);
  std::fputs(log.c_str(), stderr);
  if (!st.ok()) return fail(st);
  std::ofstream f(out, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  f.close();
  if (!f) {
    std::fprintf(stderr, "actorgraph-train-names: %s: cannot write\n", out.c_str());
    return 3;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::fprintf(stderr, "wrote %s (%zu bytes) in %.1f s\n", out.c_str(), bytes.size(), secs);
  return 0;
}
