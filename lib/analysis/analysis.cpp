#include "analysis/analysis.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <set>
#include <tuple>

namespace actorgraph::analysis {
namespace {

constexpr std::pair<MentionSource, std::string_view> kSourceNames[] = {
    {MentionSource::kExact, "exact"},           {MentionSource::kAlias, "alias"},
    {MentionSource::kAdjective, "adjective"},   {MentionSource::kDemonym, "demonym"},
    {MentionSource::kSurname, "surname"},       {MentionSource::kRole, "role"},
    {MentionSource::kDiscovered, "discovered"}, {MentionSource::kModel, "model"},
};

}  // namespace

std::string_view MentionSourceName(MentionSource source) {
  for (const auto& [s, name] : kSourceNames) {
    if (s == source) return name;
  }
  return "exact";
}

std::optional<MentionSource> ParseMentionSource(std::string_view name) {
  for (const auto& [s, n] : kSourceNames) {
    if (n == name) return s;
  }
  return std::nullopt;
}

std::string_view EventStatusName(EventStatus status) {
  switch (status) {
    case EventStatus::kHappened:
      return "happened";
    case EventStatus::kPlanned:
      return "planned";
    case EventStatus::kCancelled:
      return "cancelled";
    case EventStatus::kNegated:
      return "negated";
  }
  return "happened";
}

std::optional<EventStatus> ParseEventStatus(std::string_view name) {
  for (const auto s : {EventStatus::kHappened, EventStatus::kPlanned, EventStatus::kCancelled, EventStatus::kNegated}) {
    if (EventStatusName(s) == name) return s;
  }
  return std::nullopt;
}

MentionSource FromAliasType(gazetteer::AliasType type) {
  switch (type) {
    case gazetteer::AliasType::kName:
      return MentionSource::kExact;
    case gazetteer::AliasType::kAlias:
    case gazetteer::AliasType::kCased:
      return MentionSource::kAlias;
    case gazetteer::AliasType::kAdjective:
      return MentionSource::kAdjective;
    case gazetteer::AliasType::kDemonym:
      return MentionSource::kDemonym;
  }
  return MentionSource::kAlias;
}

bool Evidence::operator<(const Evidence& o) const {
  return std::tie(doc, start, end) < std::tie(o.doc, o.start, o.end);
}
bool Evidence::operator==(const Evidence& o) const { return doc == o.doc && start == o.start && end == o.end; }

void Document::Reset(documents::Document raw, std::string option) {
  doc = std::move(raw);
  option_date = std::move(option);
  date = {};
  tokens.clear();
  sentences.clear();
  segmented = false;
  name_like.clear();
  titles.clear();
  mentions.clear();
  covered.clear();
  to_tag.clear();
  tagged.clear();
  sentence_words.clear();
  words.clear();
  upos.clear();
  lemmas.clear();
  chunks.clear();
  word_mention.clear();
  dates.clear();
  frames.clear();
  events.clear();
  window = {};
}

std::uint32_t Document::NameEnd(std::uint32_t first, std::uint32_t end) const {
  const std::string_view t = text();
  const text::Token& last = tokens[end - 1];
  if (end - first < 2 || last.end >= t.size() || t[last.end] != '.') return last.end;
  // "U.S." and "U.N.": one letter after a period.
  if (last.end - last.start == 1 && t[last.end - 2] == '.') return last.end + 1;
  // "Ferdinand R. Marcos Jr.", "Enron Corp.", "Warner Bros.".
  const std::string_view k = last.key;
  if (k == "jr" || k == "sr" || k == "inc" || k == "corp" || k == "ltd" || k == "co" || k == "bros")
    return last.end + 1;
  return last.end;
}

void Document::AddMention(Mention m) {
  m.start = tokens[m.first_token].start;
  m.end = NameEnd(m.first_token, m.end_token);
  if (covered.size() != tokens.size()) covered.assign(tokens.size(), -1);
  for (std::uint32_t k = m.first_token; k < m.end_token; ++k) covered[k] = static_cast<std::int32_t>(mentions.size());
  mentions.push_back(std::move(m));
}

Mention* Document::MentionAt(std::uint32_t tok) {
  return tok < covered.size() && covered[tok] >= 0 ? &mentions[static_cast<std::size_t>(covered[tok])] : nullptr;
}
const Mention* Document::MentionAt(std::uint32_t tok) const {
  return tok < covered.size() && covered[tok] >= 0 ? &mentions[static_cast<std::size_t>(covered[tok])] : nullptr;
}

void Document::KeepMentions(const std::vector<char>& keep) {
  std::vector<Mention> all = std::move(mentions);
  mentions.clear();
  covered.assign(tokens.size(), -1);
  for (std::size_t k = 0; k < all.size(); ++k) {
    if (k < keep.size() && keep[k]) AddMention(std::move(all[k]));
  }
}

void Document::SwapScratch(Document& other) {
  tokens.swap(other.tokens);
  sentences.swap(other.sentences);
  std::swap(segmented, other.segmented);
  name_like.swap(other.name_like);
  titles.swap(other.titles);
  covered.swap(other.covered);
  to_tag.swap(other.to_tag);
  tagged.swap(other.tagged);
  sentence_words.swap(other.sentence_words);
  words.swap(other.words);
  upos.swap(other.upos);
  lemmas.swap(other.lemmas);
  chunks.swap(other.chunks);
  word_mention.swap(other.word_mention);
  dates.swap(other.dates);
  frames.swap(other.frames);
}

std::pair<std::uint32_t, std::uint32_t> WordsOf(const Document& d, std::uint32_t s) {
  const auto it = std::lower_bound(d.tagged.begin(), d.tagged.end(), s);
  if (it == d.tagged.end() || *it != s) return {0, 0};
  const auto k = static_cast<std::size_t>(it - d.tagged.begin());
  return {d.sentence_words[k], d.sentence_words[k + 1]};
}

void EnsureSentences(text::Analyzer& analyzer, Document& d) {
  if (d.segmented) return;
  const std::uint32_t begin = d.window_begin();
  analyzer.Sentences(d.text().substr(begin, d.window_end() - begin), &d.sentences);
  for (auto& s : d.sentences) {
    s.start += begin;
    s.end += begin;
  }
  d.segmented = true;
}

void Registry::Add(AnnotatorSpec spec) {
  std::erase_if(annotators_, [&](const AnnotatorSpec& a) { return a.name == spec.name; });
  annotators_.push_back(std::move(spec));
}

void Registry::AddResource(ResourceSpec spec) {
  std::erase_if(resources_, [&](const ResourceSpec& r) { return r.name == spec.name; });
  resources_.push_back(std::move(spec));
}

const AnnotatorSpec* Registry::Find(std::string_view name) const {
  for (const auto& a : annotators_) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

const ResourceSpec* Registry::FindResource(std::string_view name) const {
  for (const auto& r : resources_) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

Status Registry::LoadFor(const std::vector<std::string>& steps, const LoadContext& where, Resources* into) const {
  for (const auto& step : steps) {
    const AnnotatorSpec* a = Find(step);
    if (!a) return Status::BadUsage(fmt::format("unknown analysis step '{}'", step));
    for (const auto& name : a->resources) {
      if (into->Has(name)) continue;
      const ResourceSpec* r = FindResource(name);
      if (!r) return Status::BadUsage(fmt::format("step '{}' needs the unknown resource '{}'", step, name));
      ACTORGRAPH_RETURN_IF_ERROR(r->load(where, into));
      if (!into->Has(name)) return Status::BadUsage(fmt::format("loading '{}' did not provide it", name));
    }
  }
  return Status::Ok();
}

Status Chain::Make(const Registry& registry, const std::vector<std::string>& steps, const Resources& resources,
                   std::unique_ptr<Chain>* out) {
  auto chain = std::make_unique<Chain>();
  chain->context_ = std::make_unique<WorkerContext>();
  for (const auto& step : steps) {
    const AnnotatorSpec* a = registry.Find(step);
    if (!a) return Status::BadUsage(fmt::format("unknown analysis step '{}'", step));
    for (const auto& name : a->resources) {
      if (!resources.Has(name))
        return Status::BadUsage(fmt::format("step '{}' needs '{}', which is not loaded", step, name));
    }
    chain->steps_.push_back(a->make(resources, *chain->context_));
  }
  *out = std::move(chain);
  return Status::Ok();
}

void Chain::Run(Document& doc) {
  for (auto& step : steps_) step->Annotate(doc);
}

namespace {

class TokenizeStep : public Annotator {
 public:
  explicit TokenizeStep(WorkerContext& c) : context_(c) {}
  void Annotate(Document& d) override {
    const std::uint32_t begin = d.window_begin();
    context_.analyzer.Tokenize(d.text().substr(begin, d.window_end() - begin), &d.tokens);
    if (begin) d.tokens.Shift(begin);
    d.covered.assign(d.tokens.size(), -1);
    d.name_like.assign(d.tokens.size(), -1);
  }

 private:
  WorkerContext& context_;
};

class SentencesStep : public Annotator {
 public:
  explicit SentencesStep(WorkerContext& c) : context_(c) {}
  void Annotate(Document& d) override { EnsureSentences(context_.analyzer, d); }

 private:
  WorkerContext& context_;
};

// Tags sentences: all of them, or those in d.to_tag.
class TagStep : public Annotator {
 public:
  TagStep(const tagger::Model& model, WorkerContext& c, bool selected)
      : tagger_(model), context_(c), selected_(selected) {}

  void Annotate(Document& d) override {
    EnsureSentences(context_.analyzer, d);
    d.sentence_words.assign(1, 0);
    if (selected_) {
      for (const std::uint32_t s : d.to_tag) {
        if (s < d.sentences.size() && (d.tagged.empty() || s > d.tagged.back())) TagSentence(d, s);
      }
    } else {
      for (std::uint32_t s = 0; s < d.sentences.size(); ++s) TagSentence(d, s);
    }
  }

 private:
  void TagSentence(Document& d, std::uint32_t s) {
    const text::Span span = d.sentences[s];
    const std::size_t first = d.words.size();
    tagger::Tokenize(d.text().substr(span.start, span.end - span.start), span.start, &d.words);
    const std::size_t n = d.words.size() - first;
    const std::span<const tagger::Token> words(d.words.data() + first, n);
    d.upos.resize(first + n);
    d.chunks.resize(first + n);
    tagger_.TagSentence(d.text(), words, d.upos.data() + first, &lemmas_, d.chunks.data() + first);
    for (auto& l : lemmas_) d.lemmas.push_back(l);
    d.tagged.push_back(s);
    d.sentence_words.push_back(static_cast<std::uint32_t>(d.words.size()));
  }

  tagger::Tagger tagger_;
  WorkerContext& context_;
  bool selected_;
  std::vector<std::string> lemmas_;
};

class DocumentDateStep : public Annotator {
 public:
  void Annotate(Document& d) override {
    // A large document's date is resolved on its first window (the dateline is at the start;
    // a date inferred from the years the text mentions reads that window only).
    if (d.window.index > 0) {
      d.date = d.window.date;
      return;
    }
    d.date = text::ResolveDocumentDate(d.text().substr(0, d.window_end()), d.tokens, d.doc.date, d.option_date);
    if (d.windowed()) d.window.date = d.date;
  }
};

}  // namespace

void RegisterTextSteps(Registry& registry) {
  registry.Add({"tokenize", "matching tokens with normalised keys (ICU)", {}, [](const Resources&, WorkerContext& c) {
                  return std::make_unique<TokenizeStep>(c);
                }});
  registry.Add({"sentences", "sentence spans (ICU, UAX #29)", {}, [](const Resources&, WorkerContext& c) {
                  return std::make_unique<SentencesStep>(c);
                }});
  registry.AddResource(FileResource<tagger::Model>("pos-model", "models/pos-en.agt", &tagger::Model::Load));
  registry.Add({"tag",
                "words, part-of-speech tags, lemmas and chunks of every sentence",
                {"pos-model"},
                [](const Resources& r, WorkerContext& c) {
                  return std::make_unique<TagStep>(*r.Find<tagger::Model>("pos-model"), c, false);
                }});
  registry.Add({"tag-selected",
                "the same for the sentences an earlier step selected",
                {"pos-model"},
                [](const Resources& r, WorkerContext& c) {
                  return std::make_unique<TagStep>(*r.Find<tagger::Model>("pos-model"), c, true);
                }});
  registry.Add({"document-date",
                "the document date: metadata, --date, dateline or the text",
                {},
                [](const Resources&, WorkerContext&) { return std::make_unique<DocumentDateStep>(); }});
}

}  // namespace actorgraph::analysis
