import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist", "src/bindings.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Only the ipc module may reach the backend.
      "no-restricted-imports": ["error", { patterns: [{ group: ["@tauri-apps/*"], message: "Use src/ipc." }] }],
    },
  },
  { files: ["src/ipc/**"], rules: { "no-restricted-imports": "off" } },
);
