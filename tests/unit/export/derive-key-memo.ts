/** The real PBKDF2 key derivation, remembered per passphrase, salt and count so tests derive each key once. */
import { deriveBackupKey, type DeriveKey } from '../../../lib/export/backup-crypto.ts';

export function memoisedDeriveKey(): DeriveKey & { calls: number } {
  const keys = new Map<string, Promise<CryptoKey>>();
  const derive = ((passphrase, salt, iterations) => {
    derive.calls++;
    const key = `${passphrase}\u0000${Array.from(salt).join(',')}\u0000${iterations}`;
    if (!keys.has(key)) keys.set(key, deriveBackupKey(passphrase, salt, iterations));
    return keys.get(key)!;
  }) as DeriveKey & { calls: number };
  derive.calls = 0;
  return derive;
}
