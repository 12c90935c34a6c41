// The language server's input path: arbitrary bytes, cut into arbitrary chunks, through the
// Content-Length framing and into the server's dispatch. Must never crash nor hang.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "protocol/framing.h"
#include "rules/engine.h"
#include "server/kb_files.h"
#include "server/lsp_server.h"

// Loads the bundled knowledge base and the dictionaries before the clock of -timeout runs: the
// server's destructor waits for the first analysis, which would pay for them (seconds under ASan).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  histlint::analyze_text("/fuzz/warm-up.md", "Napoleon was born in 1769.\n", {},
                         histlint::bundled_knowledge_base());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the chunk size, so that partial headers and bodies are exercised.
  const size_t chunk = 1 + data[0] % 64;
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  // Worker results are dropped: this target is about parsing and dispatch, not the analysis.
  histlint::LspServer server([](std::string) {}, [](std::function<void()>) {},
                             histlint::ServerOptions{{}, 1});
  // A small limit, so that oversized bodies are reached with small inputs.
  histlint::protocol::MessageReader reader(4096);
  std::string body;
  for (size_t pos = 0; pos < input.size(); pos += chunk) {
    reader.feed(input.substr(pos, chunk));
    for (;;) {
      const auto status = reader.next(body);
      if (status == histlint::protocol::FrameStatus::NeedMore) break;
      if (status == histlint::protocol::FrameStatus::Message) server.handle_message(body);
    }
  }
  return 0;
}
