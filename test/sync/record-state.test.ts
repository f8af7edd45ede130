import { RecordState, RecordStates } from '../../src/sync/record-state';
import { Semaphore } from '../../src/sync/semaphore';

describe('RecordStates', () => {
  it('grows past its initial size and keeps what it had', () => {
    const states = new RecordStates();
    states.set(3, 0xdeadbeef, RecordState.Done, 0);
    states.set(100_000, 7, RecordState.Retry, 1);
    expect(states.state(3)).toBe(RecordState.Done);
    expect(states.hash(3)).toBe(0xdeadbeef);
    expect(states.state(100_000)).toBe(RecordState.Retry);
    expect(states.state(99_999)).toBe(RecordState.None);
    expect(states.state(10_000_000)).toBe(RecordState.None);
    expect(states.size).toBe(100_000);
  });

  it('knows which journal entry is the latest for a record', () => {
    const states = new RecordStates();
    states.set(1, 1, RecordState.Retry, 0);
    states.set(1, 1, RecordState.Done, 5);
    expect(states.isLatest(1, 0)).toBe(false);
    expect(states.isLatest(1, 5)).toBe(true);
    expect(states.isLatest(2, 0)).toBe(false);
  });
});

describe('Semaphore', () => {
  it('admits up to its count and then serves waiters first come, first served', async () => {
    const sem = new Semaphore(2);
    const order: number[] = [];
    await sem.acquire();
    await sem.acquire();
    const waiting = [1, 2, 3].map((n) => sem.acquire().then(() => order.push(n)));
    await Promise.resolve();
    expect(order).toEqual([]);
    sem.release();
    sem.release();
    sem.release();
    await Promise.all(waiting);
    expect(order).toEqual([1, 2, 3]);
  });
});
