/** The `data` of a GraphQL answer that has no errors, else null: a partial answer is a failed operation. */
export function graphqlData(body: unknown): Record<string, any> | null {
  const result = body as { data?: Record<string, any> | null; errors?: unknown[] } | null;
  if (!result || (result.errors && result.errors.length > 0) || !result.data) return null;
  return result.data;
}
