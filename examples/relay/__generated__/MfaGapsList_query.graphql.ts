/**
 * @generated SignedSource<<8ba0d294ce9b23f96bf1d3e80ac3c655>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ReaderFragment } from 'relay-runtime';
import { FragmentRefs } from "relay-runtime";
export type MfaGapsList_query$data = {
  readonly userRegistrationDetails: {
    readonly edges: ReadonlyArray<{
      readonly node: {
        readonly id: string;
        readonly methodsRegistered: ReadonlyArray<string>;
        readonly userPrincipalName: string;
      };
    }>;
  } | null | undefined;
  readonly " $fragmentType": "MfaGapsList_query";
};
export type MfaGapsList_query$key = {
  readonly " $data"?: MfaGapsList_query$data;
  readonly " $fragmentSpreads": FragmentRefs<"MfaGapsList_query">;
};

import MfaGapsListPaginationQuery_graphql from './MfaGapsListPaginationQuery.graphql';

const node: ReaderFragment = (function(){
var v0 = [
  "userRegistrationDetails"
];
return {
  "argumentDefinitions": [
    {
      "defaultValue": 10,
      "kind": "LocalArgument",
      "name": "count"
    },
    {
      "defaultValue": null,
      "kind": "LocalArgument",
      "name": "cursor"
    }
  ],
  "kind": "Fragment",
  "metadata": {
    "connection": [
      {
        "count": "count",
        "cursor": "cursor",
        "direction": "forward",
        "path": (v0/*:: as any*/)
      }
    ],
    "refetch": {
      "connection": {
        "forward": {
          "count": "count",
          "cursor": "cursor"
        },
        "backward": null,
        "path": (v0/*:: as any*/)
      },
      "fragmentPathInResult": [],
      "operation": MfaGapsListPaginationQuery_graphql
    }
  },
  "name": "MfaGapsList_query",
  "selections": [
    {
      "alias": "userRegistrationDetails",
      "args": [
        {
          "kind": "Literal",
          "name": "filter",
          "value": {
            "isMfaRegistered": false
          }
        }
      ],
      "concreteType": "UserRegistrationDetailsConnection",
      "kind": "LinkedField",
      "name": "__MfaGapsList_userRegistrationDetails_connection",
      "plural": false,
      "selections": [
        {
          "alias": null,
          "args": null,
          "concreteType": "UserRegistrationDetailsEdge",
          "kind": "LinkedField",
          "name": "edges",
          "plural": true,
          "selections": [
            {
              "alias": null,
              "args": null,
              "concreteType": "UserRegistrationDetails",
              "kind": "LinkedField",
              "name": "node",
              "plural": false,
              "selections": [
                {
                  "alias": null,
                  "args": null,
                  "kind": "ScalarField",
                  "name": "id",
                  "storageKey": null
                },
                {
                  "alias": null,
                  "args": null,
                  "kind": "ScalarField",
                  "name": "userPrincipalName",
                  "storageKey": null
                },
                {
                  "alias": null,
                  "args": null,
                  "kind": "ScalarField",
                  "name": "methodsRegistered",
                  "storageKey": null
                },
                {
                  "alias": null,
                  "args": null,
                  "kind": "ScalarField",
                  "name": "__typename",
                  "storageKey": null
                }
              ],
              "storageKey": null
            },
            {
              "alias": null,
              "args": null,
              "kind": "ScalarField",
              "name": "cursor",
              "storageKey": null
            }
          ],
          "storageKey": null
        },
        {
          "alias": null,
          "args": null,
          "concreteType": "PageInfo",
          "kind": "LinkedField",
          "name": "pageInfo",
          "plural": false,
          "selections": [
            {
              "alias": null,
              "args": null,
              "kind": "ScalarField",
              "name": "endCursor",
              "storageKey": null
            },
            {
              "alias": null,
              "args": null,
              "kind": "ScalarField",
              "name": "hasNextPage",
              "storageKey": null
            }
          ],
          "storageKey": null
        }
      ],
      "storageKey": "__MfaGapsList_userRegistrationDetails_connection(filter:{\"isMfaRegistered\":false})"
    }
  ],
  "type": "Query",
  "abstractKey": null
};
})();

(node as any).hash = "d770972fa8d78d8ce888b0a2f163bd53";

export default node;
