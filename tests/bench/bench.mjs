// Browser benchmark: first render, wasm memory and input-to-next-frame latency measured the
// way js-framework-benchmark does ("afterframe": requestAnimationFrame, then a MessageChannel
// message). Prints a table; asserts nothing.
import { serve } from "../e2e/server.mjs";
import { launch } from "../e2e/browser.mjs";

const RUNS = Number(process.argv[2] ?? 25);
const PLAIN = `<!doctype html><title>plain</title><link rel="icon" href="data:,"><h1 id="h">plain</h1><input id="i" type="number" value="1">
<script>document.getElementById("i").addEventListener("change", e => { document.getElementById("h").textContent = "n = " + e.target.value; });</script>`;

const site = await serve("dist", "/", { "/plain.html": PLAIN });
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
      return (await window.__afterframe()) - t0;
    }, { selector, v, event }));
  }
  await context.close();
  return stats(times);
}

const f = (x) => (x == null ? "—" : x.toFixed(1));
for (const [label, path, sel] of [
  ["plain static HTML page", "plain.html", "#h"],
  ["home", "", "section.chapter"],
  ["question (answer)", "q/gpt3-vs-gpt2", "[data-testid=answer] h2"],
  ["embed attention-mask", "embed/attention-mask?n=512", "canvas.mask-canvas"],
  ["embed kv-cache", "embed/kv-cache", "output[data-key=kv-bytes]"],
]) {
  const r = await firstRender(path, sel);
  rows.push([`first render: ${label}`, r.median, r.p95, r.memory == null ? "—" : `${(r.memory / 1048576).toFixed(1)} MiB`]);
}
rows.push(["input→frame: plain page", ...Object.values(await inputLatency("plain.html", "#h", "#i", [1, 2, 3])), ""]);
for (const n of [512, 4096, 8192]) {
  const r = await inputLatency(`embed/attention-mask?preset=sliding-window&n=${n}`, "canvas.mask-canvas", "input[data-control=window]", [n / 8, n / 4, n / 2].map(Math.round));
  rows.push([`input→frame: mask window, n=${n}`, r.median, r.p95, ""]);
}
const four = "model=meta-llama/Llama-3.1-8B&compare=deepseek-ai/DeepSeek-V3,google/gemma-3-27b-pt,mistralai/Mistral-7B-v0.1";
const kv = await inputLatency(`embed/kv-cache?${four}`, "output[data-key=kv-bytes]", "input[data-control=ctx-slider]", [200, 500, 800, 950], "input");
rows.push(["input→frame: kv chart, 4 models", kv.median, kv.p95, ""]);

console.log(`\n${"measurement".padEnd(44)} ${"median ms".padStart(10)} ${"p95 ms".padStart(10)}  wasm memory`);
for (const [name, med, p95, mem] of rows) console.log(`${name.padEnd(44)} ${f(med).padStart(10)} ${f(p95).padStart(10)}  ${mem}`);
await browser.close();
site.close();
