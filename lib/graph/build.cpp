#include "graph/build.hpp"

#include "common/node_id.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace actorgraph::graph {
namespace {

constexpr std::uint32_t kNoSentence = UINT32_MAX;

struct Actor {
  std::string id, label, kind, role, role_date, country;
  std::int64_t entity = -1;
  std::int64_t mentions = 0;
  double confidence = 0.0;
  // The first max_evidence distinct mention spans, as (document, start, end) with the
  // document interned: 12 bytes a span rather than a string, since a large gazetteer over a
  // large corpus gives hundreds of thousands of actors.
  struct Ev {
    std::uint32_t doc, start, end;
    std::uint32_t sentence = kNoSentence;  // index into Impl::sentences (BuildOptions::sentences)
    bool SameSpan(const Ev& o) const { return doc == o.doc && start == o.start && end == o.end; }
  };
  std::vector<Ev> evidence;
  std::string last_date;  // latest document date the actor was seen on
};

// A membership or affiliation edge from the gazetteer, before the vertices exist.
struct Link {
  std::string from, to, relation, role;
};

// An edge by the ids of its ends, before the vertices exist.
struct PendingEdge {
  std::string from, to;
  Edge edge;
};

// The sentences shown, by document and start: events take theirs from these, so that
// extract and merge (which has no text for events) give the same.
using SentencesByDoc = std::map<std::string, std::map<std::uint32_t, std::string>>;

std::string Span(const std::string& doc, std::uint32_t start, std::uint32_t end) {
  return fmt::format("{}:{}-{}", doc, start, end);
}

std::string Join(const std::set<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += ';';
    out += s;
  }
  return out;
}

}  // namespace

struct GraphBuilder::Impl {
  const gazetteer::Gazetteer& gaz;
  std::size_t max_evidence;             // spans kept per actor (BuildOptions::max_evidence)
  bool keep_sentences;                  // BuildOptions::sentences
  std::vector<SentenceText> sentences;  // of the spans kept, when keep_sentences
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> sentence_index;  // (doc, start) -> index
  std::map<std::string, Actor> actors;
  std::vector<std::string> docs;  // interned document ids
  std::unordered_map<std::string, std::uint32_t> doc_index;
  std::vector<events::Event> events;
  std::vector<events::Event> merged;
  Impl(const gazetteer::Gazetteer& g, std::size_t cap, bool keep) : gaz(g), max_evidence(cap), keep_sentences(keep) {}

  // AddMentions with `sentence_of(i)`, the sentence of mentions[i] (called only for a span
  // that is kept, and only with keep_sentences).
  template <class SentenceOf>
  void Add(const std::string& doc_id, const std::string& doc_date, const std::vector<mentions::Mention>& mentions,
           SentenceOf&& sentence_of);

  Actor& Touch(const std::string& id, const std::string& label, const std::string& kind, std::int64_t entity,
               const std::string& country) {
    auto [it, fresh] = actors.try_emplace(id);
    Actor& a = it->second;
    if (fresh) {
      a.id = id;
      a.label = label;
      a.kind = kind;
      a.entity = entity;
      a.country = country;
    }
    if (a.country.empty()) a.country = country;
    return a;
  }

  // The phases of Build, in order.
  std::set<std::string> WantedActors(bool mentioned_actors);
  std::vector<Link> MembershipLinks(const std::set<std::string>& wanted, std::set<std::string>* targets);
  Node ActorNode(const Actor& a, std::size_t evidence_cap, SentencesByDoc* by_doc) const;
  void ReleaseActors();

  Actor& TouchEntity(std::uint32_t index) {
    const auto& e = gaz.entity(index);
    return Touch(e.id, e.name, std::string(gazetteer::KindName(e.kind)), index,
                 e.kind == gazetteer::Kind::kCountry ? (e.code.empty() ? e.country : e.code) : e.country);
  }
};

GraphBuilder::GraphBuilder(const gazetteer::Gazetteer& g, const BuildOptions& options)
    : impl_(std::make_unique<Impl>(g, options.max_evidence, options.sentences)) {}
GraphBuilder::~GraphBuilder() = default;
const std::vector<events::Event>& GraphBuilder::merged_events() const { return impl_->merged; }

void GraphBuilder::AddMentions(const std::string& doc_id, const std::string& doc_date,
                               const std::vector<mentions::Mention>& mentions, std::string_view text,
                               std::uint32_t begin, std::uint32_t end) {
  DocumentSentences doc_sentences(text, begin, end);
  impl_->Add(doc_id, doc_date, mentions, [&](std::size_t i) { return doc_sentences.At(mentions[i].start); });
}

