#include <ostream>

#include "server/report_json.h"

namespace histlint {

void write_jsonl_report(const Report& report, std::ostream& out) {
  for (const auto& file : report.files) {
    for (const auto& finding : file.findings) {
      nlohmann::ordered_json line = {{"path", file.path}};
      line.update(diagnostic_json(finding));
      out << dump_json(line, -1) << '\n';
    }
  }
}

}  // namespace histlint
