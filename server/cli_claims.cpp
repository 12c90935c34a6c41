#include "server/cli_claims.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_set>

#include "rules/extract/date_events.h"
#include "rules/kb/knowledge_base.h"
#include "server/cli_args.h"
#include "server/cli_check.h"

namespace histlint {

namespace {

// EventKind by its value, as the JSON names it; Activity is never a claim.
constexpr std::array<std::string_view, 11> kKindNames = {
    "birth",     "death", "arrival",  "settlement", "departure", "return",
    "expulsion", "exile", "founding", "marriage",   "promotion"};
static_assert(kKindNames.size() == static_cast<size_t>(EventKind::Activity));

constexpr int kGranularities = static_cast<int>(DateGranularity::Century) + 1;

struct ClaimsArgs {
  std::vector<std::string> paths;
  std::optional<std::filesystem::path> config;
  bool help = false;
};

std::optional<std::string> parse_claims_args(const std::vector<std::string>& args,
                                             ClaimsArgs& out) {
  ArgReader reader(args);
  while (!reader.done()) {
    if (reader.flag("--help", "-h")) {
      out.help = true;
    } else if (auto format = reader.value_of("--format", "-f")) {
      if (*format != "jsonl") return "unknown format \"" + *format + "\"; only jsonl is supported";
    } else if (auto path = reader.value_of("--config", "-c")) {
      out.config = *path;
    } else if (auto error = reader.operand(out.paths)) {
      return error;
    }
    if (!reader.error().empty()) return reader.error();
  }
  if (out.paths.empty() && !out.help) return "no PATH given";
  return std::nullopt;
}

nlohmann::ordered_json span_json(Span span) {
  return {{"offset", span.offset}, {"length", span.length}};
}

Span span_of(const nlohmann::json& json) {
  return Span{json.at("offset").get<size_t>(), json.at("length").get<size_t>()};
}

// Everything date/conflicting-dates reads of a claim made elsewhere, and the sentence for people.
nlohmann::ordered_json claim_json(const Analysis& analysis, const EventClaim& claim,
                                  const std::string& key) {
  const Document& doc = analysis.doc();
  const std::string_view sentence = claim.sentence < doc.sentences().size()
                                        ? std::string_view(doc.text())
                                              .substr(doc.sentences()[claim.sentence].span.offset,
                                                      doc.sentences()[claim.sentence].span.length)
                                        : std::string_view();
  const DateValue& date = claim.date;
  return {{"path", analysis.path()},
          {"key", key},
          {"person", claim.person_id},
          {"kind", kKindNames.at(static_cast<size_t>(claim.kind))},
          {"object", claim.object},
          {"object_text", claim.object_text},
          {"violent_death", claim.violent_death},
          {"passive_voice", claim.passive_voice},
          {"date",
           {{"text", date.display()},
            {"precision", granularity_name(date.granularity)},
            {"year", date.year},
            {"month", date.month},
            {"day", date.day},
            {"part", static_cast<int>(date.part)},
            {"julian", date.calendar == Calendar::Julian},
            {"calendar_stated", date.calendar_stated},
            {"exists", date.exists},
            {"first", date.first},
            {"last", date.last}}},
          {"offset", claim.claim_span.offset},
          {"length", claim.claim_span.length},
          {"verb", span_json(claim.verb_span)},
          {"date_span", span_json(claim.date_span)},
          {"sentence_index", claim.sentence},
          {"sentence", sentence}};
}

EventClaim claim_of(const nlohmann::json& json) {
  EventClaim claim;
  claim.person_id = json.at("person").get<std::string>();
  const auto kind =
      std::find(kKindNames.begin(), kKindNames.end(), json.at("kind").get<std::string>());
  if (kind == kKindNames.end()) throw std::invalid_argument("unknown kind of event");
  claim.kind = static_cast<EventKind>(kind - kKindNames.begin());
  claim.object = json.at("object").get<std::string>();
  claim.object_text = json.at("object_text").get<std::string>();
  claim.violent_death = json.at("violent_death").get<bool>();
  claim.passive_voice = json.at("passive_voice").get<bool>();
  const auto& date_json = json.at("date");
  DateValue& date = claim.date;
  const auto precision = date_json.at("precision").get<std::string>();
  int granularity = 0;
  while (granularity < kGranularities &&
         granularity_name(static_cast<DateGranularity>(granularity)) != precision) {
    ++granularity;
  }
  if (granularity == kGranularities) throw std::invalid_argument("unknown date precision");
  date.granularity = static_cast<DateGranularity>(granularity);
  date.year = date_json.at("year").get<int>();
  date.month = date_json.at("month").get<int>();
  date.day = date_json.at("day").get<int>();
  const int part = date_json.at("part").get<int>();
  if (part < 0 || part > static_cast<int>(PeriodPart::Winter)) {
    throw std::invalid_argument("unknown part of a period");
  }
  date.part = static_cast<PeriodPart>(part);
  date.calendar = date_json.at("julian").get<bool>() ? Calendar::Julian : Calendar::Gregorian;
  date.calendar_stated = date_json.at("calendar_stated").get<bool>();
  date.exists = date_json.at("exists").get<bool>();
  date.first = date_json.at("first").get<int64_t>();
  date.last = date_json.at("last").get<int64_t>();
  claim.claim_span = span_of(json);
  claim.verb_span = span_of(json.at("verb"));
  claim.date_span = span_of(json.at("date_span"));
  claim.sentence = json.at("sentence_index").get<uint32_t>();
  return claim;
}

}  // namespace

std::string claims_usage() {
  return R"(Usage: histlint claims [OPTIONS] PATH...

Prints the dated event claims of each file, as 'histlint check' reads them to compare files
(date/conflicting-dates): one JSON object a line with the file's path, the event key (person,
kind of event, place or object), the date with its precision, the claim's offset and length
(UTF-8 bytes) and its sentence. 'histlint check --claims FILE' compares its files with them,
so an archive can be checked in batches, on many machines, with the findings of one run.
PATH may be a file or a folder, as for 'histlint check'.

Options:
  -f, --format FORMAT     jsonl (the only format)
  -c, --config FILE       use this configuration for every file, as 'histlint check' does
  -h, --help              show this help

Exit status: 0, or 2 for a usage error or a file that could not be read or is not UTF-8 text
(the other files are still printed).
)";
}

