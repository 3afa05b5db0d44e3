/**
 * JSON schemas of the `veil serve` routes. Fastify validates request bodies and query strings with them (Ajv, no type
 * coercion) and serializes answers with them; @fastify/swagger builds the OpenAPI document from the same objects.
 */

export const errorSchema = {
  type: 'object',
  description: 'An error; the message never quotes the request.',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          type: 'string',
          description: 'INVALID_REQUEST, INVALID_JSON, INVALID_INPUT, UNAUTHORIZED, NOT_FOUND, BODY_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, STORE_UNAVAILABLE, STORE_ERROR, INTERNAL',
        },
        message: { type: 'string' },
      },
    },
  },
} as const;

const errors = { '4xx': errorSchema, '5xx': errorSchema };
const security: Array<Record<string, string[]>> = [{ bearer: [] }, { apiKey: [] }];

const scope = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, description: 'The session (conversation) the mapping belongs to.' });
const text = (description: string) => ({ type: 'string', description });

const scanners = { type: 'object', additionalProperties: { type: 'number' }, description: 'Scanner name to risk score (-1: not applicable).' };

const readiness = {
  type: 'object',
  required: ['status', 'checks'],
  properties: {
    status: { type: 'string', enum: ['ready', 'not ready'] },
    checks: { type: 'object', additionalProperties: { type: 'string' }, description: 'model, store (and server while shutting down).' },
  },
};

export function routeSchemas(maxScope: number) {
  return {
    anonymize: {
      summary: 'Replace personal data in a prompt with placeholders, kept in the tenant\'s vault under the scope.',
      tags: ['v1'],
      security,
      body: { type: 'object', required: ['prompt', 'scope'], properties: { prompt: text('The prompt to sanitize.'), scope: scope(maxScope) } },
      response: {
        200: {
          type: 'object',
          required: ['sanitized_prompt', 'is_valid', 'risk_score', 'entities'],
          properties: {
            sanitized_prompt: { type: 'string' },
            is_valid: { type: 'boolean' },
            risk_score: { type: 'number' },
            entities: {
              type: 'array',
              items: {
                type: 'object',
                required: ['type', 'start', 'end', 'score', 'placeholder'],
                properties: { type: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' }, score: { type: 'number' }, placeholder: { type: 'string' } },
              },
            },
          },
        },
        ...errors,
      },
    },
    deanonymize: {
      summary: 'Restore the values behind the placeholders in a model answer.',
      tags: ['v1'],
      security,
      body: { type: 'object', required: ['output', 'scope'], properties: { output: text('The model answer.'), scope: scope(maxScope) } },
      response: {
        200: {
          type: 'object',
          required: ['restored_output', 'restored', 'unknown_placeholders'],
          properties: { restored_output: { type: 'string' }, restored: { type: 'integer' }, unknown_placeholders: { type: 'array', items: { type: 'string' } } },
        },
        ...errors,
      },
    },
    deanonymizeStream: {
      summary: 'Restore placeholders in a Server-Sent Events stream of model output (OpenAI chunks, Anthropic events or plain text), as it arrives.',
      description:
        'Send the upstream `text/event-stream` body as it comes (CR, LF or CRLF line endings); the answer is the same stream with placeholders restored, also when one is split across events. ' +
        'OpenAI `choices[].delta.content` / `choices[].text` and Anthropic `content_block_delta` text are restored per choice or block; other JSON events pass through; any other `data:` is plain text. ' +
        'Errors found before the stream starts are JSON; later ones end the stream with `event: error` and an error object as data, dropping what was held back.',
      tags: ['v1'],
      security,
      querystring: { type: 'object', required: ['scope'], properties: { scope: scope(maxScope) } },
      response: {
        200: { description: 'The restored event stream.', content: { 'text/event-stream': { schema: { type: 'string' } } } },
        ...errors,
      },
    },
    scanPrompt: {
      summary: 'LLM Guard\'s scan/prompt shape: the Anonymize scanner\'s verdict and the sanitized prompt.',
      tags: ['v1'],
      security,
      body: { type: 'object', required: ['prompt', 'scope'], properties: { prompt: text('The prompt to scan.'), scope: scope(maxScope) } },
      response: {
        200: { type: 'object', required: ['is_valid', 'scanners', 'sanitized_prompt'], properties: { is_valid: { type: 'boolean' }, scanners, sanitized_prompt: { type: 'string' } } },
        ...errors,
      },
    },
    scanOutput: {
      summary: 'LLM Guard\'s scan/output shape: the Deanonymize scanner\'s verdict and the restored output.',
      tags: ['v1'],
      security,
      body: { type: 'object', required: ['prompt', 'output', 'scope'], properties: { prompt: text('The sanitized prompt.'), output: text('The model answer.'), scope: scope(maxScope) } },
      response: {
        200: { type: 'object', required: ['is_valid', 'scanners', 'sanitized_output'], properties: { is_valid: { type: 'boolean' }, scanners, sanitized_output: { type: 'string' } } },
        ...errors,
      },
    },
    healthz: {
      summary: 'Liveness.',
      tags: ['probes'],
      response: { 200: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } } },
    },
    readyz: {
      summary: 'Readiness: model loaded, store reachable, not shutting down (503 otherwise).',
      tags: ['probes'],
      response: {
        200: readiness,
        503: readiness,
      },
    },
    metrics: {
      summary: 'Prometheus metrics (never values or scopes).',
      tags: ['probes'],
      response: { 200: { description: 'Prometheus text format.', content: { 'text/plain': { schema: { type: 'string' } } } } },
    },
    openapi: {
      summary: 'This OpenAPI document.',
      tags: ['probes'],
      response: { 200: { description: 'OpenAPI 3 document.', type: 'object', additionalProperties: true } },
    },
  };
}

