// actorgraph — the document model and the annotators that fill it.
//
// A document under analysis is its text plus *layers*: parallel arrays whose positions are
// byte offsets into that same text (or indices into the matching tokens, which carry byte
// offsets). Each analysis step is an Annotator: it reads some layers and writes one. The
// pipeline runs a list of annotators by name, built from a Registry with the shared,
// immutable Resources (gazetteer, lexicons, models) loaded by name. A new step is a new
// Annotator class and one Registry::Add call in its stage; no worker, struct or caller
// changes. lib/analysis/ANNOTATORS.md says how to add one.
//
//   layer        written by                          holds
//   tokens       tokenize                            matching tokens (text::Token, with keys)
//   sentences    sentences                           sentence spans (ICU); see Document::sentences
//   date         document-date                       the document's date and where it came from
//   mentions     gazetteer, roles, names, discovery, actor mentions with their source
//                surnames, mention-order
//   titles       titles                              title phrases ("Foreign Minister")
//   words, upos, lemmas, chunks   tag                linguistic tokens and their tags (sentences
//                                                    that can matter only; see `tagged`)
//   frames       event-triggers, event-dates,        candidate events of one sentence and class
//                event-arguments, event-attributes
//   dates        event-dates                         date expressions of the sentences with frames
//   events       event-assembly                      the document's events, merged
#pragma once

#include "common/status.hpp"
#include "common/string_hash.hpp"
#include "documents/documents.hpp"
#include "gazetteer/gazetteer.hpp"
#include "tagger/tagger.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

#include <any>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::analysis {

// How a mention was found.
enum class MentionSource : std::uint8_t {
  kExact,       // a gazetteer entity's name
  kAlias,       // one of its aliases
  kAdjective,   // its adjective ("Russian")
  kDemonym,     // its demonym ("Russians")
  kSurname,     // a surname after the full name, or a unique gazetteer surname
  kRole,        // a role reference ("the Russian leader") resolved to the holder
  kDiscovered,  // a person no gazetteer lists, found by a discovery rule
  kModel,       // a name no gazetteer lists, found by the trained name tagger (lib/mentions/names.cpp)
};
std::string_view MentionSourceName(MentionSource source);  // "exact", "alias", ...
std::optional<MentionSource> ParseMentionSource(std::string_view name);
MentionSource FromAliasType(gazetteer::AliasType type);

struct Mention {
  std::uint32_t start = 0;  // byte offsets into the document text, end exclusive
  std::uint32_t end = 0;
  std::uint32_t first_token = 0;  // token range of the mention
  std::uint32_t end_token = 0;
  std::int64_t entity = -1;  // gazetteer index, or -1 for a discovered entity
  std::string entity_id;     // gazetteer id or "discovered:<slug>"
  gazetteer::Kind kind = gazetteer::Kind::kPerson;
  std::string name;     // canonical name
  std::string role;     // role title held on the document date (people), or ""
  std::string country;  // affiliated country (ISO alpha-2), or ""
  double confidence = 1.0;
  MentionSource resolved_by = MentionSource::kExact;

  bool is_person() const { return kind == gazetteer::Kind::kPerson; }
  // An adjective or demonym describes ("Russian diplomats"); it names no actor taking part.
  bool descriptive() const {
    return resolved_by == MentionSource::kAdjective || resolved_by == MentionSource::kDemonym;
  }
};

struct Participant {
  std::string entity_id;
  std::string name;
  std::string kind;
  std::string role;     // participant|signatory|visitor|host|mediator
  std::string title;    // role title held on the event date, or ""
  std::string country;  // ISO alpha-2, or ""
  double confidence = 1.0;
  bool subject = false;  // named before the trigger (the CAMEO source side)
};

struct Evidence {
  std::string doc;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  bool operator<(const Evidence& o) const;
  bool operator==(const Evidence& o) const;
};

struct Event {
  std::string id;           // "event:<date>:<type>:<hash of participants>", stable across runs
  std::string type;         // meeting|talks|call|visit|agreement|statement|...
  std::string event_class;  // meet|sign|call|visit: what merges with what
  std::string date;         // ISO, possibly partial, or ""
  std::string place;        // entity id of the place, or ""
  std::string place_name;
  std::string mode;                       // "video", "phone" or ""
  std::string cameo;                      // CAMEO code, or ""
  std::string status = "happened";        // happened|planned|cancelled (EventStatusName)
  std::vector<Participant> participants;  // sorted by entity id
  std::vector<Evidence> evidence;         // sorted
  // Set when no date expression dated the event and it took its document's date: the doc
  // id. Such a date is a default, so the event still merges with an event of that document
  // dated otherwise (the headline "Putin and Macron discuss ..." of a call made yesterday).
  std::string default_date_doc;
};

