/**
 * The toolbar button's badge and tooltip, behind an interface so the deadline checks run against a
 * fake in tests. Whatever is shown here is visible to anyone near the screen: callers pass words
 * built from counts only (lib/due/due-summary.ts), never a name.
 */
import { browser } from 'wxt/browser';

export interface Badge {
  /** Shows `text` on the toolbar button ('' hides the badge) and `title` as its tooltip. */
  show(text: string, title: string): Promise<void>;
}

/** Red, as items overdue or due today are what the badge counts (the design's danger colour). */
const BADGE_COLOUR = '#b10e1e';

/** The badge of this extension's toolbar button. */
export function browserBadge(api: typeof browser = browser): Badge {
  return {
    async show(text, title) {
      const action = api.action;
      if (!action) return;
      if (text) await action.setBadgeBackgroundColor({ color: BADGE_COLOUR });
      await action.setBadgeText({ text });
      await action.setTitle({ title });
    },
  };
}
