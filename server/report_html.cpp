// The HTML timeline page. The marks are drawn here, in SVG, at the positions of the whole span,
// so the page reads without JavaScript; the script only moves them when the reader zooms or
// scrolls, gathers marks that would overlap into one with a count, and shows the sentences.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>

#include "server/timeline_report.h"

namespace histlint {

namespace {

constexpr double kWidth = 1000;   // the chart's width before the script fits it to the page
constexpr int kFindingLane = 52;  // y of the findings' marks
constexpr int kEventLane = 80;    // y of the dates without a finding
constexpr int kPeopleTop = 100;
constexpr int kPersonRow = 18;
constexpr int64_t kDaysPerYear = 365;

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Severity names as the page and its legend use them.
std::string_view severity_class(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    default:
      return "info";
  }
}

// Shapes, centred on (0, 0): each kind of mark has its own, so colour is never the only cue.
constexpr std::string_view kTriangle = "M0,-7L7,6H-7Z";                      // error
constexpr std::string_view kDiamond = "M0,-7L7,0L0,7L-7,0Z";                 // warning
constexpr std::string_view kSquare = "M-5,-5H5V5H-5Z";                       // information, hint
constexpr std::string_view kCircle = "M-4,0A4,4 0 1,0 4,0A4,4 0 1,0 -4,0Z";  // a date
constexpr std::string_view kRing = "M-6,0A6,6 0 1,0 6,0A6,6 0 1,0 -6,0Z";  // conflict's other date
constexpr std::string_view kCross = "M-6,-6L6,6M6,-6L-6,6";                // a claimed age

std::string_view shape_for(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return kTriangle;
    case Severity::Warning:
      return kDiamond;
    default:
      return kSquare;
  }
}

// One document with its line index, for the editor positions the marks carry.
struct Drawn {
  const TimelineDocument& doc;
  protocol::LineIndex index;

  explicit Drawn(const TimelineDocument& d) : doc(d), index(d.text) {}
  std::string sentence(Span span) const { return timeline_excerpt(doc.text, span); }
  // data-line and data-col: where an editor puts the cursor (0-based, UTF-16 columns).
  std::string position(Span span) const {
    const auto at = index.position_of(span.offset, protocol::PositionEncoding::Utf16);
    return "data-line=\"" + std::to_string(at.line) + "\" data-col=\"" +
           std::to_string(at.character) + "\"";
  }
  size_t line_number(Span span) const {
    return index.position_of(span.offset, protocol::PositionEncoding::Utf8).line + 1;
  }
};

// The documents of one folder, drawn on one axis.
struct Group {
  std::string folder;
  std::vector<const Drawn*> documents;
};

std::vector<Group> group_by_folder(const std::vector<Drawn>& documents) {
  std::vector<Group> groups;
  std::unordered_map<std::string, size_t> index;
  for (const Drawn& drawn : documents) {
    const std::string& path = drawn.doc.path;
    const size_t slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash);
    auto [it, fresh] = index.emplace(folder, groups.size());
    if (fresh) groups.push_back({folder, {}});
    groups[it->second].documents.push_back(&drawn);
  }
  return groups;
}

struct Extent {
  int64_t first = INT64_MAX;
  int64_t last = INT64_MIN;
  void add(int64_t day) {
    first = std::min(first, day);
    last = std::max(last, day);
  }
  bool empty() const { return first > last; }
};

// Where a person's bar starts and ends: an unknown end is drawn open, a lifetime away.
struct Bar {
  int64_t from = 0;
  int64_t to = 0;
  bool open_start = false;
  bool open_end = false;
};

Bar bar_of(const TimelinePerson& person) {
  constexpr int64_t kLifetime = 80 * kDaysPerYear;
  Bar bar;
  if (person.born_first) {
    bar.from = *person.born_first;
    bar.to = person.died_last ? *person.died_last : bar.from + kLifetime;
    bar.open_end = !person.died_last;
  } else {
    bar.to = *person.died_last;
    bar.from = bar.to - kLifetime;
    bar.open_start = true;
  }
  return bar;
}

Extent extent_of(const Group& group) {
  Extent extent;
  for (const Drawn* drawn : group.documents) {
    for (const TimelineEvent& e : drawn->doc.timeline.events) {
      extent.add(e.first);
      extent.add(e.last);
    }
    for (const TimelinePerson& p : drawn->doc.timeline.people) {
      const Bar bar = bar_of(p);
      if (!bar.open_start) extent.add(bar.from);
      if (!bar.open_end) extent.add(bar.to);
    }
  }
  return extent;
}

