// A people (knowledge-base) file: any text parses to a knowledge base or an error, and the
// knowledge base answers lookups.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "rules/kb/knowledge_base.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  std::string error;
  const auto kb = histlint::KnowledgeBase::parse(json, "/fuzz/people.json", &error);
  if (kb) {
    kb->search("a", 5);
    kb->find("x");
    kb->lookup("napoleon");
  }
  return 0;
}
