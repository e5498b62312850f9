// The open document's language, for the elements that show its text. The
// reader provides it; the outline, annotation, timetable and notes take
// `lang` and `dir` for their document text from it, while their own labels
// stay in the UI's language and direction.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { textAttrs } from "../../contentLang";

export const DocumentLanguage = createContext<string | null>(null);

/** `lang` and `dir` for document text inside the reader ("auto" outside one). */
export function useTextAttrs(): ReturnType<typeof textAttrs> {
  return textAttrs(useContext(DocumentLanguage));
}
