// `histlint kb import-wikidata`: turns a Wikidata JSON dump (one entity per line, plain, gzip or
// bzip2) into a knowledge-base file of its humans (P31 = Q5), in the schema of data/people.json.
// The dump is streamed three times (references and name hashes, then the labels, then the
// people), so memory stays bounded by one entity, the labels of the places, occupations and
// offices cited, and 8 bytes per name during the first pass. A name or alias two or more people
// share (folded as linking folds it) is written in their "ambiguous" list.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>

namespace histlint {

struct WikidataImportStats {
  size_t entities = 0;        // entities read in the last pass
  size_t humans = 0;          // people written
  size_t bad_lines = 0;       // lines that were not a JSON entity (reported, then skipped)
  size_t labels_found = 0;    // place, occupation and office labels resolved
  size_t labels_missing = 0;  // referenced items absent from the dump (written as their Q-id)
};

struct WikidataImportHooks {
  // Warnings about skipped lines (at most a few, then a count).
  std::function<void(const std::string&)> warn;
  // Progress: the pass (1 to 3), its name, and the entities read in it so far; called every
  // `progress_every` entities and at the end of each pass.
  std::function<void(int pass, const char* name, size_t entities)> progress;
  size_t progress_every = 100000;
};

// Reads `dump_path` and calls `person` with each human as one knowledge-base JSON object (in
// the schema of data/people.json), in dump order.
bool import_wikidata_people(const std::string& dump_path,
                            const std::function<void(const std::string& person_json)>& person,
                            WikidataImportStats& stats, std::string* error,
                            const WikidataImportHooks& hooks);

// Reads `dump_path` and writes the knowledge base to `out`. Warnings about skipped lines go to
// `warn` (at most a few, then a count). Returns false with `error` set when the dump cannot be
// read or holds no entity at all.
bool import_wikidata(const std::string& dump_path, std::ostream& out, WikidataImportStats& stats,
                     std::string* error,
                     const std::function<void(const std::string&)>& warn = nullptr,
                     const std::function<void(int, const char*, size_t)>& progress = nullptr);

}  // namespace histlint
