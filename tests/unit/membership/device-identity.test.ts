import { describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { DEVICE_DB, deviceIdOf, loadDeviceIdentity, verifySignature } from '../../../lib/membership/device-identity.ts';
import { utf8 } from '../../../lib/membership/bytes.ts';

/** Reads the stored record straight from IndexedDB, as another page would. */
function storedRecord(idb: IDBFactory): Promise<{ signing: CryptoKeyPair; agreement: CryptoKeyPair }> {
  return new Promise((resolve, reject) => {
    const open = idb.open(DEVICE_DB);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('identity').objectStore('identity').get('device');
      get.onsuccess = () => {
        open.result.close();
        resolve(get.result);
      };
      get.onerror = () => reject(get.error);
    };
  });
}

describe('device identity', () => {
  it('persists across a reload of the module with the same IndexedDB', async () => {
    const idb = new IDBFactory();
    const first = await loadDeviceIdentity({ indexedDB: idb });
    vi.resetModules();
    const reloaded = await import('../../../lib/membership/device-identity.ts');
    const second = await reloaded.loadDeviceIdentity({ indexedDB: idb });
    expect(second).not.toBe(first);
    expect(second.deviceId).toBe(first.deviceId);
    expect(second.signingPublic).toEqual(first.signingPublic);
    expect(second.agreementPublic).toEqual(first.agreementPublic);
    // The reloaded private key signs for the same public key.
    const signature = await second.sign(utf8('hello'));
    expect(await verifySignature(first.signingPublic, utf8('hello'), signature)).toBe(true);
  });

  it('is a different device in another profile', async () => {
    const a = await loadDeviceIdentity({ indexedDB: new IDBFactory() });
    const b = await loadDeviceIdentity({ indexedDB: new IDBFactory() });
    expect(a.deviceId).not.toBe(b.deviceId);
  });

  it('settles on one identity when two pages of a profile load it at once', async () => {
    const idb = new IDBFactory();
    const [a, b] = await Promise.all([
      loadDeviceIdentity({ indexedDB: idb }),
      import('../../../lib/membership/device-identity.ts?again' as string).then((m: typeof import('../../../lib/membership/device-identity.ts')) =>
        m.loadDeviceIdentity({ indexedDB: idb }),
      ),
    ]);
    expect(a.deviceId).toBe(b.deviceId);
    const again = await loadDeviceIdentity({ indexedDB: idb });
    expect(again.deviceId).toBe(a.deviceId);
  });

  it('stores private keys that cannot be exported', async () => {
    const idb = new IDBFactory();
    await loadDeviceIdentity({ indexedDB: idb });
    const record = await storedRecord(idb);
    for (const pair of [record.signing, record.agreement]) {
      expect(pair.privateKey.extractable).toBe(false);
      await expect(crypto.subtle.exportKey('pkcs8', pair.privateKey)).rejects.toThrow();
    }
  });

  it('names the device by its signing key, 32 hex', async () => {
    const device = await loadDeviceIdentity({ indexedDB: new IDBFactory() });
    expect(device.deviceId).toMatch(/^[0-9a-f]{32}$/);
    expect(await deviceIdOf(device.signingPublic)).toBe(device.deviceId);
    expect(device.signingPublic).toHaveLength(32);
    expect(device.agreementPublic).toHaveLength(32);
  });

  it('signs; a signature verifies only for its bytes and key, and garbage never throws', async () => {
    const a = await loadDeviceIdentity({ indexedDB: new IDBFactory() });
    const b = await loadDeviceIdentity({ indexedDB: new IDBFactory() });
    const signature = await a.sign(utf8('plan update'));
    expect(signature).toHaveLength(64);
    expect(await verifySignature(a.signingPublic, utf8('plan update'), signature)).toBe(true);
    expect(await verifySignature(a.signingPublic, utf8('plan updatE'), signature)).toBe(false);
    expect(await verifySignature(b.signingPublic, utf8('plan update'), signature)).toBe(false);
    expect(await verifySignature(new Uint8Array(31), utf8('x'), signature)).toBe(false);
    expect(await verifySignature(a.signingPublic, utf8('x'), new Uint8Array(3))).toBe(false);
  });

  it('agrees the same secret from both sides', async () => {
    const a = await loadDeviceIdentity({ indexedDB: new IDBFactory() });
    const b = await loadDeviceIdentity({ indexedDB: new IDBFactory() });
    const ab = await a.agree(b.agreementPublic);
    expect(ab).toHaveLength(32);
    expect(ab).toEqual(await b.agree(a.agreementPublic));
  });
});
