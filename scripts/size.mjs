// Prints the gzip and brotli size of every file in a Trunk dist/ and the first-load transfer of
// each page type; fails above the budget (a guard against regressions).
// Usage: node scripts/size.mjs [dist] [--report]
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

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
const bundles = rows.filter(([n]) => n.startsWith("content/"));
if (bundles.length) {
  const largest = bundles[0];
  const total = bundles.reduce((a, [, s]) => a + s.gzip, 0);
  console.log(`content/: ${bundles.length} answer bundles, ${kb(total)} KB gzip in all, largest ${largest[0]} ${kb(largest[1].gzip)} KB gzip`);
}

// What a first visit downloads: index.html and every asset it references.
const html = readFileSync(join(dist, "index.html"), "utf8");
const referenced = [...html.matchAll(/(?:href|src)="([^"]+)"/g)]
  .map((m) => m[1].replace(/^\/(?:[^"]*\/)?/, ""))
  .filter((p) => sizes.has(p));
const jsFile = referenced.find((p) => p.endsWith(".js"));
if (jsFile) {
  // The JS glue names the wasm file it loads.
  const glue = readFileSync(join(dist, jsFile), "utf8");
  for (const [name] of sizes) if (name.endsWith(".wasm") && glue.includes(name.replace(/^.*\//, ""))) referenced.push(name);
}
for (const [name] of sizes) if (name.endsWith(".wasm") && !referenced.includes(name)) referenced.push(name);
const shell = ["index.html", ...new Set(referenced)];
const sum = (files, key) => files.reduce((a, f) => a + (sizes.get(f)?.[key] ?? 0), 0);

const largestBundle = bundles.length ? [bundles[0][0]] : [];
const pages = [
  ["home, section, lab, embed", shell],
  ["question page (+ its answer bundle, largest)", [...shell, ...largestBundle]],
];
console.log("\nfirst-load transfer per page type:");
let worst = 0;
for (const [label, files] of pages) {
  const g = sum(files, "gzip");
  worst = Math.max(worst, g);
  console.log(`  ${label.padEnd(48)} gzip ${kb(g).padStart(7)} KB   brotli ${kb(sum(files, "br")).padStart(7)} KB`);
}
console.log(`  largest first load (what the budget counts): ${kb(worst)} KB gzip; goal ≤ ${GOAL_KB} KB, budget ${BUDGET_KB} KB`);

if (worst / 1024 > GOAL_KB || process.argv.includes("--report")) {
  const wasm = shell.find((f) => f.endsWith(".wasm"));
  console.log(`\nabove the goal: the wasm (${wasm}) is ${kb(sizes.get(wasm).gzip)} KB gzip of it.`);
  console.log("  to see which functions and crates take the bytes: cargo install twiggy && twiggy top -n 30 " + join(dist, wasm));
}
if (worst / 1024 > BUDGET_KB) {
  console.error(`FAIL: first load ${kb(worst)} KB gzip is over the ${BUDGET_KB} KB budget`);
  process.exit(1);
}
console.log("size budget: ok");
