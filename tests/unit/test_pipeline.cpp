// The pipeline (lib/pipeline): results reach the sink in input order whatever the thread
// count and the order in which workers finish; a sink error, a reader error and an exception
// stop the run without a hang; the render step runs on the workers, or with one worker on
// the calling thread.
#include "fixture_gazetteer.hpp"
#include "pipeline/pipeline.hpp"
#include "test_support.hpp"

#include <fmt/format.h>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

namespace fs = std::filesystem;
using actorgraph::Status;
using actorgraph::pipeline::DocumentResult;
using actorgraph::pipeline::RunOptions;

namespace {

const actorgraph::pipeline::Resources& Res() {
  static const auto* res = [] {
    const fs::path dir = actorgraph::testing::TempDir("pipeline-gazetteer");
    actorgraph::testing::WriteFile(dir / "fixture.jsonl", actorgraph::testing::kFixtureGazetteer);
    auto* r = new actorgraph::pipeline::Resources;
    const Status s = actorgraph::pipeline::LoadResources((actorgraph::testing::SourceDir() / "data").string(), true,
                                                         {(dir / "fixture.jsonl").string()}, r);
    INFO(s.message());
    REQUIRE(s.ok());
    return r;
  }();
  return *res;
}

// A JSON Lines corpus of `n` documents "d0" … "d<n-1>", each naming people and places, with
// a malformed line in place of document `bad` when given.
fs::path Corpus(const std::string& name, std::size_t n, std::optional<std::size_t> bad = std::nullopt) {
  const fs::path dir = actorgraph::testing::TempDir("pipeline-" + name);
  std::string text;
  for (std::size_t i = 0; i < n; ++i) {
    if (bad && *bad == i) {
      text += "{\"id\":\"broken\",\"text\":\n";
      continue;
    }
    text += fmt::format(
        "{{\"id\":\"d{}\",\"date\":\"2021-02-16\",\"text\":\"Sergey Lavrov met Jeyhun Bayramov in Moscow on "
        "Tuesday. Document {} of the corpus{}.\"}}\n",
        i, i, std::string(i % 7 * 11, '!'));
  }
  actorgraph::testing::WriteFile(dir / "corpus.jsonl", text);
  return dir / "corpus.jsonl";
}

// Fails the test run (rather than hanging it) when a Run does not return within a minute.
class Watchdog {
 public:
  Watchdog()
      : thread_([this] {
          std::unique_lock lock(mutex_);
          if (!cv_.wait_for(lock, std::chrono::seconds(60), [this] { return done_; })) {
            std::fprintf(stderr, "pipeline test: Run did not return within 60 s (deadlock?)\n");
            std::_Exit(1);
          }
        }) {}
  ~Watchdog() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread thread_;
};

struct Outcome {
  Status status;
  std::vector<std::string> ids;       // documents in the order the sink got them
  std::vector<std::string> rendered;  // what the render step wrote for each
  std::size_t read = 0;               // documents the reader read
};

Outcome RunOver(const fs::path& corpus, RunOptions options,
                const std::function<Status(DocumentResult&)>& extra_sink = nullptr) {
  actorgraph::documents::DocumentReader reader({corpus.string()}, {});
  REQUIRE(reader.Open().ok());
  Outcome out;
  Watchdog watchdog;
  out.status = actorgraph::pipeline::Run(reader, Res(), options, [&](DocumentResult& r) {
    out.ids.push_back(r.analyzed.doc.id);
    out.rendered.push_back(r.rendered);
    return extra_sink ? extra_sink(r) : Status::Ok();
  });
  out.read = reader.stats().documents;
  return out;
}

// A render step that makes workers finish out of order: documents whose number ends in 0
// take longer, so later ones overtake them.
void SlowRender(DocumentResult& r) {
  if (r.analyzed.doc.id.back() == '0') std::this_thread::sleep_for(std::chrono::milliseconds(3));
  r.rendered = fmt::format("{}:{}:{}", r.analyzed.doc.id, r.analyzed.mentions.size(), r.events.size());
}

std::vector<std::string> Ids(std::size_t n) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < n; ++i) ids.push_back(fmt::format("d{}", i));
  return ids;
}

}  // namespace

TEST_CASE("Results reach the sink in input order for any thread count and batch size") {
  const fs::path corpus = Corpus("order", 400);
  RunOptions base;
  base.date = "2021-02-16";
  base.render = SlowRender;
  base.threads = 1;
  const Outcome reference = RunOver(corpus, base);
  REQUIRE(reference.status.ok());
  REQUIRE(reference.ids == Ids(400));
  // Every document was analysed: names and the meeting were found.
  CHECK(reference.rendered.front() == "d0:3:1");

  const int threads = GENERATE(2, 3, 8);
  const std::size_t batch_bytes = GENERATE(std::size_t{1}, std::size_t{700}, std::size_t{8} << 20);
  const std::size_t max_batches = GENERATE(std::size_t{1}, std::size_t{3});
  CAPTURE(threads, batch_bytes, max_batches);
  RunOptions options = base;
  options.threads = threads;
  options.batch_bytes = batch_bytes;
  options.max_batches = max_batches;
  const Outcome out = RunOver(corpus, options);
  REQUIRE(out.status.ok());
  CHECK(out.ids == reference.ids);
  CHECK(out.rendered == reference.rendered);
}

