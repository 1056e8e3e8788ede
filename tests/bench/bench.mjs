// Browser benchmark: first render, wasm memory and input-to-next-frame latency measured the
// way js-framework-benchmark does ("afterframe": requestAnimationFrame, then a MessageChannel
// message). Prints a table; asserts nothing.
import { serve } from "../e2e/server.mjs";
import { launch } from "../e2e/browser.mjs";
import { readFileSync } from "node:fs";

const RUNS = Number(process.argv[2] ?? 25);
const PLAIN = `<!doctype html><title>plain</title><link rel="icon" href="data:,"><h1 id="h">plain</h1><input id="i" type="number" value="1">
<script>document.getElementById("i").addEventListener("change", e => { document.getElementById("h").textContent = "n = " + e.target.value; });</script>`;

// The question page of the FCP rows as bare HTML: its own markup, without stylesheet or scripts.
const BARE = readFileSync("dist/q/gpt3-vs-gpt2/index.html", "utf8")
  .replace(/<script[\s\S]*?<\/script>/g, "").replace(/<style[\s\S]*?<\/style>/g, "")
  .replace(/<link rel="(?:stylesheet|modulepreload|preload)"[^>]*>/g, "");
const site = await serve("dist", "/", { "/plain.html": PLAIN, "/plain-question.html": BARE });
const browser = await launch();
const rows = [];
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] };
};

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (e) => { window.__wasm = e.detail.wasm; });
    // Resolves after the next frame has been produced.
    window.__afterframe = () => new Promise((resolve) => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(0);
    }));
  });
  return { page, context };
}

async function firstRender(path, selector) {
  const times = [];
  let memory = null;
  for (let i = 0; i < Math.max(3, Math.floor(RUNS / 5)); i++) {
    const { page, context } = await newPage();
    await page.goto(site.url + path);
    await page.waitForSelector(selector, { timeout: 30000 });
    times.push(await page.evaluate(() => window.__afterframe()));
    memory = await page.evaluate(() => (window.__wasm?.memory?.buffer.byteLength ?? null));
    await context.close();
  }
  return { ...stats(times), memory };
}

/** First contentful paint, and when `ready` (the page's text, or its widget) is there. */
async function paint(path, ready) {
  const { page, context } = await newPage();
  await page.goto(site.url + path);
  await page.waitForSelector(ready, { timeout: 30000 });
  const readyAt = await page.evaluate(() => window.__afterframe());
  const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
  await context.close();
  return { fcp, ready: readyAt };
}

/** Latency from an input change to the next frame, over RUNS changes. */
async function inputLatency(path, ready, selector, values, event = "change") {
  const { page, context } = await newPage();
  await page.goto(site.url + path);
  await page.waitForSelector(ready, { timeout: 30000 });
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const v = values[i % values.length];
    times.push(await page.evaluate(async ({ selector, v, event }) => {
      const el = document.querySelector(selector);
      const t0 = performance.now();
      el.value = String(v);
      el.dispatchEvent(new Event(event, { bubbles: true }));
      // A task queued now runs after the microtasks where the reactive effects do their work.
      const handled = await new Promise((resolve) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now() - t0);
        ch.port2.postMessage(0);
      });
      return [(await window.__afterframe()) - t0, handled];
    }, { selector, v, event }));
  }
  await context.close();
  return { ...stats(times.map((t) => t[0])), handler: stats(times.map((t) => t[1])).median };
}

/**
 * Frame times while the MoE lab plays: requestAnimationFrame deltas over `seconds`, plus the
 * time the page spends in one "step" click (the wasm routing step and its re-render).
 */
async function moeAnimation(query, seconds) {
  const { page, context } = await newPage();
  await page.goto(`${site.url}embed/moe?${query}`);
  await page.waitForSelector("output[data-key=step]", { timeout: 30000 });
  const step = await page.evaluate(async () => {
    const button = document.querySelector("button[data-action=step]");
    const times = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      button.click();
      times.push((await window.__afterframe()) - t0);
    }
    times.sort((a, b) => a - b);
    return times[5];
  });
  await page.click("button[data-action=play]");
  const frames = await page.evaluate((ms) => new Promise((resolve) => {
    const deltas = [];
    let last = performance.now();
    const end = last + ms;
    const tick = (t) => {
      deltas.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(tick); else resolve(deltas);
    };
    requestAnimationFrame(tick);
  }), seconds * 1000);
  const stepsDone = Number(await page.getAttribute("output[data-key=step]", "data-value"));
  await context.close();
  const slow = frames.filter((d) => d > 20).length;
  return { ...stats(frames), frames: frames.length, slowPct: (100 * slow) / frames.length, step, stepsDone };
}

