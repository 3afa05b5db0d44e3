/**
 * Model configurations as data: which files make up a model, how its labels map to Veil entity types and how
 * its output is turned into entities. Adding a model is adding an object here or passing one at run time.
 */
import type { TokenTypeMode } from './casing.js';

/** How sub-word predictions become word-level entities (the Hugging Face pipeline strategies). */
export type AggregationStrategy = 'simple' | 'first' | 'max' | 'average';

export interface NerModelConfig {
  /** Name used to select the config and in error messages. */
  name: string;
  /** Hugging Face repository id; the model is looked up in the hub cache under it. */
  repoId?: string;
  /** Local directory in the Hugging Face layout; wins over `repoId`. With neither, the bundled model's files are used. */
  path?: string;
  /** Hub revision (branch, tag or commit); `main` when absent. */
  revision?: string;
  /** ONNX file inside the model directory. */
  onnxFile: string;
  /** Optional int8 variant, preferred when loading with `quantized: true` and present. */
  quantizedOnnxFile?: string;
  /**
   * Model entity label (without the B-/I- prefix) -> Veil entity type; `null` ignores the label.
   * Labels not listed fall back to the common names (PER, ORG, LOC, PERSON, ...) and are otherwise ignored.
   */
  labels: Record<string, string | null>;
  aggregation: AggregationStrategy;
  /** Window length in tokens, special tokens included (at most the model's position limit). */
  maxLength: number;
  /** Tokens shared by two neighbouring windows. */
  stride: number;
  /** Minimum entity score per Veil entity type; `default` for the others. */
  thresholds: Record<string, number> & { default: number };
  /** Windows run together in one inference call. */
  batchSize?: number;
  /**
   * What the graph's `token_type_ids` input carries: `'zeros'` (any hub BERT) or `'case'`, each word's case class
   * (Veil's models over an uncased vocabulary). When absent, the model's config.json decides
   * (`veil.token_type_ids`), and zeros when it says nothing.
   */
  tokenTypes?: TokenTypeMode;
  /**
   * Recall-first decoding (`entity-mass.ts`): a token is an entity when all entity labels together have at least
   * this probability, typed by the likeliest type and scored with that total. Absent: plain argmax.
   */
  entityCut?: number;
}

const CONLL_LABELS: Record<string, string | null> = {
  PER: 'PERSON', PERSON: 'PERSON', ORG: 'ORGANIZATION', ORGANIZATION: 'ORGANIZATION', LOC: 'LOCATION',
  LOCATION: 'LOCATION', MISC: null,
};

/** ai4privacy PII label names, as used by the models LLM Guard ships. Unlisted labels are ignored. */
const AI4PRIVACY_LABELS: Record<string, string | null> = {
  FIRSTNAME: 'PERSON', MIDDLENAME: 'PERSON', LASTNAME: 'PERSON', FULLNAME: 'PERSON', NAME: 'PERSON',
  PREFIX: null, USERNAME: null, PASSWORD: null,
  COMPANYNAME: 'ORGANIZATION', COMPANY_NAME: 'ORGANIZATION',
  STREET: 'LOCATION', STREETADDRESS: 'LOCATION', BUILDINGNUMBER: 'LOCATION', SECONDARYADDRESS: 'LOCATION',
  CITY: 'LOCATION', STATE: 'LOCATION', COUNTY: 'LOCATION', ZIPCODE: 'LOCATION',
  EMAIL: 'EMAIL_ADDRESS', PHONENUMBER: 'PHONE_NUMBER', PHONE_NUMBER: 'PHONE_NUMBER',
  CREDITCARDNUMBER: 'CREDIT_CARD', IBAN: 'IBAN_CODE', SSN: 'US_SSN', URL: 'URL',
  IP: 'IP_ADDRESS', IPV4: 'IP_ADDRESS', IPV6: 'IP_ADDRESS',
  BITCOINADDRESS: 'CRYPTO', ETHEREUMADDRESS: 'CRYPTO', LITECOINADDRESS: 'CRYPTO',
  ACCOUNTNUMBER: 'US_BANK_NUMBER', DATE: 'DATE_TIME', TIME: 'DATE_TIME', DOB: 'DATE_TIME',
};

const CONLL_THRESHOLDS = { default: 0.5, PERSON: 0.5, ORGANIZATION: 0.6, LOCATION: 0.6 };

/** Name of the model that ships inside this package (packages/ner-models/models/veil-ner-small). */
export const BUNDLED_MODEL = 'veil-ner-small';

