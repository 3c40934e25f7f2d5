import { describe, expect, it } from 'vitest';
import { PULL_ALARM, PULL_EVERY_MINUTES, registerBackgroundPull } from '../../../lib/background/register-background-pull.ts';
import { fakeAlarms } from '../helpers/fake-alarms.ts';

describe('registerBackgroundPull', () => {
  it('pulls at browser start and on its alarm every few minutes, one pull at a time', async () => {
    const alarms = fakeAlarms();
    let pulls = 0;
    let finish = () => {};
    const stop = registerBackgroundPull({
      alarms: alarms.alarms,
      pull: () => {
        pulls++;
        return new Promise<void>((resolve) => (finish = resolve));
      },
    });
    expect(alarms.periodic.get(PULL_ALARM)).toBe(PULL_EVERY_MINUTES);
    alarms.start();
    expect(pulls).toBe(1);
    alarms.fire(PULL_ALARM); // still pulling: skipped
    alarms.fire('deadlines-daily');
    expect(pulls).toBe(1);
    finish();
    await Promise.resolve();
    await Promise.resolve();
    alarms.fire(PULL_ALARM);
    expect(pulls).toBe(2);
    stop();
    expect(alarms.listenerCount()).toBe(0);
  });

  it('reports a failed pull and pulls again next time', async () => {
    const alarms = fakeAlarms();
    const errors: unknown[] = [];
    let pulls = 0;
    const pull = async () => {
      pulls++;
      throw new Error('no network');
    };
    registerBackgroundPull({ alarms: alarms.alarms, pull, onError: (e) => errors.push(e) });
    alarms.fire(PULL_ALARM);
    await new Promise((resolve) => setTimeout(resolve, 0));
    alarms.fire(PULL_ALARM);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pulls).toBe(2);
    expect(errors.map(String)).toEqual(['Error: no network', 'Error: no network']);
  });
});
