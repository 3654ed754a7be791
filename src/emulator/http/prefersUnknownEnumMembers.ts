/** Whether `Prefer` (possibly several comma-separated preferences) asks for evolvable enum members. */
export function prefersUnknownEnumMembers(headers: Readonly<Record<string, string>>): boolean {
  const prefer = headers['prefer'];
  if (prefer === undefined) return false;
  return prefer.split(',').some((preference) => preference.trim().toLowerCase() === 'include-unknown-enum-members');
}