const BUILT_IN: NerModelConfig[] = [
  {
    name: BUNDLED_MODEL,
    onnxFile: 'onnx/model.onnx',
    quantizedOnnxFile: 'onnx/model_quantized.onnx',
    labels: CONLL_LABELS,
    // Chosen on the five dev splits through the scanner (see MODEL_CARD.md): 'max' with recall-first decoding
    // (entityCut 0.5) and one threshold for all types leaks about half as many characters as 'first' with argmax
    // and per-type thresholds, at the same or better micro F1.
    aggregation: 'max',
    entityCut: 0.5,
    // Trained on sequences of at most 128 tokens: longer windows would feed it positions it never learned.
    maxLength: 128,
    stride: 32,
    thresholds: { default: 0.5 },
    batchSize: 8,
    // tokenTypes is left to the model's config.json (veil.token_type_ids: "case"), so this config also serves
    // models of the same family that read plain token types.
  },
  {
    name: 'dslim/bert-base-NER',
    repoId: 'dslim/bert-base-NER',
    onnxFile: 'onnx/model.onnx',
    labels: CONLL_LABELS,
    aggregation: 'first',
    maxLength: 512,
    stride: 64,
    thresholds: CONLL_THRESHOLDS,
    batchSize: 4,
  },
  {
    name: 'dslim/bert-large-NER',
    repoId: 'dslim/bert-large-NER',
    onnxFile: 'onnx/model.onnx',
    labels: CONLL_LABELS,
    aggregation: 'first',
    maxLength: 512,
    stride: 64,
    thresholds: CONLL_THRESHOLDS,
    batchSize: 2,
  },
  {
    name: 'dslim/distilbert-NER',
    repoId: 'dslim/distilbert-NER',
    onnxFile: 'onnx/model.onnx',
    labels: CONLL_LABELS,
    aggregation: 'first',
    maxLength: 512,
    stride: 64,
    thresholds: CONLL_THRESHOLDS,
    batchSize: 4,
  },
  {
    name: 'Isotonic/deberta-v3-base_finetuned_ai4privacy_v2',
    repoId: 'Isotonic/deberta-v3-base_finetuned_ai4privacy_v2',
    onnxFile: 'onnx/model.onnx',
    labels: AI4PRIVACY_LABELS,
    aggregation: 'average',
    maxLength: 512,
    stride: 64,
    thresholds: { default: 0.5 },
    batchSize: 2,
  },
  {
    name: 'Isotonic/distilbert_finetuned_ai4privacy_v2',
    repoId: 'Isotonic/distilbert_finetuned_ai4privacy_v2',
    onnxFile: 'onnx/model.onnx',
    labels: AI4PRIVACY_LABELS,
    aggregation: 'average',
    maxLength: 512,
    stride: 64,
    thresholds: { default: 0.5 },
    batchSize: 4,
  },
  {
    // Chinese: the BERT pre-tokenizer splits every CJK character into its own word, so entities are character runs.
    name: 'gyr66/bert-base-chinese-finetuned-ner',
    repoId: 'gyr66/bert-base-chinese-finetuned-ner',
    onnxFile: 'onnx/model.onnx',
    labels: { name: 'PERSON', company: 'ORGANIZATION', address: 'LOCATION', government: 'ORGANIZATION',
      organization: 'ORGANIZATION', position: null, book: null, game: null, movie: null, scene: null },
    aggregation: 'simple',
    maxLength: 512,
    stride: 64,
    thresholds: { default: 0.5 },
    batchSize: 4,
  },
];

const registry = new Map<string, NerModelConfig>(BUILT_IN.map((c) => [c.name, c]));

/** Names of all registered configs, built-in and user-added. */
export function modelConfigNames(): string[] {
  return [...registry.keys()];
}

export function getModelConfig(name: string): NerModelConfig | undefined {
  return registry.get(name);
}

/** Adds (or replaces) a named config so it can be selected by name, e.g. `new Anonymize({ ner: 'my-model' })`. */
export function registerModelConfig(config: NerModelConfig): void {
  validateModelConfig(config);
  registry.set(config.name, config);
}

/** Config for a model directory or hub id that has no registered config: CoNLL-style labels, safe windows. */
export function defaultModelConfig(nameOrPath: string, where: { path?: string; repoId?: string }): NerModelConfig {
  return {
    name: nameOrPath,
    ...where,
    onnxFile: 'onnx/model.onnx',
    quantizedOnnxFile: 'onnx/model_quantized.onnx',
    labels: {},
    aggregation: 'first',
    maxLength: 512,
    stride: 64,
    thresholds: { default: 0.5 },
    batchSize: 4,
  };
}

/** Throws a TypeError naming the bad field; configs come from users, so check them before any loading. */
export function validateModelConfig(config: NerModelConfig): void {
  const fail = (what: string): never => {
    throw new TypeError(`NER model config "${String(config?.name)}": ${what}`);
  };
  if (typeof config !== 'object' || config === null) throw new TypeError('NER model config must be an object');
  if (typeof config.name !== 'string' || config.name.length === 0) fail('name must be a non-empty string');
  if (config.path !== undefined && (typeof config.path !== 'string' || config.path.length === 0)) fail('path must be a directory');
  if (config.repoId !== undefined && !/^[\w.-]+(?:\/[\w.-]+)?$/.test(config.repoId)) fail('repoId must look like org/name');
  if (typeof config.onnxFile !== 'string' || config.onnxFile.length === 0) fail('onnxFile must be a file name');
  if (!['simple', 'first', 'max', 'average'].includes(config.aggregation)) {
    fail('aggregation must be simple, first, max or average');
  }
  if (!Number.isInteger(config.maxLength) || config.maxLength < 8) fail('maxLength must be an integer >= 8');
  if (!Number.isInteger(config.stride) || config.stride < 0) fail('stride must be a non-negative integer');
  if (config.stride * 2 > config.maxLength - 4) fail('stride must be at most half of maxLength minus 4');
  if (config.batchSize !== undefined && (!Number.isInteger(config.batchSize) || config.batchSize < 1)) {
    fail('batchSize must be a positive integer');
  }
  if (config.tokenTypes !== undefined && config.tokenTypes !== 'zeros' && config.tokenTypes !== 'case') {
    fail("tokenTypes must be 'zeros' or 'case'");
  }
  if (config.entityCut !== undefined && !(typeof config.entityCut === 'number' && config.entityCut > 0 && config.entityCut <= 1)) {
    fail('entityCut must be a number in (0, 1]');
  }
  if (typeof config.labels !== 'object' || config.labels === null) fail('labels must be an object');
  const thresholds = config.thresholds as Record<string, unknown> | undefined;
  if (typeof thresholds !== 'object' || thresholds === null || typeof thresholds.default !== 'number') {
    fail('thresholds must be an object with a numeric default');
  }
  for (const [type, value] of Object.entries(thresholds ?? {})) {
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) fail(`threshold for ${type} must be in 0..1`);
  }
}
