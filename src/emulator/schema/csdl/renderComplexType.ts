/** `<ComplexType>` from `[name, type]` pairs; complex values have no key, so no id. */
export function renderComplexType(name: string, properties: readonly (readonly [string, string])[]): string {
  const lines = properties.map(([property, type]) => `        <Property Name="${property}" Type="${type}"/>`);
  return [`      <ComplexType Name="${name}">`, ...lines, '      </ComplexType>'].join('\n');
}
