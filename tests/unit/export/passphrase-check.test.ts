import { describe, expect, it } from 'vitest';
import { checkPassphrase, MIN_PASSPHRASE_LENGTH } from '../../../lib/export/passphrase-check.ts';

describe('checkPassphrase', () => {
  it('accepts a long enough passphrase typed the same twice', () => {
    expect(checkPassphrase({ passphrase: 'kettle harbour violet', confirm: 'kettle harbour violet' })).toEqual([]);
  });

  it('asks for a passphrase when none is given', () => {
    expect(checkPassphrase({ passphrase: '', confirm: '' })).toEqual([{ field: 'passphrase', message: expect.stringContaining('Enter a passphrase') }]);
  });

  it(`refuses fewer than ${MIN_PASSPHRASE_LENGTH} characters, counting characters rather than UTF-16 units`, () => {
    expect(checkPassphrase({ passphrase: 'short', confirm: 'short' })[0]?.field).toBe('passphrase');
    // Nine emoji are eighteen UTF-16 units but nine characters.
    expect(checkPassphrase({ passphrase: '🙂'.repeat(9), confirm: '🙂'.repeat(9) })[0]?.field).toBe('passphrase');
  });

  it('refuses two different passphrases, by the second field', () => {
    expect(checkPassphrase({ passphrase: 'kettle harbour violet', confirm: 'kettle harbour violent' })).toEqual([
      { field: 'confirm', message: 'The two passphrases are different. Type the same passphrase twice.' },
    ]);
  });
});