void GraphBuilder::AddMentions(const std::string& doc_id, const std::string& doc_date,
                               const std::vector<mentions::Mention>& mentions,
                               const std::vector<std::optional<SentenceText>>& sentences) {
  impl_->Add(doc_id, doc_date, mentions,
             [&](std::size_t i) { return i < sentences.size() ? sentences[i] : std::optional<SentenceText>(); });
}

template <class SentenceOf>
void GraphBuilder::Impl::Add(const std::string& doc_id, const std::string& doc_date,
                             const std::vector<mentions::Mention>& mentions, SentenceOf&& sentence_of) {
  // The document is interned when a span of it is first kept (so the table stops growing
  // once the actors have their spans). A document id seen before (a corpus that repeats
  // ids) may repeat a span already kept.
  std::uint32_t doc = UINT32_MAX;
  bool seen_before = false;
  const auto intern = [&]() {
    if (doc == UINT32_MAX) {
      auto [it, fresh] = doc_index.try_emplace(doc_id, static_cast<std::uint32_t>(docs.size()));
      if (fresh) docs.push_back(doc_id);
      doc = it->second;
      seen_before = !fresh;
    }
    return doc;
  };
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const auto& m = mentions[i];
    // Adjectives and demonyms describe, they do not name: "Russian peacekeepers".
    if (m.descriptive()) continue;
    Actor& a = Touch(m.entity_id, m.name, std::string(gazetteer::KindName(m.kind)), m.entity, m.country);
    ++a.mentions;
    a.confidence = std::max(a.confidence, m.confidence);
    if (a.evidence.size() < max_evidence) {
      Actor::Ev ev{intern(), m.start, m.end};
      if (!seen_before ||
          std::none_of(a.evidence.begin(), a.evidence.end(), [&](const Actor::Ev& e) { return e.SameSpan(ev); })) {
        if (keep_sentences) {
          if (auto sentence = sentence_of(i)) {
            // One copy of a sentence however many spans it holds.
            auto [it, fresh] =
                sentence_index.try_emplace({ev.doc, sentence->start}, static_cast<std::uint32_t>(sentences.size()));
            if (fresh) sentences.push_back(std::move(*sentence));
            ev.sentence = it->second;
          }
        }
        a.evidence.push_back(ev);
      }
    }
    if (!m.role.empty() && doc_date >= a.role_date) {
      a.role = m.role;
      a.role_date = doc_date;
    }
    if (doc_date > a.last_date) a.last_date = doc_date;
  }
}

void GraphBuilder::AddEvents(std::vector<events::Event> evs) {
  for (auto& e : evs) impl_->events.push_back(std::move(e));
}

