import js from "@eslint/js";
import tseslint from "typescript-eslint";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["dist", "src/bindings.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Accessibility of the markup; Preact's JSX is checked as React's.
  { files: ["src/**/*.tsx"], ...jsxA11y.flatConfigs.recommended },
  // Preact's hooks ("preact/hooks") share React's names and rules.
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    rules: {
      // Only the ipc module may reach the backend.
      "no-restricted-imports": ["error", { patterns: [{ group: ["@tauri-apps/*"], message: "Use src/ipc." }] }],
    },
  },
  { files: ["src/ipc/**"], rules: { "no-restricted-imports": "off" } },
);
