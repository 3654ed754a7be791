import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { Config } from '../config/Config';
import { maxRootFieldsRule } from './maxRootFieldsRule';

/**
 * Validation rules bounding what one operation may ask of upstream; all answer
 * GRAPHQL_VALIDATION_FAILED before any resolver runs. Token count is bounded by the parser itself,
 * and the upstream cost, which needs variable values, by `upstreamCostPlugin`.
 */
export function operationLimits(config: Config): ValidationRule[] {
  const { maxDepth, maxAliases, maxRootFields } = config.gateway;
  // Armor throws by default, which Apollo treats as a crash; reporting makes it a validation error.
  const report = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] };
  return [
    maxDepthRule({ n: maxDepth, ignoreIntrospection: true, flattenFragments: true, exposeLimits: true, ...report }) as unknown as ValidationRule,
    maxAliasesRule({ n: maxAliases, exposeLimits: true, ...report }) as unknown as ValidationRule,
    maxRootFieldsRule(maxRootFields),
  ];
}
