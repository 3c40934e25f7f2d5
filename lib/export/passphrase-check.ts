/**
 * Checks the passphrase a member chooses for an encrypted backup, for the export form to show by
 * each field. Never throws. The passphrase is the only thing protecting a file of personal
 * information about a family once it leaves the device, so a short one is refused.
 */
import type { FieldProblem } from '../plan/index.ts';

/**
 * At least 10 characters: below that, a passphrase falls to an offline guessing attack even at
 * 600,000 PBKDF2 rounds (NCSC's advice is three random words, which is longer than this).
 */
export const MIN_PASSPHRASE_LENGTH = 10;

/** Field names in problems: 'passphrase', 'confirm'. */
export function checkPassphrase(draft: { passphrase: string; confirm: string }): FieldProblem[] {
  if (draft.passphrase === '') {
    return [{ field: 'passphrase', message: 'Enter a passphrase, or untick “Protect the file with a passphrase”.' }];
  }
  if ([...draft.passphrase].length < MIN_PASSPHRASE_LENGTH) {
    return [
      {
        field: 'passphrase',
        message: `Use at least ${MIN_PASSPHRASE_LENGTH} characters. Three unrelated words are easy to remember and hard to guess.`,
      },
    ];
  }
  if (draft.confirm !== draft.passphrase) {
    return [{ field: 'confirm', message: 'The two passphrases are different. Type the same passphrase twice.' }];
  }
  return [];
}
