// "Add to the project's people file": writes what a document says about a person the knowledge
// base lacks into the project's people file, atomically, creating the file (and naming it in
// .histlint.json) when needed. The next analysis loads it like any other workspace file.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "rules/kb/knowledge_base.h"
#include "rules/queries/text_person.h"
#include "server/config.h"

namespace histlint {

// Where an entry goes: the first file the configuration's "knowledgeBase" names; else the
// project's .histlint/people.json (beside the .histlint.json, or in `project_folder` when there
// is no configuration file), which the configuration then names when it has a file.
struct PeopleFileTarget {
  std::filesystem::path people_file;
  bool add_to_config = false;  // the configuration file gains "knowledgeBase": [that file]
};
PeopleFileTarget people_file_target(const Config& config,
                                    const std::filesystem::path& project_folder);

// The entry's JSON text (one object): id, name, aliases, birth and death with their precision,
// calendar and place, the appositive as description, and "source": "text". The id is the folded
// name, with "-2", "-3" … appended while `id_taken` says it is in use.
std::string people_file_entry(const TextPerson& person,
                              const std::function<bool(std::string_view)>& id_taken);

struct AddedPerson {
  std::string error;  // empty on success
  std::filesystem::path people_file;
  std::string id;
  bool created_file = false;
  bool updated_config = false;
};

// Adds the person to the target file: read (or created as {"version": 1, "people": []}), the
// entry appended, the whole checked by the knowledge-base parser, then written atomically. A
// file that is not a valid people file is left alone and named in the error.
AddedPerson add_to_people_file(const TextPerson& person, const Config& config,
                               const std::filesystem::path& project_folder,
                               const KnowledgeBase& kb);

}  // namespace histlint
