// Why a file could not be read, in plain words in the UI's language: the
// backend sends a Reason (a code and its parameters) beside its English
// sentence. The line says what is wrong and what to do; a parser's own words
// ("Could not find EOCD") stay out of it, in the line's tooltip with the
// backend's whole sentence, for a support request.
import type { IngestResult, Reason } from "../bindings";
import { lang, t, tf } from "./index";
import type { TextKey } from "./index";

const detailed = new Set(["pdf_damaged", "word_damaged", "hostile", "binary"]);

export function reasonText(r: Reason, withDetail = false): string {
  const kind = "kind" in r ? t(`kind_${r.kind}` as TextKey) : "";
  switch (r.code) {
    case "other":
      return r.detail;
    case "not_regular":
      return t(`reason_not_regular_${r.what}` as TextKey);
    case "too_large":
      return r.grew ? tf("reason_too_large_grew", { limit: r.limit_mb }) : tf("reason_too_large", { size: r.size_mb, limit: r.limit_mb });
    case "not_what_its_name_says":
      return t(r.claimed === "word" ? "reason_not_word" : "reason_not_pdf");
    case "too_slow":
      return tf("reason_too_slow", { kind, seconds: r.seconds ?? "?" });
    case "too_much_memory":
    case "too_much_text":
      return tf(`reason_${r.code}`, { kind, limit: r.limit_mb });
    default: {
      const text = tf(`reason_${r.code}` as TextKey, { kind });
      return withDetail && detailed.has(r.code) && "detail" in r ? `${text} (${r.detail})` : text;
    }
  }
}

/** A failed import in one line: the file's name and why, in the UI's language. */
export function failureText(f: IngestResult): string {
  if (!f.reason || (f.reason.code === "other" && lang.get() === "en")) return f.message ?? f.path;
  const name = f.path.split(/[\\/]/).pop() ?? f.path;
  return `${name}${t("colon")}${reasonText(f.reason)}`;
}
