// The three browser engines, each driven through its own WebDriver server with selenium-webdriver:
// Chromium (chromedriver), Firefox ESR (geckodriver from crates.io) and WebKitGTK's MiniBrowser
// (WebKitWebDriver, under xvfb-run: MiniBrowser has no headless mode). All from Debian packages,
// installed by scripts/setup.sh --browser.
import { spawn, execFileSync } from "node:child_process";
import { createServer } from "node:net";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { Builder } from "selenium-webdriver";

function which(cmd, fallbacks = []) {
  for (const f of fallbacks) if (existsSync(f)) return f;
  try {
    return execFileSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(`${cmd} not found: run scripts/setup.sh --browser`);
  }
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

export const ENGINES = {
  chromium: {
    driver: (port) => [which("chromedriver", ["/usr/bin/chromedriver"]), [`--port=${port}`]],
    capabilities: () => ({
      browserName: "chrome",
      "goog:chromeOptions": {
        binary: "/usr/bin/chromium",
        args: [
          "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--window-size=1280,900",
        ],
      },
    }),
  },
  firefox: {
    driver: (port) => [which("geckodriver", [`${homedir()}/.cargo/bin/geckodriver`]), [`--port=${port}`, "--host=127.0.0.1"]],
    capabilities: () => ({
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: which("firefox-esr", ["/usr/bin/firefox-esr"]),
        args: ["-headless", "-width=1280", "-height=900"],
        prefs: { "app.update.enabled": false, "browser.shell.checkDefaultBrowser": false },
      },
    }),
  },
  webkit: {
    // xvfb-run gives MiniBrowser (started by the driver) an X display of its own.
    driver: (port) => [which("xvfb-run"), ["-a", "-s", "-screen 0 1400x1000x24", which("WebKitWebDriver", ["/usr/bin/WebKitWebDriver"]), `--port=${port}`]],
    capabilities: () => ({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
    }),
  },
};

/** Starts the engine's WebDriver server and a session; resolves to { driver, quit }. */
export async function startEngine(name) {
  const engine = ENGINES[name];
  if (!engine) throw new Error(`unknown engine ${name}; known: ${Object.keys(ENGINES).join(", ")}`);
  const port = await freePort();
  const [cmd, args] = engine.driver(port);
  const proc = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let stderr = "";
  proc.stderr.on("data", (d) => { stderr = (stderr + d).slice(-4000); });
  const stop = () => { try { process.kill(-proc.pid, "SIGTERM"); } catch {} };
  const deadline = Date.now() + 30000;
  let driver;
  for (;;) {
    try {
      driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(engine.capabilities()).build();
      break;
    } catch (e) {
      if (Date.now() > deadline || proc.exitCode !== null) {
        stop();
        throw new Error(`${name}: no WebDriver session (${e.message})\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  await driver.manage().setTimeouts({ script: 30000, pageLoad: 30000 });
  await driver.manage().window().setRect({ width: 1280, height: 900 }).catch(() => {});
  return {
    driver,
    quit: async () => {
      await driver.quit().catch(() => {});
      stop();
    },
  };
}
