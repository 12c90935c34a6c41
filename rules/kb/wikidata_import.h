// `histlint kb import-wikidata`: turns a Wikidata JSON dump (one entity per line, plain, gzip or
// bzip2) into a knowledge-base file of its humans (P31 = Q5), in the schema of data/people.json.
// The dump is streamed three times (references, then their labels, then the people), so memory
// stays bounded by one entity plus the labels of the places, occupations and offices cited.
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

// Reads `dump_path` and writes the knowledge base to `out`. Warnings about skipped lines go to
// `warn` (at most a few, then a count). Returns false with `error` set when the dump cannot be
// read or holds no entity at all.
bool import_wikidata(const std::string& dump_path, std::ostream& out, WikidataImportStats& stats,
                     std::string* error,
                     const std::function<void(const std::string&)>& warn = nullptr);

}  // namespace histlint
