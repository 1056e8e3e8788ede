// Headless Debian Chromium via playwright-core, plus helpers shared by the e2e tests.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve("axe-core/axe.min.js");

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/** A new page that records console errors and page errors (except the 404 of a deep link itself). */
export async function openPage(browser, { width = 1200, height = 900, reducedMotion } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion });
  const page = await context.newPage();
  const errors = [];
  // A static host answers a deep link with 404.html and status 404; that is expected for
  // documents (pages and iframes), never for assets.
  const documents404 = new Set();
  page.on("response", (r) => {
    if (r.status() === 404 && r.request().resourceType() === "document") documents404.add(r.url());
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const loc = m.location()?.url ?? "";
    if (/status of 404/.test(m.text()) && documents404.has(loc)) return;
    errors.push(`console: ${m.text()} @ ${loc}`);
  });
  return { page, errors, context };
}

/** Runs axe-core in the page; returns serious and critical violations. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      // Experimental in axe, so off by default: a control's accessible name must contain its
      // visible label (WCAG 2.5.3).
      rules: { "label-content-name-mismatch": { enabled: true } },
    }),
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

/** The catalogue's rows, read from content/titles.tsv (independent of the app). */
export function catalogueRows() {
  return readFileSync(new URL("../../content/titles.tsv", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => {
      const [kind, slug, zh, en] = l.split("\t");
      return { kind, slug, zh, en };
    });
}

export function answerSource(lang, slug) {
  try {
    return readFileSync(new URL(`../../content/${lang}/${slug}.md`, import.meta.url), "utf8");
  } catch {
    return null;
  }
}

/** Waits until the wasm app runs: it marks `<html data-live>` once it has taken over the
 * pre-rendered page (static embed pages have no app: their body is `.embed`). */
export async function appReady(page) {
  await page.waitForSelector("html[data-live] .site-header, html[data-live] .embed-main, body.embed .embed-main", { timeout: 20000 });
}
