// Uses the installed library: loads a one-line gazetteer and finds a mention.
// Every installed stage header is included, so that a header which includes one that is not
// installed fails here.
#include <analysis/analysis.hpp>
#include <documents/documents.hpp>
#include <events/events.hpp>
#include <export/export.hpp>
#include <gazetteer/gazetteer.hpp>
#include <gazetteer/import/import.hpp>
#include <graph/build.hpp>
#include <mentions/mentions.hpp>
#include <pipeline/pipeline.hpp>
#include <tagger/tagger.hpp>
#include <text/text.hpp>

#include <cstdio>

int main() {
  actorgraph::gazetteer::Gazetteer gaz;
  const auto status = gaz.LoadString(R"({"id":"person:anna-berg","kind":"person","name":"Anna Berg"})", "inline");
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.message().c_str());
    return 1;
  }
  gaz.Compile();
  actorgraph::mentions::Titles titles;
  actorgraph::mentions::MentionFinder finder(gaz, titles);
  actorgraph::documents::Document doc;
  doc.id = "d";
  doc.text = "Yesterday ANNA BERG arrived.";
  actorgraph::mentions::AnalyzedDocument out;
  finder.Analyze(doc, "", &out);
  if (out.mentions.size() != 1 || out.mentions[0].entity_id != "person:anna-berg" || out.mentions[0].start != 10) {
    std::fprintf(stderr, "unexpected mentions\n");
    return 1;
  }
  std::printf("consumer: found %s at %u-%u\n", out.mentions[0].entity_id.c_str(), out.mentions[0].start,
              out.mentions[0].end);
  return 0;
}
