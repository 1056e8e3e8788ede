// What the test files share: one browser and one static server for dist/ per file, a
// widget's embed page opened and waited for, and a widget's exact outputs.
import { before, after } from "node:test";
import { serve } from "./server.mjs";
import { launch, openPage } from "./browser.mjs";

/** Starts a browser and a static server around the file's tests; `env.browser`, `env.site`. */
export function useSite() {
  const env = {};
  before(async () => {
    env.browser = await launch();
    env.site = await serve(process.env.E2E_DIST ?? "dist", "/");
  });
  after(async () => {
    await env.browser?.close();
    env.site?.close();
  });
  return env;
}

/** `open(query, opts)`: a fresh page on `embed/<widget>?<query>`, once `ready` (a selector) is
 * there (`state`: "visible", or "attached" for outputs that may be scrolled out of view). */
export function embedOpener(widget, ready, state = "visible") {
  const env = useSite();
  const open = async (query, opts) => {
    const { page, errors, context } = await openPage(env.browser, opts);
    await page.goto(`${env.site.url}embed/${widget}?${query}`);
    await page.waitForSelector(ready, { state, timeout: 20000 });
    return { page, errors, context };
  };
  // For a test that opens other pages: `open.env.browser`, `open.env.site`.
  open.env = env;
  return open;
}

/** The exact value behind `<output data-key=…>`, as the widget wrote it. */
export const value = (page, key) => page.getAttribute(`output[data-key=${key}]`, "data-value");
/** The widget's notices (rejected or clamped input), as shown. */
export const notices = (page) => page.$$eval(".widget .notices .notice", (ps) => ps.map((p) => p.textContent));
