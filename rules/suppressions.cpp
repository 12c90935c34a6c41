#include "rules/suppressions.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace histlint {

namespace {

constexpr std::string_view kDirectivePrefix = "histlint-";

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// '*' matches any run of characters, '?' exactly one; classic greedy matcher with backtracking to
// the last star, linear for the short patterns rule ids use.
bool wildcard_match(std::string_view pattern, std::string_view text) {
  size_t p = 0, t = 0;
  std::optional<size_t> star;
  size_t star_text = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_text = t;
    } else if (star) {
      p = *star + 1;
      t = ++star_text;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::optional<DirectiveKind> directive_kind(std::string_view word) {
  if (word == "histlint-disable") return DirectiveKind::Disable;
  if (word == "histlint-enable") return DirectiveKind::Enable;
  if (word == "histlint-disable-next-line") return DirectiveKind::DisableNextLine;
  if (word == "histlint-disable-line") return DirectiveKind::DisableLine;
  return std::nullopt;
}

std::string_view directive_name(DirectiveKind kind) {
  switch (kind) {
    case DirectiveKind::Disable:
      return "histlint-disable";
    case DirectiveKind::Enable:
      return "histlint-enable";
    case DirectiveKind::DisableNextLine:
      return "histlint-disable-next-line";
    case DirectiveKind::DisableLine:
      return "histlint-disable-line";
  }
  return "histlint-disable";
}

// Splits a comment body into words separated by white space or commas.
std::vector<std::string_view> split_words(std::string_view body) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < body.size()) {
    while (i < body.size() && (is_blank(body[i]) || body[i] == ',')) ++i;
    const size_t start = i;
    while (i < body.size() && !is_blank(body[i]) && body[i] != ',') ++i;
    if (i > start) words.push_back(body.substr(start, i - start));
  }
  return words;
}

// True when the directive applies to the rule: it names no rule, or one of its selectors matches.
bool covers(const SuppressionDirective& directive, std::string_view rule_id) {
  return directive.selectors.empty() ||
         std::any_of(directive.selectors.begin(), directive.selectors.end(),
                     [&](const std::string& selector) {
                       return suppression_selector_matches(selector, rule_id);
                     });
}

bool names_known_rule(std::string_view selector, const RuleRegistry& registry) {
  return std::any_of(registry.rules().begin(), registry.rules().end(), [&](const RuleDef& rule) {
    return suppression_selector_matches(selector, rule.info.id);
  });
}

// The span that removes a comment, with its line when the comment stands alone on it.
Span removal_span(const Document& doc, Span comment) {
  const std::string& text = doc.text();
  size_t start = comment.offset;
  size_t end = comment.end();
  while (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '\t')) --start;
  size_t after = end;
  while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
  const bool line_starts = start == 0 || text[start - 1] == '\n';
  const bool line_ends = after == text.size() || text[after] == '\n' || text[after] == '\r';
  if (!line_starts || !line_ends) return comment;
  if (after < text.size() && text[after] == '\r') ++after;
  if (after < text.size() && text[after] == '\n') ++after;
  return Span{start, after - start};
}

}  // namespace

const RuleInfo& unused_disable_rule() {
  static const RuleInfo info{
      .id = "histlint/unused-disable",
      .summary = "A histlint-disable comment that silences no finding.",
      .explanation =
          "A suppression comment that no longer silences anything hides nothing today but will "
          "silently hide a real problem later, and one that names no known rule is usually a "
          "typo. Remove it, or correct the rule it names. Reported only with "
          "--report-unused-disables or \"reportUnusedDisables\": true in .histlint.json.",
      .example =
          "<!-- histlint-disable-next-line date/impossible-date -->\n"
          "Carr was born on 28 June 1892.\n",
      .default_severity = Severity::Warning,
      .enabled_by_default = true,
  };
  return info;
}

bool suppression_selector_matches(std::string_view selector, std::string_view rule_id) {
  if (selector == "*") return true;
  if (selector.find_first_of("*?") != std::string_view::npos) {
    return wildcard_match(selector, rule_id);
  }
  if (selector.find('/') != std::string_view::npos) return selector == rule_id;
  return rule_id.size() > selector.size() && rule_id.substr(0, selector.size()) == selector &&
         rule_id[selector.size()] == '/';
}

std::vector<SuppressionDirective> parse_suppressions(const Document& doc,
                                                     std::vector<Span>* malformed) {
  std::vector<SuppressionDirective> directives;
  for (const Span& comment : doc.html_comments()) {
    std::string_view body = doc.slice(comment);
    if (body.substr(0, 4) == "<!--") body.remove_prefix(4);
    if (body.size() >= 3 && body.substr(body.size() - 3) == "-->") body.remove_suffix(3);
    const auto words = split_words(body);
    if (words.empty() || words[0].substr(0, kDirectivePrefix.size()) != kDirectivePrefix) continue;
    const auto kind = directive_kind(words[0]);
    if (!kind) {
      if (malformed) malformed->push_back(comment);
      continue;
    }
    SuppressionDirective directive{.kind = *kind, .comment = comment, .selectors = {}};
    for (size_t i = 1; i < words.size(); ++i) {
      if (words[i] == "--") break;  // the rest is the writer's reason
      directive.selectors.emplace_back(words[i]);
    }
    directives.push_back(std::move(directive));
  }
  return directives;
}

