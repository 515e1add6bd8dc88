// The public schema's custom scalars, checked at the router. The supergraph only names them (`scalar Date`), so
// the gateway would pass "tomorrow" on to a subgraph, whose refusal then nulls the whole parent field (a hotel
// page gone for one bad date) and comes back as DOWNSTREAM_SERVICE_ERROR. Here a bad value is refused before
// anything runs, with extensions.code BAD_USER_INPUT, a stable `reason`, and the variable (or argument) at fault:
//   - in variables: every variable whose type holds a Date or DateTime, through lists and input objects;
//   - inline, in the document: every literal where a Date or DateTime is expected (arguments, input object
//     fields, list items, variables' default values), as a validation error.
//
// The rules are the subgraphs' (graphql-java extended scalars), narrowed to the days the product serves:
//   Date      an ISO-8601 calendar day, YYYY-MM-DD, that exists (no 2027-02-29), year 1900 to 9999;
//   DateTime  an RFC 3339 instant with its offset, YYYY-MM-DDTHH:MM:SS[.fraction]Z or ±HH:MM, same years.

import { getNamedType, getNullableType, getOperationAST, GraphQLError, isInputObjectType, isListType, isNonNullType, Kind, typeFromAST } from 'graphql';

const MIN_YEAR = 1900;
const MAX_YEAR = 9999;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2}))$/;

function isLeapYear(year) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysIn(year, month) {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function dayIsReal(year, month, day) {
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** True when `value` is a Date the product accepts. */
export function isValidDate(value) {
  const match = typeof value === 'string' && DATE.exec(value);
  return Boolean(match) && dayIsReal(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** True when `value` is a DateTime the product accepts. */
export function isValidDateTime(value) {
  const match = typeof value === 'string' && DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const [sign, offsetHours, offsetMinutes] = [match[7], Number(match[8]), Number(match[9])];
  if (!dayIsReal(year, month, day) || hour > 23 || minute > 59 || second > 59) return false;
  if (sign === undefined) return true; // Z
  return offsetMinutes <= 59 && (offsetHours < 18 || (offsetHours === 18 && offsetMinutes === 0));
}

/** The checked scalars by name: what a value must be, and the reason code of a refusal. */
export const CHECKED_SCALARS = {
  Date: {
    isValid: isValidDate,
    reason: 'INVALID_DATE',
    expected: `an ISO-8601 calendar day, YYYY-MM-DD, between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31, e.g. 2026-12-24`,
  },
  DateTime: {
    isValid: isValidDateTime,
    reason: 'INVALID_DATE_TIME',
    expected: `an ISO-8601 instant with its offset, YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM), years ${MIN_YEAR} to ${MAX_YEAR}, e.g. 2026-12-24T15:00:00+01:00`,
  },
};

/** The value as the client sent it, cut short: an error message must not echo a megabyte back. */
function shown(value) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function badUserInput(message, extensions, nodes) {
  return new GraphQLError(message, { nodes, extensions: { code: 'BAD_USER_INPUT', ...extensions, http: { status: 400 } } });
}

/**
 * The problems of one variable's value against its declared type: the Date and DateTime values anywhere in
 * it, through lists (a single value where a list is expected counts as a list of one, as GraphQL coerces it)
 * and input objects. Other mistakes (a missing field, a number for a string) are left to GraphQL's own coercion.
 */
function variableProblems(type, value, variable, path, problems) {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) {
    variableProblems(type.ofType, value, variable, path, problems);
  } else if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, i) => variableProblems(type.ofType, item, variable, [...path, i], problems));
    else variableProblems(type.ofType, value, variable, path, problems);
  } else if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return;
    for (const [name, field] of Object.entries(type.getFields())) {
      if (Object.hasOwn(value, name)) variableProblems(field.type, value[name], variable, [...path, name], problems);
    }
  } else if (Object.hasOwn(CHECKED_SCALARS, type.name)) {
    const scalar = CHECKED_SCALARS[type.name];
    if (scalar.isValid(value)) return;
    const at = path.length > 0 ? ` at ${path.join('.')}` : '';
    problems.push(
      badUserInput(`Variable "$${variable}"${at} is not a valid ${type.name}: got ${shown(value)}, expected ${scalar.expected}`, {
        reason: scalar.reason,
        variable,
        ...(path.length > 0 && { field: path.join('.') }),
      }),
    );
  }
}

/** Validation rule: literals in the document where a Date or DateTime is expected. */
function checkedScalarLiteralsRule(context) {
  const check = (node) => {
    // Inside a list value TypeInfo already points at the item type: the list's own place is the parent's.
    const expected = getNullableType(node.kind === Kind.LIST ? context.getParentInputType() : context.getInputType());
    if (!expected || isListType(expected) || !Object.hasOwn(CHECKED_SCALARS, getNamedType(expected).name)) return;
    const scalar = CHECKED_SCALARS[expected.name];
    if (node.kind === Kind.STRING && scalar.isValid(node.value)) return;
    const argument = context.getArgument()?.name;
    const value = node.kind === Kind.STRING ? node.value : (node.value ?? node.kind);
    context.reportError(
      badUserInput(`${argument ? `Argument "${argument}"` : 'A value'} is not a valid ${expected.name}: got ${shown(value)}, expected ${scalar.expected}`, {
        reason: scalar.reason,
        ...(argument && { argument }),
      }, [node]),
    );
  };
  return {
    StringValue: check,
    IntValue: check,
    FloatValue: check,
    BooleanValue: check,
    EnumValue: check,
    ObjectValue: check,
    ListValue: check,
  };
}

/** Gateway plugin: literals at validation, variables just before execution (nothing has run yet either way). */
export function useCheckedScalars() {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(checkedScalarLiteralsRule);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation?.variableDefinitions?.length) return;
      const problems = [];
      for (const definition of operation.variableDefinitions) {
        const type = typeFromAST(args.schema, definition.type);
        const name = definition.variable.name.value;
        if (type && args.variableValues && Object.hasOwn(args.variableValues, name)) {
          variableProblems(type, args.variableValues[name], name, [], problems);
        }
      }
      if (problems.length > 0) setResultAndStopExecution({ errors: problems });
    },
  };
}
