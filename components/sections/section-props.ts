/** What every plan section component receives. */
import type * as Y from 'yjs';
import type { Identity } from '../../lib/settings/identity.ts';

export interface SectionProps {
  /** The plan's document: read through lib/state views, write through lib/plan commands. */
  doc: Y.Doc;
  /** Who this member declared they are (for "added by"). */
  identity: Identity;
  /** Today, yyyy-MM-dd (read once by the page; sections never read the clock). */
  today: string;
  /** The plan's id on this device (for links within the plan). */
  planId: string;
}
