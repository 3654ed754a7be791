import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

export interface DirectoryUser {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
}

/** Which keys the users subgraph declares; with one key it has no field for the other. */
export type UsersKeys = 'both' | 'id' | 'userPrincipalName';

export interface UsersSubgraph {
  readonly url: string;
  /** The operations this subgraph was sent, in order. */
  readonly operations: string[];
  stop(): Promise<void>;
}

const KEY_DIRECTIVES: Record<UsersKeys, string> = {
  both: '@key(fields: "id") @key(fields: "userPrincipalName")',
  id: '@key(fields: "id")',
  userPrincipalName: '@key(fields: "userPrincipalName")',
};

function typeDefs(keys: UsersKeys): string {
  const id = keys === 'userPrincipalName' ? '' : 'id: ID!';
  const upn = keys === 'id' ? '' : 'userPrincipalName: String!';
  return `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])
    type User ${KEY_DIRECTIVES[keys]} { ${id} ${upn} displayName: String! }
    type PageInfo @shareable { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
    type UserPage { nodes: [User!]! pageInfo: PageInfo! }
    type Query {
      users(first: Int): [User!]!
      usersPage(first: Int): UserPage!
    }
  `;
}

/**
 * A neighbouring users subgraph as a team beside ours would write it: it owns User (the directory) and
 * declares its own shareable PageInfo. Served over loopback HTTP like any subgraph.
 */
export async function startUsersSubgraph(users: readonly DirectoryUser[], keys: UsersKeys = 'both'): Promise<UsersSubgraph> {
  const find = (ref: { id?: unknown; userPrincipalName?: unknown }) =>
    users.find((u) => u.id === ref.id || u.userPrincipalName === ref.userPrincipalName) ?? null;
  const schema = buildSubgraphSchema({
    typeDefs: parse(typeDefs(keys)),
    resolvers: {
      Query: {
        users: (_root: unknown, args: { first?: number | null }) => users.slice(0, args.first ?? users.length),
        usersPage: (_root: unknown, args: { first?: number | null }) => {
          const nodes = users.slice(0, args.first ?? users.length);
          return { nodes, pageInfo: { hasNextPage: nodes.length < users.length, hasPreviousPage: false, startCursor: null, endCursor: null } };
        },
      },
      User: { __resolveReference: find },
    } as never,
  });
  const operations: string[] = [];
  const server = new ApolloServer({
    schema,
    plugins: [ApolloServerPluginInlineTraceDisabled(), { requestDidStart: async ({ request }) => void operations.push(request.query ?? '') }],
  });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return { url, operations, stop: () => server.stop() };
}
