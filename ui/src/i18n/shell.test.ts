import { afterEach, describe, expect, it } from "vitest";
import { setBackend } from "../ipc";
import { fakeBackend } from "../test/fakeBackend";
import { setLang } from "./index";
import { shellText, syncShellText } from "./shell";

afterEach(() => setLang("en"));

describe("the native menu and dialogs", () => {
  it("get the UI's words at start and again when the language changes", () => {
    const fake = fakeBackend();
    setBackend(fake);
    const stop = syncShellText();
    setLang("fr");
    setLang("ar");
    stop();
    setLang("ru");
    const sent = fake.calls.filter((c) => c.name === "setShellText").map((c) => c.args[0] as ReturnType<typeof shellText>);
    expect(sent.map((s) => s.fileMenu)).toEqual(["File", "Fichier", "ملف"]);
    expect(sent[1]?.meetingDocuments).toBe("Documents de réunion");
    expect(sent[2]?.quit).toBe("إنهاء Dossier");
    expect(sent[1]?.restoreConfirm).toMatch(/Dossier redémarre/);
    expect(sent[1]?.markdownWords.item).toBe("Point {n}");
    expect(sent[2]?.markdownWords.title).toBe("ملاحظات Dossier وإشاراته المرجعية");
  });

  it("are all translated, and file names carry no path separator", () => {
    for (const l of ["ar", "zh", "en", "fr", "ru", "es"] as const) {
      setLang(l);
      const words = shellText();
      const { markdownWords, ...plain } = words;
      for (const [k, v] of Object.entries({ ...plain, ...markdownWords })) expect(v.trim(), `${l}.${k}`).not.toBe("");
      for (const k of ["item", "paragraph", "slot"] as const) expect(markdownWords[k], `${l}.${k}`).toContain("{n}");
      expect(words.notesFile + words.backupFolder).not.toMatch(/[/\\:*?"<>|]/);
      if (l !== "en") expect(words.fileMenu).not.toBe("File");
    }
  });
});
