import { cpSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";

/** pdf.js's data files (CMaps for CJK fonts, the standard fonts, image
 *  decoders, colour profiles) copied into the build beside the app, so that
 *  the page view reads every PDF offline; see features/reader/pdf.ts. */
function pdfjsData(): Plugin {
  const from = resolve(__dirname, "node_modules/pdfjs-dist");
  return {
    name: "dossier-pdfjs-data",
    apply: "build",
    closeBundle() {
      for (const dir of ["cmaps", "standard_fonts", "wasm", "iccs"])
        cpSync(resolve(from, dir), resolve(__dirname, "dist/pdfjs", dir), { recursive: true });
    },
  };
}

// The app is served from disk by Tauri: no CDN, no remote fonts, nothing fetched.
export default defineConfig({
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: { target: "es2021", outDir: "dist", emptyOutDir: true },
  plugins: [pdfjsData()],
  // styles.css is read as text by styles.test.ts (Vitest empties CSS modules otherwise).
  test: { environment: "jsdom", css: { include: [/styles\.css/] } },
});
