// The step machinery of lib/analysis, and the worked example of lib/analysis/ANNOTATORS.md
// (a step that selects the sentences with an event frame for `tag-selected`), so that the
// design note's code stays true.
#include "analysis/analysis.hpp"
#include "pipeline/pipeline.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <string>
#include <vector>

using actorgraph::ErrorCode;
using actorgraph::Status;
namespace analysis = actorgraph::analysis;
namespace pipeline = actorgraph::pipeline;

namespace {

std::string DataDir() { return (actorgraph::testing::SourceDir() / "data").string(); }

// ANNOTATORS.md §5, as written there.
class SelectFrameSentences : public analysis::Annotator {
 public:
  void Annotate(analysis::Document& d) override {
    d.to_tag.clear();
    for (const auto& f : d.frames) d.to_tag.push_back(f.sentence);
    std::sort(d.to_tag.begin(), d.to_tag.end());
    d.to_tag.erase(std::unique(d.to_tag.begin(), d.to_tag.end()), d.to_tag.end());
  }
};

// The event steps with the example's two steps after event-triggers.
std::vector<std::string> ExampleSteps() {
  std::vector<std::string> steps = pipeline::EventSteps();
  auto at = std::find(steps.begin(), steps.end(), "event-triggers");
  REQUIRE(at != steps.end());
  steps.insert(at + 1, {"select-frame-sentences", "tag-selected"});
  return steps;
}

analysis::Document Analyse(const pipeline::Resources& res, const std::vector<std::string>& steps,
                           const std::string& text) {
  std::unique_ptr<analysis::Chain> chain;
  const Status s = analysis::Chain::Make(res.registry, steps, res.shared, &chain);
  INFO(s.message());
  REQUIRE(s.ok());
  analysis::Document d;
  actorgraph::documents::Document raw;
  raw.id = "doc";
  raw.text = text;
  raw.date = "2021-06-20";
  d.Reset(std::move(raw), "");
  chain->Run(d);
  return d;
}

}  // namespace

TEST_CASE("Unknown steps and resources are refused with kBadUsage, before any document") {
  pipeline::Resources res;
  Status s = pipeline::LoadResources(DataDir(), false, {}, &res, {"tokenize", "no-such-step"});
  CHECK(s.code() == ErrorCode::kBadUsage);
  CHECK(s.message().find("no-such-step") != std::string::npos);
  res.registry.Add({"needs-nothing-known", "", {"no-such-resource"}, nullptr});
  s = pipeline::LoadResources(DataDir(), false, {}, &res, {"needs-nothing-known"});
  CHECK(s.code() == ErrorCode::kBadUsage);
  CHECK(s.message().find("no-such-resource") != std::string::npos);
  // A chain over a resource that was not loaded.
  std::unique_ptr<analysis::Chain> chain;
  s = analysis::Chain::Make(res.registry, {"tokenize", "tag"}, res.shared, &chain);
  CHECK(s.code() == ErrorCode::kBadUsage);
  CHECK(s.message().find("pos-model") != std::string::npos);
}

TEST_CASE("A file resource loads from the data folder and names the file it cannot read") {
  analysis::Registry registry;
  analysis::RegisterTextSteps(registry);
  analysis::Resources loaded;
  REQUIRE(registry.LoadFor({"tag"}, {DataDir(), true, {}, false, ""}, &loaded).ok());
  CHECK(loaded.Find<actorgraph::tagger::Model>("pos-model") != nullptr);
  CHECK(loaded.Find<std::string>("pos-model") == nullptr);  // another type: not found
  analysis::Resources missing;
  const Status s = registry.LoadFor({"tag"}, {"/nonexistent-data", true, {}, false, ""}, &missing);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("/nonexistent-data/models/pos-en.agt") != std::string::npos);
}

TEST_CASE("ANNOTATORS.md worked example: tag only the sentences with an event frame") {
  pipeline::Resources res;
  res.registry.Add(
      {"select-frame-sentences",
       "the sentences with an event frame, for tag-selected",
       {},
       [](const analysis::Resources&, analysis::WorkerContext&) { return std::make_unique<SelectFrameSentences>(); }});
  const std::vector<std::string> steps = ExampleSteps();
  const Status s = pipeline::LoadResources(DataDir(), false, {}, &res, steps);
  INFO(s.message());
  REQUIRE(s.ok());
  CHECK(res.shared.Has("pos-model"));  // loaded because tag-selected names it

  const std::string text =
      "The weather in Baku was fine. Vladimir Putin met Ilham Aliyev in Moscow on Monday. "
      "Nothing else happened.";
  const analysis::Document with = Analyse(res, steps, text);
  REQUIRE(with.sentences.size() == 3);
  REQUIRE_FALSE(with.frames.empty());
  CHECK(with.tagged == std::vector<std::uint32_t>{1});
  const auto [first, end] = analysis::WordsOf(with, 1);
  REQUIRE(end > first);
  CHECK(with.upos.size() == with.words.size());
  CHECK(with.lemmas.size() == with.words.size());
  CHECK(with.text().substr(with.words[first].start, with.words[first].end - with.words[first].start) == "Vladimir");
  CHECK(with.lemmas[first + 2] == "meet");
  CHECK(analysis::WordsOf(with, 0) == std::pair<std::uint32_t, std::uint32_t>{0, 0});

  // The two steps change no other layer: the same mentions and events as without them.
  const analysis::Document without = Analyse(res, pipeline::EventSteps(), text);
  REQUIRE(with.events.size() == without.events.size());
  for (std::size_t i = 0; i < with.events.size(); ++i) CHECK(with.events[i].id == without.events[i].id);
  CHECK(with.mentions.size() == without.mentions.size());
  // The event steps select and tag the same sentence themselves (event-candidates).
  CHECK(without.tagged == with.tagged);
}

TEST_CASE("event-candidates: a trigger with only countries, organisations or places is not tagged") {
  pipeline::Resources res;
  const Status s = pipeline::LoadResources(DataDir(), false, {}, &res, pipeline::EventSteps());
  INFO(s.message());
  REQUIRE(s.ok());
  struct Row {
    const char* text;
    bool tagged;
  };
  // Each negative row has its positive control right after it.
  const Row rows[] = {
      {"Russia and Azerbaijan signed an agreement in Moscow.", false},           // no one to link
      {"Vladimir Putin and Ilham Aliyev signed an agreement in Moscow.", true},  // people
      {"Russia hosted talks on the Black Sea.", false},
      {"Russia hosted them for talks on the Black Sea.", true},        // a pronoun (lemma 'they') refers back
      {"Russia hosted the two leaders for talks in Moscow.", true},    // a plural refers back
      {"Azerbaijan hosted the talks in Moscow.", false},               // 'the' + a lower-case word
      {"Azerbaijan hosted the Secretary for talks in Moscow.", true},  // 'the' + a title
      {"Russia and Azerbaijan recalled the agreements of November in Moscow.", false},  // no full date
      {"Russia and Azerbaijan recalled the agreements of November 10, 2020 in Moscow.", true},
      {"The weather in Moscow was fine.", false},  // no trigger
  };
  for (const Row& row : rows) {
    INFO(row.text);
    const analysis::Document d = Analyse(res, pipeline::EventSteps(), row.text);
    REQUIRE(d.sentences.size() == 1);
    CHECK(d.tagged.empty() != row.tagged);
  }
}
