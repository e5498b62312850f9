// How a failure reads in the UI's language. The backend sends a stable error
// kind and an English message naming what failed (a file, a symbol); the UI
// words the kind and adds the message as the detail. In English the message
// alone says it all.
import { IpcError } from "../ipc";
import { lang, t } from "./index";

export function errorText(e: unknown): string {
  if (!(e instanceof IpcError)) return e instanceof Error ? e.message : String(e);
  if (lang.get() === "en") return e.message;
  return `${t(`errorKind_${e.kind}`)}${t("colon")}${e.message}`;
}
