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
#include "gazetteer/gazetteer.hpp"
#include "mentions/mentions.hpp"
#include "text/phrases.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace actorgraph::events {

using analysis::Event;
using analysis::Evidence;
using analysis::Participant;

// The trigger lexicon.
struct Triggers {
  struct Entry {
    std::string type, event_class, cameo, role;
  };
  text::PhraseTable table;
  std::vector<Entry> entries;
  // Loads data/lexicons/triggers.tsv. Errors: kIo, kBadInput "file:line: ...".
  Status Load(const std::string& path);
};

// The steps above, and the resource "triggers" (from <data_dir>/lexicons).
void RegisterSteps(analysis::Registry& registry);
// The event steps in their order, after the mention steps and `sentences`.
const std::vector<std::string>& StepNames();

// Runs the event steps on a document the mention steps (with sentences) have analysed: for
// tests and benchmarks that need no pipeline.
class EventExtractor {
 public:
  EventExtractor(const gazetteer::Gazetteer& gazetteer, const Triggers& triggers);
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
