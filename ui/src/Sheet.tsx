import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { t } from "./i18n";
import { useModal } from "./modal";

/** A modal sheet over the window: focus trapped inside and on its Close
 *  button at first, closed by Escape, Close or a click beside it. */
export function Sheet({ title, testId, onClose, children }: { title: string; testId: string; onClose: () => void; children: ComponentChildren }) {
  const dialog = useRef<HTMLDivElement>(null);
  const trap = useModal(dialog);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  const titleId = `${testId}-title`;
  // The backdrop is presentation only: a click on it (beside the sheet) is the
  // pointer's way to close, Escape and Close the keyboard's; the keys pressed
  // in the sheet reach its handler from the controls inside.
  return (
    <div
      class="search-backdrop"
      role="presentation"
      onClick={(e) => e.target === e.currentTarget && onClose()}
      onKeyDown={(e) => {
        trap(e);
        if (e.key === "Escape") {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div class="sheet" role="dialog" aria-modal="true" aria-labelledby={titleId} ref={dialog} data-testid={testId}>
        <h2 id={titleId}>{title}</h2>
        {children}
        <button ref={close} onClick={onClose}>
          {t("close")}
        </button>
      </div>
    </div>
  );
}