// A person is drawn once per folder; a document giving other dates gets a row of its own.
std::string person_key(const TimelinePerson& person) {
  return person.person_id + '\n' + person.lifespan;
}

size_t people_count(const Group& g) {
  std::unordered_map<std::string, bool> seen;
  for (const Drawn* drawn : g.documents) {
    for (const TimelinePerson& person : drawn->doc.timeline.people) {
      seen.emplace(person_key(person), true);
    }
  }
  return seen.size();
}

// A conflict between two documents of one folder, drawn as two joined marks: this document's
// finding, and the other document's finding about the same event when it reports its side (each
// links to its own finding), else a ring at the other date linking to this finding.
struct CrossJoin {
  size_t doc = 0;  // index in the group
  size_t finding = 0;
  int64_t day = 0;
  size_t other_doc = 0;
  size_t other_event = 0;
  std::optional<size_t> other_finding;  // its finding about the same event, when it has one
  size_t ring = 0;                      // the ring's number in `doc`, when other_finding is null
};

std::vector<CrossJoin> cross_joins(const Group& g) {
  std::unordered_map<std::string_view, size_t> doc_of;  // path -> index in the group
  for (size_t d = 0; d < g.documents.size(); ++d) doc_of.emplace(g.documents[d]->doc.path, d);
  std::vector<CrossJoin> joins;
  std::vector<size_t> rings(g.documents.size(), 0);
  for (size_t d = 0; d < g.documents.size(); ++d) {
    const TimelineDocument& doc = g.documents[d]->doc;
    for (const TimelineConflictElsewhere& c : doc.timeline.conflicts_elsewhere) {
      const auto other = doc_of.find(c.path);
      if (other == doc_of.end()) continue;  // in another folder, on another axis
      const Timeline& there = g.documents[other->second]->doc.timeline;
      const auto other_event = timeline_event_at(there, c.span);
      if (!other_event) continue;
      CrossJoin join{d,
                     c.finding,
                     doc.timeline.events[c.event].first,
                     other->second,
                     *other_event,
                     std::nullopt,
                     0};
      for (const TimelineConflictElsewhere& back : there.conflicts_elsewhere) {
        if (back.event == *other_event && back.path == doc.path) join.other_finding = back.finding;
      }
      // A pair of findings is joined once, from the first of the two documents.
      if (join.other_finding && other->second < d) continue;
      if (!join.other_finding) join.ring = rings[d]++;
      joins.push_back(join);
    }
  }
  return joins;
}

std::string year_text(int64_t day) {
  // Julian day 1721426 is 1 January AD 1 (Gregorian); years are near enough for a summary.
  const int64_t year = static_cast<int64_t>(std::floor((day - 1721426) / 365.2425)) + 1;
  return year > 0 ? std::to_string(year) : std::to_string(1 - year) + " BC";
}

