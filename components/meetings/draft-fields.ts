/** The fields of a DraftForm: what each one is, as data, so a form is declared rather than hand-built. */
import type { FullAutoFill } from 'svelte/elements';

export interface DraftFieldSpec {
  /** The draft's key; also the field name problems refer to. */
  name: string;
  label: string;
  hint?: string;
  /** 'text' by default; 'textarea' for a few sentences; 'select' needs `options`. */
  type?: 'text' | 'textarea' | 'date' | 'url' | 'select';
  options?: readonly { value: string; label: string }[];
  /** Suggested wording offered as the member types (a datalist); free text is still allowed. */
  suggestions?: readonly string[];
  /** Kept after a successful submit instead of being cleared (e.g. the member's own agency). */
  keep?: boolean;
  autocomplete?: FullAutoFill;
}

export type Draft = Record<string, string>;
