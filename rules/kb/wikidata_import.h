// `histlint kb import-wikidata`: turns a Wikidata JSON dump (one entity per line, plain, gzip or
// bzip2) into a knowledge-base file of its humans (P31 = Q5), in the schema of data/people.json.
// The dump is streamed three times (references and name hashes, then the labels, then the
// people), so memory stays bounded by one entity, the labels of the places, occupations and
// offices cited, the hashes of names two or more people share, and the first pass's sort of
// every name's hash (8 bytes a name, or one run with scratch storage). A name or alias two or
// more people share (folded as linking folds it) is written in their "ambiguous" list.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>

#include "rules/kb/spill.h"

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
  // Where the first pass sorts the names' hashes (as KbWriterOptions): in memory by default.
  ScratchFactory scratch = memory_scratch();
  size_t run_bytes = SIZE_MAX;
};

// Reads `dump_path` and calls `person` with each human as one knowledge-base JSON object (in
// the schema of data/people.json), in dump order.
bool import_wikidata_people(const std::string& dump_path,
                            const std::function<void(const std::string& person_json)>& person,
                            WikidataImportStats& stats, std::string* error,
                            const WikidataImportHooks& hooks);

// Reads `dump_path` and writes the knowledge base to `out` as JSON. Returns false with `error`
// set when the dump cannot be read or holds no entity at all.
bool import_wikidata(const std::string& dump_path, std::ostream& out, WikidataImportStats& stats,
                     std::string* error, const WikidataImportHooks& hooks = {});

}  // namespace histlint
