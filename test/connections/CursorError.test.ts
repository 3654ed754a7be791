import { CursorError } from '../../src/operation/cursor';

describe('CursorError', () => {
  it('states the contract for each reason without any cursor content', () => {
    const prefix = '`after` is not a cursor this gateway issued for this field and arguments: ';
    expect(new CursorError('malformed').message).toBe(`${prefix}it is not in the cursor format`);
    expect(new CursorError('tampered').message).toBe(`${prefix}its signature does not match its content`);
    expect(new CursorError('foreign').message).toBe(`${prefix}it was issued for another report, filter or order, or by another gateway key`);
  });

  it('keeps its reason and name, and accepts a message and cause of its own', () => {
    const cause = new Error('inner');
    const error = new CursorError('foreign', 'cursor leads to another report', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CursorError');
    expect(error.reason).toBe('foreign');
    expect(error.message).toBe('cursor leads to another report');
    expect(error.cause).toBe(cause);
  });
});