TEST_CASE("The render step runs on the calling thread with one worker, on the workers with more") {
  const fs::path corpus = Corpus("render-thread", 60);
  const int threads = GENERATE(1, 2);
  CAPTURE(threads);
  RunOptions options;
  options.threads = threads;
  options.batch_bytes = 700;  // several batches
  const auto caller = std::this_thread::get_id();
  std::mutex mutex;
  std::size_t on_caller = 0, elsewhere = 0, not_empty = 0;  // Catch2 asserts on this thread only
  options.render = [&](DocumentResult& r) {
    {
      std::lock_guard lock(mutex);
      ++(std::this_thread::get_id() == caller ? on_caller : elsewhere);
      not_empty += !r.rendered.empty();  // what the buffer held before is not this document's
    }
    r.rendered += r.analyzed.doc.id;
    r.rendered += ':';
    r.rendered += std::to_string(r.analyzed.mentions.size());
  };
  const Outcome out = RunOver(corpus, options);
  REQUIRE(out.status.ok());
  REQUIRE(out.ids == Ids(60));
  CHECK(out.rendered.front() == "d0:3");
  CHECK(out.rendered.back() == "d59:3");
  CHECK(not_empty == 0);
  if (threads == 1) {
    CHECK(on_caller == 60);
    CHECK(elsewhere == 0);
  } else {
    CHECK(on_caller == 0);
    CHECK(elsewhere == 60);
  }
}

TEST_CASE("Without a render step the result's rendered text stays empty") {
  RunOptions options;
  options.threads = 2;
  options.events = false;
  const Outcome out = RunOver(Corpus("norender", 5), options);
  REQUIRE(out.status.ok());
  CHECK(out.ids == Ids(5));
  CHECK(out.rendered == std::vector<std::string>(5));
}

TEST_CASE("A sink error stops the run at once: no further sink calls, the reader stops early") {
  const std::size_t n = 20000;
  const fs::path corpus = Corpus("sink-error", n);
  RunOptions options;
  options.threads = GENERATE(1, 2, 4);
  options.batch_bytes = 4096;  // about 30 documents a batch
  options.max_batches = 2;
  options.render = SlowRender;
  CAPTURE(options.threads);
  std::size_t calls = 0;
  const Outcome out = RunOver(corpus, options, [&](DocumentResult&) {
    return ++calls == 50 ? Status::Io("disk full (from the test)") : Status::Ok();
  });
  CHECK(out.status.code() == actorgraph::ErrorCode::kIo);
  CHECK(out.status.message() == "disk full (from the test)");
  CHECK(calls == 50);
  CHECK(out.ids == Ids(50));
  // At most max_batches batches are in flight: the reader stopped far before the end.
  CHECK(out.read < 300);
}

TEST_CASE("A reader error ends the run with the reader's message after the batches before it") {
  const fs::path corpus = Corpus("reader-error", 300, 250);
  actorgraph::documents::DocumentReader direct({corpus.string()}, {});
  REQUIRE(direct.Open().ok());
  Status expected;
  for (bool end = false; expected.ok() && !end;) {
    actorgraph::documents::Document doc;
    expected = direct.Next(&doc, &end);
  }
  REQUIRE(!expected.ok());

  const std::size_t batch_bytes = GENERATE(std::size_t{1}, std::size_t{1000}, std::size_t{8} << 20);
  std::optional<std::size_t> delivered;
  for (const int threads : {1, 2, 5}) {
    CAPTURE(batch_bytes, threads);
    RunOptions options;
    options.threads = threads;
    options.batch_bytes = batch_bytes;
    options.render = SlowRender;
    const Outcome out = RunOver(corpus, options);
    CHECK(out.status.code() == expected.code());
    CHECK(out.status.message() == expected.message());
    // The documents delivered before the error form a prefix, the same for any -j.
    CHECK(out.ids == Ids(out.ids.size()));
    CHECK(out.ids.size() <= 250);
    if (!delivered) delivered = out.ids.size();
    CHECK(out.ids.size() == *delivered);
  }
  if (batch_bytes == 1) CHECK(*delivered == 250);
  if (batch_bytes == (std::size_t{8} << 20)) CHECK(*delivered == 0);
}

TEST_CASE("An exception in the render step reaches the caller after every thread has stopped") {
  RunOptions options;
  options.threads = GENERATE(1, 3);
  options.batch_bytes = 2000;
  options.render = [](DocumentResult& r) {
    if (r.analyzed.doc.id == "d77") throw std::runtime_error("render failed");
  };
  actorgraph::documents::DocumentReader reader({Corpus("throw", 3000).string()}, {});
  REQUIRE(reader.Open().ok());
  Watchdog watchdog;
  std::size_t calls = 0;
  CHECK_THROWS_WITH(actorgraph::pipeline::Run(reader, Res(), options,
                                              [&](DocumentResult&) {
                                                ++calls;
                                                return Status::Ok();
                                              }),
                    "render failed");
  CHECK(calls <= 77);
  CHECK(reader.stats().documents < 3000);
}

TEST_CASE("The reader knows the input size and how much of it was consumed") {
  const fs::path corpus = Corpus("sizes", 10);
  actorgraph::documents::DocumentReader reader({corpus.string()}, {});
  REQUIRE(reader.Open().ok());
  REQUIRE(reader.total_bytes());
  CHECK(*reader.total_bytes() == fs::file_size(corpus));
  CHECK(reader.consumed_bytes() == 0);
  std::uint64_t last = 0;
  for (bool end = false;;) {
    actorgraph::documents::Document doc;
    REQUIRE(reader.Next(&doc, &end).ok());
    if (end) break;
    CHECK(reader.consumed_bytes() > last);
    last = reader.consumed_bytes();
  }
  CHECK(reader.consumed_bytes() == fs::file_size(corpus));

  actorgraph::documents::DocumentReader from_stdin({"-"}, {});
  REQUIRE(from_stdin.Open().ok());
  CHECK_FALSE(from_stdin.total_bytes());
}
