import { print } from 'graphql';
import { MfaGapsDocument, type MfaGapsQuery, type MfaGapsQueryVariables } from './generated/graphql';

/**
 * Every user without MFA, page by page, typed end to end by the generated document: a wrong field or a
 * missing null check is a compile error (`npx tsc -p test/examples/client`).
 */
export async function* mfaGaps(endpoint: string): AsyncGenerator<string> {
  let after: string | null = null;
  do {
    const variables: MfaGapsQueryVariables = { first: 50, after };
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: print(MfaGapsDocument), variables }),
    });
    const { data } = (await response.json()) as { data?: MfaGapsQuery | null };
    const page = data?.userRegistrationDetails;
    if (!page) return;
    for (const user of page.nodes) yield `${user.userPrincipalName}: ${user.methodsRegistered?.join(', ') || 'no methods'}`;
    after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
  } while (after !== null);
}

// `npx tsx test/examples/client/mfaGaps.ts http://localhost:4000/`: prints the users without MFA.
if (require.main === module) {
  void (async () => {
    for await (const line of mfaGaps(process.argv[2] ?? 'http://localhost:4000/')) console.log(line);
  })();
}
