import { t } from "./i18n";
import { SHORTCUTS } from "./keyboard";
import { Sheet } from "./Sheet";

/** The keyboard shortcuts, as a modal sheet (opened with "?"). */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  return (
    <Sheet title={t("shortcuts")} testId="shortcuts" onClose={onClose}>
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
    </Sheet>
  );
}
