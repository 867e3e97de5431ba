/* invitecore HTML report: decodes the rows, then draws a sortable, filterable, paged table.
   Text from the input is only ever set with textContent, title or createTextNode, never parsed
   as HTML, so a name or note cannot add markup or script to the page. */
(function () {
  "use strict";
  var meta = JSON.parse(document.getElementById("ic-meta").textContent);
  var raw = JSON.parse(document.getElementById("ic-rows").textContent);

  /* Repeated strings (finding messages, fixes, labels) are written once: a string is new and
     joins the table, a number is a string seen before. Decoding walks them in writing order. */
  var strings = [];
  function S(v) {
    if (v === null || v === undefined) return null;
    if (typeof v === "number") return strings[v];
    strings.push(v);
    return v;
  }
  var SAFE_CLASS = { open: 1, selective: 1, error: 1, warning: 1, info: 1 };
  var rows = new Array(raw.length);
  var i, r;
  for (i = 0; i < raw.length; i++) {
    r = raw[i];
    var o = {
      i: i, name: r[0], file: S(r[1]), line: r[2], url: r[3], camp: S(r[4]), confidence: r[5],
      score: r[6], level: S(r[7]), verdict: S(r[8]), reason: S(r[9]),
    };
    o.findings = r[10].map(function (f) {
      return { code: S(f[0]), sev: S(f[1]), message: S(f[2]), fix: S(f[3]), start: f[4], end: f[5] };
    });
    o.note = r[11]; o.headline = r[12]; o.about = r[13];
    o.texts = r[14].map(function (t) { return { field: S(t[0]), text: t[1] }; });
    o.signals = r[15].map(function (s) {
      return { code: S(s[0]), camp: S(s[1]), label: S(s[2]), field: S(s[3]), start: s[4], end: s[5] };
    });
    o.factors = r[16].map(function (f) { return { code: S(f[0]), points: f[1], reason: S(f[2]) }; });
    o.advice = r[17].map(S);
    o.errors = r[18];
    o.inputError = r[19];
    o.relationship = S(r[20]);
    o.id = r[21];
    o.codes = {};
    o.findings.forEach(function (f) { o.codes[f.code] = 1; });
    rows[i] = o;
  }
  raw = null;

  var L = meta.labels;
  var VERDICT_ORDER = { do_not_send: 0, warm_up: 1, revise: 2, send: 3, already_connected: 4 };
  var CAMP_ORDER = { open_networker: 0, in_between: 1, selective_connector: 2, unknown: 3 };
  var SEV_RANK = { error: 2, warning: 1, info: 0 };

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function verdictLabel(row) {
    if (row.inputError !== null) return L.unreadable;
    return L.verdicts[row.verdict] || row.verdict || "";
  }
  function verdictClass(row) {
    return row.inputError !== null ? "unreadable" : (VERDICT_ORDER[row.verdict] !== undefined ? row.verdict : "");
  }
  function where(row, short) {
    if (row.file === null) return row.id || "";
    var file = short ? row.file.replace(/^.*[\\/]/, "") : row.file;
    return row.line === null ? file : file + ":" + row.line;
  }
  function topFinding(row) {
    var best = null;
    row.findings.forEach(function (f) {
      if (best === null || (SEV_RANK[f.sev] || 0) > (SEV_RANK[best.sev] || 0)) best = f;
    });
    return best;
  }
  function topFix(row) {
    var ranked = row.findings.filter(function (f) { return f.fix; });
    ranked.sort(function (a, b) { return (SEV_RANK[b.sev] || 0) - (SEV_RANK[a.sev] || 0); });
    if (ranked.length) return ranked[0].fix;
    return row.advice.length ? row.advice[0] : "";
  }
  function fmt(n) { return Math.round(n * 100) / 100; }

  /* -- highlighting: spans are code-point offsets (Python's), so text is split by code point -- */
  function highlight(text, spans) {
    var frag = document.createDocumentFragment();
    var cps = Array.from(text || "");
    var marks = spans.filter(function (s) {
      return s.start !== null && s.end !== null && s.start >= 0 && s.start <= s.end && s.end <= cps.length;
    });
    var cuts = [0, cps.length];
    marks.forEach(function (s) { cuts.push(s.start, s.end); });
    cuts = cuts.filter(function (v, k, all) { return all.indexOf(v) === k; }).sort(function (a, b) { return a - b; });
    for (var k = 0; k < cuts.length; k++) {
      var a = cuts[k];
      /* zero-length spans (a greeting that is missing) show as a caret where it belongs */
      marks.forEach(function (s) {
        if (s.start === a && s.end === a) {
          var caret = el("mark", SAFE_CLASS[s.cls] ? s.cls : "", "\u2038");
          caret.title = s.title;
          frag.appendChild(caret);
        }
      });
      if (k === cuts.length - 1) break;
      var b = cuts[k + 1];
      var piece = cps.slice(a, b).join("");
      var cover = marks.filter(function (s) { return s.start <= a && s.end >= b && s.start < s.end; });
      /* the narrowest span colours the words: a finding about the whole note does not hide one
         about a phrase inside it */
      cover.sort(function (x, y) { return (x.end - x.start) - (y.end - y.start); });
      if (cover.length) {
        var mark = el("mark", SAFE_CLASS[cover[0].cls] ? cover[0].cls : "", piece);
        mark.title = cover.map(function (s) { return s.title; }).join("\n");
        frag.appendChild(mark);
      } else {
        frag.appendChild(document.createTextNode(piece));
      }
    }
    return frag;
  }

  function quote(text, spans, emptyText) {
    var box = el("p", "quote");
    if (!text) { box.className = "quote empty"; box.textContent = emptyText; return box; }
    box.appendChild(highlight(text, spans));
    return box;
  }

  function detail(row) {
    var grid = el("div", "detail-grid");
    if (row.inputError !== null) {
      var err = el("div", "wide");
      err.appendChild(el("h4", null, L.error));
      err.appendChild(el("p", "reason", row.inputError));
      grid.appendChild(err);
      return grid;
    }
    var verdict = el("div", "wide");
    verdict.appendChild(el("h4", null, L.why));
    var why = el("p", "reason");
    why.appendChild(el("span", "badge " + verdictClass(row), verdictLabel(row)));
    why.appendChild(document.createTextNode(" " + (row.reason || "")));
    verdict.appendChild(why);
    grid.appendChild(verdict);

    if (row.verdict !== "already_connected") {
      var note = el("div");
      note.appendChild(el("h4", null, L.note));
      var noteSpans = row.findings.filter(function (f) { return f.start !== null; }).map(function (f) {
        return { start: f.start, end: f.end, cls: f.sev, title: f.code + ": " + f.message };
      });
      note.appendChild(quote(row.note, noteSpans, L.noNote));
      if (row.relationship) note.appendChild(el("p", "field-label", L.relationship + ": " + row.relationship));
      grid.appendChild(note);
    }

    var profile = el("div");
    profile.appendChild(el("h4", null, L.evidence + (row.camp ? " (" + (L.camps[row.camp] || row.camp) +
      (row.confidence !== null ? ", " + L.confidence + " " + row.confidence.toFixed(2) : "") + ")" : "")));
    function spansFor(field) {
      return row.signals.filter(function (s) { return s.field === field && s.start !== null; }).map(function (s) {
        return { start: s.start, end: s.end, cls: s.camp, title: s.code + ": " + s.label };
      });
    }
    profile.appendChild(el("p", "field-label", L.headline));
    profile.appendChild(quote(row.headline, spansFor("headline"), L.none));
    profile.appendChild(el("p", "field-label", L.about));
    profile.appendChild(quote(row.about, spansFor("about"), L.none));
    row.texts.forEach(function (t) {
      profile.appendChild(el("p", "field-label", t.field));
      profile.appendChild(quote(t.text, spansFor(t.field), L.none));
    });
    var loose = row.signals.filter(function (s) {
      return s.start === null || ["headline", "about"].indexOf(s.field) < 0 &&
        !row.texts.some(function (t) { return t.field === s.field; });
    });
    if (loose.length) {
      var other = el("ul", "list");
      loose.forEach(function (s) {
        var li = el("li");
        li.appendChild(el("span", "code", s.code));
        li.appendChild(document.createTextNode(" " + (s.camp === "open" ? "+ " : "\u2212 ") + s.label +
          (s.field && s.label.indexOf(s.field) < 0 ? " (" + s.field + ")" : "")));
        other.appendChild(li);
      });
      profile.appendChild(el("p", "field-label", L.otherEvidence));
      profile.appendChild(other);
    }
    if (!row.signals.length) profile.appendChild(el("p", "muted", L.noEvidence));
    if (row.url) {
      var link = el("a", null, L.openProfile);
      link.href = row.url; /* only http(s) addresses are written into the data */
      link.rel = "noopener noreferrer nofollow";
      link.target = "_blank";
      var p = el("p");
      p.appendChild(link);
      profile.appendChild(p);
    }
    grid.appendChild(profile);

    if (row.verdict !== "already_connected") {
      var fixes = el("div");
      fixes.appendChild(el("h4", null, L.findings));
      if (!row.findings.length) fixes.appendChild(el("p", "muted", L.noFindings));
      var list = el("ul", "list");
      row.findings.slice().sort(function (a, b) { return (SEV_RANK[b.sev] || 0) - (SEV_RANK[a.sev] || 0); })
        .forEach(function (f) {
          var li = el("li");
          li.appendChild(el("span", "sev " + (SAFE_CLASS[f.sev] ? f.sev : ""), f.sev || ""));
          li.appendChild(el("span", "code", f.code));
          li.appendChild(document.createTextNode(" " + f.message));
          if (f.fix) li.appendChild(el("span", "fixline", L.fix + ": " + f.fix));
          list.appendChild(li);
        });
      fixes.appendChild(list);
      grid.appendChild(fixes);
    }

    var risk = el("div");
    risk.appendChild(el("h4", null, L.risk + (row.score !== null ? " " + fmt(row.score) + "/100 (" + row.level + ")" : "")));
    var factors = el("ul", "list");
    row.factors.slice().sort(function (a, b) { return b.points - a.points; }).forEach(function (f) {
      var li = el("li");
      li.appendChild(el("span", "pts " + (f.points > 0 ? "up" : "down"), (f.points > 0 ? "+" : "") + fmt(f.points)));
      li.appendChild(el("span", "code", f.code));
      li.appendChild(document.createTextNode(" " + f.reason));
      factors.appendChild(li);
    });
    if (!row.factors.length) risk.appendChild(el("p", "muted", L.noFactors));
    risk.appendChild(factors);
    if (row.advice.length) {
      risk.appendChild(el("h4", null, L.next));
      var adv = el("ul", "list");
      row.advice.forEach(function (a) { adv.appendChild(el("li", null, a)); });
      risk.appendChild(adv);
    }
    if (row.errors.length) {
      risk.appendChild(el("h4", null, L.pluginErrors));
      var errs = el("ul", "list");
      row.errors.forEach(function (e) { errs.appendChild(el("li", null, e)); });
      risk.appendChild(errs);
    }
    grid.appendChild(risk);
    return grid;
  }

  /* -- state, filtering, sorting, paging -- */
  var state = { q: "", camp: "", verdict: "", risk: "", code: "", sort: "", dir: 1, page: 0, size: meta.pageSize };
  var view = rows;
  var opened = {};
  var tbody = document.getElementById("ic-tbody");
  var countLine = document.getElementById("ic-count");
  var pageLine = document.getElementById("ic-page");
  var prev = document.getElementById("ic-prev");
  var next = document.getElementById("ic-next");

  function matches(row) {
    if (state.camp && row.camp !== state.camp) return false;
    if (state.verdict && (state.verdict === "unreadable" ? row.inputError === null : row.verdict !== state.verdict)) return false;
    if (state.risk) {
      if (state.risk.indexOf("bin:") === 0) {
        var bin = Number(state.risk.slice(4));
        if (row.score === null || Math.min(9, Math.floor(row.score / 10)) !== bin) return false;
      } else if (row.level !== state.risk) return false;
    }
    if (state.code) {
      if (state.code === "-none-") { if (row.findings.length) return false; }
      else if (!row.codes[state.code]) return false;
    }
    if (state.q) {
      if (row.hay === undefined) {
        row.hay = [row.name, row.headline, row.about, row.note, where(row), row.id].join("\n").toLowerCase();
      }
      if (row.hay.indexOf(state.q) < 0) return false;
    }
    return true;
  }
  var KEYS = {
    name: function (r) { return (r.name || "").toLowerCase(); },
    verdict: function (r) { return r.inputError !== null ? -1 : VERDICT_ORDER[r.verdict]; },
    risk: function (r) { return r.score === null ? -1 : r.score; },
    camp: function (r) { return CAMP_ORDER[r.camp] === undefined ? 9 : CAMP_ORDER[r.camp]; },
    findings: function (r) { return r.findings.length; },
  };
  function apply() {
    var filtered = rows.filter(matches);
    if (state.sort && KEYS[state.sort]) {
      var key = KEYS[state.sort], dir = state.dir;
      var keyed = filtered.map(function (row) { return [key(row), row.i, row]; });
      keyed.sort(function (a, b) { return a[0] < b[0] ? -dir : a[0] > b[0] ? dir : a[1] - b[1]; });
      filtered = keyed.map(function (k) { return k[2]; });
    }
    view = filtered;
    state.page = 0;
    draw();
  }

  var COLS = [
    ["c-name", null], ["c-verdict", null], ["c-risk num", "risk"], ["c-camp", "camp"],
    ["c-findings", "findings"], ["c-fix", "fix"],
  ];
  function rowNodes(row) {
    var tr = el("tr", "row");
    tr.tabIndex = 0;
    tr.setAttribute("data-row", String(row.i));
    var cells = COLS.map(function (c) {
      var td = el("td", c[0]);
      if (c[1]) td.setAttribute("data-label", L.columns[c[1]]);
      tr.appendChild(td);
      return td;
    });
    cells[0].appendChild(el("div", "name", row.name || row.id || L.unreadable));
    var place = el("div", "where", where(row, true));
    place.title = where(row);
    cells[0].appendChild(place);
    cells[1].appendChild(el("span", "badge " + verdictClass(row), verdictLabel(row)));
    if (row.score !== null) {
      cells[2].appendChild(document.createTextNode(fmt(row.score) + " "));
      cells[2].appendChild(el("span", "level " + row.level, row.level));
    }
    cells[3].textContent = row.camp ? (L.camps[row.camp] || row.camp) : "";
    cells[4].className += " codes";
    var seen = {};
    row.findings.forEach(function (f) { seen[f.code] = (seen[f.code] || 0) + 1; });
    Object.keys(seen).forEach(function (code) {
      cells[4].appendChild(el("span", "code", seen[code] > 1 ? code + " \u00d7" + seen[code] : code));
    });
    if (row.inputError !== null) cells[4].textContent = row.inputError;
    var fix = topFix(row);
    if (fix) cells[5].appendChild(el("div", "fix", fix));
    var nodes = [tr];
    var isOpen = !!opened[row.i];
    tr.setAttribute("aria-expanded", isOpen ? "true" : "false");
    if (isOpen) {
      tr.className += " open";
      var dtr = el("tr", "detail");
      var td = el("td");
      td.colSpan = COLS.length;
      td.appendChild(detail(row));
      dtr.appendChild(td);
      nodes.push(dtr);
    }
    return nodes;
  }
  function draw() {
    var pages = Math.max(1, Math.ceil(view.length / state.size));
    if (state.page >= pages) state.page = pages - 1;
    var start = state.page * state.size;
    var slice = view.slice(start, start + state.size);
    var frag = document.createDocumentFragment();
    slice.forEach(function (row) { rowNodes(row).forEach(function (n) { frag.appendChild(n); }); });
    tbody.textContent = "";
    if (!slice.length) {
      var tr = el("tr"), td = el("td", "empty-state", L.noMatch);
      td.colSpan = COLS.length;
      tr.appendChild(td);
      frag.appendChild(tr);
    }
    tbody.appendChild(frag);
    var shown = view.length ? (start + 1) + "\u2013" + (start + slice.length) : "0";
    countLine.textContent = L.showing.replace("{shown}", shown).replace("{total}", view.length.toLocaleString("en")) +
      (view.length !== rows.length ? " " + L.filteredFrom.replace("{all}", rows.length.toLocaleString("en")) : "");
    pageLine.textContent = L.page.replace("{page}", state.page + 1).replace("{pages}", pages);
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
    document.getElementById("ic-table").setAttribute("data-shown", String(view.length));
  }
  function toggle(index) {
    if (opened[index]) delete opened[index]; else opened[index] = 1;
    draw();
  }
  tbody.addEventListener("click", function (event) {
    var tr = event.target.closest ? event.target.closest("tr.row") : null;
    if (!tr || (event.target.closest && event.target.closest("a"))) return;
    toggle(Number(tr.getAttribute("data-row")));
  });
  tbody.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    var tr = event.target.closest ? event.target.closest("tr.row") : null;
    if (!tr || tr !== event.target) return;
    event.preventDefault();
    var index = Number(tr.getAttribute("data-row"));
    toggle(index);
    var again = tbody.querySelector('tr.row[data-row="' + index + '"]');
    if (again) again.focus();
  });
  prev.addEventListener("click", function () { state.page -= 1; draw(); });
  next.addEventListener("click", function () { state.page += 1; draw(); });

  function bind(id, key, lower) {
    var node = document.getElementById(id);
    var handler = function () {
      state[key] = lower ? node.value.trim().toLowerCase() : node.value;
      apply();
    };
    node.addEventListener(id === "ic-q" ? "input" : "change", handler);
    return node;
  }
  var controls = {
    camp: bind("ic-camp", "camp"), verdict: bind("ic-verdict", "verdict"), risk: bind("ic-risk", "risk"),
    code: bind("ic-code", "code"),
  };
  bind("ic-q", "q", true);
  var sortSelect = document.getElementById("ic-sort");
  function setSort(key, dir) {
    state.sort = key;
    state.dir = dir;
    sortSelect.value = key ? key + ":" + (dir > 0 ? "asc" : "desc") : "";
    Array.prototype.forEach.call(document.querySelectorAll("#ic-table thead th[data-sort]"), function (th) {
      var mine = th.getAttribute("data-sort") === key;
      th.setAttribute("aria-sort", mine ? (dir > 0 ? "ascending" : "descending") : "none");
    });
    apply();
  }
  sortSelect.addEventListener("change", function () {
    var parts = sortSelect.value.split(":");
    setSort(parts[0], parts[1] === "desc" ? -1 : 1);
  });
  Array.prototype.forEach.call(document.querySelectorAll("#ic-table thead th[data-sort] button"), function (button) {
    button.addEventListener("click", function () {
      var key = button.parentNode.getAttribute("data-sort");
      /* a first click on risk or findings shows the largest first */
      var first = key === "risk" || key === "findings" ? -1 : 1;
      setSort(key, state.sort === key ? -state.dir : first);
    });
  });
  document.getElementById("ic-size").addEventListener("change", function (event) {
    state.size = Number(event.target.value);
    draw();
  });
  document.getElementById("ic-reset").addEventListener("click", function () {
    ["ic-q", "ic-camp", "ic-verdict", "ic-risk", "ic-code"].forEach(function (id) { document.getElementById(id).value = ""; });
    state.q = state.camp = state.verdict = state.risk = state.code = "";
    setSort("", 1);
  });
  /* chart bars filter the table */
  Array.prototype.forEach.call(document.querySelectorAll("[data-filter]"), function (node) {
    function go() {
      var key = node.getAttribute("data-filter");
      controls[key].value = node.getAttribute("data-value");
      state[key] = controls[key].value;
      apply();
      document.getElementById("prospects").scrollIntoView({ behavior: "smooth", block: "start" });
    }
    node.addEventListener("click", go);
    node.addEventListener("keydown", function (event) { if (event.key === "Enter") go(); });
  });

  /* on a phone the long send-plan lists start folded */
  if (window.matchMedia && window.matchMedia("(max-width: 760px)").matches) {
    Array.prototype.forEach.call(document.querySelectorAll("details.section[open]"), function (d) { d.open = false; });
  }
  if (meta.single && rows.length) opened[0] = 1;
  apply();
  document.documentElement.setAttribute("data-ready", String(Math.round(performance.now())));
})();
