const CAMEL_CASE_IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Graph's camelCase enum member as a GraphQL enum value: split at every lower-case letter or digit followed
 * by an upper-case letter, join with `_`, upper-case. Digits stay with the word before them, and a run of
 * capitals stays one word: `mobileSMS` → `MOBILE_SMS`, `fido2SecurityKey` → `FIDO2_SECURITY_KEY`.
 */
export function toGraphQLEnumName(member: string): string {
  if (!CAMEL_CASE_IDENTIFIER.test(member)) {
    throw new TypeError(`a Graph enum member must be a camelCase identifier, but got: ${JSON.stringify(member)}`);
  }
  return member.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
