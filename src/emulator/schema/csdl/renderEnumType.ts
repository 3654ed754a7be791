/** `<EnumType>` with members valued in declaration order, as Graph's `$metadata` lists them. */
export function renderEnumType(name: string, members: readonly string[]): string {
  const lines = members.map((member, value) => `        <Member Name="${member}" Value="${value}"/>`);
  return [`      <EnumType Name="${name}">`, ...lines, '      </EnumType>'].join('\n');
}
