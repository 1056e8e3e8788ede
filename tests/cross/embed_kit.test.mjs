// The blog embed kit in every engine: a blog on another origin (localhost vs 127.0.0.1) with
// embed.js and two widgets: the far one has no frame until scrolled near, the near one is
// sized to its content within 1 px, and the host's dark mode reaches it.
// ENGINES=firefox node --test tests/cross/embed_kit.test.mjs runs one engine.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve } from "../e2e/server.mjs";
import { startEngine } from "./engines.mjs";

const engines = (process.env.ENGINES ?? "chromium,firefox,webkit").split(",").map((e) => e.trim()).filter(Boolean);

const blog = (site) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog</title>
<link rel="icon" href="data:,"><script src="${site}embed.js" defer></script></head>
<body style="margin:0 auto;max-width:760px">
<div id="near" data-llm-explorable="attention-mask?preset=causal&amp;n=6"></div>
<p style="height:3000px">Lorem ipsum.</p>
<div id="far" data-llm-explorable="kv-cache?model=meta-llama/Llama-3.1-8B&amp;ctx=32768"></div>
<p style="height:1000px">The end.</p></body></html>`;

for (const engine of engines) {
  describe(`${engine}: embed kit`, { concurrency: 1 }, () => {
    let driver, quit, site;
    before(async () => {
      const extra = {};
      site = await serve("dist", "/", extra);
      extra["/blog.html"] = blog(site.url);
      ({ driver, quit } = await startEngine(engine));
    });
    after(async () => {
      await quit?.();
      site?.close();
    });
    const js = (script, ...args) => driver.executeScript(script, ...args);
    async function until(body, what, timeout = 20000) {
      const deadline = Date.now() + timeout;
      let last;
      while (Date.now() < deadline) {
        last = await js(body).catch((e) => `(${e.message})`);
        if (last && !(typeof last === "string" && last.startsWith("("))) return last;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${engine}: timed out waiting for ${what} (last: ${last})`);
    }
    /** Runs `body` inside the frame of `#id`, then returns to the blog. */
    async function inFrame(id, body) {
      await driver.switchTo().frame(await driver.findElement({ css: `#${id} iframe` }));
      try {
        return await js(body);
      } finally {
        await driver.switchTo().defaultContent();
      }
    }

    test("lazy frames, sized within 1 px, following the host's dark mode", async () => {
      const port = new URL(site.url).port;
      await driver.get(`http://localhost:${port}/blog.html`);
      await until("return document.querySelector('#near iframe')", "the near frame");
      assert.equal(await js("return document.querySelector('#far iframe')"), null, "no frame for the far widget yet");
      const src = await js("return document.querySelector('#near iframe').src");
      assert.ok(src.startsWith(`${site.url}embed/attention-mask?`), src);

      // The widget works in its frame (sandboxed, on our origin).
      const deadline = Date.now() + 20000;
      let pairs = null;
      while (!pairs && Date.now() < deadline) {
        pairs = await inFrame("near", "return document.querySelector('output[data-key=visible-pairs]')?.dataset.value ?? null");
        if (!pairs) await new Promise((r) => setTimeout(r, 200));
      }
      assert.equal(pairs, "21");

      let sizes;
      for (let i = 0; i < 40; i++) {
        const content = await inFrame("near", "return document.documentElement.getBoundingClientRect().height");
        const box = await js("return document.querySelector('#near iframe').getBoundingClientRect().height");
        sizes = { box, content };
        if (Math.abs(box - content) <= 1 && content > 100) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      assert.ok(Math.abs(sizes.box - sizes.content) <= 1 && sizes.content > 100, `${engine}: frame ${sizes.box} px, content ${sizes.content} px`);

      assert.equal(await inFrame("near", "return document.documentElement.dataset.theme"), "light");
      const t0 = Date.now();
      await js("document.documentElement.classList.add('dark')");
      let theme;
      while (Date.now() - t0 < 3000) {
        theme = await inFrame("near", "return document.documentElement.dataset.theme");
        if (theme === "dark") break;
      }
      assert.equal(theme, "dark", `${engine}: the host's dark mode reached the frame`);
      console.log(`${engine}: frame ${sizes.box} px for ${sizes.content} px of content; dark mode seen in the frame after ${Date.now() - t0} ms (WebDriver round trips included)`);

      await js("document.getElementById('far').scrollIntoView()");
      await until("return document.querySelector('#far iframe')", "the far frame after scrolling");
      assert.deepEqual(await inFrame("near", "return window.__llmxErrors || ['no error recorder']"), []);
    });
  });
}
