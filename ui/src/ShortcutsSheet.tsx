import { useEffect, useRef } from "preact/hooks";
import { t } from "./i18n";
import { SHORTCUTS } from "./keyboard";
import { useModal } from "./modal";

/** The keyboard shortcuts, as a modal sheet (opened with "?"). */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  const trap = useModal(dialog);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div class="search-backdrop" onClick={onClose}>
      <div
        class="sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        ref={dialog}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          trap(e);
          if (e.key === "Escape") {
            e.stopPropagation();
            onClose();
          }
        }}
        data-testid="shortcuts"
      >
        <h2 id="shortcuts-title">{t("shortcuts")}</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.what}>
                <th scope="row" dir="ltr">
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && " "}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </th>
                <td>{t(s.what)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={close} onClick={onClose}>
          {t("close")}
        </button>
      </div>
    </div>
  );
}