const ONLY = new RegExp(process.env.BENCH_ONLY ?? "");
const want = (label) => ONLY.test(label);
const f = (x) => (x == null ? "—" : x.toFixed(1));
for (const [label, path, sel] of [
  ["plain static HTML page", "plain.html", "#h"],
  ["home", "", "section.chapter"],
  ["question (answer)", "q/gpt3-vs-gpt2", "[data-testid=answer] h2"],
  ["embed attention-mask", "embed/attention-mask?n=512", "canvas.mask-canvas"],
  ["embed kv-cache", "embed/kv-cache", "output[data-key=kv-bytes]"],
  ["embed moe", "embed/moe", "output[data-key=step]"],
]) {
  if (!want(`first render: ${label}`)) continue;
  const r = await firstRender(path, sel);
  rows.push([`first render: ${label}`, r.median, r.p95, null, r.memory == null ? "—" : `${(r.memory / 1048576).toFixed(1)} MiB`]);
}
// Pre-rendered pages paint their text before any wasm runs: FCP next to two plain pages — an
// almost empty one, and the same question page stripped to bare HTML (no stylesheet, no script),
// which paints the same text and MathML. The pages take turns in each round, so a busy machine
// slows them alike.
const fcpRows = [];
const FCP_PAGES = [
  ["plain static HTML page", "plain.html", "#h"],
  ["same question as bare HTML (no CSS, no JS)", "plain-question.html", "h1"],
  ["home", "", "section.chapter"],
  ["question page, its text", "q/gpt3-vs-gpt2/", "[data-testid=answer] h2"],
  ["question page, widget interactive", "en/q/deepseek-mla/", ".widget-slot .widget[data-widget=kv-cache] output[data-key=kv-bytes]"],
  ["embed kv-cache, interactive", "embed/kv-cache", ".widget output[data-key=kv-bytes]"],
].filter(([label]) => want(`paint: ${label}`));
if (FCP_PAGES.length) {
  const samples = FCP_PAGES.map(() => ({ fcp: [], ready: [] }));
  for (let i = 0; i < Math.max(5, Math.floor(RUNS / 3)); i++) {
    for (const [j, [, path, ready]] of FCP_PAGES.entries()) {
      const r = await paint(path, ready);
      samples[j].fcp.push(r.fcp);
      samples[j].ready.push(r.ready);
    }
  }
  for (const [j, [label]] of FCP_PAGES.entries())
    fcpRows.push([label, stats(samples[j].fcp).median, stats(samples[j].ready).median]);
}
const latency = async (label, ...args) => {
  if (!want(label)) return;
  const r = await inputLatency(...args);
  rows.push([label, r.median, r.p95, r.handler, ""]);
};
await latency("input→frame: plain page", "plain.html", "#h", "#i", [1, 2, 3]);
for (const n of [512, 4096, 8192]) {
  await latency(`input→frame: mask window, n=${n}`, `embed/attention-mask?preset=sliding-window&n=${n}`, "canvas.mask-canvas",
    "input[data-control=window]", [n / 8, n / 4, n / 2].map(Math.round));
}
const four = "model=meta-llama/Llama-3.1-8B&compare=deepseek-ai/DeepSeek-V3,google/gemma-3-27b-pt,mistralai/Mistral-7B-v0.1";
await latency("input→frame: kv chart, 4 models", `embed/kv-cache?${four}`, "output[data-key=kv-bytes]", "input[data-control=ctx-slider]", [200, 500, 800, 950], "input");

await latency("input→frame: norm gain, 96 layers", "embed/norm-placement?scheme=pre-ln&layers=96", "output[data-key=final-rms]",
  "input[data-control=gain]", [1, 2, 4, 8], "input");
await latency("input→frame: norm gain, 24 layers", "embed/norm-placement?scheme=pre-ln&layers=24", "output[data-key=final-rms]",
  "input[data-control=gain]", [1, 2, 4, 8], "input");
await latency("input→frame: rope theta chart", "embed/positional-encoding?scheme=rope", "output[data-key=angle]",
  "input[data-control=theta]", [4.5, 5, 5.7, 6], "input");

let moe = null;
if (want("moe animation")) {
  moe = await moeAnimation("preset=deepseek-v3&tokens=64&seed=1&balance=bias", 5);
  rows.push(["moe step click→frame (256 experts × 64 tokens)", moe.step, null, null, ""]);
  rows.push(["moe animation frame time (256 × 64)", moe.median, moe.p95, null, ""]);
}

console.log(`\n${"measurement".padEnd(48)} ${"median ms".padStart(10)} ${"p95 ms".padStart(10)} ${"work ms".padStart(11)}  wasm memory`);
for (const [name, med, p95, handler, mem] of rows) {
  console.log(`${name.padEnd(48)} ${f(med).padStart(10)} ${f(p95).padStart(10)} ${f(handler).padStart(11)}  ${mem}`);
}
if (fcpRows.length) {
  const plain = fcpRows.find(([l]) => l.startsWith("plain"))?.[1];
  const bare = fcpRows.find(([l]) => l.includes("bare HTML"))?.[1];
  const x = (a, b) => (b ? (a / b).toFixed(2) : "—");
  console.log(`\n${"page".padEnd(48)} ${"FCP ms".padStart(10)} ${"× plain".padStart(8)} ${"× bare".padStart(8)} ${"ready ms".padStart(10)}`);
  for (const [label, fcp, ready] of fcpRows) {
    console.log(`${label.padEnd(48)} ${f(fcp).padStart(10)} ${x(fcp, plain).padStart(8)} ${x(fcp, bare).padStart(8)} ${f(ready).padStart(10)}`);
  }
  console.log("× bare: against the same question as bare HTML (its text and MathML, no stylesheet, no script).");
}
console.log("\nwork ms: median time from the input event until its reactive updates (Rust, DOM writes, canvas) are done, before the browser's layout, paint and frame.");
if (moe) {
  console.log(`moe animation: ${moe.frames} frames in 5 s, ${moe.slowPct.toFixed(2)} % over 20 ms (goal < 2 %), ${moe.stepsDone} routing steps done.`);
}
await browser.close();
site.close();
