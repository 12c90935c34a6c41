#include "server/kb_command.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "rules/kb/kb_binary.h"
#include "rules/kb/knowledge_base.h"
#include "rules/kb/wikidata_import.h"
#include "rules/queries/person_queries.h"
#include "server/atomic_file.h"
#include "server/cli_args.h"
#include "server/kb_files.h"
#include "server/scratch_file.h"

namespace histlint {

namespace {

// Memory for each of an import's sorts before a run spills to scratch (a few sorts are alive at
// once; runs of this size keep a 1-million-person import near 100 MB).
constexpr size_t kImportRunBytes = 16u << 20;

constexpr const char* kUsage =
    "usage: histlint kb import-wikidata DUMP [-o OUT]\n"
    "       histlint kb build [-o OUT] FILE...\n"
    "       histlint kb check [FILE...]\n"
    "       histlint kb search QUERY [--kb FILE]... [--limit N]\n"
    "\n"
    "import-wikidata  Read a Wikidata JSON dump (one entity per line; .json, .json.gz or\n"
    "                 .json.bz2) and write a knowledge-base file of its humans to OUT\n"
    "                 (standard output by default). Put it in .histlint/people.json to use it.\n"
    "                 An OUT ending in .hkb is written in the binary form directly.\n"
    "build            Merge knowledge-base files (JSON or binary; later ones replace entries\n"
    "                 of earlier ones by id) into one binary base, people.hkb by default,\n"
    "                 loaded by memory-mapping. Name it in .histlint.json like a JSON file.\n"
    "check            Validate knowledge-base files (default: the bundled one and\n"
    "                 .histlint/people.json when present); binary ones are checksummed\n"
    "                 and every record decoded.\n"
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
  WikidataImportHooks hooks;
  hooks.warn = [&](const std::string& message) {
    err << "histlint kb: warning: " << message << "\n";
  };
  const auto started = std::chrono::steady_clock::now();
  hooks.progress = [&](int pass, const char* name, size_t entities) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    err << "histlint kb: pass " << pass << "/3 (" << name << "): " << entities << " entities, "
        << static_cast<long>(seconds) << " s\n"
        << std::flush;
  };
  // Sorts spill to scratch files beside the output (standard output: the temporary folder), so
  // memory stays bounded whatever the dump's size.
  const bool to_stdout = output.empty() || output == "-";
  std::error_code ec;
  hooks.scratch = scratch_files_beside(to_stdout ? std::filesystem::temp_directory_path(ec) /
                                                       "histlint-kb-import"
                                                 : std::filesystem::path(output));
  hooks.run_bytes = kImportRunBytes;
  bool ok = false;
  const bool binary = output.ends_with(".hkb");
  if (binary) {
    KbBinaryWriter writer({hooks.scratch, kImportRunBytes});
    std::string person_error;
    auto add = [&](const std::string& json) {
      auto person = KnowledgeBase::parse_person(json, output, writer.size(), &person_error);
      if (person) writer.add(*person);
    };
    AtomicFile file(output);
    ok = file.is_open() && import_wikidata_people(dump, add, stats, &error, hooks) &&
         writer.write(file.stream(), &error) && file.commit();
    if (!ok && error.empty()) error = file.error();
  } else if (to_stdout) {
    ok = import_wikidata(dump, out, stats, &error, hooks);
  } else {
    AtomicFile file(output);
    ok = file.is_open() && import_wikidata(dump, file.stream(), stats, &error, hooks) &&
         file.commit();
    if (!ok && error.empty()) error = file.error();
  }
  if (!ok) {
    err << "histlint kb: " << error << "\n";
    return 2;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  err << "histlint kb: " << seconds << " s, peak memory " << usage.ru_maxrss / 1024 << " MB\n";
  err << "histlint kb: " << stats.humans << " people from " << stats.entities << " entities";
  if (stats.labels_found || stats.labels_missing) {
    err << "; " << stats.labels_found << " place, occupation and office labels found, "
        << stats.labels_missing << " not in the dump (kept as Q-ids)";
  }
  if (!output.empty() && output != "-") err << "; wrote " << output;
  err << "\n";
  return 0;
}

int build_command(ArgReader& args, std::ostream& out, std::ostream& err) {
  std::string output = "people.hkb";
  std::vector<std::string> files;
  while (!args.done()) {
    if (auto value = args.value_of("--output", "-o")) {
      output = *value;
    } else if (!args.error().empty()) {
      err << "histlint kb: " << args.error() << "\n";
      return 2;
    } else {
      files.push_back(args.next());
    }
  }
  if (files.empty()) {
    err << "histlint kb build: missing FILE\n" << kUsage;
    return 2;
  }
  std::vector<KnowledgeBase> bases;
  for (const auto& file : files) {
    std::string error;
    auto kb = load_knowledge_base_file(file, &error);
    if (!kb) {
      err << error << "\n";
      return 1;
    }
    bases.push_back(std::move(*kb));
  }
  KnowledgeBase first = std::move(bases.front());
  bases.erase(bases.begin());
  const KnowledgeBase merged = KnowledgeBase::layered(first, std::move(bases));
  KbBinaryWriter writer;
  for (const Person& person : merged.people()) writer.add(person);
  AtomicFile file(output);
  std::string error;
  if (!file.is_open() || !writer.write(file.stream(), &error) || !file.commit()) {
    err << "histlint kb: " << output << ": " << (error.empty() ? file.error() : error) << "\n";
    return 2;
  }
  std::error_code ec;
  out << "wrote " << output << ": " << writer.size() << (writer.size() == 1 ? " person" : " people")
      << ", " << std::filesystem::file_size(output, ec) << " bytes\n";
  return 0;
}

// A binary base checked in full: the body checksum, then every record decoded.
bool check_binary(const std::string& file, std::ostream& out, std::ostream& err) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  const std::string content = bytes.str();
  std::string error;
  auto view = KbBinaryView::open(content, file, true, &error);
  if (!view) {
    err << error << "\n";
    return false;
  }
  size_t unreadable = 0;
  for (uint32_t slot = 0; slot < view->size(); ++slot) {
    if (view->person(slot).id.starts_with("unreadable-record-")) ++unreadable;
  }
  if (unreadable) {
    err << file << ": " << unreadable << " unreadable records\n";
    return false;
  }
  out << file << ": " << view->size() << (view->size() == 1 ? " person" : " people")
      << ", binary format version " << kKbFormatVersion << ", valid\n";
  return true;
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
    if (is_binary_knowledge_base_file(file)) {
      if (!check_binary(file, out, err)) status = 1;
      continue;
    }
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
  if (args[0] == "build") return build_command(reader, out, err);
  if (args[0] == "check") return check_command(reader, out, err);
  if (args[0] == "search") return search_command(reader, out, err);
  err << "histlint kb: unknown command '" << args[0] << "'\n" << kUsage;
  return 2;
}

int run_kb_command(const std::vector<std::string>& args) {
  return run_kb_command(args, std::cout, std::cerr);
}

}  // namespace histlint