void apply_suppressions(const Document& doc, const Options& options, const RuleRegistry& registry,
                        std::vector<Finding>& findings) {
  std::vector<Span> malformed;
  const auto directives = parse_suppressions(doc, &malformed);
  if (directives.empty() && malformed.empty()) return;

  // used[d][s]: selector s of directive d silenced something (slot 0 stands for "every rule").
  std::vector<std::vector<bool>> used(directives.size());
  for (size_t d = 0; d < directives.size(); ++d) {
    used[d].assign(std::max<size_t>(1, directives[d].selectors.size()), false);
  }
  // Marks the selectors of directive d that name the rule; true when any does.
  auto claim = [&](size_t d, std::string_view rule_id, bool mark_all) {
    const auto& selectors = directives[d].selectors;
    if (selectors.empty()) {
      used[d][0] = true;
      return true;
    }
    bool matched = false;
    for (size_t s = 0; s < selectors.size(); ++s) {
      if (!suppression_selector_matches(selectors[s], rule_id)) continue;
      if (!matched || mark_all) used[d][s] = true;
      matched = true;
    }
    return matched;
  };

  std::unordered_map<size_t, std::vector<size_t>> line_directives;  // line -> directives
  for (size_t d = 0; d < directives.size(); ++d) {
    const auto& directive = directives[d];
    const Span comment = directive.comment;
    const size_t first_line = doc.line_of(comment.offset);
    const size_t last_line = doc.line_of(comment.length ? comment.end() - 1 : comment.offset);
    if (directive.kind == DirectiveKind::DisableLine) {
      for (size_t line = first_line; line <= last_line; ++line) line_directives[line].push_back(d);
    } else if (directive.kind == DirectiveKind::DisableNextLine) {
      line_directives[last_line + 1].push_back(d);
    }
  }

  std::vector<bool> silenced(findings.size(), false);
  for (size_t f = 0; f < findings.size(); ++f) {
    auto it = line_directives.find(doc.line_of(findings[f].span.offset));
    if (it == line_directives.end()) continue;
    for (size_t d : it->second) {
      if (claim(d, findings[f].rule, /*mark_all=*/true)) silenced[f] = true;
    }
  }

  // Range directives: for each rule, replay disable/enable in document order against its findings
  // in offset order; the disable in force when a finding starts is the one credited with it.
  std::vector<size_t> order(findings.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (findings[a].rule != findings[b].rule) return findings[a].rule < findings[b].rule;
    return findings[a].span.offset < findings[b].span.offset;
  });
  for (size_t begin = 0; begin < order.size();) {
    const std::string& rule_id = findings[order[begin]].rule;
    size_t end = begin;
    while (end < order.size() && findings[order[end]].rule == rule_id) ++end;
    constexpr size_t kNone = static_cast<size_t>(-1);
    size_t active = kNone;  // the directive whose disable is in force
    size_t d = 0;
    for (size_t i = begin; i < end; ++i) {
      const size_t f = order[i];
      for (; d < directives.size() && directives[d].comment.end() <= findings[f].span.offset; ++d) {
        const auto& directive = directives[d];
        if (directive.kind == DirectiveKind::Disable && covers(directive, rule_id)) active = d;
        if (directive.kind == DirectiveKind::Enable && covers(directive, rule_id)) active = kNone;
      }
      if (active != kNone && !silenced[f]) {
        claim(active, rule_id, /*mark_all=*/false);
        silenced[f] = true;
      }
    }
    begin = end;
  }

  size_t kept = 0;
  for (size_t f = 0; f < findings.size(); ++f) {
    if (!silenced[f]) {
      if (kept != f) findings[kept] = std::move(findings[f]);
      ++kept;
    }
  }
  findings.resize(kept);

  if (!options.report_unused_disables) return;
  const RuleInfo& unused = unused_disable_rule();
  const auto severity = effective_severity(options, unused);
  if (!severity) return;
  auto report = [&](Span comment, std::string message, bool offer_removal) {
    Finding finding{.rule = std::string(unused.id),
                    .severity = *severity,
                    .span = comment,
                    .message = std::move(message),
                    .related = {},
                    .fixes = {}};
    if (offer_removal) {
      finding.fixes.push_back(
          Fix{.title = "Remove the unused suppression comment",
              .edits = {TextEdit{.span = removal_span(doc, comment), .replacement = ""}}});
    }
    findings.push_back(std::move(finding));
  };
  for (const Span& comment : malformed) {
    report(comment,
           "This comment is no histlint directive; write histlint-disable, histlint-enable, "
           "histlint-disable-next-line or histlint-disable-line.",
           false);
  }
  for (size_t d = 0; d < directives.size(); ++d) {
    const auto& directive = directives[d];
    const std::string name(directive_name(directive.kind));
    const auto& selectors = directive.selectors;
    std::vector<size_t> known;
    for (size_t s = 0; s < selectors.size(); ++s) {
      if (names_known_rule(selectors[s], registry)) {
        known.push_back(s);
      } else {
        report(directive.comment,
               "\"" + selectors[s] + "\" in this " + name + " comment names no known rule.", false);
      }
    }
    if (directive.kind == DirectiveKind::Enable) continue;
    const bool none_used = std::none_of(used[d].begin(), used[d].end(), [](bool b) { return b; });
    if (none_used && (selectors.empty() || !known.empty())) {
      std::string listed;
      for (size_t s : known) listed += (listed.empty() ? " of " : ", ") + selectors[s];
      report(directive.comment,
             "This " + name + " comment silences no finding" + listed + "; remove it.", true);
      continue;
    }
    for (size_t s : known) {
      if (!used[d][s]) {
        report(directive.comment,
               "\"" + selectors[s] + "\" in this " + name + " comment silences no finding.", false);
      }
    }
  }
}

}  // namespace histlint