// A title phrase over tokens [first, end): "Foreign Minister", "the Russian leader".
struct TitleSpan {
  std::uint32_t first = 0, end = 0;
  const std::string* role_key = nullptr;  // into the title lexicon; "" resolves to no holder
};

// Whether an event happened. Negated triggers ("did not meet") make no event at all.
enum class EventStatus : std::uint8_t { kHappened, kPlanned, kCancelled, kNegated };
std::string_view EventStatusName(EventStatus status);  // "happened", "planned", ...
std::optional<EventStatus> ParseEventStatus(std::string_view name);

// One argument of a trigger: a mention, or a reference the coreference step resolves.
struct FrameArg {
  enum class Ref : std::uint8_t {
    kNone,       // `mention` is the argument
    kPlural,     // "they", "the two leaders", "both sides": the people of the event before
    kTitle,      // "the Secretary", "the Prime Minister": the person of that title named in the text
    kSpeaker,    // "I" in a transcript: the person of the speaker label ("President Aliyev: ...")
    kAddressee,  // "you" there: the people the speaker hails ("Mr Putin, dear guests,")
  };
  std::int32_t mention = -1;  // index into Document::mentions
  Ref ref = Ref::kNone;
  std::uint8_t count = 0;        // kPlural: the number given ("the two leaders"), or 0
  std::string title;             // kTitle: the title's words, lower case ("prime minister")
  std::uint32_t title_word = 0;  // kTitle: the word the title starts at
  bool subject = false;          // named before the trigger (the CAMEO source side)
};

// A candidate event: one trigger of one sentence, before assembly.
struct EventFrame {
  std::uint32_t sentence = 0;                       // index into Document::sentences
  std::uint32_t first_token = 0, end_token = 0;     // the sentence's matching tokens
  std::uint32_t trigger_word = 0, trigger_end = 0;  // the trigger's words
  std::uint32_t clause_first = 0, clause_end = 0;   // the words of its clause
  std::uint32_t entry = 0;                          // index into the trigger lexicon
  bool nominal = false;                             // a noun trigger ("the meeting")
  bool separately = false;                          // "spoke separately with A and B"
  EventStatus status = EventStatus::kHappened;
  std::vector<FrameArg> args;
  std::uint32_t type_from = UINT32_MAX;  // the trigger entry that names the type, when
                                         // not `entry` ("a joint statement was signed")
  std::uint32_t governing = UINT32_MAX;  // the verb group that carries it ("held talks",
                                         // "flew to Baku and met"), or UINT32_MAX
  std::vector<std::uint32_t> actors;     // the mentions taking part, once resolved
  std::vector<char> actor_subject;       // per actor: on the subject side
  // People a title alone stands for who are named nowhere in the document ("The Prime
  // Minister" of a gov.uk readout: the UK's Prime Minister on the date), as participants.
  std::vector<Participant> unnamed;
  Event event;  // filled step by step
};

// A document larger than a window (pipeline::RunOptions::window_bytes) is analysed window
// by window, each a run of whole lines; the layers then hold one window's tokens, sentences,
// mentions, ... with offsets into the whole text, and the steps that read document-level
// state take what earlier windows left here (see lib/analysis/ANNOTATORS.md, §7). For a
// document analysed whole, `begin` = 0, `end` = the text's size, `index` = 0, `last` set and
// the rest empty.
struct WindowState {
  std::uint32_t begin = 0, end = 0;  // the window's bytes of the text; end = 0: the whole text
  std::uint32_t index = 0;           // 0 for the first window
  bool last = true;                  // the document's last window
  // Carried forward from the earlier windows:
  text::DocumentDate date;  // the document date, resolved on the first window
  // People named in full (surnames step): by the key of their last token and of their
  // gazetteer name's last token; by the first and last token of a full mention (a titled
  // surname's lookup). The first such person wins, as in a whole document.
  StringMap<Mention> full_by_surname, full_by_last, full_by_first;
  StringSet model_surnames;  // names step: last-token keys of people named in two or more tokens
  // event-coreference: the people of the latest frame with two or more people.
  std::vector<Participant> previous_people;
  // event-assembly: the events of the earlier windows, as found (any number of
  // participants), until the last window merges them all; and their dated
  // references to events told elsewhere ("the agreements of November 10": class, date and
  // evidence only), linked on the last window.
  std::vector<Event> events, event_refs;
  std::size_t compact_at = std::size_t{1} << 16;  // events kept unmerged before they are merged
};

