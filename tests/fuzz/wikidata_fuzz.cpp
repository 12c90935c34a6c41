// `kb import-wikidata`: a dump of arbitrary lines (one JSON entity per line in a real dump)
// imports or fails with an error, never crashes.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "rules/kb/wikidata_import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The importer streams a file (three passes), so the input goes to one first.
  static const std::string dump = [] {
    char name[] = "/tmp/histlint-wikidata-fuzz-XXXXXX";
    const int fd = mkstemp(name);
    if (fd < 0) std::abort();
    close(fd);
    return std::string(name);
  }();
  FILE* file = std::fopen(dump.c_str(), "wb");
  if (!file) std::abort();
  std::fwrite(data, 1, size, file);
  std::fclose(file);
  std::ostringstream out;
  histlint::WikidataImportStats stats;
  std::string error;
  histlint::WikidataImportHooks hooks;
  hooks.warn = [](const std::string&) {};
  histlint::import_wikidata(dump, out, stats, &error, hooks);
  return 0;
}
