import { AS_IS, JSON_VALUE, PLAIN, TEXT, array, either, lazy, map, object } from './field-walk.js';
import type { FieldRule } from './field-walk.js';

/**
 * JSON Schema (tool parameters, response formats), as the model reads it: descriptions, titles and
 * comments are free text; `default`, `examples`, `enum` and `const` are values the model may copy, so
 * their strings are anonymized too (the answer is restored, so an enum value comes back as written).
 * Property names, `required`, `type`, `format`, `$ref` and `pattern` are structure or code and are sent
 * as written: a placeholder inside a regular expression would change what it matches.
 */
export const JSON_SCHEMA: FieldRule = lazy(() => SCHEMA);

const schemas = array(JSON_SCHEMA);
const schemaMap = map(JSON_SCHEMA);

const SCHEMA: FieldRule = object({
  description: TEXT,
  title: TEXT,
  $comment: TEXT,
  default: JSON_VALUE,
  examples: JSON_VALUE,
  enum: JSON_VALUE,
  const: JSON_VALUE,
  type: either({ string: AS_IS, array: array(AS_IS) }),
  format: AS_IS,
  pattern: AS_IS,
  $ref: AS_IS,
  $id: AS_IS,
  $schema: AS_IS,
  $anchor: AS_IS,
  $dynamicRef: AS_IS,
  $dynamicAnchor: AS_IS,
  contentMediaType: AS_IS,
  contentEncoding: AS_IS,
  required: array(AS_IS),
  dependentRequired: map(array(AS_IS)),
  properties: schemaMap,
  patternProperties: schemaMap,
  dependentSchemas: schemaMap,
  $defs: schemaMap,
  definitions: schemaMap,
  items: either({ object: JSON_SCHEMA, array: schemas }),
  additionalItems: JSON_SCHEMA,
  additionalProperties: JSON_SCHEMA,
  unevaluatedItems: JSON_SCHEMA,
  unevaluatedProperties: JSON_SCHEMA,
  propertyNames: JSON_SCHEMA,
  contains: JSON_SCHEMA,
  not: JSON_SCHEMA,
  if: JSON_SCHEMA,
  then: JSON_SCHEMA,
  else: JSON_SCHEMA,
  anyOf: schemas,
  oneOf: schemas,
  allOf: schemas,
  prefixItems: schemas,
  minimum: PLAIN,
  maximum: PLAIN,
  exclusiveMinimum: PLAIN,
  exclusiveMaximum: PLAIN,
  multipleOf: PLAIN,
  minLength: PLAIN,
  maxLength: PLAIN,
  minItems: PLAIN,
  maxItems: PLAIN,
  uniqueItems: PLAIN,
  minProperties: PLAIN,
  maxProperties: PLAIN,
  minContains: PLAIN,
  maxContains: PLAIN,
  nullable: PLAIN,
  readOnly: PLAIN,
  writeOnly: PLAIN,
  deprecated: PLAIN,
});
