// A minimal W3C WebDriver client on Node's built-in fetch: just what the
// end-to-end scenarios use. WebKitWebDriver speaks this protocol and drives
// the real Dossier window (a WebKitGTK webview).

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export class WebDriverError extends Error {}

async function call(base, method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new WebDriverError(`${method} ${path}: ${res.status} ${json?.value?.message ?? ""}`);
  return json.value;
}

export class Session {
  static async start(base, application, args = []) {
    const value = await call(base, "POST", "/session", {
      capabilities: { alwaysMatch: { "webkitgtk:browserOptions": { binary: application, args } } },
    });
    return new Session(base, value.sessionId);
  }

  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  /** Runs `script` (a function body) in the page with `args`. */
  exec(script, ...args) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  async find(css) {
    const v = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return v[ELEMENT];
  }

  async click(css) {
    const el = await this.waitFor(css);
    await this.cmd("POST", `/element/${el}/click`, {});
  }

  async type(css, text) {
    const el = await this.waitFor(css);
    await this.cmd("POST", `/element/${el}/value`, { text });
  }

  async text(css) {
    const el = await this.waitFor(css);
    return this.cmd("GET", `/element/${el}/text`);
  }

  /** Waits until an element matches `css`, and returns it. */
  async waitFor(css, timeout = 10_000) {
    await this.until(`return document.querySelector(arguments[0]) !== null`, `an element ${css}`, timeout, css);
    return this.find(css);
  }

  /** Polls `script` until it returns a truthy value; fails naming `what`. */
  async until(script, what, timeout = 10_000, ...args) {
    const end = Date.now() + timeout;
    let last;
    while (Date.now() < end) {
      last = await this.exec(script, ...args).catch((e) => e);
      if (last && !(last instanceof Error)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new WebDriverError(`timed out after ${timeout} ms waiting for ${what} (last: ${last})`);
  }

  /** Resizes the window (WebDriver's Set Window Rect). */
  async resize(width, height) {
    await this.cmd("POST", "/window/rect", { width, height });
  }

  /** Waits until the page has painted what it holds (two animation frames:
   *  a screenshot taken at once after a change of theme or of the window's
   *  size may show the frame before it). */
  async painted() {
    await this.cmd("POST", "/execute/async", {
      script: "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
      args: [],
    });
  }

  async screenshot() {
    await this.painted();
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }

  source() {
    return this.cmd("GET", "/source");
  }

  async quit() {
    await this.cmd("DELETE", "");
  }
}
