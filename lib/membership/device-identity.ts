/**
 * This browser profile's device identity: an Ed25519 signing key pair and an X25519 agreement key
 * pair made with WebCrypto, kept in IndexedDB ('core-group-device') as structured-cloned CryptoKeys
 * with non-extractable private keys. The side panel, the offscreen document and Firefox's background
 * page all open the same database, so they are one device. Made once: two pages racing to create it
 * settle on whichever wrote first (get-or-put in one transaction).
 *
 * deviceId = first 16 bytes of SHA-256("core-group-plan device v1" ‖ signingPublic), as 32 hex.
 */
import { buf, concat, sha256, toHex, utf8 } from './bytes.ts';

export interface DeviceIdentity {
  readonly deviceId: string;
  /** Raw Ed25519 public key (32 bytes). */
  readonly signingPublic: Uint8Array;
  /** Raw X25519 public key (32 bytes). */
  readonly agreementPublic: Uint8Array;
  /** An Ed25519 signature (64 bytes). */
  sign(bytes: Uint8Array): Promise<Uint8Array>;
  /** X25519 shared bits with `peerPublic` (32 bytes); throws on a malformed public key. */
  agree(peerPublic: Uint8Array): Promise<Uint8Array>;
}

export interface IdentityOptions {
  indexedDB?: IDBFactory;
  subtle?: SubtleCrypto;
}

export const DEVICE_DB = 'core-group-device';
const STORE = 'identity';
const KEY = 'device';
const DEVICE_ID_LABEL = utf8('core-group-plan device v1');

interface StoredIdentity {
  version: 1;
  signing: CryptoKeyPair;
  agreement: CryptoKeyPair;
  signingPublic: Uint8Array;
  agreementPublic: Uint8Array;
}

/** The deviceId a signing public key names (32 hex). */
export async function deviceIdOf(signingPublic: Uint8Array, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<string> {
  return toHex((await sha256(concat(DEVICE_ID_LABEL, signingPublic), subtle)).subarray(0, 16));
}

const loaded = new WeakMap<IDBFactory, Promise<DeviceIdentity>>();

/** This profile's identity, made and stored on first use. */
export function loadDeviceIdentity(options: IdentityOptions = {}): Promise<DeviceIdentity> {
  const idb = options.indexedDB ?? globalThis.indexedDB;
  const subtle = options.subtle ?? globalThis.crypto.subtle;
  let identity = loaded.get(idb);
  if (!identity) {
    identity = readOrCreate(idb, subtle);
    loaded.set(idb, identity);
    identity.catch(() => loaded.delete(idb));
  }
  return identity;
}

async function readOrCreate(idb: IDBFactory, subtle: SubtleCrypto): Promise<DeviceIdentity> {
  const db = await openDb(idb);
  try {
    let stored = parseStored(await request(db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY)));
    if (!stored) {
      const fresh = await generate(subtle);
      stored = await getOrPut(db, fresh);
    }
    return await identityFrom(stored, subtle);
  } finally {
    db.close();
  }
}

async function generate(subtle: SubtleCrypto): Promise<StoredIdentity> {
  const signing = (await subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const agreement = (await subtle.generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair;
  return {
    version: 1,
    signing,
    agreement,
    signingPublic: new Uint8Array(await subtle.exportKey('raw', signing.publicKey)),
    agreementPublic: new Uint8Array(await subtle.exportKey('raw', agreement.publicKey)),
  };
}

async function identityFrom(stored: StoredIdentity, subtle: SubtleCrypto): Promise<DeviceIdentity> {
  const deviceId = await deviceIdOf(stored.signingPublic, subtle);
  return Object.freeze({
    deviceId,
    signingPublic: stored.signingPublic.slice(),
    agreementPublic: stored.agreementPublic.slice(),
    async sign(bytes: Uint8Array) {
      return new Uint8Array(await subtle.sign({ name: 'Ed25519' }, stored.signing.privateKey, buf(bytes)));
    },
    async agree(peerPublic: Uint8Array) {
      const peer = await subtle.importKey('raw', buf(peerPublic), { name: 'X25519' }, false, []);
      return new Uint8Array(await subtle.deriveBits({ name: 'X25519', public: peer }, stored.agreement.privateKey, 256));
    },
  });
}

const verifyKeys = new Map<string, Promise<CryptoKey>>();
/**
 * Whether `signature` is `signingPublic`'s Ed25519 signature of `bytes`. False (never throws) on a
 * malformed key or signature.
 */
export async function verifySignature(signingPublic: Uint8Array, bytes: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (signingPublic.length !== 32 || signature.length !== 64) return false;
  const subtle = globalThis.crypto.subtle;
  try {
    const cacheKey = toHex(signingPublic);
    let key = verifyKeys.get(cacheKey);
    if (!key) {
      key = subtle.importKey('raw', buf(signingPublic), { name: 'Ed25519' }, false, ['verify']);
      if (verifyKeys.size > 1000) verifyKeys.clear();
      verifyKeys.set(cacheKey, key);
      key.catch(() => verifyKeys.delete(cacheKey));
    }
    return await subtle.verify({ name: 'Ed25519' }, await key, buf(signature), buf(bytes));
  } catch {
    return false;
  }
}

function openDb(idb: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = idb.open(DEVICE_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('device identity: IndexedDB would not open'));
    open.onblocked = () => reject(new Error('device identity: IndexedDB is blocked by another page'));
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('device identity: IndexedDB request failed'));
  });
}

/** Stores `fresh` unless another page stored an identity first; returns whichever is stored. */
function getOrPut(db: IDBDatabase, fresh: StoredIdentity): Promise<StoredIdentity> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    let result: StoredIdentity = fresh;
    const get = store.get(KEY);
    get.onsuccess = () => {
      const existing = parseStored(get.result);
      if (existing) result = existing;
      else store.put(fresh, KEY);
    };
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error ?? new Error('device identity: could not be stored'));
    tx.onabort = () => reject(tx.error ?? new Error('device identity: storing was aborted'));
  });
}

function parseStored(value: unknown): StoredIdentity | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<StoredIdentity>;
  const pair = (p: unknown) =>
    typeof p === 'object' && p !== null && (p as CryptoKeyPair).privateKey instanceof CryptoKey && (p as CryptoKeyPair).publicKey instanceof CryptoKey;
  if (v.version !== 1 || !pair(v.signing) || !pair(v.agreement)) return null;
  if (!(v.signingPublic instanceof Uint8Array) || v.signingPublic.length !== 32) return null;
  if (!(v.agreementPublic instanceof Uint8Array) || v.agreementPublic.length !== 32) return null;
  return v as StoredIdentity;
}
