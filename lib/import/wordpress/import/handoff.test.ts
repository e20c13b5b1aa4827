import { Handoff } from './handoff';

async function drain<T>(values: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of values) out.push(value);
  return out;
}

describe('Handoff', () => {
  it('gives the consumer every value in order, and ends only once the gate opens', async () => {
    const handoff = new Handoff<number>(2);
    const consumed = drain(handoff.values());
    for (let i = 0; i < 10; i++) await handoff.push(i);
    let open: () => void = () => {};
    let ended = false;
    void consumed.then(() => (ended = true));
    handoff.close(new Promise<void>((resolve) => (open = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ended).toBe(false);
    open();
    expect(await consumed).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('makes the consumer fail when the gate rejects', async () => {
    const handoff = new Handoff<number>();
    const consumed = drain(handoff.values());
    await handoff.push(1);
    handoff.close(Promise.reject(new Error('the move failed')));
    await expect(consumed).rejects.toThrow('the move failed');
  });

  it('makes the producer fail, not wait for ever, when the consumer stops', async () => {
    const handoff = new Handoff<number>(1);
    const consumer = (async () => {
      for await (const value of handoff.values()) if (value === 2) throw new Error('database full');
    })();
    const producer = (async () => {
      for (let i = 0; i < 100; i++) await handoff.push(i);
    })();
    await expect(consumer).rejects.toThrow('database full');
    await expect(producer).rejects.toThrow(/stopped/);
  });
});

describe('Handoff under load', () => {
  it('moves many more values than it holds while the consumer waits for nothing else', async () => {
    const handoff = new Handoff<number>(4);
    let total = 0;
    const consumer = (async () => {
      for await (const value of handoff.values()) total += value;
    })();
    for (let i = 1; i <= 1_000; i++) await handoff.push(i);
    handoff.close(Promise.resolve());
    await consumer;
    expect(total).toBe(500_500);
  });
});
