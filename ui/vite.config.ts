import { defineConfig } from "vite";

// The app is served from disk by Tauri: no CDN, no remote fonts, nothing fetched.
export default defineConfig({
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: { target: "es2021", outDir: "dist", emptyOutDir: true },
  // styles.css is read as text by styles.test.ts (Vitest empties CSS modules otherwise).
  test: { environment: "jsdom", css: { include: [/styles\.css/] } },
});