namespace {

// The first `max` of the ';'-joined spans in `joined` (all of them when there are no more).
std::string FirstSpans(const std::string& joined, std::size_t max) {
  std::size_t at = 0;
  for (std::size_t kept = 0; kept < max; ++kept) {
    at = joined.find(';', at);
    if (at == std::string::npos) return joined;
    if (kept + 1 < max) ++at;
  }
  return joined.substr(0, at);
}

// The event node of `e`: label from its participants, confidence of the least sure one, and
// the evidence sentences an actor's span already showed.
Node EventNode(const events::Event& e, const SentencesByDoc& by_doc) {
  Node node;
  node.id = node_id::FromString(e.id);
  std::string names;
  for (const auto& p : e.participants) {
    if (!names.empty()) names += ", ";
    names += p.name;
  }
  node.label = fmt::format("{} {}: {}", e.type, e.date.empty() ? "undated" : e.date, names);
  node.kind = "event";
  node.event_type = e.type;
  node.date = e.date;
  node.place = e.place;
  node.mode = e.mode;
  node.cameo = e.cameo;
  node.status = e.status;
  node.entity_id = e.id;
  node.mentions = static_cast<std::int64_t>(e.evidence.size());
  double conf = 1.0;
  for (const auto& p : e.participants) conf = std::min(conf, p.confidence);
  node.confidence = conf;
  std::set<std::string> ev;
  std::map<std::string, EvidenceSentence> sentences;
  for (const auto& s : e.evidence) {
    std::string span = Span(s.doc, s.start, s.end);
    // The sentence shown for an actor that holds the whole span, if any.
    const auto doc = by_doc.find(s.doc);
    if (doc != by_doc.end()) {
      auto it = doc->second.upper_bound(s.start);
      if (it != doc->second.begin()) {
        --it;
        if (it->first + it->second.size() >= s.end)
          sentences.try_emplace(span, EvidenceSentence{s.doc, s.start, s.end, it->first, it->second});
      }
    }
    ev.insert(std::move(span));
  }
  node.evidence = Join(ev);
  for (auto& [span, sentence] : sentences) node.sentences.push_back(std::move(sentence));
  return node;
}

// The actor-only projection: one co_participant edge per pair of actors that share an
// event, weighted by the number of events they share.
void ProjectionEdges(const std::vector<events::Event>& merged, std::vector<PendingEdge>* edges) {
  std::map<std::pair<std::string, std::string>, std::set<std::string>> shared;
  for (const auto& e : merged) {
    for (std::size_t i = 0; i < e.participants.size(); ++i) {
      for (std::size_t j = i + 1; j < e.participants.size(); ++j) {
        shared[{e.participants[i].entity_id, e.participants[j].entity_id}].insert(e.id);
      }
    }
  }
  for (const auto& [pair, ids] : shared) {
    Edge edge;
    edge.relation = "co_participant";
    edge.weight = static_cast<double>(ids.size());
    edge.events = Join(ids);
    edges->push_back({pair.first, pair.second, edge});
  }
}

// Adds `edges` to `g` sorted by (from, to, relation, role), one per (from, to, relation),
// with ids e0, e1, ... in that order.
void AddEdges(std::vector<PendingEdge> edges, const std::map<std::string, Vertex>& vertex, Graph& g) {
  std::sort(edges.begin(), edges.end(), [](const PendingEdge& a, const PendingEdge& b) {
    return std::tie(a.from, a.to, a.edge.relation, a.edge.role) < std::tie(b.from, b.to, b.edge.relation, b.edge.role);
  });
  edges.erase(std::unique(edges.begin(), edges.end(),
                          [](const PendingEdge& a, const PendingEdge& b) {
                            return a.from == b.from && a.to == b.to && a.edge.relation == b.edge.relation;
                          }),
              edges.end());
  std::size_t k = 0;
  for (auto& pe : edges) {
    pe.edge.id = fmt::format("e{}", k++);
    boost::add_edge(vertex.at(pe.from), vertex.at(pe.to), pe.edge, g);
  }
}

}  // namespace

std::set<std::string> GraphBuilder::Impl::WantedActors(bool mentioned_actors) {
  // Participants, with the role and country their events give them, plus (optionally)
  // every mentioned actor.
  std::set<std::string> wanted;
  for (const auto& e : merged) {
    for (const auto& p : e.participants) {
      wanted.insert(p.entity_id);
      std::int64_t entity = -1;
      if (auto idx = gaz.Find(p.entity_id)) entity = *idx;
      Actor& a = Touch(p.entity_id, p.name, p.kind, entity, p.country);
      if (a.confidence == 0.0) a.confidence = p.confidence;
      if (!p.title.empty() && e.date >= a.role_date) {
        a.role = p.title;
        a.role_date = e.date;
      }
      if (e.date > a.last_date) a.last_date = e.date;
    }
  }
  if (mentioned_actors) {
    for (const auto& [id, a] : actors) wanted.insert(id);
  }
  return wanted;
}

std::vector<Link> GraphBuilder::Impl::MembershipLinks(const std::set<std::string>& wanted,
                                                      std::set<std::string>* targets) {
  std::vector<Link> links;
  for (const auto& id : wanted) {
    Actor& a = actors[id];
    if (a.entity >= 0) {
      // Organisations the entity belongs to, and those it held a role of on the last date
      // it was seen.
      const auto& e = gaz.entity(static_cast<std::uint32_t>(a.entity));
      std::set<std::string> orgs(e.member_of.begin(), e.member_of.end());
      for (const auto& r : e.roles) {
        if (r.of.empty() || !r.HeldOn(a.last_date)) continue;
        auto idx = gaz.Find(r.of);
        if (!idx) continue;
        const auto kind = gaz.entity(*idx).kind;
        if (kind == gazetteer::Kind::kOrganization || kind == gazetteer::Kind::kGroup) orgs.insert(r.of);
      }
      for (const auto& org : orgs) {
        if (auto idx = gaz.Find(org)) {
          TouchEntity(*idx);
          links.push_back({id, org, "member_of", ""});
          targets->insert(org);
        }
      }
    }
    if (!a.country.empty() && (a.kind == "person" || a.kind == "organization" || a.kind == "group")) {
      const std::string country_id = "country:" + a.country;
      if (auto idx = gaz.Find(country_id)) {
        TouchEntity(*idx);
        links.push_back({id, country_id, "affiliated_with", ""});
        targets->insert(country_id);
      }
    }
  }
  return links;
}

