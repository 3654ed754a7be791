import type { PropertySpec, ReportSpec } from '../reports/ReportSpec';
import { describeGiven } from './describeGiven';
import type { FilterExpression, FilterValue } from './FilterExpression';
import { normalizeDateTime } from './normalizeDateTime';
import { ODataCompileError } from './ODataCompileError';
import { quoteString } from './quoteString';

type Condition = Extract<FilterExpression, { kind: 'compare' | 'startsWith' | 'any' }>;

/** OData text for one property condition, after checking it against the report's whitelist. */
export function compileCondition(spec: ReportSpec, condition: Condition): string {
  const { property } = condition;
  const propertySpec = Object.hasOwn(spec.filterable, property) ? spec.filterable[property] : undefined;
  if (!propertySpec) {
    const accepted = Object.keys(spec.filterable).join(', ') || 'no properties';
    throw new ODataCompileError(
      property,
      `\`$filter\` on ${spec.name} accepts ${accepted}, but got: ${describeGiven(property)}`,
    );
  }
  const operator = condition.kind === 'compare' ? condition.op : condition.kind;
  const operators = operatorsOf(propertySpec);
  if (!operators.includes(operator)) {
    throw new ODataCompileError(
      property,
      `\`${property}\` accepts the operator${operators.length > 1 ? 's' : ''} ${operators.join(', ')}, but got: ${describeGiven(operator)}`,
    );
  }
  switch (condition.kind) {
    case 'startsWith':
      return `startswith(${property},${quoteString(property, condition.value)})`;
    case 'compare':
      return `${property} ${condition.op} ${literal(property, propertySpec, condition.value)}`;
    case 'any': {
      if (!Array.isArray(condition.values) || condition.values.length === 0) {
        throw new ODataCompileError(
          property,
          `\`${property}\` accepts \`any\` with at least one value, but got: ${describeGiven(condition.values)} with none`,
        );
      }
      const terms = condition.values.map((value) => `t eq ${literal(property, propertySpec, value)}`);
      return `${property}/any(t:${terms.join(' or ')})`;
    }
  }
}

function operatorsOf(propertySpec: PropertySpec): readonly string[] {
  switch (propertySpec.type) {
    case 'string':
    case 'dateTime':
      return propertySpec.operators;
    case 'boolean':
    case 'enum':
      return ['eq'];
    case 'enumCollection':
    case 'stringCollection':
      return ['any'];
  }
}

/** The literal for one value; a collection's elements are checked as its element type. */
function literal(property: string, propertySpec: PropertySpec, value: FilterValue): string {
  const expected = valueKindOf(propertySpec);
  if (value?.kind !== expected) {
    throw new ODataCompileError(
      property,
      `\`${property}\` accepts a value of kind ${expected}, but got: ${describeGiven(value?.kind ?? value)}`,
    );
  }
  switch (value.kind) {
    case 'boolean':
      if (value.value === true) return 'true';
      if (value.value === false) return 'false';
      throw new ODataCompileError(
        property,
        `\`${property}\` accepts true or false, but got: ${describeGiven((value as { value: unknown }).value)}`,
      );
    case 'dateTime':
      return normalizeDateTime(property, value.value);
    case 'string':
      return quoteString(property, value.value);
    case 'enum': {
      const members = (propertySpec as { readonly members: readonly string[] }).members;
      if (!members.includes(value.value)) {
        throw new ODataCompileError(
          property,
          `\`${property}\` accepts one of ${members.join(', ')}, but got: ${describeGiven(value.value)}`,
        );
      }
      return quoteString(property, value.value);
    }
  }
}

function valueKindOf(propertySpec: PropertySpec): FilterValue['kind'] {
  switch (propertySpec.type) {
    case 'string':
    case 'stringCollection':
      return 'string';
    case 'enum':
    case 'enumCollection':
      return 'enum';
    case 'boolean':
      return 'boolean';
    case 'dateTime':
      return 'dateTime';
  }
}
