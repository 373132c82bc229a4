// actorgraph — node ids: the one id alphabet and the one escaper.
//
// A valid id is a non-empty string over [A-Za-z0-9._:-] (the gazetteer's id rule, see
// gazetteer/FORMAT.md); every valid id is also an XML NMTOKEN, so GraphML, GEXF, DOT, JSON,
// Cytoscape and Neo4j can all carry it unchanged.
//
// FromString() turns any string into a valid id, one-to-one: a plain id (a valid id with no
// "__" in it) is kept as it is, so a graph node for `person:anna_berg` has the id
// `person:anna_berg`. Every other string is escaped: each byte outside [A-Za-z0-9.:-], and
// each '_', is written "__HH" (two upper-case hex digits): "a b" -> "a__20b",
// "a__b" -> "a__5F__5Fb", "ü" -> "__C3__BC". An escaped id always holds "__", which no plain
// id does, and decodes uniquely, so two different strings never get one id. The empty
// string becomes "__", which no other string gives. A gazetteer id with "__" in it is
// therefore exported escaped; no shipped id has one.
#pragma once

#include <string>
#include <string_view>

namespace actorgraph::node_id {

// True for the bytes of the id alphabet: [A-Za-z0-9._:-].
constexpr bool IsIdByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == ':' || c == '-';
}

// Non-empty and only [A-Za-z0-9._:-].
bool IsValid(std::string_view id);

// Valid and without "__": kept unchanged by FromString.
bool IsPlain(std::string_view id);

// The id of `raw`: `raw` itself if IsPlain(raw), else its escape (see above). Always valid;
// different inputs give different ids.
std::string FromString(std::string_view raw);

}  // namespace actorgraph::node_id
