#include "server/cli_extract.h"

#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "rules/analysis.h"
#include "rules/extract/dates_anchored.h"
#include "rules/extract/people.h"
#include "server/cli_args.h"
#include "server/cli_check.h"

namespace histlint {

namespace {

struct ExtractArgs {
  std::vector<std::string> paths;
  bool json = false;
  std::optional<CivilDate> document_date;
  bool help = false;
};

std::optional<std::string> parse_extract_args(const std::vector<std::string>& args,
                                              ExtractArgs& out) {
  ArgReader reader(args);
  while (!reader.done()) {
    if (reader.flag("--help", "-h")) {
      out.help = true;
    } else if (auto format = reader.value_of("--format", "-f")) {
      if (*format != "json" && *format != "text") {
        return "unknown format \"" + *format + "\"; choose json or text";
      }
      out.json = *format == "json";
    } else if (auto date = reader.value_of("--document-date")) {
      const auto parsed = parse_partial_date(*date);
      if (!parsed) {
        return "--document-date must be a date written YYYY-MM-DD, YYYY-MM or YYYY, not \"" +
               *date + "\"";
      }
      out.document_date = parsed->date;
    } else if (auto error = reader.operand(out.paths)) {
      return error;
    }
    if (!reader.error().empty()) return reader.error();
  }
  if (out.paths.empty() && !out.help) return "no PATH given";
  return std::nullopt;
}

std::string_view span_text(std::string_view text, Span span) {
  return text.substr(span.offset, span.length);
}

nlohmann::ordered_json extract_file(const Analysis& analysis, const std::string& display) {
  const std::string_view text = analysis.doc().text();
  nlohmann::ordered_json dates = nlohmann::ordered_json::array();
  for (const AnchoredDate& d : analysis.facts<AnchoredDates>().dates) {
    dates.push_back({{"offset", d.span.offset},
                     {"length", d.span.length},
                     {"text", span_text(text, d.span)},
                     {"value", d.value}});
  }
  nlohmann::ordered_json people = nlohmann::ordered_json::array();
  for (const PersonMention& m : analysis.facts<PeopleFacts>().mentions) {
    people.push_back({{"offset", m.span.offset},
                      {"length", m.span.length},
                      {"text", span_text(text, m.span)},
                      {"id", m.person_id.empty() ? nlohmann::ordered_json(nullptr)
                                                 : nlohmann::ordered_json(m.person_id)}});
  }
  return {{"path", display}, {"dates", std::move(dates)}, {"people", std::move(people)}};
}

void print_text(const Document& doc, const nlohmann::ordered_json& file, std::ostream& out) {
  for (const char* kind : {"dates", "people"}) {
    for (const auto& item : file[kind]) {
      const size_t offset = item["offset"].get<size_t>();
      const size_t line = doc.line_of(offset);
      out << file["path"].get<std::string>() << ':' << line + 1 << ':'
          << offset - doc.line_start(line) + 1 << ": " << item["text"].get<std::string>() << " -> ";
      const auto& value = item.contains("value") ? item["value"] : item["id"];
      out << (value.is_null() ? std::string("(unknown)") : value.get<std::string>()) << '\n';
    }
  }
}

}  // namespace

std::string extract_usage() {
  return R"(Usage: histlint extract [OPTIONS] PATH...

Prints the dates each file states, with their TimeML TIMEX3 values ("1940-08-21", "1940-08",
"1940", "194" for a decade, "19" for a century, "1917-SU", "1989-Q3", "P6M" for a duration,
"PRESENT_REF"), and the people it names with their knowledge-base ids. Dates without a year
and relative dates ("the next morning", "last year", "Friday") are counted from the date
before them or from the document date: the front matter's "date:", else the configuration's
"documentDate", else --document-date. Offsets are UTF-8 byte offsets into the file.

Options:
  -f, --format FORMAT     text (default) or json
      --document-date D   the date the text was written, YYYY-MM-DD, YYYY-MM or YYYY
  -h, --help              show this help

Exit status: 0, or 2 for a usage error or a file that could not be read or is not UTF-8 text
(the other files are still reported).
)";
}

int run_extract_command(const std::vector<std::string>& args, std::ostream& out,
                        std::ostream& err) {
  ExtractArgs options;
  if (auto error = parse_extract_args(args, options)) {
    err << "histlint extract: " << *error << "\nRun 'histlint extract --help' for usage.\n";
    return 2;
  }
  if (options.help) {
    out << extract_usage();
    return 0;
  }
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  const auto problems = analyse_files(options.paths, std::nullopt, options.document_date,
                                      [&](const Analysis& analysis) {
                                        auto file = extract_file(analysis, analysis.path());
                                        if (!options.json) print_text(analysis.doc(), file, out);
                                        files.push_back(std::move(file));
                                      });
  for (const auto& problem : problems) err << problem.message << '\n';
  if (options.json) {
    out << nlohmann::ordered_json{{"version", 1}, {"files", std::move(files)}}.dump() << '\n';
  }
  return problems.empty() ? 0 : 2;
}

}  // namespace histlint
