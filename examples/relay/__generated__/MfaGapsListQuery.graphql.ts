/**
 * @generated SignedSource<<385a1034ec80470de22f88656aff6e0b>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
import { FragmentRefs } from "relay-runtime";
export type MfaGapsListQuery$variables = Record<PropertyKey, never>;
export type MfaGapsListQuery$data = {
  readonly " $fragmentSpreads": FragmentRefs<"MfaGapsList_query">;
};
export type MfaGapsListQuery = {
  response: MfaGapsListQuery$data;
  variables: MfaGapsListQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "kind": "Literal",
    "name": "filter",
    "value": {
      "isMfaRegistered": false
    }
  },
  {
    "kind": "Literal",
    "name": "first",
    "value": 10
  }
];
return {
  "fragment": {
    "argumentDefinitions": [],
    "kind": "Fragment",
    "metadata": null,
    "name": "MfaGapsListQuery",
    "selections": [
      {
        "args": null,
        "kind": "FragmentSpread",
        "name": "MfaGapsList_query"
      }
    ],
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [],
    "kind": "Operation",
    "name": "MfaGapsListQuery",
    "selections": [
      {
        "alias": null,
        "args": (v0/*:: as any*/),
        "concreteType": "UserRegistrationDetailsConnection",
        "kind": "LinkedField",
        "name": "userRegistrationDetails",
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
        "storageKey": "userRegistrationDetails(filter:{\"isMfaRegistered\":false},first:10)"
      },
      {
        "alias": null,
        "args": (v0/*:: as any*/),
        "filters": [
          "filter"
        ],
        "handle": "connection",
        "key": "MfaGapsList_userRegistrationDetails",
        "kind": "LinkedHandle",
        "name": "userRegistrationDetails"
      }
    ]
  },
  "params": {
    "cacheID": "33a55ea73a830be36a152c40581db3ff",
    "id": null,
    "metadata": {},
    "name": "MfaGapsListQuery",
    "operationKind": "query",
    "text": "query MfaGapsListQuery {\n  ...MfaGapsList_query\n}\n\nfragment MfaGapsList_query on Query {\n  userRegistrationDetails(first: 10, filter: {isMfaRegistered: false}) {\n    edges {\n      node {\n        id\n        userPrincipalName\n        methodsRegistered\n        __typename\n      }\n      cursor\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "7ed5a58024b505a75e5f20bd5d1f6c6d";

export default node;