// The document model. Layers are filled by annotators in the order of their list; a layer
// an earlier step did not fill is empty.
struct Document {
  documents::Document doc;  // id, text, metadata
  std::string option_date;  // --date, "" when absent
  text::DocumentDate date;
  text::TokenList tokens;
  // Sentence spans, in order, covering every token. Filled by the `sentences` step, which
  // every chain that reads sentences runs; a chain without it (mentions only) leaves the
  // layer empty until EnsureSentences fills it on demand.
  std::vector<text::Span> sentences;
  bool segmented = false;
  std::vector<std::int8_t> name_like;  // per token: -1 not worked out yet, 0 or 1 (mentions)
  std::vector<TitleSpan> titles;
  std::vector<Mention> mentions;      // sorted by start once `mention-order` ran; never overlapping
  std::vector<std::int32_t> covered;  // per token: index into `mentions`, or -1
  // Linguistic layers, parallel arrays over `words` (UD words with byte spans), for the
  // sentences listed in `tagged`: all of them with the `tag` step, those a step before put in
  // `to_tag` with `tag-selected` (cheap filters first: the tagger runs where it can matter).
  std::vector<std::uint32_t> to_tag;          // sentences to tag (ascending), for tag-selected
  std::vector<std::uint32_t> tagged;          // sentences tagged (ascending)
  std::vector<std::uint32_t> sentence_words;  // tagged.size() + 1 entries: tagged sentence k has
                                              // words [sentence_words[k], sentence_words[k + 1])
  std::vector<tagger::Token> words;
  std::vector<tagger::Upos> upos;
  std::vector<std::string> lemmas;
  std::vector<tagger::Chunk> chunks;
  std::vector<std::int32_t> word_mention;  // per word: the mention it is part of, or -1
  std::vector<text::DateMention> dates;
  std::vector<EventFrame> frames;
  std::vector<Event> events;
  WindowState window;  // the window analysed and the state of the earlier ones

  std::string_view text() const { return doc.text; }
  // The window's first and end byte: [0, text().size()) for a document analysed whole.
  std::uint32_t window_begin() const { return window.begin; }
  std::uint32_t window_end() const { return window.end ? window.end : static_cast<std::uint32_t>(doc.text.size()); }
  bool windowed() const { return window.end != 0; }
  // Starts a new document: keeps the memory of every layer, empties it.
  void Reset(documents::Document raw, std::string option_date);
  // Adds a mention over tokens [m.first_token, m.end_token) and covers them; sets start/end
  // (an abbreviation's final period, "U.S.", belongs to the name).
  void AddMention(Mention m);
  // The byte where a name over tokens [first, end) ends: the last token's end, or the period
  // after it where that ends an abbreviation of the name ("U.S.", "Marcos Jr.", "Enron Corp.").
  std::uint32_t NameEnd(std::uint32_t first, std::uint32_t end) const;
  // The mention covering token `tok`, or nullptr.
  Mention* MentionAt(std::uint32_t tok);
  const Mention* MentionAt(std::uint32_t tok) const;
  // Keeps the mentions for which keep[i] is set, and covers their tokens again.
  void KeepMentions(const std::vector<char>& keep);
  // Swaps the layers that are scratch for the consumer of the result (tokens, sentences,
  // name_like, titles, covered, words and tags, dates, frames) with `other`'s, so that a
  // worker reuses their memory for every document.
  void SwapScratch(Document& other);
};

// Fills d.sentences with `analyzer` unless already done.
void EnsureSentences(text::Analyzer& analyzer, Document& d);

// The words of sentence `s` when it was tagged: [first, end) into d.words; {0, 0} otherwise.
std::pair<std::uint32_t, std::uint32_t> WordsOf(const Document& d, std::uint32_t s);