Node GraphBuilder::Impl::ActorNode(const Actor& a, std::size_t evidence_cap, SentencesByDoc* by_doc) const {
  Node node;
  node.id = node_id::FromString(a.id);
  node.label = a.label;
  node.kind = a.kind;
  node.entity_id = a.id;
  node.role = a.role;
  node.country = a.country;
  node.mentions = a.mentions;
  node.confidence = a.confidence > 0 ? a.confidence : 1.0;
  std::set<std::string> spans;
  std::map<std::string, EvidenceSentence> shown;  // by span, so in the order of `evidence`
  for (std::size_t i = 0; i < a.evidence.size() && i < evidence_cap; ++i) {
    const Actor::Ev& ev = a.evidence[i];
    std::string span = Span(docs[ev.doc], ev.start, ev.end);
    if (ev.sentence != kNoSentence) {
      const SentenceText& st = sentences[ev.sentence];
      shown.try_emplace(span, EvidenceSentence{docs[ev.doc], ev.start, ev.end, st.start, st.text});
      (*by_doc)[docs[ev.doc]].try_emplace(st.start, st.text);
    }
    spans.insert(std::move(span));
  }
  node.evidence = Join(spans);
  for (auto& [span, sentence] : shown) node.sentences.push_back(std::move(sentence));
  return node;
}

void GraphBuilder::Impl::ReleaseActors() {
  std::map<std::string, Actor>().swap(actors);
  std::vector<std::string>().swap(docs);
  std::vector<SentenceText>().swap(sentences);
  sentence_index.clear();
  std::unordered_map<std::string, std::uint32_t>().swap(doc_index);
}

Graph GraphBuilder::Build(const BuildOptions& options) {
  Impl& im = *impl_;
  im.merged = events::MergeEvents(std::move(im.events));
  im.events.clear();
  std::erase_if(im.merged, [&](const events::Event& e) {
    return std::find(options.statuses.begin(), options.statuses.end(), e.status) == options.statuses.end();
  });

  std::set<std::string> wanted = im.WantedActors(options.mentioned_actors);
  // Membership and affiliation edges, adding their targets as nodes.
  std::set<std::string> targets;
  const std::vector<Link> links = im.MembershipLinks(wanted, &targets);
  wanted.insert(targets.begin(), targets.end());

  Graph g;
  g[boost::graph_bundle].generator = options.generator;
  g[boost::graph_bundle].projection = options.projection ? "actors" : "";
  std::map<std::string, Vertex> vertex;
  const std::size_t max_evidence = std::min(options.max_evidence, im.max_evidence);
  SentencesByDoc by_doc;
  for (const auto& id : wanted) vertex[id] = boost::add_vertex(im.ActorNode(im.actors[id], max_evidence, &by_doc), g);
  // The actors are in the graph now: what was accumulated for them is released here rather
  // than with the builder, so that a large graph is not held twice while it is exported.
  im.ReleaseActors();
  std::set<std::string>().swap(wanted);

  std::vector<PendingEdge> edges;
  if (!options.projection) {
    for (const auto& e : im.merged) {
      const Node node = EventNode(e, by_doc);
      vertex[e.id] = boost::add_vertex(node, g);
      // Each participant edge carries the first max_evidence spans, as an actor node does:
      // one event with thousands of spans and participants must not repeat them all on
      // every edge (the node keeps them all, once).
      const std::string edge_evidence = FirstSpans(node.evidence, max_evidence);
      for (const auto& p : e.participants) {
        Edge edge;
        edge.relation = "participant_of";
        edge.role = p.role;
        edge.weight = 1.0;
        edge.evidence = edge_evidence;
        edges.push_back({p.entity_id, e.id, edge});
      }
    }
  } else {
    ProjectionEdges(im.merged, &edges);
  }
  for (const auto& l : links) {
    Edge edge;
    edge.relation = l.relation;
    edge.role = l.role;
    edges.push_back({l.from, l.to, edge});
  }
  AddEdges(std::move(edges), vertex, g);
  ComputeMetrics(g, options.metrics, options.warnings);
  return g;
}

}  // namespace actorgraph::graph
