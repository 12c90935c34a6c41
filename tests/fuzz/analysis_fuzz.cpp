// The whole analysis (every built-in rule, bundled knowledge base) on arbitrary text, as
// `histlint check` reads it from a file. Run with -timeout so a superlinear rule shows up.
#include <cstddef>
#include <cstdint>
#include <string>

#include "rules/engine.h"
#include "server/kb_files.h"

// Loads the bundled knowledge base and the dictionaries once, before the clock of -timeout runs:
// the first input would otherwise pay for them (seconds under ASan) and look like a hang. A word
// with a digit inside ("Ajacc1o") is one the compiled word set leaves to Hunspell, which loads
// only when first asked.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  histlint::analyze_text("/fuzz/warm-up.md", "Napoleon was born in 1769 at Ajacc1o.\n", {},
                         histlint::bundled_knowledge_base());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks Markdown or plain text.
  const char* path = data[0] & 1 ? "/fuzz/input.txt" : "/fuzz/input.md";
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  static const histlint::Options options;
  histlint::analyze_text(path, std::move(text), options, histlint::bundled_knowledge_base());
  return 0;
}
