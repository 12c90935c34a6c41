#include "rules/queries/inlay_hints.h"

#include <algorithm>

#include "rules/date/age_link.h"
#include "rules/extract/dates_anchored.h"
#include "rules/queries/date_hover.h"

namespace histlint {

namespace {

constexpr std::string_view kDot = "\xC2\xB7 ";  // "· "

std::string_view possessive(std::string_view pronoun) {
  return pronoun == "he" ? "his" : pronoun == "she" ? "her" : "their";
}

// After an age: the one age the person's dates give at the moment it is measured at. Nothing
// when the age may be about several people with known dates, or the dates allow two ages.
void add_age_hints(const Analysis& analysis, size_t from, size_t to, std::vector<InlayHint>& out) {
  const auto& people = analysis.facts<PeopleFacts>();
  for (const AgeMention& age : analysis.facts<DateFacts>().ages) {
    if (age.span.end() < from || age.span.end() > to) continue;
    const auto link = date_rules::link_age(analysis, age);
    if (!link || link->lifespan) continue;
    std::optional<date_rules::AgeRange> only;
    std::string_view whose;
    int dated_candidates = 0;
    for (std::string_view id : link->candidates) {
      const auto life = people.life(id);
      if (!life) continue;
      if (const auto range = date_rules::age_by_dates(*life, *link)) {
        ++dated_candidates;
        only = range;
        whose = id;
      }
    }
    if (dated_candidates != 1 || only->min != only->max) continue;
    const std::string name = people.display_name(whose);
    InlayHint hint;
    hint.offset = age.span.end();
    hint.kind = InlayHintKind::Age;
    hint.label = std::string(kDot) + std::to_string(only->min) + " by " +
                 std::string(possessive(date_rules::pronoun_for(people.person(whose)))) + " dates";
    hint.tooltip = name + "'s birth" + (link->death_word.empty() ? "" : " and death") +
                   " dates give this age" +
                   (link->when ? " on " + std::string(analysis.doc().slice(link->when->span))
                               : std::string(" at death")) +
                   ".";
    out.push_back(std::move(hint));
  }
}

// After a day marked Old Style with no New Style reading beside it: that reading.
void add_new_style_hints(const DateFacts& facts, size_t from, size_t to,
                         std::vector<InlayHint>& out) {
  for (const DateMention& d : facts.dates) {
    if (d.span.end() < from || d.span.end() > to) continue;
    const DateValue& v = d.value;
    if (v.calendar != Calendar::Julian || !v.calendar_stated || d.alternate || d.is_range() ||
        v.granularity != DateGranularity::Day || !v.exists || v.year == 0) {
      continue;
    }
    InlayHint hint;
    hint.offset = d.span.end();
    hint.kind = InlayHintKind::NewStyle;
    hint.label = std::string(kDot) + day_text(v.first, true, Calendar::Gregorian) + " N.S.";
    hint.tooltip = "The same day in the Gregorian (New Style) calendar.";
    out.push_back(std::move(hint));
  }
}

// The mention of `list` (text order) starting at `offset`, or null.
template <typename Mention>
const Mention* starting_at(const std::vector<Mention>& list, size_t offset) {
  const auto it =
      std::lower_bound(list.begin(), list.end(), offset,
                       [](const Mention& m, size_t value) { return m.span.offset < value; });
  return it != list.end() && it->span.offset == offset ? &*it : nullptr;
}

// Whether the anchored reading of an expression is certain enough to show. A step from the
// narrative ("two days later", "the next morning", "that evening") counts from the date before
// it, resolved or stated. "Today", "yesterday" and "last Tuesday" count from when the text was
// written: from the document date, or a date with its year that the paragraph states (a
// dispatch's dateline), never from another such word (each "yesterday" of a newspaper is the
// day before the paper's, not before the last "yesterday") nor from a date whose year is
// guessed. A bare weekday ("Sunday") may be no date at all.
bool certain_anchor(const DateFacts& facts, const AnchoredDate& a) {
  if (starting_at(facts.relatives, a.span.offset)) return true;
  const DeicticMention* deictic = starting_at(facts.deictics, a.span.offset);
  if (!deictic) return false;
  if (deictic->anchor == DeicticAnchor::Narrative) return true;
  if (deictic->kind == DeicticKind::Weekday && deictic->step == 0) return false;
  if (a.source == AnchorSource::DocumentDate) return true;
  const DateMention* stated = facts.date_at(a.anchor_span.offset);
  return stated && stated->value.year != 0;
}

// After a relative expression ("the next morning", "two days later"): the one day it names,
// counted from a date of its own paragraph or from the document date.
void add_resolved_hints(const Analysis& analysis, size_t from, size_t to,
                        std::vector<InlayHint>& out) {
  const Document& doc = analysis.doc();
  const auto& facts = analysis.facts<DateFacts>();
  for (const AnchoredDate& a : analysis.facts<AnchoredDates>().dates) {
    if (a.span.end() < from || a.span.end() > to) continue;
    if (a.source == AnchorSource::None || a.is_duration() || a.first == 0 || a.first != a.last ||
        facts.date_at(a.span.offset)) {  // a date as written ("Aug. 2"), not a relative one
      continue;
    }
    if (a.source == AnchorSource::Text &&
        doc.block_at(a.anchor_span.offset) != doc.block_at(a.span.offset)) {
      continue;
    }
    if (!certain_anchor(facts, a)) continue;
    InlayHint hint;
    hint.offset = a.span.end();
    hint.kind = InlayHintKind::Resolved;
    hint.label = std::string(kDot) + day_text(a.first, true);
    hint.tooltip = a.source == AnchorSource::DocumentDate
                       ? "Counted from the document date " + a.anchor_value + "."
                       : "Counted from " + std::string(doc.slice(a.anchor_span)) + " (" +
                             a.anchor_value + ").";
    out.push_back(std::move(hint));
  }
}

}  // namespace

std::vector<InlayHint> inlay_hints(const Analysis& analysis, size_t from, size_t to) {
  std::vector<InlayHint> out;
  add_age_hints(analysis, from, to, out);
  add_new_style_hints(analysis.facts<DateFacts>(), from, to, out);
  add_resolved_hints(analysis, from, to, out);
  std::stable_sort(out.begin(), out.end(),
                   [](const InlayHint& a, const InlayHint& b) { return a.offset < b.offset; });
  return out;
}

}  // namespace histlint
