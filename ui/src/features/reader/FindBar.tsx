import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { RefObject } from "preact";
import { t, tf } from "../../i18n";
import { formatCount } from "../../i18n/format";
import { clearMatches, findRanges, indexText, reveal, showMatches } from "./find";
import type { TextIndex } from "./find";

interface Props {
  /** The reader's text, searched. */
  root: RefObject<HTMLElement>;
  /** What to look for at first (the words selected when find was opened). */
  initial: string;
  /** Bumped to move to the next (positive) or previous (negative) match from outside (F3, Shift+F3). */
  step: { n: number; back: boolean };
  /** Bumped when find is asked for again while open: the field takes the focus again. */
  focusRequest: number;
  onClose: () => void;
}

/** The find bar over the reader: a field, "N of M" (announced), previous,
 *  next and close. Enter / Shift+Enter and F3 / Shift+F3 move between the
 *  matches, Escape closes it. */
export function FindBar({ root, initial, step, focusRequest, onClose }: Props) {
  const [query, setQuery] = useState(initial);
  const [current, setCurrent] = useState(0);
  const field = useRef<HTMLInputElement>(null);
  // The reader's text, indexed again whenever what it shows changes (another item chosen, a reload).
  const [index, setIndex] = useState<TextIndex | null>(null);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    setIndex(indexText(el));
    let pending = 0;
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(() => setIndex(indexText(el)));
    });
    observer.observe(el, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(pending);
    };
  }, [root]);
  const matches = useMemo(() => (index ? findRanges(index, query) : []), [index, query]);
  const total = matches.length;
  const at = total === 0 ? 0 : Math.min(current, total - 1);

  // The matches marked, the current one apart; unmarked on close. The
  // current one is brought into view when it changes, not whenever the text
  // is indexed again (a star set in the timetable leaves the panes where they are).
  useEffect(() => showMatches(matches, at), [matches, at]);
  const matchesNow = useRef(matches);
  matchesNow.current = matches;
  const found = total > 0;
  useEffect(() => {
    const r = matchesNow.current[at];
    if (r) reveal(r);
  }, [query, at, found]);
  useEffect(() => () => clearMatches(), []);

  const move = useCallback(
    (back: boolean) => {
      if (total === 0) return;
      setCurrent((c) => (Math.min(c, total - 1) + (back ? total - 1 : 1)) % total);
    },
    [total],
  );
  // Each step asked for from outside moves once (not again when the matches change).
  const stepTaken = useRef(step.n);
  useEffect(() => {
    if (step.n === stepTaken.current) return;
    stepTaken.current = step.n;
    move(step.back);
  }, [step, move]);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [focusRequest]);

  const count = query.trim() === "" ? "" : total === 0 ? t("findNone") : tf("findCount", { current: formatCount(at + 1), total: formatCount(total) });
  return (
    <div class="find-bar" role="search" aria-label={t("find")} data-testid="find-bar">
      <input
        ref={field}
        type="text"
        value={query}
        dir="auto"
        placeholder={t("findPlaceholder")}
        aria-label={t("find")}
        aria-describedby="find-count"
        onInput={(e) => {
          setQuery((e.target as HTMLInputElement).value);
          setCurrent(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            move(e.shiftKey);
          } else if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
        data-testid="find-input"
      />
      <span class={total === 0 && count ? "find-count none" : "find-count"} id="find-count" role="status" aria-live="polite" aria-atomic="true" data-testid="find-count">
        {count}
      </span>
      <button class="find-button" onClick={() => move(true)} disabled={total === 0} aria-label={t("findPrevious")} title={`${t("findPrevious")} (Shift+Enter)`} data-testid="find-previous">
        <span aria-hidden="true">↑</span>
      </button>
      <button class="find-button" onClick={() => move(false)} disabled={total === 0} aria-label={t("findNext")} title={`${t("findNext")} (Enter)`} data-testid="find-next">
        <span aria-hidden="true">↓</span>
      </button>
      <button class="find-button" onClick={onClose} aria-label={t("findClose")} title={`${t("findClose")} (Esc)`} data-testid="find-close">
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
