// The cross-engine suite: every page type, one exact number per widget, the embed height message,
// the theme toggle and the layout of display math, in Chromium, Firefox and WebKit.
// ENGINES=firefox (comma-separated) runs a subset; screenshots go to target/screenshots/.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { serve } from "../e2e/server.mjs";
import { catalogueRows, answerSource } from "../e2e/browser.mjs";
import { startEngine } from "./engines.mjs";
import { Key } from "selenium-webdriver";

const engines = (process.env.ENGINES ?? "chromium,firefox,webkit").split(",").map((e) => e.trim()).filter(Boolean);
const rows = catalogueRows();
const questions = rows.filter((r) => r.kind === "q");
const firstChapter = rows.find((r) => r.kind === "chapter");
// Answers with the most display fractions and an accent (grpo), and one-line equations with
// LaTeX spaces (gpt-past-key-value).
const MATH_PAGES = ["grpo", "baichuan2-architecture", "nope-no-positional-embeddings", "gpt-past-key-value"];
const WIDGETS = ["attention-mask", "grpo", "kl-estimators", "kv-cache", "moe", "norm-placement", "positional-encoding", "sampling", "test-time-scaling"];
const SHOTS = "target/screenshots";

const config = (id) => JSON.parse(readFileSync(new URL(`../../data/configs/${id.replace("/", "__")}.json`, import.meta.url), "utf8"));

