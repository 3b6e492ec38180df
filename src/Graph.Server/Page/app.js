// The kg query page: runs SPARQL against /sparql on this server and shows the answer. No libraries, no other origins.
"use strict";

const $ = (id) => document.getElementById(id);
const XSD = "http://www.w3.org/2001/XMLSchema#";

// Used when queries/ has no timeline example: any resource with a date, labelled if it can be.
const FALLBACK_TIMELINE = `PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?event ?label ?date WHERE {
  ?event ?p ?date .
  FILTER(DATATYPE(?date) = xsd:date || DATATYPE(?date) = xsd:dateTime)
  OPTIONAL { ?event rdfs:label ?label }
} ORDER BY ?date LIMIT 200`;

let examples = [];

function setStatus(text) { $("status").textContent = text; }

function showError(text) {
  const e = $("error");
  e.textContent = text;
  e.hidden = !text;
}

async function sparql(query) {
  const body = new URLSearchParams({ query });
  const res = await fetch("/sparql", {
    method: "POST",
    headers: { "Accept": "application/sparql-results+json, application/n-triples;q=0.9", "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(text.trim() || res.status + " " + res.statusText);
  const type = (res.headers.get("Content-Type") || "").split(";")[0].trim();
  if (type === "application/n-triples") return { graph: parseNTriples(text) };
  return JSON.parse(text);
}

// Splits N-Triples lines into their three terms (enough to show a CONSTRUCT result as a table).
function parseNTriples(text) {
  const term = /\s*(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?|<<\(.*?\)>>)/y;
  const rows = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    term.lastIndex = 0;
    const parts = [];
    for (let i = 0; i < 3; i++) {
      const m = term.exec(line);
      if (!m) break;
      parts.push(ntTerm(m[1]));
    }
    if (parts.length === 3) rows.push(parts);
  }
  return rows;
}

function ntTerm(t) {
  if (t.startsWith("<<(")) return { type: "triple", value: t };
  if (t.startsWith("<")) return { type: "uri", value: t.slice(1, -1) };
  if (t.startsWith("_:")) return { type: "bnode", value: t.slice(2) };
  const end = t.lastIndexOf('"');
  const value = JSON.parse(t.slice(0, end + 1).replace(/\\U([0-9A-Fa-f]{8})/g, (_, h) => String.fromCodePoint(parseInt(h, 16))));
  const rest = t.slice(end + 1);
  if (rest.startsWith("@")) return { type: "literal", value, "xml:lang": rest.slice(1) };
  if (rest.startsWith("^^")) return { type: "literal", value, datatype: rest.slice(3, -1) };
  return { type: "literal", value };
}

function cell(term) {
  const td = document.createElement("td");
  td.dir = "auto"; // Arabic values run right to left, Latin ones left to right, each in its own cell
  if (!term) return td;
  if (term.type === "uri") {
    td.className = "iri";
    td.textContent = term.value;
  } else if (term.type === "bnode") {
    td.textContent = "_:" + term.value;
  } else if (term.type === "triple") {
    td.textContent = typeof term.value === "string" ? term.value : JSON.stringify(term.value);
  } else {
    const span = document.createElement("span");
    span.dir = "auto";
    span.textContent = term.value;
    td.appendChild(span);
    if (term["xml:lang"]) {
      const l = document.createElement("span");
      l.className = "lang";
      l.dir = "ltr";
      l.textContent = " @" + term["xml:lang"];
      td.appendChild(l);
      td.lang = term["xml:lang"];
    } else if (term.datatype) {
      const d = document.createElement("span");
      d.className = "dt";
      d.dir = "ltr";
      d.textContent = " ^^" + term.datatype.replace(XSD, "xsd:");
      td.appendChild(d);
    }
  }
  return td;
}

function renderTable(vars, rows) {
  const table = $("results");
  const head = table.tHead;
  const body = table.tBodies[0];
  head.replaceChildren();
  body.replaceChildren();
  const hr = document.createElement("tr");
  for (const v of vars) {
    const th = document.createElement("th");
    th.textContent = v;
    hr.appendChild(th);
  }
  head.appendChild(hr);
  const frag = document.createDocumentFragment();
  for (const r of rows) {
    const tr = document.createElement("tr");
    for (const t of r) tr.appendChild(cell(t));
    frag.appendChild(tr);
  }
  body.appendChild(frag);
  table.hidden = false;
}

function updateDownloads(query, isGraph) {
  const q = encodeURIComponent(query);
  const set = (id, format, enabled) => {
    const a = $(id);
    a.href = `/sparql?query=${q}&format=${format}`;
    a.setAttribute("aria-disabled", enabled ? "false" : "true");
  };
  set("dl-json", "json", !isGraph);
  set("dl-csv", "csv", !isGraph);
  set("dl-ttl", "ttl", isGraph);
}

async function run() {
  const query = $("query").value;
  showError("");
  $("boolean").hidden = true;
  $("results").hidden = true;
  $("run").disabled = true;
  document.body.dataset.state = "running";
  setStatus("running…");
  const started = performance.now();
  try {
    const answer = await sparql(query);
    const ms = Math.round(performance.now() - started);
    let count = 0;
    if (answer.graph) {
      count = answer.graph.length;
      renderTable(["subject", "predicate", "object"], answer.graph);
      updateDownloads(query, true);
    } else if (typeof answer.boolean === "boolean") {
      $("boolean").textContent = "ASK: " + answer.boolean;
      $("boolean").hidden = false;
      updateDownloads(query, false);
    } else {
      const vars = answer.head.vars;
      const rows = answer.results.bindings.map((b) => vars.map((v) => b[v]));
      count = rows.length;
      renderTable(vars, rows);
      updateDownloads(query, false);
    }
    setStatus(`${count} result${count === 1 ? "" : "s"} in ${ms} ms`);
    document.body.dataset.rows = String(count);
    document.body.dataset.state = "done";
  } catch (e) {
    showError(e.message);
    setStatus("");
    document.body.dataset.state = "error";
  } finally {
    $("run").disabled = false;
  }
}

// Timeline: the first column holding dates gives the position, the first other literal the label.
function parseDate(term) {
  if (!term || term.type !== "literal") return null;
  const m = /^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(term.value);
  if (!m) return null;
  const dt = term.datatype || "";
  if (![XSD + "date", XSD + "dateTime", XSD + "gYearMonth", XSD + "gYear"].includes(dt) && !/^\d{4}-\d{2}-\d{2}$/.test(term.value)) return null;
  return Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1);
}

function labelOf(term) {
  if (!term) return "";
  if (term.type === "uri") return decodeURIComponent(term.value.replace(/.*[#/]/, ""));
  return term.value;
}

function drawTimeline(vars, rows) {
  const dateCol = vars.findIndex((_, i) => rows.some((r) => parseDate(r[i]) !== null));
  const chart = $("timeline-chart");
  chart.replaceChildren();
  $("timeline").hidden = false;
  if (dateCol < 0) {
    chart.textContent = "The timeline query returned no dates.";
    return 0;
  }
  // A language-tagged literal (a name or label) reads best, then any other literal, then an IRI's last segment.
  let labelCol = vars.findIndex((_, i) => i !== dateCol && rows.some((r) => r[i] && r[i]["xml:lang"]));
  if (labelCol < 0) labelCol = vars.findIndex((_, i) => i !== dateCol && rows.some((r) => r[i] && r[i].type === "literal" && parseDate(r[i]) === null));
  if (labelCol < 0) labelCol = vars.findIndex((_, i) => i !== dateCol);
  const points = rows.map((r) => ({ t: parseDate(r[dateCol]), date: r[dateCol] ? r[dateCol].value : "", label: labelCol < 0 ? "" : labelOf(r[labelCol]) }))
    .filter((p) => p.t !== null).sort((a, b) => a.t - b.t);
  const NS = "http://www.w3.org/2000/svg";
  const width = 1000, rowH = 22, top = 30, left = 40, right = 40;
  const height = top + 40 + points.length * rowH;
  const min = points[0].t, max = points[points.length - 1].t, span = Math.max(max - min, 1);
  const x = (t) => left + ((t - min) / span) * (width - left - right);
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "timeline of the rounds");
  const el = (name, attrs, text) => {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  svg.appendChild(el("line", { class: "axis", x1: left, y1: top, x2: width - right, y2: top }));
  const y0 = new Date(min).getUTCFullYear(), y1 = new Date(max).getUTCFullYear();
  for (let y = y0; y <= y1 + 1; y++) {
    const t = Date.UTC(y, 0, 1);
    if (t < min || t > max) continue;
    const g = el("g", { class: "tick" });
    g.appendChild(el("line", { x1: x(t), y1: top - 5, x2: x(t), y2: top + 5, stroke: "#23395d" }));
    g.appendChild(el("text", { x: x(t), y: top - 10, "text-anchor": "middle" }, String(y)));
    svg.appendChild(g);
  }
  points.forEach((p, i) => {
    const y = top + 30 + i * rowH;
    const g = el("g", { class: "event" });
    g.appendChild(el("line", { x1: x(p.t), y1: top, x2: x(p.t), y2: y, stroke: "#d9822b", "stroke-dasharray": "2 3" }));
    g.appendChild(el("circle", { cx: x(p.t), cy: y, r: 5 }));
    const anchorEnd = x(p.t) > width / 2;
    const t = el("text", { x: x(p.t) + (anchorEnd ? -9 : 9), y: y + 4, "text-anchor": anchorEnd ? "end" : "start", direction: "ltr" }, `${p.date.slice(0, 10)} ${p.label}`);
    t.setAttribute("unicode-bidi", "plaintext");
    g.appendChild(t);
    svg.appendChild(g);
  });
  chart.appendChild(svg);
  return points.length;
}

async function runTimeline() {
  const ex = examples.find((e) => /(^|\/)timeline$/.test(e.name)) || examples.find((e) => /timeline|round/i.test(e.name));
  const query = ex ? ex.query : FALLBACK_TIMELINE;
  showError("");
  try {
    const answer = await sparql(query);
    if (!answer.head) throw new Error("the timeline query must be a SELECT");
    const vars = answer.head.vars;
    const n = drawTimeline(vars, answer.results.bindings.map((b) => vars.map((v) => b[v])));
    document.body.dataset.timeline = String(n);
  } catch (e) {
    showError("timeline: " + e.message);
  }
}

async function loadExamples() {
  try {
    const res = await fetch("/examples");
    examples = await res.json();
  } catch {
    examples = [];
  }
  const select = $("examples");
  for (const e of examples) {
    const o = document.createElement("option");
    o.value = e.name;
    o.textContent = e.name;
    select.appendChild(o);
  }
}

async function start() {
  $("run").addEventListener("click", run);
  $("timeline-run").addEventListener("click", runTimeline);
  $("query").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
  });
  $("examples").addEventListener("change", () => {
    const ex = examples.find((x) => x.name === $("examples").value);
    if (ex) $("query").value = ex.query;
  });
  updateDownloads($("query").value, false);
  await loadExamples();
  // ?example=NAME&run=1 or ?query=TEXT&run=1 open the page on a query (links, and the headless browser test).
  const params = new URLSearchParams(location.search);
  const wanted = params.get("example");
  if (wanted) {
    const ex = examples.find((x) => x.name === wanted);
    if (ex) { $("examples").value = ex.name; $("query").value = ex.query; }
    else showError(`no example named ${wanted}`);
  } else if (params.get("query")) {
    $("query").value = params.get("query");
  }
  if (params.get("run") === "1") await run();
  if (params.get("timeline") === "1") await runTimeline();
}

document.addEventListener("DOMContentLoaded", start);
