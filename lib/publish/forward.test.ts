import { forwardVerdict } from './forward';

const [A, B, C] = ['a', 'b', 'c'].map((c) => c.repeat(40)) as [string, string, string];

describe('publishing only forward', () => {
  it('publishes the branch head, whatever is live', () => {
    expect(forwardVerdict({ commit: C, head: C, live: A, descendsFromLive: false })).toEqual({
      publish: true,
    });
    expect(
      forwardVerdict({ commit: C, head: C, live: undefined, descendsFromLive: false }),
    ).toEqual({ publish: true });
  });

  it('publishes a push overtaken by a later one when it descends from what is live', () => {
    expect(forwardVerdict({ commit: B, head: C, live: A, descendsFromLive: true })).toEqual({
      publish: true,
    });
  });

  it('refuses a replayed old push: not the head, and behind what is live', () => {
    expect(forwardVerdict({ commit: A, head: C, live: B, descendsFromLive: false })).toEqual({
      publish: false,
      reason: `it is not the branch head (${C}) and does not descend from the live commit (${B}): an old push publishes nothing`,
    });
  });

  it('refuses the live commit again once the branch has moved on', () => {
    expect(forwardVerdict({ commit: B, head: C, live: B, descendsFromLive: true })).toMatchObject({
      publish: false,
    });
  });

  it('refuses anything but the head when nothing live records a commit', () => {
    expect(
      forwardVerdict({ commit: B, head: C, live: undefined, descendsFromLive: false }),
    ).toEqual({
      publish: false,
      reason: `it is not the branch head (${C}) and does not descend from the live commit (none recorded): an old push publishes nothing`,
    });
  });
});
