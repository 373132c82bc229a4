// actorgraph — stage 4: events.
//
// Finds events (meetings, talks, calls, visits, agreements, joint statements) in analysed
// documents through the trigger lexicon data/lexicons/triggers.tsv, gives each its
// participants and their roles, a date resolved against the document date, a place and a
// mode, and merges the mentions of one event (within a document and across documents) into
// one. See lib/events/EVENTS.md for the rules.
#pragma once

#include "common/status.hpp"
#include "gazetteer/gazetteer.hpp"
#include "mentions/mentions.hpp"
#include "text/phrases.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace actorgraph::events {

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
  std::string mode;         // "video", "phone" or ""
  std::string cameo;        // CAMEO code, or ""
  std::vector<Participant> participants;  // sorted by entity id
  std::vector<Evidence> evidence;         // sorted
  // Set when no date expression dated the event and it took its document's date: the doc
  // id. Such a date is a default, so the event still merges with an event of that document
  // dated otherwise (the headline "Putin and Macron discuss ..." of a call made yesterday).
  std::string default_date_doc;
};

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

class EventExtractor {
 public:
  EventExtractor(const gazetteer::Gazetteer& gazetteer, const Triggers& triggers);

  // The events of one analysed document, already merged within the document and with
  // events of fewer than two participants dropped. Deterministic; cannot fail.
  std::vector<Event> Extract(const mentions::AnalyzedDocument& doc) const;

 private:
  const gazetteer::Gazetteer& gazetteer_;
  const Triggers& triggers_;
};

// Merges events that are mentions of one event: same class, compatible dates (equal, or
// one a prefix of the other, or one unknown), and at least one shared participant — or, for
// events of the same document and sentence, always. The result is in a canonical order
// (date, type, id) and independent of the input order.
std::vector<Event> MergeEvents(std::vector<Event> events);

// Recomputes `id` from date, type and participants.
void AssignId(Event* event);

}  // namespace actorgraph::events