int run_claims_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ClaimsArgs options;
  if (auto error = parse_claims_args(args, options)) {
    err << "histlint claims: " << *error << "\nRun 'histlint claims --help' for usage.\n";
    return 2;
  }
  if (options.help) {
    out << claims_usage();
    return 0;
  }
  const auto problems =
      analyse_files(options.paths, options.config, std::nullopt, [&](const Analysis& analysis) {
        const DocumentClaims claims = DocumentClaims::of(analysis);
        for (size_t i = 0; i < claims.claims().size(); ++i) {
          out << claim_json(analysis, claims.claims()[i], claims.keys()[i]).dump() << '\n';
        }
      });
  for (const auto& problem : problems) err << "histlint: " << problem.message << '\n';
  out.flush();
  if (!out) {
    err << "histlint claims: cannot write to standard output\n";
    return 2;
  }
  return problems.empty() ? 0 : 2;
}

bool read_claims_file(const std::filesystem::path& file, Analysis::OtherDocuments& documents,
                      std::string& error) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    error = "cannot read claims file " + file.string();
    return false;
  }
  std::unordered_set<std::string> known;
  for (const auto& document : documents) known.insert(document->path());
  std::vector<std::string> order;  // new paths, by their first line
  std::map<std::string, std::vector<EventClaim>> claims_by_path;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    try {
      const auto json = nlohmann::json::parse(line);
      std::string path = json.at("path").get<std::string>();
      if (known.contains(path)) continue;
      auto [entry, added] = claims_by_path.try_emplace(path);
      if (added) order.push_back(path);
      entry->second.push_back(claim_of(json));
    } catch (const std::exception& e) {
      error = file.string() + ":" + std::to_string(number) +
              ": not a claim of 'histlint claims' (" + e.what() + ")";
      return false;
    }
  }
  if (in.bad()) {
    error = "cannot read claims file " + file.string();
    return false;
  }
  for (auto& path : order) {
    auto claims = std::move(claims_by_path.at(path));
    documents.push_back(std::make_shared<const DocumentClaims>(std::move(path), std::move(claims)));
  }
  return true;
}

}  // namespace histlint
