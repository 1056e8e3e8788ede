// Prints the gzip and brotli size of every file in a Trunk dist/ and the first-load transfer of
// each page type; fails above the budget (a guard against regressions).
// Usage: node scripts/size.mjs [dist] [--report]
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { execFileSync } from "node:child_process";

const BUDGET_KB = 250; // hard limit (fails the test command)
const GOAL_KB = 200; // where we want to stay

const dist = process.argv[2] && !process.argv[2].startsWith("--") ? process.argv[2] : "dist";
const kb = (n) => (n / 1024).toFixed(1);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const sizes = new Map();
for (const file of walk(dist)) {
  const buf = readFileSync(file);
  sizes.set(relative(dist, file), {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    br: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}

const rows = [...sizes.entries()].sort((a, b) => b[1].gzip - a[1].gzip);
console.log("file".padEnd(60), "raw KB".padStart(9), "gzip KB".padStart(9), "br KB".padStart(9));
for (const [name, s] of rows.filter(([n]) => !n.startsWith("content/")))
  console.log(name.padEnd(60), kb(s.raw).padStart(9), kb(s.gzip).padStart(9), kb(s.br).padStart(9));
const bundles = rows.filter(([n]) => /^content\/(zh|en)\/.*\.html$/.test(n));
if (bundles.length) {
  const largest = bundles[0];
  const total = bundles.reduce((a, [, s]) => a + s.gzip, 0);
  console.log(`content/: ${bundles.length} answer files, ${kb(total)} KB gzip in all, largest ${largest[0]} ${kb(largest[1].gzip)} KB gzip`);
}
// Search: what a first query downloads (index metadata, the shards of its terms, the snippet
// texts of the first results), listed by `search-cost`, which runs the app's search code.
const searchFiles = rows.filter(([n]) => /^content\/search\//.test(n));
if (searchFiles.length) {
  console.log(`search index: ${searchFiles.length} files, ${kb(searchFiles.reduce((a, [, s]) => a + s.gzip, 0))} KB gzip in all (fetched per query, never on a first load)`);
  try {
    const out = execFileSync("cargo", ["run", "--quiet", "-p", "explorables-content", "--bin", "search-cost", "--", dist], { encoding: "utf8" });
    const gz = (files) => files.reduce((a, f) => a + (sizes.get(f)?.gzip ?? 0), 0);
    console.log("first query on a page, bytes fetched (goal ≤ 60 KB gzip for a two-term query):");
    for (const line of out.trim().split("\n")) {
      const [lang, q, files] = line.split("\t");
      const list = files.split(" ");
      const idx = list.filter((f) => f.startsWith("content/search/"));
      const g = gz(list);
      console.log(`  ${`"${q}"`.padEnd(28)} ${lang}: ${String(list.length).padStart(2)} files, ${kb(g).padStart(5)} KB gzip (index ${kb(gz(idx))} KB in ${idx.length} files + snippets ${kb(g - gz(idx))} KB)`);
      if (g > 60 * 1024) console.log(`    over the 60 KB goal`);
    }
  } catch (e) {
    console.log(`search-cost failed: ${e.message}`);
  }
}

// What a first visit downloads: the page's HTML and every asset it references (the JS glue
// names the wasm it loads). Answers and widget modules are fetched on demand afterwards.
function firstLoad(htmlFile) {
  const html = readFileSync(join(dist, htmlFile), "utf8");
  const files = new Set([htmlFile]);
  const base = (html.match(/<base href="([^"]*)"/) || [, "/"])[1];
  const local = (u) => u.replace(/^\/?/, "/").replace(base.replace(/^\/?/, "/"), "").replace(/^\//, "");
  for (const m of html.matchAll(/(?:href|src)="([^"]+)"|from "\.\/([^"]+)"/g)) {
    const p = local(m[1] ?? m[2]);
    if (sizes.has(p)) files.add(p);
  }
  for (const f of [...files].filter((f) => f.endsWith(".js"))) {
    const wasm = f.replace(/\.js$/, "_bg.wasm");
    if (sizes.has(wasm)) files.add(wasm);
  }
  return [...files];
}
const sum = (files, key) => files.reduce((a, f) => a + (sizes.get(f)?.[key] ?? 0), 0);
const shell = firstLoad("index.html");
// Study mode's module (widgets/study.js) is built like a widget module but is not a widget.
const STUDY = "study";
const widgetNames = [...sizes.keys()].filter((n) => /^widgets\/[^/]+\.js$/.test(n)).map((n) => n.slice(8, -3)).filter((n) => n !== STUDY);
const largestAnswer = bundles.length ? [bundles[0][0]] : [];

// Pre-rendered pages: each route's own HTML plus the shell's assets.
const questionPages = [...sizes.keys()].filter((n) => /^q\/[^/]+\/index\.html$/.test(n));
const largestQuestion = questionPages.sort((a, b) => sizes.get(b).gzip - sizes.get(a).gzip)[0];
const pages = [["home (pre-rendered, with the site shell)", shell]];
if (largestQuestion) pages.push([`largest question page: ${largestQuestion.slice(2, -11)}`, firstLoad(largestQuestion)]);
else pages.push(["question page + its answer (largest)", [...shell, ...largestAnswer]]);
for (const w of widgetNames) {
  if (sizes.has(`embed/${w}/index.html`)) pages.push([`embed/${w} (widget module only)`, firstLoad(`embed/${w}/index.html`)]);
}
console.log("\nfirst-load transfer per page type:");
let worst = 0;
for (const [label, files] of pages) {
  const g = sum(files, "gzip");
  worst = Math.max(worst, g);
  console.log(`  ${label.padEnd(48)} gzip ${kb(g).padStart(7)} KB   brotli ${kb(sum(files, "br")).padStart(7)} KB`);
}
console.log("\nloaded on demand when a page shows the widget (after the page has rendered):");
for (const w of widgetNames) {
  const mod = [`widgets/${w}.js`, `widgets/${w}_bg.wasm`];
  console.log(`  ${w.padEnd(30)} gzip ${kb(sum(mod, "gzip")).padStart(7)} KB   (shell + widget: ${kb(sum([...shell, ...mod], "gzip"))} KB)`);
}
// Until the widget is interactive. A page that shows a widget loads that widget's own module
// first and the site's wasm only after it (the prerender's "widgets first" boot, see README): so
// it counts its HTML, the stylesheet, the site's small JS glue and the widget modules it shows,
// not the site's wasm. A page without that boot counts the site's wasm as well.
const appWasm = shell.filter((f) => f.endsWith("_bg.wasm"));
function untilInteractive(htmlFile) {
  const html = readFileSync(join(dist, htmlFile), "utf8");
  const widgetsFirst = html.includes("__llmxWidgetsFirst()");
  const files = firstLoad(htmlFile).filter((f) => !(widgetsFirst && appWasm.includes(f)));
  // The first widget on the page (the loader mounts it alone, then the others).
  const first = html.match(/<div[^>]*class="widget-(?:slot|host)"[^>]*>/)?.[0].match(/data-widget="([a-z-]+)"/)?.[1];
  if (first) files.push(`widgets/${first}.js`, `widgets/${first}_bg.wasm`);
  return { files: [...new Set(files)], widgetsFirst };
}
const firstWidget = (p) =>
  readFileSync(join(dist, p), "utf8").match(/<div[^>]*class="widget-slot"[^>]*>/)?.[0].match(/data-widget="([a-z-]+)"/)?.[1];
// The largest question page whose first widget is `w` (questionPages is sorted largest first).
const widgetQuestion = (w) => questionPages.find((p) => firstWidget(p) === w);
console.log(`\nuntil the (first) widget is interactive (page + stylesheet + JS glue + widget module; the site's wasm follows) — budget ${BUDGET_KB} KB:`);
let worstInteractive = 0;
const interactiveRows = [];
for (const w of widgetNames) {
  for (const [label, file] of [[`question page with ${w}`, widgetQuestion(w)], [`lab/${w}`, `lab/${w}/index.html`]]) {
    if (!file || !sizes.has(file)) continue;
    const { files, widgetsFirst } = untilInteractive(file);
    const g = sum(files, "gzip");
    worstInteractive = Math.max(worstInteractive, g);
    interactiveRows.push([label, g]);
    console.log(`  ${label.padEnd(48)} gzip ${kb(g).padStart(7)} KB${widgetsFirst ? "" : "   (site wasm first)"}`);
  }
}
// Study mode: its module loads only on /study/, for a reader with stored progress, or on a
// click on a rating; a new reader's pages never fetch it.
const studyMod = [`widgets/${STUDY}.js`, `widgets/${STUDY}_bg.wasm`];
if (studyMod.every((f) => sizes.has(f)) && sizes.has("study/index.html")) {
  // /study/ boots "study first" (like a widget page): the site's wasm follows the module.
  const studyFirst = readFileSync(join(dist, "study/index.html"), "utf8").includes("__llmxWidgetsFirst()");
  const studyPage = [...new Set([...firstLoad("study/index.html").filter((f) => !(studyFirst && appWasm.includes(f))), ...studyMod, "content/study-cards.json"])];
  const g = sum(studyPage, "gzip");
  worstInteractive = Math.max(worstInteractive, g);
  interactiveRows.push(["/study/", g]);
  console.log(`  study module ${"".padEnd(35)} gzip ${kb(sum(studyMod, "gzip")).padStart(7)} KB   (loaded on /study/, on a first rating, or for a reader with progress)`);
  console.log(`  /study/ until interactive (page + stylesheet + JS glue + study module + cards JSON ${kb(sizes.get("content/study-cards.json")?.gzip ?? 0)} KB) gzip ${kb(g).padStart(7)} KB${studyFirst ? "" : "   (site wasm first)"}`);
}
// A reading session: home, five questions that show the five first widgets, and an embed of
// another one; every file counted once (the browser cache keeps the rest).
const SESSION_GOAL_KB = 500;
const sessionWidgets = ["attention-mask", "kv-cache", "moe", "norm-placement", "positional-encoding"].filter((w) => widgetNames.includes(w));
const session = new Set(shell);
for (const w of sessionWidgets) {
  const q = widgetQuestion(w);
  if (q) { firstLoad(q).forEach((f) => session.add(f)); untilInteractive(q).files.forEach((f) => session.add(f)); }
}
const embedWidget = widgetNames.find((w) => !sessionWidgets.includes(w));
if (embedWidget && sizes.has(`embed/${embedWidget}/index.html`)) firstLoad(`embed/${embedWidget}/index.html`).forEach((f) => session.add(f));
const sessionKb = sum([...session], "gzip") / 1024;
console.log(`  reading session (home → ${sessionWidgets.length} questions with ${sessionWidgets.join(", ")} → embed/${embedWidget}): gzip ${sessionKb.toFixed(1)} KB; goal ≤ ${SESSION_GOAL_KB} KB (not met: each widget module carries its own Leptos runtime, see README)`);
// The blog loader (embed.js): what a blog page with embeds downloads before any frame.
const LOADER_BUDGET_KB = 5;
const loader = sizes.get("embed.js");
if (loader) {
  console.log(`\nembed.js (blog loader, before any frame): raw ${kb(loader.raw)} KB, gzip ${kb(loader.gzip)} KB, brotli ${kb(loader.br)} KB; budget ${LOADER_BUDGET_KB} KB gzip`);
  if (loader.gzip / 1024 > LOADER_BUDGET_KB) {
    console.error(`FAIL: embed.js is ${kb(loader.gzip)} KB gzip, over ${LOADER_BUDGET_KB} KB`);
    process.exit(1);
  }
}
console.log(`\nlargest first load (what the budget counts): ${kb(worst)} KB gzip; goal ≤ ${GOAL_KB} KB, budget ${BUDGET_KB} KB`);

if (worst / 1024 > GOAL_KB || process.argv.includes("--report")) {
  for (const wasm of [...sizes.keys()].filter((f) => f.endsWith(".wasm")))
    console.log(`  ${wasm}: ${kb(sizes.get(wasm).gzip)} KB gzip`);
  console.log("  where the bytes go (names kept before wasm-opt): cargo install twiggy && twiggy top -n 30 target/wasm32-unknown-unknown/release/llm-explorables.wasm");
  console.log("  (widget modules: target/wasm32-unknown-unknown/release/examples/<widget>.wasm)");
}
if (worst / 1024 > BUDGET_KB) {
  console.error(`FAIL: first load ${kb(worst)} KB gzip is over the ${BUDGET_KB} KB budget`);
  process.exit(1);
}
if (worstInteractive / 1024 > BUDGET_KB) {
  for (const [label, g] of interactiveRows.filter(([, g]) => g / 1024 > BUDGET_KB))
    console.error(`FAIL: ${label}: ${kb(g)} KB gzip until its widget is interactive, over the ${BUDGET_KB} KB budget`);
  process.exit(1);
}
console.log("size budget: ok");
