export interface ReadingPlace {
  /** The view was at the bottom (within the caller's margin). */
  atBottom: boolean;
  /** Scrolls so the message that was read is where it was (no-op if it is gone). */
  restore: () => void;
}

/**
 * Notes where a reader is in a scrolling list of `[data-key]` items — the first one still visible
 * and how far from the top it sits — so that after the list changed (older messages above it,
 * groups redrawn) the same message can be put back at the same height: no jump.
 */
export function keepReadingPlace(scroller: HTMLElement, atBottom: boolean): ReadingPlace {
  const top = scroller.getBoundingClientRect().top;
  const items = scroller.querySelectorAll<HTMLElement>('[data-key]');
  const anchor = [...items].find((item) => item.getBoundingClientRect().bottom > top + 1);
  const key = anchor?.dataset.key;
  const offset = anchor ? anchor.getBoundingClientRect().top - top : 0;
  return {
    atBottom,
    restore: () => {
      if (!key) return;
      const again = [...scroller.querySelectorAll<HTMLElement>('[data-key]')].find((item) => item.dataset.key === key);
      if (again)
        scroller.scrollTop += again.getBoundingClientRect().top - scroller.getBoundingClientRect().top - offset;
    },
  };
}
