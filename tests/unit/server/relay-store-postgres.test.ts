/**
 * The store contract on the scale-out engine: a real PostgreSQL cluster started for this file
 * (initdb, pg_ctl as the postgres user, on a free loopback port), one database per engine.
 */
import { afterAll, beforeAll } from 'vitest';
import { openPostgresEngine } from '../../../server/relay/postgres-engine.mjs';
import type { RelayEngine } from '../../../server/relay/engine.mjs';
import { describeStoreContract } from './relay-store-contract.ts';
import { startPostgres, type Postgres } from './relay-helpers.ts';

let postgres: Postgres;
let databases = 0;
const urlOf = new WeakMap<RelayEngine, string>();

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});

describeStoreContract('PostgreSQL', {
  async open() {
    const url = await postgres.createDatabase(`relay_${++databases}`);
    const engine = await openPostgresEngine({ url });
    urlOf.set(engine, url);
    return engine;
  },
  async reopen(engine) {
    const url = urlOf.get(engine)!;
    const again = await openPostgresEngine({ url });
    urlOf.set(again, url);
    return again;
  },
  sharedByNodes: true,
});
