import { afterEach, describe, expect, it } from "vitest";
import type { IngestResult, Reason } from "../bindings";
import { LANGUAGES, setLang } from "./index";
import { failureText, reasonText } from "./reasons";
import { restoreText } from "../features/backup/backup";

afterEach(() => setLang("en"));

const failure = (reason: Reason, message: string): IngestResult => ({
  path: "/home/d/inbox/agenda.pdf",
  status: "failed",
  document_id: null,
  version: null,
  message,
  reason,
});

// One of each code the backend sends (crates/dossier-core/src/reason.rs).
const every: Reason[] = [
  { code: "folder" },
  ...(["link", "fifo", "socket", "device", "other"] as const).map((what) => ({ code: "not_regular" as const, what })),
  { code: "empty" },
  { code: "too_large", size_mb: 80, limit_mb: 64, grew: false },
  { code: "too_large", size_mb: 70, limit_mb: 64, grew: true },
  { code: "not_what_its_name_says", claimed: "pdf" },
  { code: "not_what_its_name_says", claimed: "word" },
  { code: "unsupported" },
  { code: "binary", detail: "NUL bytes" },
  { code: "no_text_layer" },
  { code: "encrypted" },
  { code: "no_text" },
  { code: "pdf_damaged", detail: "xref" },
  { code: "word_damaged", detail: "zip" },
  { code: "hostile", kind: "pdf", detail: "nested" },
  { code: "too_slow", kind: "word", seconds: 60 },
  { code: "too_much_memory", kind: "pdf", limit_mb: 1024 },
  { code: "too_much_text", kind: "file", limit_mb: 64 },
  { code: "reader_stopped", kind: "pdf", detail: "signal 6" },
];

describe("why a file could not be read", () => {
  it("is worded in the UI's language from the backend's code and parameters", () => {
    const f = failure({ code: "too_much_memory", kind: "pdf", limit_mb: 1024 }, "/home/d/inbox/agenda.pdf: the PDF needed more than 1 GB of memory to read");
    expect(failureText(f)).toBe("agenda.pdf: the PDF needed more than 1024 MB of memory to read");
    setLang("fr");
    expect(failureText(f)).toMatch(/^agenda\.pdf\s: la lecture du PDF a demandé plus de 1024 Mo de mémoire$/);
    setLang("zh");
    expect(failureText(failure({ code: "no_text_layer" }, "x"))).toBe("agenda.pdf：该 PDF 没有文本层（看似扫描件）；请先进行 OCR 识别");
  });

  it("has words for every code in every language, with the parameters filled in", () => {
    for (const { code } of LANGUAGES) {
      setLang(code);
      for (const r of every) {
        const text = reasonText(r);
        expect(text.trim(), `${code} ${JSON.stringify(r)}`).not.toBe("");
        expect(text, `${code} ${r.code}`).not.toMatch(/\{\w+\}|reason_|kind_/);
        if (r.code === "too_large") expect(text).toContain("64");
      }
    }
  });

  it("says in plain words what is wrong, the reader's own words only when asked for", () => {
    const zip = failure({ code: "word_damaged", detail: "the Word document is damaged (not a readable zip archive: invalid Zip archive: Could not find EOCD)" }, "x.docx: …EOCD");
    expect(failureText(zip)).toBe("agenda.pdf: the Word document is damaged");
    expect(failureText(zip)).not.toContain("EOCD");
  });

  it("keeps an English reader's detail for support, and an unknown reason as sent", () => {
    setLang("ru");
    expect(reasonText({ code: "pdf_damaged", detail: "invalid xref" }, true)).toBe("PDF поврежден (invalid xref)");
    expect(reasonText({ code: "other", detail: "the disk is full" })).toBe("the disk is full");
  });
});

describe("how a restore went", () => {
  it("names the backup with its counts and where the previous library is kept", () => {
    setLang("ru");
    const text = restoreText({
      ok: true,
      interrupted: true,
      backup: { path: "/media/usb/Dossier", documents: 3, notes: 21, files: 3, kilobytes: 900 },
      previous: "/home/d/.local/share/dossier.before-restore-1",
      message: "English",
    });
    expect(text).toContain("Восстановление, прерванное при последнем запуске, завершено:");
    expect(text).toContain("3 документа");
    expect(text).toContain("21 заметка");
    expect(text).toContain("dossier.before-restore-1");
    expect(text).not.toContain("English");
  });
});
