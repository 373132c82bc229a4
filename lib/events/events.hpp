// actorgraph — stage 4: events.
//
// Finds events (meetings, talks, calls, visits, agreements, joint statements) in analysed
// documents through the trigger lexicon data/lexicons/triggers.tsv, gives each its
// participants and their roles, a date resolved against the document date, a place and a
// mode, and merges the mentions of one event (within a document and across documents) into
// one. Each part is one annotator over the document model (analysis/analysis.hpp), in order:
//   event-triggers    trigger phrases not negated or planned → one frame per class and sentence
//   event-arguments   the frame's actors: the sentence's people, a plural reference to the
//                     people named before ("the two leaders"), or countries and organisations
//                     that are the subject; their roles (visitor and host by side)
//   event-dates       the frame's date: the nearest date expression, else the document date
//   event-attributes  place ("met in Moscow"), mode (video, phone), mediators on the date
//   event-assembly    frames → events, merged within the document; dated references to events
//                     told elsewhere ("the agreements of November 10") linked to them
// See lib/events/EVENTS.md for the rules.
#pragma once

#include "analysis/analysis.hpp"
#include "common/status.hpp"
#include "common/string_hash.hpp"
#include "gazetteer/gazetteer.hpp"
#include "mentions/mentions.hpp"
#include "tagger/tagger.hpp"
#include "text/phrases.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace actorgraph::events {

using analysis::Event;
using analysis::Evidence;
using analysis::Participant;

// The trigger lexicon (data/lexicons/event-triggers.tsv): lemmas with their part of speech.
struct Triggers {
  struct Entry {
    std::vector<std::string> lemmas;  // one or more words ("joint statement", "sit down")
    bool noun = false;                // NOUN, else VERB
    std::string type, event_class, cameo, role;
    bool direct_object = true;   // args "object" or "person": the direct object takes part
    bool person_object = false;  // args "person": and with a thing for its object, no event
  };
  std::vector<Entry> entries;
  StringSet forms;  // keys of the word forms that may start a trigger (the cheap filter)
  // Past forms and participles of the verbs ("met" → "meet"), for a past form the tagger
  // took for a noun.
  std::unordered_map<std::string, std::string> past;
  // The entries whose head word (a verb's first lemma, a noun's last) is `lemma`.
  std::vector<std::uint32_t> Find(std::string_view lemma) const;
  // Loads the TSV file. Errors: kIo, kBadInput "file:line: ...".
  Status Load(const std::string& path);

 private:
  StringMap<std::vector<std::uint32_t>> by_head_;
};

// Words that shape what a trigger means (data/lexicons/event-cues.tsv; see its header).
struct Cues {
  StringSet modal, negation, intent, cancel, future, ahead, light, witness, separately, adjunct, plural, pronoun,
      hospitality, speaker, implicative, refusal;
  // Loads the TSV file. Errors: kIo, kBadInput "file:line: ..." (an unknown cue).
  Status Load(const std::string& path);
};

// The CAMEO codes of verbs from a PETRARCH / TABARI verb dictionary ("--- MEET [040] ---"
// blocks of verbs, each block's code unless a verb line gives its own): `events
// --cameo-verbs FILE` codes a verb trigger with the dictionary's code for its lemma instead of
// the lexicon's. Patterns ("- * RESUMPTION OF TIES WITH + [041]") and synonym sets are read
// over, not applied; a verb whose code is [---] keeps the lexicon's code.
struct CameoVerbs {
  StringMap<std::string> code_by_lemma;  // "meet" → "040", "break down" → "120"
  // The code for a verb lemma (words joined by one space), "" when the dictionary has none.
  std::string_view CodeOf(std::string_view lemma) const;
  // Errors: kIo (unreadable), kBadInput (no verb at all: not a verb dictionary).
  Status Load(const std::string& path);
};

// What the user asked of the event steps: resource "event-options", from the LoadContext.
struct EventOptions {
  // Countries and organisations may make an event without any person ("Russia and Turkey
  // signed", as event coders such as PETRARCH code states); by default events link people.
  bool all_actors = false;
  CameoVerbs verbs;  // empty unless --cameo-verbs
};

// The steps above, and the resource "triggers" (from <data_dir>/lexicons).
void RegisterSteps(analysis::Registry& registry);
// The event steps in their order, after the mention steps and `sentences`.
const std::vector<std::string>& StepNames();

// Runs the event steps (with tag-selected) on a document the mention steps (with sentences)
// have analysed: for tests and benchmarks that need no pipeline.
class EventExtractor {
 public:
  EventExtractor(const gazetteer::Gazetteer& gazetteer, const Triggers& triggers, const Cues& cues,
                 const tagger::Model& model, EventOptions options = {});
  ~EventExtractor();

  // The events of one analysed document, already merged within the document and with
  // events of fewer than two participants dropped (also left in doc.events). Deterministic.
  std::vector<Event> Extract(analysis::Document& doc) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Merges events that are mentions of one event: same class, compatible dates (equal, or
// one a prefix of the other, or one unknown), and at least one shared participant — or, for
// events of the same document and sentence, always. The result is in a canonical order
// (date, type, id) and independent of the input order.
std::vector<Event> MergeEvents(std::vector<Event> events);

// Recomputes `id` from date, type and participants.
void AssignId(Event* event);

}  // namespace actorgraph::events
