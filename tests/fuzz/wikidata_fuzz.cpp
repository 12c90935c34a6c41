// `kb import-wikidata`: a dump of arbitrary lines (one JSON entity per line in a real dump)
// imports or fails with an error, never crashes.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "rules/kb/wikidata_import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The importer streams a file by its path (three passes), so the input goes to one first: an
  // in-memory file, reopened through /proc. A file on disk made every run wait for the disk, as
  // ext4 writes out a file truncated and rewritten when it is closed.
  static const int fd = memfd_create("histlint-wikidata-fuzz", 0);
  static const std::string dump = "/proc/self/fd/" + std::to_string(fd);
  if (fd < 0 || ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) {
    std::abort();
  }
  std::ostringstream out;
  histlint::WikidataImportStats stats;
  std::string error;
  histlint::WikidataImportHooks hooks;
  hooks.warn = [](const std::string&) {};
  histlint::import_wikidata(dump, out, stats, &error, hooks);
  return 0;
}
