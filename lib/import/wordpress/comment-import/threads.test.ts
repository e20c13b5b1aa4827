import { placeComments, type ThreadNode } from './threads';

const kept = (id: number, parent = 0): ThreadNode => ({ id, parent, kept: true });
const gone = (id: number, parent = 0): ThreadNode => ({ id, parent, kept: false });

describe('placing WordPress threads in the store', () => {
  it('keeps a thread: the first comment starts it, replies at any depth join it', () => {
    const placed = placeComments([kept(1), kept(2, 1), kept(3, 2), kept(4, 1)]);
    expect(Object.fromEntries(placed)).toEqual({
      1: { root: null, reparented: false, flattened: false },
      2: { root: 1, reparented: false, flattened: false },
      3: { root: 1, reparented: false, flattened: true },
      4: { root: 1, reparented: false, flattened: false },
    });
  });

  it('attaches a reply whose parent is not imported to the nearest imported ancestor', () => {
    const placed = placeComments([kept(1), gone(2, 1), gone(3, 2), kept(4, 3), kept(5, 4)]);
    expect(placed.get(4)).toEqual({ root: 1, reparented: true, flattened: false });
    expect(placed.get(5)).toEqual({ root: 1, reparented: false, flattened: true });
    expect(placed.has(2)).toBe(false);
  });

  it('starts a thread with a reply that has no imported ancestor, and its replies join it', () => {
    const placed = placeComments([gone(1), kept(2, 1), kept(3, 2), kept(4, 99)]);
    expect(placed.get(2)).toEqual({ root: null, reparented: true, flattened: false });
    expect(placed.get(3)).toEqual({ root: 2, reparented: false, flattened: false });
    // Its parent is in no post of the export.
    expect(placed.get(4)).toEqual({ root: null, reparented: true, flattened: false });
  });

  it('breaks a loop of parents where it is found instead of going round', () => {
    const placed = placeComments([kept(1, 2), kept(2, 1), kept(3, 3), kept(4, 1)]);
    expect(placed.get(2)).toEqual({ root: null, reparented: true, flattened: false });
    expect(placed.get(1)).toEqual({ root: 2, reparented: false, flattened: false });
    expect(placed.get(4)).toEqual({ root: 2, reparented: false, flattened: true });
    expect(placed.get(3)).toEqual({ root: null, reparented: true, flattened: false });
  });

  // A walk up the chain from each comment would take 5 billion steps here: the harness's
  // 15 s would end it. Each comment is walked over once.
  it('places a chain 100,000 deep without running out of stack, each comment once', () => {
    const chain = Array.from({ length: 100_000 }, (_, i) => kept(i + 1, i));
    // Listed deepest first: the worst order for a walk up the chain.
    const placed = placeComments(chain.reverse());
    expect(placed.get(1)?.root).toBeNull();
    expect(placed.get(100_000)).toEqual({ root: 1, reparented: false, flattened: true });
  });
});
