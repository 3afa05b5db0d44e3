/**
 * Recognizer backed by an ONNX token-classification model from @veil/ner-models. The model is loaded on the
 * first `ready()` or `analyze()` and shared with every other recognizer using the same model (the loader keeps
 * one instance per process). Any loading or inference failure becomes a RecognizerError: the scan fails closed.
 */
import { loadNerModel, NerModelError, resolveModelConfig } from '@veil/ner-models';
import type { LoadOptions, ModelSpec, NerModel } from '@veil/ner-models';
import { ConfigurationError, InvalidInputError, RecognizerError } from '../errors.js';
import type { EntityType, Finding, Recognizer } from '../types.js';
import { checkRefineSkip, refineNameFindings } from './refine/index.js';
import type { RefineRuleName } from './refine/index.js';

const NER_TYPES: EntityType[] = ['PERSON', 'ORGANIZATION', 'LOCATION'];

export interface ModelRecognizerOptions {
  /** Where and how the model is loaded (hub cache, remote download, threads, quantized file). */
  load?: LoadOptions;
  /** Per-type minimum scores, overriding the model config's thresholds. */
  thresholds?: Record<string, number>;
  /**
   * Post-process the model's PERSON / LOCATION / ORGANIZATION spans (default true): trim punctuation, join
   * pieces of one name, retype places and organisations, assemble postal addresses into one LOCATION. See
   * `refine/index.ts`. `{ skip: new Set(['known-places']) }`
   * refines with those rules switched off (names in `REFINE_RULES`; for measuring rules, an unknown name is a
   * ConfigurationError); `{}` is the same as true.
   */
  refine?: boolean | { skip?: ReadonlySet<RefineRuleName> };
}

export class ModelRecognizer implements Recognizer {
  readonly name: string;
  readonly types: EntityType[];
  private readonly spec: ModelSpec;
  private readonly options: ModelRecognizerOptions;
  private model: Promise<NerModel> | undefined;
  private readonly refineSkip: ReadonlySet<RefineRuleName>;

  constructor(spec: ModelSpec, options: ModelRecognizerOptions = {}) {
    let config;
    try {
      config = resolveModelConfig(spec);
    } catch (error) {
      throw new ConfigurationError(`invalid NER model: ${error instanceof Error ? error.message : 'unknown'}`);
    }
    this.spec = config;
    this.options = options;
    const refine = options.refine;
    this.refineSkip = typeof refine === 'object' && refine !== null ? checkRefineSkip(refine.skip) : new Set();
    this.name = `ner:${config.name}`;
    const mapped = Object.values(config.labels).filter((t): t is string => typeof t === 'string');
    this.types = [...new Set<EntityType>([...NER_TYPES, ...mapped])];
  }

  async ready(): Promise<void> {
    await this.loaded();
  }

  async analyze(text: string): Promise<Finding[]> {
    if (typeof text !== 'string') throw new InvalidInputError('text must be a string');
    if (text.length === 0) return [];
    const model = await this.loaded();
    let entities;
    try {
      entities = await model.predict(text, { thresholds: this.options.thresholds });
    } catch (error) {
      throw this.wrap(error);
    }
    // One explanation per label, shared: a long document has a finding every few words, and explanations are
    // never changed in place (refinement copies them).
    const explanations = new Map<string, string[]>();
    const explain = (label: string): string[] => {
      let explanation = explanations.get(label);
      if (!explanation) {
        explanation = [`model ${model.id}`, `label ${label}`, `aggregation ${model.config.aggregation}`];
        explanations.set(label, explanation);
      }
      return explanation;
    };
    const findings = entities.map((e) => ({
      type: e.type,
      start: e.start,
      end: e.end,
      text: text.slice(e.start, e.end),
      score: e.score,
      recognizer: this.name,
      explanation: explain(e.label),
    }));
    // Refinement lives here, not in Anonymize: it corrects how any token-classification model's spans line up
    // with words, so every user of a ModelRecognizer (Anonymize, the CLI, the benchmark, direct callers) gets
    // the same spans, and Anonymize's overlap resolution against the pattern recognizers sees whole values.
    // The compromise tier and custom recognizers produce word-aligned spans and are left alone.
    return this.options.refine === false ? findings : refineNameFindings(text, findings, this.name, { skip: this.refineSkip });
  }

  private loaded(): Promise<NerModel> {
    if (!this.model) {
      this.model = loadNerModel(this.spec, this.options.load).catch((error: unknown) => {
        // Not cached: a later call retries, e.g. once the model has been provided.
        this.model = undefined;
        throw this.wrap(error);
      });
    }
    return this.model;
  }

  private wrap(error: unknown): RecognizerError {
    if (error instanceof RecognizerError) return error;
    // NerModelError messages name the model and paths only; anything else is named, not quoted.
    const message = error instanceof NerModelError ? error.message : `${error instanceof Error ? error.name : typeof error} while running the model`;
    return new RecognizerError(this.name, message, { cause: error });
  }
}