for (const engine of engines) {
  describe(engine, { concurrency: 1 }, () => {
    let driver, quit, site;
    before(async () => {
      site = await serve("dist", "/");
      ({ driver, quit } = await startEngine(engine));
    });
    after(async () => {
      await quit?.();
      site?.close();
    });

    const js = (script, ...args) => driver.executeScript(script, ...args);
    /** A test that is run once more, in a fresh browser, when the browser itself died during it
     * (WebKitGTK's MiniBrowser crashes now and then); a failed assertion in a live browser fails. */
    const robust = (name, body) =>
      test(name, async () => {
        try {
          await body();
        } catch (e) {
          const alive = await driver.executeScript("return 1").then(() => true, () => false);
          if (alive) throw e;
          console.log(`# ${engine}: the browser died during "${name}" (${e.message}); running it again in a new one`);
          await quit?.().catch(() => {});
          ({ driver, quit } = await startEngine(engine));
          await body();
        }
      });
    /** Polls a page expression (a function body returning a value) until it is truthy. */
    async function until(body, what, timeout = 20000, ...args) {
      const deadline = Date.now() + timeout;
      let last;
      while (Date.now() < deadline) {
        last = await js(body, ...args).catch((e) => `(${e.message})`);
        if (last && !(typeof last === "string" && last.startsWith("("))) return last;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${engine}: timed out waiting for ${what} (last: ${last})`);
    }
    async function open(path, ready = ".site-header, .embed-main") {
      await driver.get(site.url + path);
      // The app has taken over the pre-rendered page (static embeds have no app).
      await until("return document.documentElement.hasAttribute('data-live') || document.body.classList.contains('embed')", `the app on ${path}`);
      await until(`return document.querySelector(${JSON.stringify(ready)})`, `${ready} on ${path}`);
    }
    const pageErrors = () => js("return window.__llmxErrors || ['no error recorder']");
    const value = (key) => js(`return document.querySelector('output[data-key="${key}"]')?.dataset.value ?? null`);
    async function shot(name) {
      mkdirSync(SHOTS, { recursive: true });
      writeFileSync(`${SHOTS}/${engine}-${name}.png`, await driver.takeScreenshot(), "base64");
    }

    robust("every page type loads without a page error", async () => {
      const pages = [
        ["", "section.chapter > h2"],
        [`s/${firstChapter.slug}/`, "main h1"],
        [`q/${MATH_PAGES[0]}/`, "[data-testid=answer] h2"],
        [`en/q/${MATH_PAGES[0]}/`, "[data-testid=answer] h2"],
        ["lab/", ".lab-list li[data-widget]"],
        ...WIDGETS.map((w) => [`embed/${w}`, ".widget pre[data-export=json]"]),
      ];
      for (const [path, selector] of pages) {
        await open(path, selector);
        const lang = path.startsWith("en/") ? "en" : "zh";
        if (path.includes("q/")) {
          const q = questions.find((q) => q.slug === MATH_PAGES[0]);
          assert.equal((await js("return document.querySelector('[data-testid=question-title]').textContent.trim()")), q[lang], path);
          const heads = await js("return [...document.querySelectorAll('[data-testid=answer] h2')].map((h) => h.textContent.trim())");
          assert.deepEqual(heads, lang === "en" ? ["Short answer", "How it works", "Follow-ups and traps", "Sources"] : ["简答", "详解", "追问与陷阱", "参考来源"]);
        }
        if (path.startsWith("embed/")) {
          assert.equal(await js("return document.querySelectorAll('.widget .notice').length"), 0, `${path}: no notice`);
        }
        assert.deepEqual(await pageErrors(), [], `${engine} ${path}`);
      }
    });

    robust("each widget answers an input with the exact number", async () => {
      const exported = async () => JSON.parse(await until("const p = document.querySelector('pre[data-export=json]'); return p && p.textContent.startsWith('{') && p.textContent", "export"));

      await open("embed/attention-mask?preset=causal&n=6", "output[data-key=visible-pairs]");
      assert.equal(await value("visible-pairs"), String((6 * 7) / 2));

      const c = config("meta-llama/Llama-3.1-8B");
      const perToken = 2 * c.num_hidden_layers * c.num_key_value_heads * (c.head_dim ?? c.hidden_size / c.num_attention_heads) * 2;
      await open("embed/kv-cache?model=meta-llama/Llama-3.1-8B&ctx=32768&batch=1&dtype=bf16", "output[data-key=kv-bytes]");
      assert.equal(await value("kv-bytes"), String(perToken * 32768));
      await shot("widget-kv-cache");

      await open("embed/moe?preset=deepseek-v3&tokens=64&seed=1&balance=bias", "output[data-key=step]");
      await driver.findElement({ css: "button[data-action=step]" }).click();
      await until("return JSON.parse(document.querySelector('pre[data-export=json]').textContent).tokens.length", "a routing step");
      const moe = await exported();
      assert.equal(moe.tokens.length, 64);
      for (const t of moe.tokens) {
        assert.equal(new Set(t.experts).size, 8);
        assert.ok(Math.abs(t.weights.reduce((a, b) => a + b, 0) - 2.5) < 1e-3, "routed scaling 2.5");
      }

      await open("embed/norm-placement?scheme=post-ln&layers=32&seed=5&gain=2", "output[data-key=final-rms]");
      const norm = await exported();
      assert.equal(norm.residual_rms.length, 32);
      assert.ok(norm.residual_rms.every((v) => Math.abs(v - 1) < 1e-3), "Post-LN keeps RMS 1");
      assert.equal(Number(await value("final-rms")), norm.residual_rms.at(-1));

      await open("embed/positional-encoding?scheme=rope&theta=10000&pos=1234&dim=5&head_dim=128", "output[data-key=angle]");
      const angle = 1234 * Math.pow(10000, -10 / 128);
      const got = Number(await value("angle"));
      assert.ok(Math.abs(got - angle) <= 1e-12 * angle, `angle ${got} vs ${angle}`);

      await open("embed/grpo?rewards=1,0,1,0&std=population&eps_std=0", "output[data-key=advantages]");
      assert.equal(await value("advantages"), "1,-1,1,-1");

      await open("embed/kl-estimators?theta=0,1,2&ref=1,1,0", "output[data-key=grad-k3-loss]");
      const sm = (l) => { const e = l.map(Math.exp); const z = e.reduce((a, b) => a + b); return e.map((x) => x / z); };
      const [pt, pr] = [sm([0, 1, 2]), sm([1, 1, 0])];
      (await value("grad-k3-loss")).split(",").map(Number).forEach((g, i) => assert.ok(Math.abs(g - (pt[i] - pr[i])) < 1e-12));

      await open("embed/sampling?logits=2,1,0.5,0&temperature=2&top_p=0.75&order=llamacpp", "output[data-key=probs]");
      // llama.cpp cuts first (top-p keeps tokens 0 and 1), then T = 2 reshares: softmax([1, 0.5]).
      const want = sm([1, 0.5]);
      (await value("probs")).split(",").map(Number).forEach((q, i) => assert.ok(Math.abs(q - (want[i] ?? 0)) < 1e-12, `probs ${i}`));

      await open("embed/test-time-scaling?panel=pass-at-k&n=10&c=3&k=5", "output[data-key=pass-at-k]");
      // 1 − C(7,5)/C(10,5) = 1 − 21/252
      assert.ok(Math.abs(Number(await value("pass-at-k")) - (1 - 21 / 252)) < 1e-12);
      assert.deepEqual(await pageErrors(), []);
    });

    robust("an embed posts its height to the parent page", async () => {
      const parent = `<!doctype html><title>p</title><link rel="icon" href="data:,">
        <script>window.heights=[];addEventListener("message",e=>{if(e.data&&e.data.type==="llm-explorables:height")heights.push(e.data.height)})</script>
        <iframe id="f" src="/embed/attention-mask?preset=causal&n=6" style="width:600px;height:300px;border:0"></iframe>`;
      const host = await serve("dist", "/", { "/parent.html": parent });
      try {
        await driver.get(`${host.url}parent.html`);
        const h = await until("return window.heights.length > 0 && window.heights.at(-1) > 200 && window.heights.at(-1)", "a height message");
        // The frame reports its own content height.
        await driver.switchTo().frame(await driver.findElement({ css: "#f" }));
        await until("return document.querySelector('output[data-key=visible-pairs]')", "the framed widget");
        const own = await js("return Math.ceil(document.documentElement.getBoundingClientRect().height)");
        await driver.switchTo().defaultContent();
        const last = await js("return window.heights.at(-1)");
        assert.ok(Math.abs(last - own) <= 2, `posted ${last} (first ${h}), content ${own}`);
      } finally {
        host.close();
      }
    });

    robust("the theme toggle switches light/dark and is remembered", async () => {
      await open("");
      const before = await js("return document.documentElement.dataset.theme");
      await driver.findElement({ css: ".icon-button" }).click();
      const toggled = await until(`return document.documentElement.dataset.theme !== ${JSON.stringify(before)} && document.documentElement.dataset.theme`, "the theme to change");
      await driver.navigate().refresh();
      await until("return document.documentElement.hasAttribute('data-live') && document.querySelector('.site-header')", "reload");
      assert.equal(await js("return document.documentElement.dataset.theme"), toggled);
      // Leave the next tests in the default theme.
      await js("localStorage.removeItem('theme')");
      assert.deepEqual(await pageErrors(), []);
    });

    robust("the header search box ranks answers, highlights the match and opens a result with ↓ and Enter", async () => {
      await open("q/gqa-intro/");
      const box = await driver.findElement({ css: "#site-search" });
      await box.sendKeys("load balancing");
      const got = await until("const st = document.querySelector('[data-testid=search-status]'); const a = [...document.querySelectorAll('a[data-search-result]')].map((a) => a.dataset.slug); return st && !st.textContent.includes('…') && document.querySelector('[data-search-result] mark') && a.length && a", "search results");
      const moe = ["moe-core-idea", "moe-pros", "deepseek-moe", "qwen3-moe", "qwen3-source-model", "deepseek-v3-vs-qwen3-235b-a22b"];
      assert.ok(got.slice(0, 5).some((s) => moe.includes(s)), `top five: ${got.slice(0, 5)}`);
      assert.ok((await js("return [...document.querySelectorAll('[data-search-result] mark')].map((m) => m.textContent.toLowerCase())")).every((m) => ["load", "balancing", "load balancing", "负载均衡"].includes(m)));
      await box.sendKeys(Key.ARROW_DOWN, Key.ENTER);
      await until(`return location.pathname === ${JSON.stringify(`/q/${got[0]}/`)}`, "the first result's page");
      assert.deepEqual(await pageErrors(), []);
    });

    robust("display math is laid out as math: fractions stacked, one-line equations one line high", async () => {
      let simpleSeen = 0;
      for (const slug of MATH_PAGES) {
        for (const lang of ["zh", "en"]) {
          await open(`${lang === "en" ? "en/" : ""}q/${slug}/`, "[data-testid=answer] math");
          const r = await js(`
            const answer = document.querySelector("[data-testid=answer]");
            const line = parseFloat(getComputedStyle(answer).lineHeight) || 1.6 * parseFloat(getComputedStyle(answer).fontSize);
            const fracs = [...answer.querySelectorAll("mfrac")].map((f) => {
              const [num, den] = f.children;
              const a = num.getBoundingClientRect(), b = den.getBoundingClientRect();
              // Centres, not boxes: an inline fraction's boxes (font ascent/descent) may overlap.
              const above = (a.top + a.bottom) / 2 < (b.top + b.bottom) / 2 - 2 && a.top < b.top;
              return { ok: above && a.height > 0 && b.height > 0, text: f.textContent.slice(0, 40) };
            });
            const blocks = [...answer.querySelectorAll('math[display="block"]')];
            // The top row of an equation flows left to right on one line (the bug stacked it).
            const rows = blocks.map((m) => {
              let row = m;
              while (row.children.length === 1 && ["mrow", "mstyle", "semantics"].includes(row.firstElementChild.localName)) row = row.firstElementChild;
              const items = [...row.children].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0);
              // Below its predecessor and not to its right: a column, not a row.
              const stacked = items.slice(1).filter((r, i) => {
                const p = items[i];
                return r.top >= p.top + p.height / 2 && r.left < p.left + p.width / 2;
              }).length;
              return { stacked, n: items.length, text: m.textContent.slice(0, 40) };
            });
            const simple = blocks
              .filter((m) => !m.querySelector("mtable, mfrac, munder, munderover, msqrt, mroot, mover:not([accent=true])"))
              .map((m) => ({ h: m.getBoundingClientRect().height, text: m.textContent.slice(0, 40) }));
            const tall = blocks.filter((m) => !m.querySelector("mtable"))
              .map((m) => ({ h: m.getBoundingClientRect().height, text: m.textContent.slice(0, 40) }));
            const escaped = [...answer.querySelectorAll("math")].filter((m) => /&(nbsp|amp|lt|gt);/.test(m.textContent)).length;
            return { line, fracs, rows, simple, tall, escaped };`);
          assert.ok(r.fracs.length > 0, `${slug}: has fractions`);
          assert.deepEqual(r.fracs.filter((f) => !f.ok), [], `${engine} ${lang}/${slug}: numerator above denominator`);
          assert.ok(r.rows.length > 0, `${slug}: has display math`);
          assert.deepEqual(r.rows.filter((m) => m.stacked > 0), [], `${engine} ${lang}/${slug}: each equation's top row is one line`);
          assert.deepEqual(r.simple.filter((m) => m.h > 3 * r.line), [], `${engine} ${lang}/${slug}: one-line equations ≤ 3 lines (${r.line}px)`);
          assert.deepEqual(r.tall.filter((m) => m.h > 6 * r.line), [], `${engine} ${lang}/${slug}: no equation without a table is taller than 6 lines`);
          simpleSeen += r.simple.length;
          assert.equal(r.escaped, 0, `${slug}: no escaped entity shown`);
          if (slug === MATH_PAGES[0] && lang === "zh") await shot("answer-grpo");
        }
      }
      assert.ok(simpleSeen > 0, "some one-line display equations were measured");
      // The accent of \hat{A} sits just above its letter, not a line above it.
      await open("q/grpo/", "[data-testid=answer] math");
      const gap = await js(`
        const m = [...document.querySelectorAll("[data-testid=answer] mover[accent=true]")][0];
        if (!m) return null;
        const [base, acc] = m.children;
        return base.getBoundingClientRect().top - acc.getBoundingClientRect().bottom;`);
      assert.notEqual(gap, null, "grpo has an accent");
      assert.ok(gap < 6, `accent gap ${gap}px`);
      assert.deepEqual(await pageErrors(), []);
    });

    robust("study: a rating loads study mode's module, is stored and counted, a computed card checks an answer", async () => {
      const card = '.study-host[data-ready] [data-card="kv-llama-3-1-8b-32768-bf16"]';
      await open("study/", ".study-host[data-ready] [data-key=reviewed]");
      await js("localStorage.removeItem('llmx-study')");
      await open(`q/${MATH_PAGES[0]}/`, "[data-rate=good]");
      assert.equal(await js("return performance.getEntriesByType('resource').filter((e) => /widgets\\/study/.test(e.name)).length"), 0, "no study module for a new reader");
      await js("document.querySelector('[data-rate=good]').click()");
      await until("return document.querySelector('[data-testid=rate-status]').dataset.value", "the next review day");
      await open("en/study/", `${card} input`);
      assert.equal(await js("return document.querySelector('[data-key=reviewed]').dataset.value"), "1");
      assert.equal(await js("return document.querySelector('[data-key=due]').dataset.value"), "0");
      const check = (text) => js(`const li = document.querySelector(arguments[0]); const i = li.querySelector("input");
        i.value = arguments[1]; i.dispatchEvent(new Event("input", { bubbles: true }));
        li.querySelector("[data-testid=card-check]").click();`, card, text);
      await check("4096 MiB");
      assert.equal(await until(`return document.querySelector(arguments[0] + " [data-testid=card-result]")?.dataset.verdict`, "a verdict", 5000, card), "right");
      await check("4 GB");
      assert.equal(await until(`const v = document.querySelector(arguments[0] + " [data-testid=card-result]")?.dataset.verdict; return v === "right" ? null : v`, "a new verdict", 5000, card), "wrong");
      await js("localStorage.removeItem('llmx-study')");
      assert.deepEqual(await pageErrors(), []);
    });
  });
}
