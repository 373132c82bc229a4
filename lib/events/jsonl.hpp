// actorgraph — events as JSON Lines (the output of `actorgraph events`) and as dyadic
// PETRARCH-style rows.
#pragma once

#include "common/status.hpp"
#include "events/events.hpp"

#include <string>
#include <vector>

namespace actorgraph::events {

// One JSON object, no newline: {"id","type","date","place","place_name","mode","cameo",
// "participants":[{"entity_id","name","kind","role","title","country","confidence"}],
// "dyads":[{"source","target"}],"evidence":[{"doc","start","end"}]}.
std::string ToJsonLine(const Event& e);

// Parses a line written by ToJsonLine. Errors: kBadInput naming `where` ("file:line").
Status FromJsonLine(std::string_view line, const std::string& where, Event* e);

// Source → target pairs for CAMEO coding: participants named before the trigger are
// sources, the others targets; when all were named before it ("A, B and C met"), each
// participant is paired with every later one. Pairs are (entity_id, entity_id).
std::vector<std::pair<std::string, std::string>> Dyads(const Event& e);

// The header and rows of `actorgraph events --format petrarch`: tab-separated
// doc, date, source, target, cameo, event_type, event_id — one row per dyad.
std::string PetrarchHeader();
std::string ToPetrarchRows(const Event& e);

}  // namespace actorgraph::events
