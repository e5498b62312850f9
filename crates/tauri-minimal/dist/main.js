// Reports that the page is on screen and can answer input: after its first
// paint, as Dossier does (a frame, then a task — when Preact runs effects).
requestAnimationFrame(() => setTimeout(() => window.__TAURI_INTERNALS__.invoke("ready")));