// Shared, immutable resources by name: the gazetteer, the lexicons, the models. Loaded once
// and read by every worker at once.
class Resources {
 public:
  template <class T>
  void Put(const std::string& name, std::shared_ptr<const T> value) {
    items_[name] = std::move(value);
  }
  // Puts a resource the caller owns and keeps alive (tests, benchmarks, facades).
  template <class T>
  void PutBorrowed(const std::string& name, const T& value) {
    Put<T>(name, std::shared_ptr<const T>(&value, [](const T*) {}));
  }
  // The resource `name` of type T, or nullptr when absent or of another type.
  template <class T>
  const T* Find(std::string_view name) const {
    const auto it = items_.find(name);
    if (it == items_.end()) return nullptr;
    const auto* p = std::any_cast<std::shared_ptr<const T>>(&it->second);
    return p ? p->get() : nullptr;
  }
  bool Has(std::string_view name) const { return items_.find(name) != items_.end(); }

 private:
  std::map<std::string, std::any, std::less<>> items_;
};

// Where resources are loaded from, and the options that shape them.
struct LoadContext {
  std::string data_dir;  // <data_dir>/lexicons, <data_dir>/models, ...
  bool no_default_gazetteers = false;
  std::vector<std::string> gazetteers;  // -g
  // Options of the event steps (resource "event-options", events::EventOptions).
  bool event_all_actors = false;  // --actors all
  std::string cameo_verbs;        // --cameo-verbs FILE, "" for none
};

// Per-worker state that the annotators of one worker share (an ICU analyser).
struct WorkerContext {
  text::Analyzer analyzer;
};

class Annotator {
 public:
  virtual ~Annotator() = default;
  // Reads some layers of `doc` and writes one. Cannot fail: odd input gives less output.
  virtual void Annotate(Document& doc) = 0;
};

struct AnnotatorSpec {
  std::string name;                    // "gazetteer", "event-triggers", ...
  std::string what;                    // one line for --help and the design note
  std::vector<std::string> resources;  // names of the resources it reads
  std::function<std::unique_ptr<Annotator>(const Resources&, WorkerContext&)> make;
};

struct ResourceSpec {
  std::string name;  // "gazetteer", "titles", "pos-model", ...
  std::function<Status(const LoadContext&, Resources*)> load;
};

// A resource of type T read from `path` (relative to LoadContext::data_dir) by
// `load(full_path, T*)`, a function returning Status, and put under `name`.
template <class T, class LoadFn>
ResourceSpec FileResource(std::string name, std::string path, LoadFn load) {
  std::string key = name;
  return {std::move(key),
          [name = std::move(name), path = std::move(path), load](const LoadContext& where, Resources* into) -> Status {
            auto value = std::make_shared<T>();
            ACTORGRAPH_RETURN_IF_ERROR(load(where.data_dir + "/" + path, value.get()));
            into->Put<T>(name, std::move(value));
            return Status::Ok();
          }};
}
// The same for a T with a member `Status Load(const std::string& path)` (the lexicons).
template <class T>
ResourceSpec FileResource(std::string name, std::string path) {
  return FileResource<T>(std::move(name), std::move(path), [](const std::string& full, T* t) { return t->Load(full); });
}

// The annotators and resources that can be named in a step list.
class Registry {
 public:
  void Add(AnnotatorSpec spec);
  void AddResource(ResourceSpec spec);
  const AnnotatorSpec* Find(std::string_view name) const;
  const ResourceSpec* FindResource(std::string_view name) const;
  // Loads every resource the steps need, once each, in the order first needed. Errors: the
  // loader's, or kBadUsage for an unknown step or resource name.
  Status LoadFor(const std::vector<std::string>& steps, const LoadContext& where, Resources* into) const;

 private:
  std::vector<AnnotatorSpec> annotators_;
  std::vector<ResourceSpec> resources_;
};

// The annotators of one worker, in order.
class Chain {
 public:
  // Errors: kBadUsage for an unknown step or a resource not loaded.
  static Status Make(const Registry& registry, const std::vector<std::string>& steps, const Resources& resources,
                     std::unique_ptr<Chain>* out);
  void Run(Document& doc);
  WorkerContext& context() { return *context_; }

 private:
  std::unique_ptr<WorkerContext> context_;
  std::vector<std::unique_ptr<Annotator>> steps_;
};

// The steps of the text stage, which the analysis stage provides: tokenize, sentences,
// document-date, and tag / tag-selected (words, tags, lemmas and chunks; resource
// "pos-model", <data_dir>/models/pos-en.agt).
void RegisterTextSteps(Registry& registry);

}  // namespace actorgraph::analysis
