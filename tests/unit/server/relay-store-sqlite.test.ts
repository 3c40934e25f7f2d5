/** The store contract on the embedded engine: a real SQLite file in a temporary directory. */
import { afterAll } from 'vitest';
import { openSqliteEngine } from '../../../server/relay/sqlite-engine.mjs';
import type { RelayEngine } from '../../../server/relay/engine.mjs';
import { describeStoreContract } from './relay-store-contract.ts';
import { tempDir } from './relay-helpers.ts';

const dirs: Array<ReturnType<typeof tempDir>> = [];
const dirOf = new WeakMap<RelayEngine, string>();
afterAll(() => dirs.forEach((d) => d.cleanup()));

describeStoreContract('SQLite', {
  async open() {
    const temp = tempDir('relay-sqlite-');
    dirs.push(temp);
    const engine = openSqliteEngine({ dataDir: temp.dir });
    dirOf.set(engine, temp.dir);
    return engine;
  },
  async reopen(engine) {
    const dir = dirOf.get(engine)!;
    const again = openSqliteEngine({ dataDir: dir });
    dirOf.set(again, dir);
    return again;
  },
  sharedByNodes: false,
});
