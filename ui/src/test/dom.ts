// A fresh element to render into for each test of the file that calls this.
import { afterEach, beforeEach } from "vitest";
import { render } from "preact";

/** Registers the per-test set-up and clean-up; returns the current root. */
export function mountPoint(): () => HTMLElement {
  let root: HTMLElement | null = null;
  beforeEach(() => {
    root = document.createElement("div");
    document.body.appendChild(root);
  });
  afterEach(() => {
    if (!root) return;
    render(null, root);
    root.remove();
    root = null;
  });
  return () => {
    if (!root) throw new Error("mountPoint() used outside a test");
    return root;
  };
}
