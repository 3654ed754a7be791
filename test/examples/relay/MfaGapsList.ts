/**
 * A Relay fragment that pages a report with `@connection`: what a Relay frontend writes against this
 * gateway. `npx relay-compiler` (run by test/clients/relayCompiler.test.ts) checks it against the served
 * schema; `graphql` is relay-runtime's tag in a real app.
 */
declare function graphql(strings: TemplateStringsArray): unknown;

export const mfaGapsListFragment = graphql`
  fragment MfaGapsList_query on Query
  @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" })
  @refetchable(queryName: "MfaGapsListPaginationQuery") {
    userRegistrationDetails(first: $count, after: $cursor, filter: { isMfaRegistered: false })
      @connection(key: "MfaGapsList_userRegistrationDetails") {
      edges {
        node {
          id
          userPrincipalName
          methodsRegistered
        }
      }
    }
  }
`;

export const mfaGapsListQuery = graphql`
  query MfaGapsListQuery {
    ...MfaGapsList_query
  }
`;
