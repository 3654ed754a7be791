import { earliestSlotTime } from '../../../src/graph/budget';

describe('earliestSlotTime', () => {
  it('answers now while the window has room for every slot asked', () => {
    expect(earliestSlotTime([], 1_000, 10_000, 5, 5)).toBe(1_000);
    expect(earliestSlotTime([100, 200], 1_000, 10_000, 5, 3)).toBe(1_000);
  });

  it('waits until enough of the oldest slots have left the window', () => {
    // 5 taken at 0..4; 2 more need the two oldest (0 and 1) to leave: at 1 + 10 000.
    expect(earliestSlotTime([0, 1, 2, 3, 4], 5, 10_000, 5, 2)).toBe(10_001);
  });

  it('forgets slots that are already out of the window', () => {
    expect(earliestSlotTime([0, 1, 2, 3, 4], 10_004, 10_000, 5, 5)).toBe(10_004);
    expect(earliestSlotTime([0, 1, 2, 3, 4], 10_003, 10_000, 5, 5)).toBe(10_004);
  });

  it('never hands out a time before a reservation already made, so later callers queue behind earlier ones', () => {
    // Two slots are reserved for t = 20 000 (a waiter); one more slot still fits then, not before it.
    expect(earliestSlotTime([20_000, 20_000], 12_000, 10_000, 5, 1)).toBe(20_000);
  });

  it('refuses a request larger than the window could ever hold', () => {
    expect(() => earliestSlotTime([], 0, 10_000, 5, 6)).toThrow('slots must be at most the window\'s 5, but got: 6');
  });
});
