// pdf.js, loaded the first time a page view opens (it stays out of the
// start-up bundle), with its worker and data files from the app itself:
// nothing is fetched from the network.
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

export type { PDFDocumentProxy };
type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let loading: Promise<PdfJs> | null = null;

/** pdf.js itself; tests put a stand-in here with {@link setPdfJs}. */
export function pdfjs(): Promise<PdfJs> {
  loading ??= Promise.all([
    import("pdfjs-dist/legacy/build/pdf.mjs"),
    import("pdfjs-dist/legacy/build/pdf.worker.min.mjs?url"),
  ]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  });
  return loading;
}

export function setPdfJs(lib: unknown) {
  loading = Promise.resolve(lib as PdfJs);
}

/** An open PDF; `close` lets go of it and of its worker. */
export interface OpenPdf {
  doc: PDFDocumentProxy;
  close: () => void;
}

/** Opens a PDF at `url` (the library's copy, served by the shell). */
export async function openPdf(url: string): Promise<OpenPdf> {
  const lib = await pdfjs();
  const base = new URL("pdfjs/", document.baseURI).href;
  const task = lib.getDocument({
    url,
    cMapUrl: `${base}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${base}standard_fonts/`,
    wasmUrl: `${base}wasm/`,
    iccUrl: `${base}iccs/`,
    // The whole file is served at once; no forms.
    disableRange: true,
    disableStream: true,
    enableXfa: false,
  });
  try {
    return { doc: await task.promise, close: () => void task.destroy() };
  } catch (e) {
    void task.destroy();
    throw e;
  }
}
