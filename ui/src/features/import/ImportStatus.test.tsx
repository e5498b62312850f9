// The import summary says what became of each file: a new document, another
// format of one already held, a new version, or nothing new.
import { describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import type { IngestReport, IngestResult } from "../../ipc";
import { ImportStatus } from "./ImportStatus";

const root = mountPoint();
const result = (path: string, status: IngestResult["status"], document_id = 1): IngestResult => ({ path, status, document_id, version: 1, message: null, reason: null });

describe("the import summary", () => {
  it("counts the files by outcome and names them", () => {
    const report: IngestReport = {
      results: [
        result("/inbox/A_80_590.docx", "ingested"),
        result("/inbox/A_80_590.pdf", "new_rendition"),
        result("C:\\inbox\\E_2025_70.Rev.1.txt", "new_version", 2),
        result("/inbox/seed.txt", "unchanged", 3),
      ],
    };
    act(() => render(<ImportStatus progress={null} report={report} onDismiss={() => {}} />, root()));
    const summary = root().querySelector("[data-testid=import-report] > span")?.textContent;
    expect(summary).toBe("Imported: 1 · New renditions: 1 · New versions: 1 · Unchanged: 1 · Failed: 0");
    const files = [...root().querySelectorAll("[data-testid=import-files] p")].map((p) => p.textContent);
    expect(files).toEqual(["Imported: A_80_590.docx", "New renditions: A_80_590.pdf", "New versions: E_2025_70.Rev.1.txt"]);
  });

  it("leaves out renditions when there are none", () => {
    act(() => render(<ImportStatus progress={null} report={{ results: [result("/a.txt", "unchanged")] }} onDismiss={() => {}} />, root()));
    expect(root().querySelector("[data-testid=import-report] > span")?.textContent).toBe("Imported: 0 · New versions: 0 · Unchanged: 1 · Failed: 0");
    expect(root().querySelector("[data-testid=import-files]")).toBeNull();
  });
});
