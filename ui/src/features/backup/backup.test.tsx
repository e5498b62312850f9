import { describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { setBackend } from "../../ipc";
import { fakeBackend, settle } from "../../test/fakeBackend";
import { useMenuActions } from "../../menu";
import { BackupFooter, BackupStatus, useBackup } from "./backup";

const root = mountPoint();

/** The footer and the status line, with the menu routed as the app does. */
function Harness() {
  const backup = useBackup();
  useMenuActions({ backup: backup.backup, restore: backup.restore });
  return (
    <>
      <BackupStatus backup={backup} />
      <BackupFooter backup={backup} />
    </>
  );
}

async function mount() {
  act(() => render(<Harness />, root()));
  await act(settle);
}

describe("Backup and restore", () => {
  it("backs up from the button and from the File menu", async () => {
    const fake = fakeBackend();
    setBackend(fake);
    await mount();
    act(() => root().querySelector<HTMLButtonElement>("[data-testid=backup]")!.click());
    await act(settle);
    expect(root().querySelector("[data-testid=backup-status]")!.textContent).toContain("/tmp/Dossier backup");
    act(() => fake.menu("backup"));
    await act(settle);
    expect(fake.calls.filter((c) => c.name === "backupLibrary")).toHaveLength(2);
  });

  it("leaves the question before a restore to the system dialog, never window.confirm", async () => {
    // WKWebView shows nothing for window.confirm and WebView2 asks for a
    // permission: the backend asks with the dialog plugin, in the words the
    // UI sent it (shellText().restoreConfirm).
    const fake = fakeBackend();
    setBackend(fake);
    await mount();
    const confirm = vi.spyOn(window, "confirm");
    act(() => root().querySelector<HTMLButtonElement>("[data-testid=restore]")!.click());
    await act(settle);
    act(() => fake.menu("restore"));
    await act(settle);
    expect(confirm).not.toHaveBeenCalled();
    expect(fake.calls.filter((c) => c.name === "restoreLibrary")).toHaveLength(2);
    confirm.mockRestore();
  });

  it("reports at start how the restore went, as an error when it failed", async () => {
    setBackend(fakeBackend({ restoreReport: { ok: false, message: "/media/usb/backup: the backup lacks files/ab/x.pdf", backup: null, previous: null, interrupted: false } }));
    await mount();
    const status = root().querySelector("[data-testid=backup-status]")!;
    expect(status.className).toBe("error-text");
    expect(status.textContent).toContain("the library is as it was");
    expect(status.textContent).toContain("lacks files/ab/x.pdf");
  });
});
