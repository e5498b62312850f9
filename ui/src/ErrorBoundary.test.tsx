import { afterEach, describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "./test/dom";
import { setBackend } from "./ipc";
import { fakeBackend, settle } from "./test/fakeBackend";
import { ErrorBoundary } from "./ErrorBoundary";
import { App } from "./App";

const root = mountPoint();
afterEach(() => vi.restoreAllMocks());

let broken = true;
function Fragile() {
  if (broken) throw new Error("cannot read 'items' of undefined");
  return <p id="fine">Fine</p>;
}

describe("a rendering error", () => {
  it("shows a message and a way back instead of a blank window", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    broken = true;
    const onReset = vi.fn();
    act(() =>
      render(
        <div>
          <p id="beside">Still here</p>
          <ErrorBoundary onReset={onReset} resetLabel="Back to the library">
            <Fragile />
          </ErrorBoundary>
        </div>,
        root(),
      ),
    );
    await act(settle);
    const alert = root().querySelector("[role=alert]")!;
    expect(alert.textContent).toContain("This part of the window could not be shown.");
    expect(alert.textContent).toContain("cannot read 'items' of undefined");
    expect(root().querySelector("#beside")).not.toBeNull();
    broken = false;
    act(() => alert.querySelector("button")!.click());
    await act(settle);
    expect(onReset).toHaveBeenCalled();
    expect(root().querySelector("#fine")).not.toBeNull();
  });
});

describe("an unhandled promise rejection", () => {
  it("is reported in the window, until dismissed", async () => {
    setBackend(fakeBackend());
    act(() => render(<App />, root()));
    await act(settle);
    const event = new Event("unhandledrejection");
    Object.defineProperty(event, "reason", { value: new Error("the index is being rebuilt") });
    act(() => void window.dispatchEvent(event));
    await act(settle);
    const report = root().querySelector("[data-testid=unexpected-error]")!;
    expect(report.textContent).toContain("An action failed unexpectedly");
    expect(report.textContent).toContain("the index is being rebuilt");
    act(() => report.querySelector("button")!.click());
    await act(settle);
    expect(root().querySelector("[data-testid=unexpected-error]")).toBeNull();
  });
});
