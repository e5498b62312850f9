// Reports that the page is loaded and can answer input.
window.__TAURI_INTERNALS__.invoke("ready");
