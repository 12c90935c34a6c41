// The diagnostic object shared by `--format json` and `--format jsonl`.
#pragma once

#include <nlohmann/json.hpp>

#include "server/report.h"

namespace histlint {

// {"rule", "severity", "message", "offset", "length", "range", "related"} in that order.
nlohmann::ordered_json diagnostic_json(const ReportedFinding& finding);

// Serialises with invalid UTF-8 replaced rather than throwing; indent < 0 prints one line.
std::string dump_json(const nlohmann::ordered_json& value, int indent);

}  // namespace histlint
