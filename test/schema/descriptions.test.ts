import { introspectContract } from './introspectContract';

const { types } = introspectContract();

describe('the descriptions of the contract', () => {
  it('describes every type, field, argument, input field and enum value of the contract', () => {
    const missing: string[] = [];
    const check = (path: string, description: string | null): void => {
      if (!description || description.trim().length < 3) missing.push(path);
    };
    // Built-in scalars, introspection types and federation's own types are described (or not) by their owners.
    const own = [...types.values()].filter(
      (t) => !t.name.startsWith('_') && !t.name.includes('__') && !['String', 'Boolean', 'Int', 'Float', 'ID'].includes(t.name),
    );
    expect(own.length).toBeGreaterThan(50);
    for (const t of own) {
      check(t.name, t.description);
      for (const f of t.fields ?? []) {
        if (f.name.startsWith('_')) continue;
        check(`${t.name}.${f.name}`, f.description);
        for (const a of f.args) check(`${t.name}.${f.name}(${a.name})`, a.description);
      }
      for (const f of t.inputFields ?? []) check(`${t.name}.${f.name}`, f.description);
      for (const v of t.enumValues ?? []) check(`${t.name}.${v.name}`, v.description);
    }
    expect(missing).toEqual([]);
  });
});
