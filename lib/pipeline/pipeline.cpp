#include "pipeline/pipeline.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

namespace actorgraph::pipeline {

Status LoadGazetteers(const std::string& data_dir, bool no_defaults, const std::vector<std::string>& extra_gazetteers,
                      gazetteer::Gazetteer* gaz, std::string* defaults_fingerprint_out) {
  namespace fs = std::filesystem;
  // A compiled gazetteer that was built with these very shipped gazetteers already holds
  // them: they are not loaded a second time. One built with other shipped data is refused,
  // since its copies of the shipped entities would clash with the current ones.
  bool defaults_inside = false;
  std::string defaults_fingerprint;
  const std::string defaults_dir = (fs::path(data_dir) / "gazetteers").string();
  for (const auto& g : extra_gazetteers) {
    if (!gazetteer::IsCompiledGazetteer(g)) continue;
    std::string fingerprint;
    ACTORGRAPH_RETURN_IF_ERROR(gazetteer::ReadCompiledFingerprint(g, &fingerprint));
    if (fingerprint.empty() || no_defaults) continue;
    if (defaults_fingerprint.empty())
      ACTORGRAPH_RETURN_IF_ERROR(gazetteer::SourceFingerprint(defaults_dir, &defaults_fingerprint));
    if (fingerprint != defaults_fingerprint) {
      return Status::BadInput(fmt::format(
          "{}: compiled with other shipped gazetteers than those in {}; compile it again with 'actorgraph gazetteer "
          "compile', or add --no-default-gazetteers to use it as it is",
          g, defaults_dir));
    }
    if (defaults_inside) {
      return Status::BadUsage(
          fmt::format("{}: a second compiled gazetteer that holds the shipped gazetteers; "
                      "give only one, or compile the others with --no-default-gazetteers",
                      g));
    }
    defaults_inside = true;
  }
  if (!no_defaults && !defaults_inside) ACTORGRAPH_RETURN_IF_ERROR(gaz->Load(defaults_dir));
  for (const auto& g : extra_gazetteers) ACTORGRAPH_RETURN_IF_ERROR(gaz->Load(g));
  gaz->Compile();
  if (defaults_fingerprint_out) {
    if (!no_defaults && defaults_fingerprint.empty()) {
      ACTORGRAPH_RETURN_IF_ERROR(gazetteer::SourceFingerprint(defaults_dir, &defaults_fingerprint));
    }
    *defaults_fingerprint_out = no_defaults ? "" : defaults_fingerprint;
  }
  return Status::Ok();
}

analysis::Registry Resources::StandardRegistry() {
  analysis::Registry registry;
  analysis::RegisterTextSteps(registry);
  mentions::RegisterSteps(registry);
  events::RegisterSteps(registry);
  registry.AddResource({"gazetteer", [](const analysis::LoadContext& where, analysis::Resources* into) {
                          auto gaz = std::make_shared<gazetteer::Gazetteer>();
                          ACTORGRAPH_RETURN_IF_ERROR(LoadGazetteers(where.data_dir, where.no_default_gazetteers,
                                                                    where.gazetteers, gaz.get(), nullptr));
                          spdlog::debug("loaded {} entities with {} aliases", gaz->size(), gaz->alias_count());
                          into->Put<gazetteer::Gazetteer>("gazetteer", std::move(gaz));
                          return Status::Ok();
                        }});
  return registry;
}

const std::vector<std::string>& MentionSteps() {
  static const std::vector<std::string> steps = [] {
    std::vector<std::string> s = {"tokenize", "document-date"};
    s.insert(s.end(), mentions::StepNames().begin(), mentions::StepNames().end());
    return s;
  }();
  return steps;
}

const std::vector<std::string>& EventSteps() {
  static const std::vector<std::string> steps = [] {
    std::vector<std::string> s = {"tokenize", "sentences", "document-date"};
    s.insert(s.end(), mentions::StepNames().begin(), mentions::StepNames().end());
    s.insert(s.end(), events::StepNames().begin(), events::StepNames().end());
    return s;
  }();
  return steps;
}

const std::vector<std::string>& TagSteps() {
  static const std::vector<std::string> steps = {"tokenize", "sentences", "tag"};
  return steps;
}

Status LoadResources(const std::string& data_dir, bool no_defaults, const std::vector<std::string>& extra_gazetteers,
                     Resources* r, const std::vector<std::string>& steps) {
  analysis::LoadContext where;
  where.data_dir = data_dir;
  where.no_default_gazetteers = no_defaults;
  where.gazetteers = extra_gazetteers;
  return LoadResources(where, r, steps);
}

Status LoadResources(const analysis::LoadContext& where, Resources* r, const std::vector<std::string>& steps) {
  return r->registry.LoadFor(steps, where, &r->shared);
}

std::size_t DefaultWindowBytes() {
  static const std::size_t bytes = [] {
    std::size_t w = std::size_t{1} << 20;
    if (const char* env = std::getenv("ACTORGRAPH_WINDOW_BYTES"); env && *env) {
      char* end = nullptr;
      const unsigned long long v = std::strtoull(env, &end, 10);
      if (end && *end == '\0' && v >= 256) w = static_cast<std::size_t>(v);
    }
    return w;
  }();
  return bytes;
}

namespace {

using Clock = std::chrono::steady_clock;

bool Space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Where the window that starts at `begin` ends: the text's end when the rest fits in
// `window`; else after the last line break in the window's second half that a non-space
// follows (a sentence never spans it, so tokens and sentences are those of the whole text);
// else at the last sentence boundary there; else before the last word; else at a character
// boundary.
std::uint32_t WindowEnd(std::string_view text, std::uint32_t begin, std::size_t window, text::Analyzer& analyzer) {
  if (text.size() - begin <= window) return static_cast<std::uint32_t>(text.size());
  const std::size_t limit = begin + window;  // the window is [begin, cut), cut <= limit
  const std::size_t floor = begin + window / 2;
  for (std::size_t cut = limit; cut > floor; --cut) {
    if (text[cut - 1] == '\n' && !Space(text[cut])) return static_cast<std::uint32_t>(cut);
  }
  {
    // The sentences of the window's last quarter (from a character boundary): the start of
    // the last one but one is a boundary that the text around it does not move.
    std::size_t from = begin + window * 3 / 4;
    while (from > begin && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
    std::vector<text::Span> spans;
    analyzer.Sentences(text.substr(from, limit - from), &spans);
    if (spans.size() >= 3) return static_cast<std::uint32_t>(from + spans[spans.size() - 2].start);
  }
  for (std::size_t cut = limit; cut > floor; --cut) {
    if (Space(text[cut - 1]) && !Space(text[cut])) return static_cast<std::uint32_t>(cut);
  }
  std::size_t cut = limit;
  while (cut > begin + 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return static_cast<std::uint32_t>(cut);
}

// One batch of documents on its way from the reader to the sink. The vectors are sized once
// when the batch is queued and never resized; each element is touched by one thread at a
// time (a document by the worker that claimed it, then its result by the sink once it is
// ready), so only `claimed` and `ready` need the lock.
struct Batch {
  std::vector<documents::Document> docs;
  std::vector<std::uint64_t> input_pos;  // the reader's consumed_bytes() after each document
  std::vector<DocumentResult> results;
  std::vector<std::uint32_t> worker;  // the worker that analysed document i
  std::vector<char> ready;            // results[i] is complete (guarded by Shared::mutex)
  std::size_t claimed = 0;            // documents handed to workers so far (guarded by Shared::mutex)
  std::size_t done = 0;               // results complete so far (guarded by Shared::mutex)
};

// Workers wake the sink when a batch is complete and after every this many documents of it,
// rather than for each one: a wake-up costs a system call and a context switch, several
// percent of the time of a short document.
constexpr std::size_t kWakeSinkEvery = 32;

// The state the threads share. Every field is guarded by `mutex`; `stop` is also read
// without it by the reader between documents.
struct Shared {
  std::mutex mutex;
  std::condition_variable reader_cv;           // room for another batch, or stop
  std::condition_variable worker_cv;           // a document to analyse, the end of the input, or stop
  std::condition_variable sink_cv;             // the next result in order is ready, the end, or stop
  std::deque<std::unique_ptr<Batch>> batches;  // queued and not yet fully delivered, in input order
  // Memory goes back to the thread that allocated it, to be freed there: glibc's malloc
  // frees another thread's block under that thread's arena lock, and the sink freeing what
  // the workers allocate made the two contend on every document. So delivered results go
  // back to their worker (`spent[w]`), and delivered batches, with their documents moved
  // back into them, to the reader (`spent_batches`).
  std::vector<std::vector<DocumentResult>> spent;
  std::vector<std::unique_ptr<Batch>> spent_batches;
  std::size_t in_flight = 0;  // batches being read plus `batches.size()`
  bool reader_done = false;   // no more batches will come (end of input or a reader error)
  Status reader_status;
  std::atomic<bool> stop{false};  // the sink failed or a thread threw: everybody quits
  std::exception_ptr error;       // the first exception of the reader or a worker

  // Tells every thread to quit. Called with `mutex` held.
  void StopAll() {
    stop = true;
    reader_cv.notify_all();
    worker_cv.notify_all();
    sink_cv.notify_all();
  }
  // The first batch with a document no worker has claimed. Called with `mutex` held.
  Batch* Unclaimed() const {
    for (const auto& b : batches) {
      if (b->claimed < b->docs.size()) return b.get();
    }
    return nullptr;
  }
};

// The progress line: documents, MB of input consumed, MB/s and, when the input size is
// known, the share done and the time left. Redrawn in place (\r) at most 4 times a second.
class Progress {
 public:
  Progress(bool enabled, std::optional<std::uint64_t> total) : enabled_(enabled), total_(total) {}

  void Update(std::size_t docs, std::uint64_t bytes, bool force) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - started_).count();
    const double mb = static_cast<double>(bytes) / 1e6;
    const double rate = secs > 0 ? mb / secs : 0.0;
    std::string line = fmt::format("\r{} documents, {:.1f} MB, {:.1f} MB/s", docs, mb, rate);
    if (total_ && *total_ > 0) {
      const std::uint64_t left_bytes = *total_ > bytes ? *total_ - bytes : 0;
      line += fmt::format(", {:.0f}%", 100.0 * static_cast<double>(bytes) / static_cast<double>(*total_));
      if (left_bytes == 0) {
        line += ", done";
      } else if (bytes > 0 && secs >= 1.0) {
        const auto left = static_cast<long long>(static_cast<double>(left_bytes) / (static_cast<double>(bytes) / secs));
        line += left >= 3600 ? fmt::format(", {}:{:02}:{:02} left", left / 3600, left / 60 % 60, left % 60)
                             : fmt::format(", {}:{:02} left", left / 60, left % 60);
      }
    }
    // Pad so that a shorter line covers the end of a longer one before it.
    const std::size_t shown = line.size();
    if (line.size() < width_) line.append(width_ - line.size(), ' ');
    width_ = shown;
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
    drawn_ = true;
  }
  void Finish() {
    if (enabled_ && drawn_) std::fputc('\n', stderr);
  }

 private:
  bool enabled_;
  std::optional<std::uint64_t> total_;
  Clock::time_point started_ = Clock::now();
  Clock::time_point last_ = started_;
  std::size_t width_ = 0;
  bool drawn_ = false;
};

void LogDate(const analysis::Document& a) {
  if (a.date.source == "inferred") {
    spdlog::warn("{}: no date given; inferred {} from the years the text mentions (use --date to set it)", a.doc.origin,
                 a.date.date);
  } else if (a.date.source == "dateline") {
    spdlog::info("{}: date {} from the dateline, year inferred from the text", a.doc.origin, a.date.date);
  } else if (a.date.source == "none") {
    spdlog::warn("{}: no date found; relative dates stay unresolved (use --date)", a.doc.origin);
  }
}

// Reader thread: fills batches while fewer than `max_batches` are in flight.
void ReadBatches(documents::DocumentReader& reader, const RunOptions& options, Shared& sh) {
  const std::size_t max_batches = std::max<std::size_t>(1, options.max_batches);
  std::vector<std::unique_ptr<Batch>> spent;
  while (true) {
    {
      std::unique_lock lock(sh.mutex);
      sh.reader_cv.wait(lock, [&] { return sh.stop || sh.in_flight < max_batches; });
      if (sh.stop) return;
      ++sh.in_flight;
      spent.swap(sh.spent_batches);
    }
    spent.clear();  // freed here, where they were allocated
    auto batch = std::make_unique<Batch>();
    Status status;
    bool end = false;
    std::size_t bytes = 0;
    while (bytes < options.batch_bytes && !sh.stop.load(std::memory_order_relaxed)) {
      documents::Document doc;
      status = reader.Next(&doc, &end);
      if (!status.ok() || end) break;
      bytes += doc.text.size();
      batch->docs.push_back(std::move(doc));
      batch->input_pos.push_back(reader.consumed_bytes());
    }
    std::lock_guard lock(sh.mutex);
    if (sh.stop) return;
    if (!status.ok()) {
      // The documents read before the error in this batch are dropped: the sink gets whole
      // batches only, as many for any thread count.
      sh.reader_status = std::move(status);
      end = true;
      batch->docs.clear();
    }
    if (batch->docs.empty()) {
      --sh.in_flight;
    } else {
      batch->results.resize(batch->docs.size());
      batch->worker.assign(batch->docs.size(), 0);
      batch->ready.assign(batch->docs.size(), 0);
      sh.batches.push_back(std::move(batch));
      sh.worker_cv.notify_all();
    }
    if (end) {
      sh.reader_done = true;
      sh.worker_cv.notify_all();
      sh.sink_cv.notify_all();
      return;
    }
  }
}

// With one worker, the rendering step runs on the calling thread, just before the sink: the
// worker is then the critical path and the calling thread mostly waits for it.
bool RenderOnSink(const RunOptions& options) { return options.threads <= 1 && !options.render_on_workers; }

// Worker thread: claims documents in input order and analyses them, without the lock.
void Analyze(std::uint32_t worker, analysis::Chain& chain, const RunOptions& options, Shared& sh) {
  // The sink needs none of the scratch layers (tokens, sentences, ...): they stay with the
  // worker, whose memory for them serves every document.
  analysis::Document scratch;
  std::vector<DocumentResult> spent;
  while (true) {
    Batch* batch = nullptr;
    std::size_t i = 0;
    {
      std::unique_lock lock(sh.mutex);
      sh.worker_cv.wait(lock, [&] {
        batch = sh.Unclaimed();
        return sh.stop || batch || sh.reader_done;
      });
      if (sh.stop || !batch) return;
      i = batch->claimed++;
      spent.swap(sh.spent[worker]);
    }
    spent.clear();  // the delivered results of this worker, freed where they were allocated
    batch->worker[i] = worker;
    DocumentResult& r = batch->results[i];
    if (batch->docs[i].text.size() > options.window_bytes) {
      // A large document: the calling thread analyses it window by window and hands each
      // window to the sink as it is done (Delivery::DeliverWindows).
      r.analyzed.Reset(std::move(batch->docs[i]), options.date);
      r.deferred = true;
      std::lock_guard lock(sh.mutex);
      batch->ready[i] = 1;
      if (++batch->done == batch->docs.size() || batch->done % kWakeSinkEvery == 0) sh.sink_cv.notify_one();
      continue;
    }
    r.analyzed.SwapScratch(scratch);
    r.analyzed.Reset(std::move(batch->docs[i]), options.date);
    chain.Run(r.analyzed);
    r.events = std::move(r.analyzed.events);
    r.analyzed.events.clear();
    if (options.render && !RenderOnSink(options)) options.render(r);
    r.analyzed.SwapScratch(scratch);
    std::lock_guard lock(sh.mutex);
    batch->ready[i] = 1;
    if (++batch->done == batch->docs.size() || batch->done % kWakeSinkEvery == 0) sh.sink_cv.notify_one();
  }
}

// Runs `body` on a thread; an exception stops the run and is kept for the calling thread.
std::thread Spawn(Shared& sh, std::function<void()> body) {
  return std::thread([&sh, body = std::move(body)] {
    try {
      body();
    } catch (...) {
      std::lock_guard lock(sh.mutex);
      if (!sh.error) sh.error = std::current_exception();
      sh.StopAll();
    }
  });
}

// Stops and joins the threads however Run is left (a sink error, an exception).
class Joiner {
 public:
  explicit Joiner(Shared& sh) : sh_(sh) {}
  ~Joiner() { StopAndJoin(); }
  Joiner(const Joiner&) = delete;
  Joiner& operator=(const Joiner&) = delete;
  void Add(std::thread t) { threads_.push_back(std::move(t)); }
  void StopAndJoin() {
    {
      std::lock_guard lock(sh_.mutex);
      sh_.StopAll();
    }
    for (auto& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

 private:
  Shared& sh_;
  std::vector<std::thread> threads_;
};

// The calling thread's part: hands the results to the sink in input order (the next
// document of the oldest batch), gives delivered memory back to the threads that allocated
// it, and draws the progress line.
class Delivery {
 public:
  Delivery(Shared& sh, std::size_t workers, const RunOptions& options, Progress& progress,
           std::function<Status(std::unique_ptr<analysis::Chain>*)> make_chain)
      : sh_(sh),
        make_chain_(std::move(make_chain)),
        options_(options),
        progress_(progress),
        spent_(workers),
        render_here_(options.render && RenderOnSink(options)) {}

  // Delivers until the end of the input, a reader or sink error (returned) or a stop (a
  // thread threw: Ok is returned and the exception is in Shared::error).
  Status Loop(const std::function<Status(DocumentResult&)>& sink) {
    while (true) {
      if (ready_ == 0) {
        Status end;
        if (!WaitForNext(&end)) return end;
      }
      --ready_;
      Status status = DeliverNext(sink);
      if (!status.ok()) return status;
      if (++next_ == batch_->results.size()) {
        RetireBatch();
      } else if (spent_count_ >= kWakeSinkEvery) {
        std::lock_guard lock(sh_.mutex);
        HandBack();
      }
    }
  }

  std::size_t docs() const { return done_docs_; }
  std::uint64_t bytes() const { return done_bytes_; }

 private:
  // Waits until the next result in order is ready; false at the end of the input
  // (`*end` = the reader's status) or on a stop.
  bool WaitForNext(Status* end) {
    std::unique_lock lock(sh_.mutex);
    HandBack();
    sh_.sink_cv.wait(lock, [&] {
      return sh_.stop || (!sh_.batches.empty() && sh_.batches.front()->ready[next_]) ||
             (sh_.batches.empty() && sh_.reader_done);
    });
    if (sh_.stop) return false;  // a thread threw; rethrown by Run
    if (sh_.batches.empty()) {
      *end = sh_.reader_status;
      return false;
    }
    batch_ = sh_.batches.front().get();
    // The results from next_ on known to be complete, delivered without the lock.
    while (next_ + ready_ < batch_->ready.size() && batch_->ready[next_ + ready_]) ++ready_;
    return true;
  }

  // Renders (with one worker) and sinks the next result, then puts its memory aside for
  // the threads that allocated it.
  Status DeliverNext(const std::function<Status(DocumentResult&)>& sink) {
    DocumentResult& r = batch_->results[next_];
    if (r.deferred) return DeliverWindows(r, sink);
    LogDate(r.analyzed);
    done_bytes_ = batch_->input_pos[next_];
    ++done_docs_;
    if (render_here_) {
      std::swap(r.rendered, rendered_);
      r.rendered.clear();
      options_.render(r);
    }
    Status status = sink(r);
    if (render_here_) std::swap(r.rendered, rendered_);
    // Delivered: the document back into its batch, the rest to its worker, each to be
    // freed by the thread that allocated it.
    batch_->docs[next_] = std::move(r.analyzed.doc);
    spent_[batch_->worker[next_]].push_back(std::move(r));
    ++spent_count_;
    progress_.Update(done_docs_, done_bytes_, false);
    return status;
  }

  // A document larger than a window: analysed here, window by window, each window handed
  // to the sink as soon as it is done, so that only one window's layers are ever in memory.
  // The state later windows need (the document date, the people named in full, ...) goes
  // from one to the next in analysis::WindowState; event-assembly merges the events of all
  // windows on the last one, which hands them over.
  Status DeliverWindows(DocumentResult& r, const std::function<Status(DocumentResult&)>& sink) {
    if (!chain_) ACTORGRAPH_RETURN_IF_ERROR(make_chain_(&chain_));
    documents::Document doc = std::move(r.analyzed.doc);
    const std::size_t size = doc.text.size();
    analysis::WindowState carry;
    DocumentResult& part = part_;
    Status status;
    for (std::uint32_t begin = 0, index = 0;; ++index) {
      const std::uint32_t end = WindowEnd(doc.text, begin, options_.window_bytes, chain_->context().analyzer);
      part.analyzed.Reset(std::move(doc), options_.date);
      carry.begin = begin;
      carry.end = end;
      carry.index = index;
      carry.last = end == size;
      part.analyzed.window = std::move(carry);
      chain_->Run(part.analyzed);
      carry = std::move(part.analyzed.window);
      // The sink sees which bytes the window was (its mentions are there), not the state.
      part.analyzed.window = analysis::WindowState{};
      part.analyzed.window.begin = begin;
      part.analyzed.window.end = end;
      part.analyzed.window.index = index;
      part.analyzed.window.last = carry.last;
      part.events = std::move(part.analyzed.events);  // empty until the last window
      part.analyzed.events.clear();
      part.window = index;
      part.last_window = carry.last;
      if (index == 0) LogDate(part.analyzed);
      part.rendered.clear();
      if (options_.render) options_.render(part);
      status = sink(part);
      doc = std::move(part.analyzed.doc);
      if (!status.ok() || carry.last) {
        spdlog::info("{}: {} bytes, analysed in {} windows of at most {} bytes", doc.origin, size, index + 1,
                     options_.window_bytes);
        break;
      }
      begin = end;
    }
    done_bytes_ = batch_->input_pos[next_];
    ++done_docs_;
    r.analyzed.doc = std::move(doc);
    batch_->docs[next_] = std::move(r.analyzed.doc);
    spent_[batch_->worker[next_]].push_back(std::move(r));
    ++spent_count_;
    progress_.Update(done_docs_, done_bytes_, false);
    return status;
  }

  // The oldest batch is delivered: it goes back to the reader, which may read another.
  void RetireBatch() {
    next_ = 0;
    std::lock_guard lock(sh_.mutex);
    HandBack();
    sh_.spent_batches.push_back(std::move(sh_.batches.front()));
    sh_.batches.pop_front();
    --sh_.in_flight;
    sh_.reader_cv.notify_one();
  }

  // Gives the delivered results to their workers (see Shared::spent). With sh_.mutex held.
  void HandBack() {
    for (std::size_t w = 0; w < spent_.size(); ++w) {
      auto& bin = sh_.spent[w];
      if (bin.empty()) {
        bin.swap(spent_[w]);
      } else {
        for (auto& r : spent_[w]) bin.push_back(std::move(r));
        spent_[w].clear();
      }
    }
    spent_count_ = 0;
  }

  Shared& sh_;
  std::function<Status(std::unique_ptr<analysis::Chain>*)> make_chain_;
  std::unique_ptr<analysis::Chain> chain_;  // for large documents, made when the first comes
  DocumentResult part_;                     // one window of a large document, reused
  const RunOptions& options_;
  Progress& progress_;
  // Delivered results not yet handed back to their workers (see Shared::spent).
  std::vector<std::vector<DocumentResult>> spent_;
  std::size_t spent_count_ = 0;
  const bool render_here_;
  std::string rendered_;  // what the rendering step writes when it runs here, reused
  Batch* batch_ = nullptr;
  std::size_t next_ = 0, ready_ = 0;
  std::size_t done_docs_ = 0;
  std::uint64_t done_bytes_ = 0;
};

}  // namespace

Status Run(documents::DocumentReader& reader, const Resources& res, const RunOptions& options,
           const std::function<Status(DocumentResult&)>& sink) {
  const int threads = std::max(1, options.threads);
  const std::vector<std::string>& steps = !options.steps.empty() ? options.steps
                                          : options.events       ? EventSteps()
                                                                 : MentionSteps();
  std::vector<std::unique_ptr<analysis::Chain>> chains(static_cast<std::size_t>(threads));
  for (auto& chain : chains) ACTORGRAPH_RETURN_IF_ERROR(analysis::Chain::Make(res.registry, steps, res.shared, &chain));
  Progress progress(options.progress, reader.total_bytes());

  Shared sh;
  Delivery delivery(sh, chains.size(), options, progress, [&](std::unique_ptr<analysis::Chain>* chain) {
    return analysis::Chain::Make(res.registry, steps, res.shared, chain);
  });
  Status result;
  {
    Joiner joiner(sh);
    joiner.Add(Spawn(sh, [&] { ReadBatches(reader, options, sh); }));
    sh.spent.resize(chains.size());
    for (std::uint32_t w = 0; w < chains.size(); ++w) {
      analysis::Chain* chain = chains[w].get();
      joiner.Add(Spawn(sh, [&, w, chain] { Analyze(w, *chain, options, sh); }));
    }
    result = delivery.Loop(sink);
    joiner.StopAndJoin();
  }
  if (result.ok() && !sh.error) progress.Update(delivery.docs(), delivery.bytes(), true);
  progress.Finish();  // an error message then starts a line of its own
  if (sh.error) std::rethrow_exception(sh.error);
  return result;
}

}  // namespace actorgraph::pipeline
