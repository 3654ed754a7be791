/** An OData string literal: single quotes, with a quote inside doubled (`o'brien` → `'o''brien'`). */
export function odataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
