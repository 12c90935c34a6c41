// Editor queries about the people of a document: hover cards, definitions, references and
// symbols. The server turns these into LSP answers; everything here is byte offsets and paths.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/analysis.h"
#include "rules/finding.h"
#include "rules/kb/knowledge_base.h"
#include "rules/queries/hover_card.h"

namespace histlint {

// The person card for the name at `offset`, or nullopt when no name is there.
std::optional<HoverCard> person_hover(const Analysis& analysis, size_t offset,
                                      const WorkspaceMentionCounter& workspace_mentions = {});

// The id of the person named at `offset` (resolved mentions only), for cross-document
// references: compare with the ids in other documents' PeopleFacts.
std::optional<std::string> person_id_at(const Analysis& analysis, size_t offset);

struct PersonDefinition {
  // A knowledge-base entry: the JSON file and the 0-based line of the entry's "id".
  // Empty path: the sentence of this document that introduces the person (`span`).
  std::string path;
  size_t line = 0;
  Span span;
};

// Where the person named at `offset` is defined: the workspace knowledge base entry when there is
// one, else the bundled entry, else the introducing sentence. Nullopt for unresolved names.
std::optional<PersonDefinition> person_definition(const Analysis& analysis, size_t offset);

// Every mention in this document of the person named at `offset` (the mention itself included),
// in text order. Empty for unresolved names.
std::vector<Span> person_references(const Analysis& analysis, size_t offset);

struct DocumentPerson {
  std::string person_id;
  std::string name;    // display name
  std::string detail;  // "1879–1940 · Russian revolutionary …"
  Span span;           // first mention (or the introduction)
  std::vector<Span> mentions;
};

// The people of the document, in order of first mention (document symbols).
std::vector<DocumentPerson> document_people(const Analysis& analysis);

struct PersonSymbol {
  std::string person_id;
  std::string name;
  std::string detail;  // lifespan and description
  std::string path;    // knowledge-base file
  size_t line = 0;     // 0-based line of the entry
};

// People of the knowledge base matching a workspace-symbol query, best first.
std::vector<PersonSymbol> search_people(const KnowledgeBase& kb, std::string_view query,
                                        size_t limit);

// "1879–1940", "b. 1952", "d. 1940", "" — shared by cards and symbol details.
std::string lifespan_text(const std::optional<PartialDate>& birth,
                          const std::optional<PartialDate>& death);

}  // namespace histlint
