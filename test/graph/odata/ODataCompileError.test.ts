import { GraphCallError } from '../../../src/graph/errors';
import { GraphRefusedRequestError } from '../../../src/graph/errors';
import { ODataCompileError } from '../../../src/graph/errors';

describe('ODataCompileError', () => {
  it('is a refused graph request that names the refused property', () => {
    const error = new ODataCompileError('$top', '`$top` accepts an integer between 1 and 1000, but got: 5000');
    expect(error).toBeInstanceOf(GraphRefusedRequestError);
    expect(error).toBeInstanceOf(GraphCallError);
    expect(error.kind).toBe('refused');
    expect(error.name).toBe('ODataCompileError');
    expect(error.property).toBe('$top');
    expect(error.message).toBe('`$top` accepts an integer between 1 and 1000, but got: 5000');
    expect(error.details).toEqual({});
  });
});