std::string fixed(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

class PageWriter {
 public:
  explicit PageWriter(std::ostream& out) : out_(out) {}

  void group(const Group& g, size_t number) {
    const std::string id = "g" + std::to_string(number);
    Extent extent = extent_of(g);
    size_t findings = 0, conflicts = 0, ages = 0, events = 0;
    for (const Drawn* drawn : g.documents) {
      findings += drawn->doc.findings.size();
      conflicts +=
          drawn->doc.timeline.conflicts.size() + drawn->doc.timeline.conflicts_elsewhere.size();
      ages += drawn->doc.timeline.ages.size();
      events += drawn->doc.timeline.events.size();
    }
    out_ << "<section class=\"timeline\" id=\"" << id << "\" aria-labelledby=\"" << id
         << "-h\">\n<h2 id=\"" << id << "-h\">" << escape(g.folder) << "</h2>\n";
    std::string summary = std::to_string(g.documents.size()) +
                          (g.documents.size() == 1 ? " document, " : " documents, ") +
                          std::to_string(people_count(g)) + " people with known dates, " +
                          std::to_string(events) + " dates, " + std::to_string(findings) +
                          " findings (" + std::to_string(conflicts) + " conflicting dates, " +
                          std::to_string(ages) + " impossible ages)";
    if (!extent.empty()) {
      summary += ", from " + year_text(extent.first) + " to " + year_text(extent.last);
    }
    summary += ".";
    out_ << "<p>" << escape(summary) << "</p>\n";
    if (extent.empty()) {
      out_ << "<p>No dates to draw.</p>\n";
    } else {
      // Some room either side so the marks at the ends are whole.
      const int64_t margin = std::max<int64_t>(3, (extent.last - extent.first) / 40);
      extent.first -= margin;
      extent.last += margin;
      chart(g, id, extent, summary);
    }
    findings_list(g, id);
    out_ << "</section>\n";
  }

 private:
  double x_of(int64_t day) const { return (day - view_.first) * scale_; }

  void mark(const std::string& id, std::string_view classes, std::string_view shape, int64_t day,
            int y, const std::string& href, const std::string& label, const std::string& tip,
            const std::string& where) {
    const bool link = !href.empty();
    out_ << (link ? "<a href=\"" + href + "\"" : std::string("<g tabindex=\"0\" role=\"img\""))
         << " id=\"" << id << "\" class=\"mark " << classes << "\" data-day=\"" << day
         << "\" data-lane=\"" << classes.substr(0, classes.find(' ')) << y << "\" data-y=\"" << y
         << "\" transform=\"translate(" << fixed(x_of(day)) << ',' << y << ")\" aria-label=\""
         << escape(label) << "\" " << where << "><title>" << escape(tip) << "</title><path d=\""
         << shape << "\"/>" << (link ? "</a>" : "</g>") << '\n';
  }

  void chart(const Group& g, const std::string& id, const Extent& extent,
             const std::string& summary) {
    view_ = extent;
    scale_ = kWidth / static_cast<double>(extent.last - extent.first + 1);
    const int height = kPeopleTop + static_cast<int>(people_count(g)) * kPersonRow + 10;
    out_ << "<div class=\"controls\" role=\"toolbar\" aria-label=\"Zoom\">"
         << "<button type=\"button\" data-zoom=\"in\">Zoom in</button> "
         << "<button type=\"button\" data-zoom=\"out\">Zoom out</button> "
         << "<button type=\"button\" data-zoom=\"left\">Earlier</button> "
         << "<button type=\"button\" data-zoom=\"right\">Later</button> "
         << "<button type=\"button\" data-zoom=\"fit\">Show all</button> "
         << "<span class=\"span-label\" aria-live=\"polite\"></span></div>\n";
    out_ << "<div class=\"scroller\">\n<svg class=\"chart\" role=\"group\" width=\"" << kWidth
         << "\" height=\"" << height << "\" data-first=\"" << extent.first << "\" data-last=\""
         << extent.last << "\" aria-labelledby=\"" << id << "-t\" aria-describedby=\"" << id
         << "-d\">\n<title id=\"" << id << "-t\">Timeline of " << escape(g.folder)
         << "</title>\n<desc id=\"" << id << "-d\">" << escape(summary)
         << " Each mark links to its finding in the list below the chart.</desc>\n"
         << "<g class=\"axis\"></g>\n<text class=\"lane-label\" x=\"4\" y=\"" << kFindingLane - 10
         << "\">findings</text><text class=\"lane-label\" x=\"4\" y=\"" << kEventLane - 8
         << "\">dates</text>\n<g class=\"links\">\n";
    // Conflict lines first, so the marks lie on top of them.
    for (size_t d = 0; d < g.documents.size(); ++d) {
      const std::string prefix = id + "-" + std::to_string(d);
      const Timeline& timeline = g.documents[d]->doc.timeline;
      for (size_t c = 0; c < timeline.conflicts.size(); ++c) {
        const TimelineConflict& conflict = timeline.conflicts[c];
        out_ << "<line class=\"conflict-link\" data-a=\"" << prefix << "-f" << conflict.finding
             << "\" data-b=\"" << prefix << "-c" << c << "\" x1=\""
             << fixed(x_of(timeline.events[conflict.event].first)) << "\" y1=\"" << kFindingLane
             << "\" x2=\"" << fixed(x_of(timeline.events[conflict.other].first)) << "\" y2=\""
             << kFindingLane << "\"/>\n";
      }
    }
    const std::vector<CrossJoin> joins = cross_joins(g);
    for (const CrossJoin& join : joins) {
      const auto& other = g.documents[join.other_doc]->doc.timeline;
      const std::string b = join.other_finding ? id + "-" + std::to_string(join.other_doc) + "-f" +
                                                     std::to_string(*join.other_finding)
                                               : id + "-" + std::to_string(join.doc) + "-x" +
                                                     std::to_string(join.ring);
      out_ << "<line class=\"conflict-link across\" data-a=\"" << id << "-" << join.doc << "-f"
           << join.finding << "\" data-b=\"" << b << "\" x1=\"" << fixed(x_of(join.day))
           << "\" y1=\"" << kFindingLane << "\" x2=\""
           << fixed(x_of(other.events[join.other_event].first)) << "\" y2=\"" << kFindingLane
           << "\"/>\n";
    }
    out_ << "</g>\n<g class=\"people\">\n";
    int row = 0;
    std::vector<std::map<size_t, int>> rows_of(g.documents.size());  // person index -> y
    std::unordered_map<std::string, int> drawn;                      // person_key -> y
    for (size_t d = 0; d < g.documents.size(); ++d) {
      const auto& people = g.documents[d]->doc.timeline.people;
      for (size_t p = 0; p < people.size(); ++p) {
        const TimelinePerson& person = people[p];
        const int y = kPeopleTop + row * kPersonRow;
        auto [at, fresh] = drawn.emplace(person_key(person), y);
        rows_of[d][p] = at->second;
        if (!fresh) continue;
        ++row;
        const Bar bar = bar_of(person);
        out_ << "<g class=\"person" << (person.from_text ? " from-text" : "") << "\" data-from=\""
             << bar.from << "\" data-to=\"" << bar.to << "\" data-y=\"" << y << "\"><title>"
             << escape(person.name + " (" + person.lifespan + ")") << "</title><rect class=\"bar"
             << (bar.open_start ? " open-start" : "") << (bar.open_end ? " open-end" : "")
             << "\" x=\"" << fixed(x_of(bar.from)) << "\" y=\"" << y - 6 << "\" width=\""
             << fixed(std::max(1.0, (bar.to - bar.from) * scale_)) << "\" height=\"12\"/><text x=\""
             << fixed(std::max(0.0, x_of(bar.from)) + 3) << "\" y=\"" << y + 4 << "\">"
             << escape(person.name) << ' ' << escape(person.lifespan) << "</text></g>\n";
      }
    }
    out_ << "</g>\n<g class=\"marks\">\n";
    for (size_t d = 0; d < g.documents.size(); ++d) {
      marks_of(*g.documents[d], id + "-" + std::to_string(d), rows_of[d]);
    }
    for (const CrossJoin& join : joins) {
      if (!join.other_finding) ring_elsewhere(g, id, join);
    }
    out_ << "</g>\n<g class=\"counts\"></g>\n</svg>\n</div>\n";
  }

  void marks_of(const Drawn& drawn, const std::string& prefix, const std::map<size_t, int>& rows) {
    const Timeline& timeline = drawn.doc.timeline;
    const auto& events = timeline.events;
    const auto& findings = drawn.doc.findings;
    auto list_item = [&](size_t finding) { return "#" + prefix + "-l" + std::to_string(finding); };
    std::vector<bool> flagged(events.size(), false);
    for (const TimelineFinding& placed : timeline.findings) {
      if (!placed.event) continue;
      flagged[*placed.event] = true;
      const TimelineEvent& event = events[*placed.event];
      const Finding& f = findings[placed.finding];
      mark(prefix + "-f" + std::to_string(placed.finding),
           "finding " + std::string(severity_class(f.severity)), shape_for(f.severity), event.first,
           kFindingLane, list_item(placed.finding),
           timeline_iso_date(event.first) + ", " + f.rule + ": " + f.message,
           drawn.sentence(placed.sentence), drawn.position(f.span));
    }
    for (size_t c = 0; c < timeline.conflicts.size(); ++c) {
      const TimelineConflict& conflict = timeline.conflicts[c];
      const TimelineEvent& other = events[conflict.other];
      mark(prefix + "-c" + std::to_string(c), "conflict-other", kRing, other.first, kFindingLane,
           list_item(conflict.finding),
           timeline_iso_date(other.first) +
               ", the other date of a conflict: " + findings[conflict.finding].message,
           drawn.sentence(other.sentence), drawn.position(other.span));
    }
    for (size_t a = 0; a < timeline.ages.size(); ++a) {
      const TimelineAge& age = timeline.ages[a];
      auto row = rows.find(age.person);
      if (row == rows.end()) continue;
      const Finding& f = findings[age.finding];
      mark(prefix + "-a" + std::to_string(a), "age", kCross, age.claimed_day, row->second,
           list_item(age.finding),
           "Age " + std::to_string(age.claimed_age) + " claimed for " +
               timeline.people[age.person].name + ", reached about " +
               timeline_iso_date(age.claimed_day) + ": " + f.message,
           drawn.sentence(timeline.findings[age.finding].sentence), drawn.position(f.span));
    }
    for (size_t e = 0; e < events.size(); ++e) {
      if (flagged[e]) continue;
      const TimelineEvent& event = events[e];
      mark(prefix + "-e" + std::to_string(e), "event", kCircle, event.first, kEventLane, "",
           timeline_iso_date(event.first) + ": " + timeline_excerpt(drawn.doc.text, event.span),
           drawn.sentence(event.sentence), drawn.position(event.span));
    }
  }

  // The other document's date of a conflict it does not report itself, linking to this
  // document's finding.
  void ring_elsewhere(const Group& g, const std::string& id, const CrossJoin& join) {
    const Drawn& here = *g.documents[join.doc];
    const Drawn& there = *g.documents[join.other_doc];
    const TimelineEvent& other = there.doc.timeline.events[join.other_event];
    const std::string prefix = id + "-" + std::to_string(join.doc);
    mark(prefix + "-x" + std::to_string(join.ring), "conflict-other", kRing, other.first,
         kFindingLane, "#" + prefix + "-l" + std::to_string(join.finding),
         timeline_iso_date(other.first) + ", the other date of a conflict, in " + there.doc.path +
             ": " + here.doc.findings[join.finding].message,
         there.sentence(other.sentence), there.position(other.span));
  }

  void findings_list(const Group& g, const std::string& id) {
    size_t total = 0;
    for (const Drawn* drawn : g.documents) total += drawn->doc.findings.size();
    if (total == 0) {
      out_ << "<p>No findings.</p>\n";
      return;
    }
    out_ << "<h3>Findings</h3>\n";
    for (size_t d = 0; d < g.documents.size(); ++d) {
      const Drawn& drawn = *g.documents[d];
      const std::string prefix = id + "-" + std::to_string(d);
      if (drawn.doc.findings.empty()) continue;
      const std::string path = escape(drawn.doc.path);
      out_ << "<h4>" << path << "</h4>\n<ol class=\"findings\">\n";
      for (const TimelineFinding& placed : drawn.doc.timeline.findings) {
        const Finding& f = drawn.doc.findings[placed.finding];
        const size_t i = placed.finding;
        out_ << "<li id=\"" << prefix << "-l" << i << "\" class=\"" << severity_class(f.severity)
             << "\" " << drawn.position(f.span) << "><span class=\"where\">" << path << ':'
             << drawn.line_number(f.span) << "</span> <span class=\"severity\">"
             << severity_class(f.severity) << "</span> " << escape(f.message) << " <code>"
             << escape(f.rule) << "</code>";
        if (!placed.event) {
          out_ << " <span class=\"undated\">(no date in its sentence)</span>";
        } else {
          out_ << " <a href=\"#" << prefix << "-f" << i << "\">on the timeline</a>";
        }
        out_ << "<blockquote>" << escape(drawn.sentence(placed.sentence)) << "</blockquote></li>\n";
      }
      out_ << "</ol>\n";
    }
  }

  std::ostream& out_;
  Extent view_;
  double scale_ = 1;
};

// Okabe–Ito colours, which colour-blind readers tell apart, and a shape for each kind of mark.
constexpr std::string_view kStyle = R"css(
body{font:15px/1.4 system-ui,sans-serif;margin:1em 2em;color:#222;background:#fff}
h1{font-size:1.4em}h2{font-size:1.2em;margin-top:2em}
.legend{display:flex;flex-wrap:wrap;gap:1.2em;list-style:none;padding:0}
.legend svg{vertical-align:middle}
.scroller{max-height:70vh;overflow:auto;border:1px solid #bbb;position:relative}
.chart{display:block;user-select:none;cursor:grab}
.axis line{stroke:#ccc}.axis text{font-size:11px;fill:#444}
.lane-label{font-size:11px;fill:#666}
.mark path{stroke:#000;stroke-width:1}
.mark:focus{outline:none}.mark:focus path,.mark:hover path{stroke-width:3}
.finding.error path{fill:#D55E00}.finding.warning path{fill:#E69F00}.finding.info path{fill:#0072B2}
.conflict-other path{fill:#fff;stroke:#D55E00;stroke-width:2.5}
.event path{fill:#999;stroke:#555}
.age path{fill:none;stroke:#CC79A7;stroke-width:3}
.conflict-link{stroke:#D55E00;stroke-width:2;stroke-dasharray:5 3}
.bar{fill:#56B4E9;stroke:#0072B2}.from-text .bar{fill:#B3DEF5;stroke:#009E73;stroke-dasharray:4 2}
.bar.open-start,.bar.open-end{fill-opacity:.45}
.person text{font-size:11px;fill:#111;pointer-events:none}
.counts text{font-size:10px;fill:#000}
.tip{position:fixed;max-width:32em;background:#fffbe6;border:1px solid #999;padding:.4em .6em;
pointer-events:none;font-size:13px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
.findings li{margin:.4em 0}.findings li:target{background:#fff3c4}
.severity{font-weight:bold}.error .severity{color:#A33F00}.warning .severity{color:#7A5200}
.info .severity{color:#005080}
blockquote{margin:.2em 0 .2em 1.5em;color:#444;font-style:italic}
.where{font-family:monospace}
)css";

// Zoom (buttons, Ctrl+wheel, + and - keys), scroll (drag, wheel, arrow keys), tooltips, and
// culling: marks outside the view are hidden, and marks of one kind on one row closer than a few
// pixels are gathered into the first, which shows how many it stands for.
constexpr std::string_view kScript = R"js(
(function(){
"use strict";
var DAY_MIN=7,GAP=12,vscode=typeof acquireVsCodeApi==="function"?acquireVsCodeApi():null;
var tip=document.createElement("div");tip.className="tip";tip.hidden=true;tip.setAttribute("role","tooltip");
document.body.appendChild(tip);
function num(el,name){return +el.getAttribute("data-"+name);}
function iso(day){var d=new Date((day-2440588)*864e5);return d.toISOString().slice(0,10);}
function yearOf(day){return new Date((day-2440588)*864e5).getUTCFullYear();}
function ticks(first,last,width){
  var span=last-first,steps=[1,7,30.44,91.3,365.25,1826,3652.5,9131,18262,36525],step=steps[steps.length-1];
  for(var i=0;i<steps.length;i++){if(width*steps[i]/span>=70){step=steps[i];break;}}
  var out=[];
  if(step<30){for(var d=Math.ceil(first/step)*step;d<=last;d+=step)out.push([d,iso(d)]);}
  else if(step<365){var m=Math.round(step/30.44),dt=new Date((first-2440588)*864e5);dt=new Date(Date.UTC(dt.getUTCFullYear(),dt.getUTCMonth()+1,1));
    for(;;dt=new Date(Date.UTC(dt.getUTCFullYear(),dt.getUTCMonth()+m,1))){var day=dt.getTime()/864e5+2440588;if(day>last)break;if(dt.getUTCMonth()%m===0)out.push([day,iso(day).slice(0,7)]);}}
  else{var years=Math.round(step/365.25),y=Math.ceil(yearOf(first)/years)*years;
    for(;;y+=years){var dd=new Date(0);dd.setUTCFullYear(y,0,1);var jd=dd.getTime()/864e5+2440588;if(jd>last)break;out.push([jd,String(y)]);}}
  return out;}
function Chart(section){
  var svg=section.querySelector("svg.chart");if(!svg)return;
  var all=[num(svg,"first"),num(svg,"last")],view=all.slice(),ns="http://www.w3.org/2000/svg";
  var marks=[].slice.call(svg.querySelectorAll(".mark")),people=[].slice.call(svg.querySelectorAll(".person"));
  var links=[].slice.call(svg.querySelectorAll(".conflict-link")),axis=svg.querySelector(".axis"),counts=svg.querySelector(".counts");
  var label=section.querySelector(".span-label"),byId={};marks.forEach(function(m){byId[m.id]=m;});
  function lane(m){return m.getAttribute("data-lane");}
  marks.sort(function(a,b){return lane(a)<lane(b)?-1:lane(a)>lane(b)?1:num(a,"day")-num(b,"day");});
  var height=+svg.getAttribute("height"),pending=false;
  function width(){return Math.max(300,section.querySelector(".scroller").clientWidth-2);}
  function draw(){
    pending=false;var w=width(),scale=w/(view[1]-view[0]+1),x=function(d){return (d-view[0])*scale;};
    svg.setAttribute("width",w);
    while(axis.firstChild)axis.removeChild(axis.firstChild);
    ticks(view[0],view[1],w).forEach(function(t){var l=document.createElementNS(ns,"line"),tx=document.createElementNS(ns,"text"),px=x(t[0]);
      l.setAttribute("x1",px);l.setAttribute("x2",px);l.setAttribute("y1",18);l.setAttribute("y2",height);
      tx.setAttribute("x",px+2);tx.setAttribute("y",13);tx.textContent=t[1];axis.appendChild(l);axis.appendChild(tx);});
    while(counts.firstChild)counts.removeChild(counts.firstChild);
    var lead=null,leadX=0,leadY=-1,leadLane="",n=0;
    function flush(){if(lead&&n>0){var t=document.createElementNS(ns,"text");t.setAttribute("x",leadX+8);t.setAttribute("y",leadY-8);t.textContent="+"+n;counts.appendChild(t);}}
    marks.forEach(function(m){var px=x(num(m,"day")),y=num(m,"y");
      if(px<-8||px>w+8){m.style.display="none";return;}
      if(lead&&lane(m)===leadLane&&px-leadX<GAP){m.style.display="none";n++;return;}
      flush();lead=m;leadX=px;leadY=y;leadLane=lane(m);n=0;m.style.display="";m.setAttribute("transform","translate("+px.toFixed(1)+","+y+")");});
    flush();
    people.forEach(function(p){var a=x(num(p,"from")),b=x(num(p,"to")),r=p.querySelector("rect"),t=p.querySelector("text");
      var a2=Math.max(a,-10),b2=Math.min(b,w+10);r.setAttribute("x",a2);r.setAttribute("width",Math.max(1,b2-a2));
      t.setAttribute("x",Math.max(a2,0)+3);p.style.display=b<0||a>w?"none":"";});
    links.forEach(function(l){var a=byId[l.getAttribute("data-a")],b=byId[l.getAttribute("data-b")];if(!a||!b)return;
      l.setAttribute("x1",x(num(a,"day")));l.setAttribute("x2",x(num(b,"day")));});
    var days=view[1]-view[0]+1;
    label.textContent="Showing "+iso(view[0])+" to "+iso(view[1])+" ("+(days<730?Math.round(days)+" days":Math.round(days/365.25)+" years")+")";}
  function redraw(){if(!pending){pending=true;requestAnimationFrame(draw);}}
  function zoom(factor,at){var span=view[1]-view[0],most=Math.max(all[1]-all[0],DAY_MIN);
    var next=Math.min(most,Math.max(DAY_MIN,span*factor));at=at===undefined?0.5:at;
    var centre=view[0]+span*at;view=[centre-next*at,centre-next*at+next];clamp();redraw();}
  function pan(fraction){var span=view[1]-view[0];view=[view[0]+span*fraction,view[1]+span*fraction];clamp();redraw();}
  function clamp(){var span=view[1]-view[0];if(view[0]<all[0])view=[all[0],all[0]+span];if(view[1]>all[1])view=[all[1]-span,all[1]];
    if(view[0]<all[0])view[0]=all[0];}
  section.querySelector(".controls").addEventListener("click",function(e){var k=e.target.getAttribute("data-zoom");
    if(k==="in")zoom(0.5);else if(k==="out")zoom(2);else if(k==="left")pan(-0.5);else if(k==="right")pan(0.5);
    else if(k==="fit"){view=all.slice();redraw();}});
  svg.addEventListener("wheel",function(e){var r=svg.getBoundingClientRect(),at=(e.clientX-r.left)/r.width;
    if(e.ctrlKey||e.metaKey){e.preventDefault();zoom(e.deltaY>0?1.25:0.8,at);}
    else if(e.shiftKey||Math.abs(e.deltaX)>Math.abs(e.deltaY)){e.preventDefault();pan((e.deltaX||e.deltaY)/r.width);}},{passive:false});
  var drag=null;
  svg.addEventListener("pointerdown",function(e){if(e.target.closest(".mark"))return;drag=[e.clientX,view.slice()];});
  window.addEventListener("pointerup",function(){drag=null;});
  window.addEventListener("pointermove",function(e){if(!drag)return;var span=drag[1][1]-drag[1][0],d=(drag[0]-e.clientX)/width()*span;
    view=[drag[1][0]+d,drag[1][1]+d];clamp();redraw();});
  section.addEventListener("keydown",function(e){if(e.target.tagName==="BUTTON")return;
    if(e.key==="+"||e.key==="=")zoom(0.5);else if(e.key==="-")zoom(2);
    else if(e.key==="ArrowLeft"&&e.shiftKey)pan(-0.25);else if(e.key==="ArrowRight"&&e.shiftKey)pan(0.25);else return;e.preventDefault();});
  window.addEventListener("resize",redraw);draw();}
function show(m,x,y){var t=m.querySelector("title");tip.textContent=(m.getAttribute("aria-label")||"")+"\n"+(t?t.textContent:"");
  tip.style.whiteSpace="pre-line";tip.hidden=false;tip.style.left=Math.min(x+12,innerWidth-400)+"px";tip.style.top=(y+14)+"px";}
document.addEventListener("mouseover",function(e){var m=e.target.closest&&e.target.closest(".mark");if(m)show(m,e.clientX,e.clientY);else tip.hidden=true;});
document.addEventListener("focusin",function(e){var m=e.target.closest&&e.target.closest(".mark");if(!m){tip.hidden=true;return;}
  var r=m.getBoundingClientRect();show(m,r.left,r.bottom);});
document.addEventListener("focusout",function(){tip.hidden=true;});
document.addEventListener("click",function(e){var m=e.target.closest&&e.target.closest("[data-line]");if(!m||!vscode)return;
  e.preventDefault();vscode.postMessage({command:"reveal",line:num(m,"line"),character:num(m,"col")});});
[].forEach.call(document.querySelectorAll("section.timeline"),Chart);
})();
)js";

void legend(std::ostream& out) {
  auto item = [&](std::string_view classes, std::string_view shape, std::string_view text) {
    out << "<li><svg width=\"18\" height=\"18\" viewBox=\"-9 -9 18 18\" aria-hidden=\"true\"><g "
           "class=\""
        << classes << "\"><path d=\"" << shape << "\"/></g></svg> " << text << "</li>";
  };
  out << "<ul class=\"legend\">";
  item("mark finding error", kTriangle, "error");
  item("mark finding warning", kDiamond, "warning");
  item("mark finding info", kSquare, "information or hint");
  item("mark conflict-other", kRing, "the other date of a conflict (joined by a dashed line)");
  item("mark age", kCross, "a claimed age on the person’s life");
  item("mark event", kCircle, "a date of the text");
  out << "<li><svg width=\"24\" height=\"12\" aria-hidden=\"true\"><rect class=\"bar\" x=\"0\" "
         "y=\"0\" width=\"24\" height=\"12\"/></svg> a lifespan (dashed: dates from the "
         "text)</li></ul>\n";
}

}  // namespace

void write_timeline_html(const std::vector<TimelineDocument>& documents, std::string_view title,
                         std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>histlint timeline: " << escape(title) << "</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n<header>\n<h1>histlint timeline: " << escape(title)
      << "</h1>\n<p>Zoom with the buttons, Ctrl+wheel or the + and − keys; move through time by "
         "dragging, Shift+wheel or Shift+arrow keys. Tab moves between the marks; each links to "
         "its finding below.</p>\n";
  legend(out);
  out << "</header>\n<main>\n";
  std::vector<Drawn> drawn;
  drawn.reserve(documents.size());
  for (const TimelineDocument& doc : documents) drawn.emplace_back(doc);
  const auto groups = group_by_folder(drawn);
  PageWriter page(out);
  for (size_t i = 0; i < groups.size(); ++i) page.group(groups[i], i);
  if (groups.empty()) out << "<p>No documents.</p>\n";
  out << "</main>\n<script>" << kScript << "</script>\n</body>\n</html>\n";
}

}  // namespace histlint
