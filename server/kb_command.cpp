#include "server/kb_command.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "rules/kb/knowledge_base.h"
#include "rules/kb/wikidata_import.h"
#include "rules/queries/person_queries.h"
#include "server/atomic_file.h"
#include "server/cli_args.h"
#include "server/kb_files.h"

namespace histlint {

namespace {

constexpr const char* kUsage =
    "usage: histlint kb import-wikidata DUMP [-o OUT]\n"
    "       histlint kb check [FILE...]\n"
    "       histlint kb search QUERY [--kb FILE]... [--limit N]\n"
    "\n"
    "import-wikidata  Read a Wikidata JSON dump (one entity per line; .json, .json.gz or\n"
    "                 .json.bz2) and write a knowledge-base file of its humans to OUT\n"
    "                 (standard output by default). Put it in .histlint/people.json to use it.\n"
    "check            Validate knowledge-base files (default: the bundled one and\n"
    "                 .histlint/people.json when present).\n"
    "search           Find people by name in the bundled knowledge base and any --kb files.\n";

int import_command(ArgReader& args, std::ostream& out, std::ostream& err) {
  std::string dump;
  std::string output;
  while (!args.done()) {
    if (auto value = args.value_of("--output", "-o")) {
      output = *value;
    } else if (!args.error().empty()) {
      err << "histlint kb: " << args.error() << "\n";
      return 2;
    } else if (dump.empty()) {
      dump = args.next();
    } else {
      err << "histlint kb import-wikidata: unexpected argument '" << args.next() << "'\n" << kUsage;
      return 2;
    }
  }
  if (dump.empty()) {
    err << "histlint kb import-wikidata: missing DUMP\n" << kUsage;
    return 2;
  }
  WikidataImportStats stats;
  std::string error;
  auto warn = [&](const std::string& message) {
    err << "histlint kb: warning: " << message << "\n";
  };
  bool ok = false;
  if (output.empty() || output == "-") {
    ok = import_wikidata(dump, out, stats, &error, warn);
  } else {
    AtomicFile file(output);
    ok = file.is_open() && import_wikidata(dump, file.stream(), stats, &error, warn) &&
         file.commit();
    if (!ok && error.empty()) error = file.error();
  }
  if (!ok) {
    err << "histlint kb: " << error << "\n";
    return 2;
  }
  err << "histlint kb: " << stats.humans << " people from " << stats.entities << " entities";
  if (stats.labels_found || stats.labels_missing) {
    err << "; " << stats.labels_found << " place, occupation and office labels found, "
        << stats.labels_missing << " not in the dump (kept as Q-ids)";
  }
  if (!output.empty() && output != "-") err << "; wrote " << output;
  err << "\n";
  return 0;
}

int check_command(ArgReader& args, std::ostream& out, std::ostream& err) {
  std::vector<std::string> files;
  while (!args.done()) files.push_back(args.next());
  if (files.empty()) {
    if (auto bundled = bundled_knowledge_base_path()) files.push_back(*bundled);
    std::error_code ec;
    if (std::filesystem::is_regular_file(".histlint/people.json", ec)) {
      files.push_back(".histlint/people.json");
    }
    if (files.empty()) {
      err << "histlint kb: no knowledge-base file found\n";
      return 2;
    }
  }
  int status = 0;
  for (const auto& file : files) {
    std::string error;
    auto kb = load_knowledge_base_file(file, &error);
    if (!kb) {
      err << error << "\n";
      status = 1;
      continue;
    }
    out << file << ": " << kb->size() << (kb->size() == 1 ? " person" : " people") << ", valid\n";
  }
  return status;
}

int search_command(ArgReader& args, std::ostream& out, std::ostream& err) {
  std::vector<std::string> extra;
  std::string query;
  size_t limit = 20;
  while (!args.done()) {
    if (auto file = args.value_of("--kb")) {
      extra.push_back(*file);
    } else if (auto value = args.value_of("--limit")) {
      try {
        limit = std::stoul(*value);
      } catch (...) {
        err << "histlint kb search: --limit takes a number, not '" << *value << "'\n";
        return 2;
      }
    } else if (!args.error().empty()) {
      err << "histlint kb: " << args.error() << "\n";
      return 2;
    } else {
      query += (query.empty() ? "" : " ") + args.next();
    }
  }
  if (query.empty()) {
    err << "histlint kb search: missing QUERY\n" << kUsage;
    return 2;
  }
  std::string error;
  const KnowledgeBase kb = load_knowledge_base(extra, &error);
  if (!error.empty()) err << error << "\n";
  const auto found = search_people(kb, query, limit);
  for (const auto& person : found) {
    out << person.name;
    if (!person.detail.empty()) out << " — " << person.detail;
    out << "\n    " << person.person_id << "  " << person.path << ":" << person.line + 1 << "\n";
  }
  if (found.empty()) {
    err << "histlint kb search: nobody matches '" << query << "'\n";
    return 1;
  }
  return 0;
}

}  // namespace

int run_kb_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    (args.empty() ? err : out) << kUsage;
    return args.empty() ? 2 : 0;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  ArgReader reader(rest);
  if (args[0] == "import-wikidata") return import_command(reader, out, err);
  if (args[0] == "check") return check_command(reader, out, err);
  if (args[0] == "search") return search_command(reader, out, err);
  err << "histlint kb: unknown command '" << args[0] << "'\n" << kUsage;
  return 2;
}

int run_kb_command(const std::vector<std::string>& args) {
  return run_kb_command(args, std::cout, std::cerr);
}

}  // namespace histlint
