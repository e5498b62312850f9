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

  it("restores only after the user confirms what will happen", async () => {
    const fake = fakeBackend();
    setBackend(fake);
    await mount();
    const confirm = vi.spyOn(window, "confirm").mockReturnValueOnce(false).mockReturnValueOnce(true);
    act(() => root().querySelector<HTMLButtonElement>("[data-testid=restore]")!.click());
    await act(settle);
    expect(fake.calls.some((c) => c.name === "restoreLibrary")).toBe(false);
    act(() => fake.menu("restore"));
    await act(settle);
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(String(confirm.mock.calls[1]?.[0])).toMatch(/kept beside it/);
    expect(fake.calls.filter((c) => c.name === "restoreLibrary")).toHaveLength(1);
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
