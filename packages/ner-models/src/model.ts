/**
 * A loaded token-classification model: encodes texts word by word, runs windows in padded batches, reads each
 * token's probabilities from its best window, aggregates to whole-word entities and applies the thresholds.
 * Stateless between calls, so one instance serves concurrent requests.
 */
import { aggregateEntities, type NerEntity } from './aggregation.js';
import { tokenCaseClasses, type TokenTypeMode } from './casing.js';
import { foldEntityMass } from './entity-mass.js';
import type { NerModelConfig } from './configs.js';
import { WordEncoder, type EncodedText } from './encoding.js';
import { NerInferenceError } from './errors.js';
import type { ModelLabel } from './labels.js';
import { DEFAULT_SEGMENT_PLAN, planSegments, type SegmentPlan, type TextSegment } from './segments.js';
import { assignTokensToWindows, planWindows, type TokenWindow } from './windows.js';

/** The part of an onnxruntime tensor the runtime reads. */
export interface LogitsTensor {
  readonly data: unknown;
  readonly dims: readonly number[];
}

/** The part of an onnxruntime `InferenceSession` the runtime uses. */
export interface LogitsSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, LogitsTensor>>;
}

/** Builds an int64 input tensor (onnxruntime's `new Tensor('int64', data, dims)`). */
export type Int64TensorFactory = (data: BigInt64Array, dims: readonly number[]) => unknown;

export interface NerModelParts {
  /** Name shown in errors and explanations. */
  id: string;
  config: NerModelConfig;
  encoder: WordEncoder;
  session: LogitsSession;
  labels: readonly ModelLabel[];
  int64Tensor: Int64TensorFactory;
  /** What `token_type_ids` carries: zeros (any hub BERT) or each word's case class (Veil's uncased models). */
  tokenTypes?: TokenTypeMode;
}

export interface PredictOptions {
  /** Override the config's thresholds (per type, `default` for the rest). */
  thresholds?: Record<string, number>;
  /** How long texts are cut for reading (default DEFAULT_SEGMENT_PLAN). */
  segments?: SegmentPlan;
}

interface WindowJob {
  text: number;
  window: number;
  span: TokenWindow;
}

interface TextWork {
  encoded: EncodedText;
  /** Token type id of each token (its word's case class), only for models that read case. */
  types: Uint8Array | undefined;
  windows: TokenWindow[];
  owner: Int32Array;
  probs: Float32Array;
}

/** Characters read per inference round: bounds working memory whatever the length of the texts. */
const GROUP_CHARS = 131_072;

interface Piece {
  text: number;
  segment: TextSegment;
}

const SUPPORTED_INPUTS = new Set(['input_ids', 'attention_mask', 'token_type_ids']);

/** A person or organization is always written with letters; a bare "1." tagged PERSON is a model slip. */
const NAME_TYPES = new Set(['PERSON', 'ORGANIZATION']);
const HAS_LETTER = /\p{L}/u;

export class NerModel {
  readonly id: string;
  readonly config: NerModelConfig;
  readonly labels: readonly ModelLabel[];
  /** Veil entity types this model can return. */
  readonly types: readonly string[];
  private readonly encoder: WordEncoder;
  private readonly session: LogitsSession;
  private readonly int64Tensor: Int64TensorFactory;
  private readonly outputName: string;
  readonly tokenTypes: TokenTypeMode;

  constructor(parts: NerModelParts) {
    this.id = parts.id;
    this.config = parts.config;
    this.labels = parts.labels;
    this.encoder = parts.encoder;
    this.session = parts.session;
    this.int64Tensor = parts.int64Tensor;
    this.tokenTypes = parts.tokenTypes ?? 'zeros';
    if (this.tokenTypes === 'case' && !parts.session.inputNames.includes('token_type_ids')) {
      throw new TypeError('a model that reads case classes needs a token_type_ids input');
    }
    this.types = [...new Set(parts.labels.map((l) => l.type).filter((t): t is string => t !== null))];
    const unknownInput = parts.session.inputNames.find((name) => !SUPPORTED_INPUTS.has(name));
    if (unknownInput !== undefined || !parts.session.inputNames.includes('input_ids')) {
      throw new TypeError('model inputs must be input_ids, attention_mask and optionally token_type_ids');
    }
    this.outputName = parts.session.outputNames.includes('logits') ? 'logits' : parts.session.outputNames[0]!;
  }

  /** Entities in one text, UTF-16 offsets, sorted by position. */
  async predict(text: string, options?: PredictOptions): Promise<NerEntity[]> {
    return (await this.predictBatch([text], options))[0]!;
  }

  /**
   * Entities for several texts; their windows share inference batches. Same results as one by one. Long texts
   * are read segment by segment (see segments.ts), a bounded number of characters at a time.
   */
  async predictBatch(texts: readonly string[], options?: PredictOptions): Promise<NerEntity[][]> {
    if (!Array.isArray(texts) || texts.some((t) => typeof t !== 'string')) {
      throw new TypeError('predict takes a string, predictBatch an array of strings');
    }
    const thresholds = { ...this.config.thresholds, ...options?.thresholds };
    const results: NerEntity[][] = texts.map(() => []);
    let group: Piece[] = [];
    let groupChars = 0;
    const readGroup = async (): Promise<void> => {
      const found = await this.predictPieces(group.map((p) => texts[p.text]!.slice(p.segment.start, p.segment.end)), thresholds);
      group.forEach(({ text, segment }, i) => {
        for (const entity of found[i]!) {
          const start = entity.start + segment.start;
          if (start < segment.coreStart || start >= segment.coreEnd) continue;
          results[text]!.push({ ...entity, start, end: entity.end + segment.start });
        }
      });
      group = [];
      groupChars = 0;
    };
    for (let text = 0; text < texts.length; text++) {
      for (const segment of planSegments(texts[text]!, options?.segments ?? DEFAULT_SEGMENT_PLAN)) {
        group.push({ text, segment });
        groupChars += segment.end - segment.start;
        if (groupChars >= GROUP_CHARS) await readGroup();
      }
    }
    if (group.length > 0) await readGroup();
    return results;
  }

  /** Entities in each of `texts`, read whole, offsets into that text. */
  private async predictPieces(texts: readonly string[], thresholds: Record<string, number>): Promise<NerEntity[][]> {
    const labelCount = this.labels.length;
    const contentLength = this.config.maxLength - this.encoder.prefix.length - this.encoder.suffix.length;
    const work: TextWork[] = texts.map((text) => {
      const encoded = this.encoder.encode(text);
      const windows = planWindows(encoded.ids.length, contentLength, this.config.stride);
      return {
        encoded,
        types: this.tokenTypes === 'case' ? tokenCaseClasses(text, encoded) : undefined,
        windows,
        owner: assignTokensToWindows(encoded.ids.length, windows),
        probs: new Float32Array(encoded.ids.length * labelCount),
      };
    });
    const jobs: WindowJob[] = work.flatMap((w, text) => w.windows.map((span, window) => ({ text, window, span })));
    // Longest first, so each batch pads to nearly its own length.
    jobs.sort((a, b) => (b.span.end - b.span.start) - (a.span.end - a.span.start));
    const batchSize = this.config.batchSize ?? 8;
    for (let i = 0; i < jobs.length; i += batchSize) {
      await this.runBatch(jobs.slice(i, i + batchSize), work);
    }
    return work.map((w, index) => {
      if (this.config.entityCut !== undefined) foldEntityMass(w.probs, this.labels, this.config.entityCut);
      const entities = aggregateEntities(texts[index]!, w.encoded.words, {
        tokenWord: w.encoded.tokenWord, probs: w.probs, labelCount,
      }, this.labels, this.config.aggregation);
      return entities.filter((e) => e.score >= (thresholds[e.type] ?? thresholds.default ?? 0.5)
        && !(NAME_TYPES.has(e.type) && !HAS_LETTER.test(texts[index]!.slice(e.start, e.end))));
    });
  }

  private async runBatch(batch: readonly WindowJob[], work: readonly TextWork[]): Promise<void> {
    const { prefix, suffix, padId } = this.encoder;
    const longest = Math.max(...batch.map((j) => j.span.end - j.span.start));
    const seqLength = prefix.length + longest + suffix.length;
    const ids = new BigInt64Array(batch.length * seqLength).fill(BigInt(padId));
    const mask = new BigInt64Array(batch.length * seqLength);
    const types = new BigInt64Array(batch.length * seqLength);
    batch.forEach((job, row) => {
      const { encoded, types: tokenTypes } = work[job.text]!;
      const sequence = [...prefix, ...encoded.ids.slice(job.span.start, job.span.end), ...suffix];
      for (let k = 0; k < sequence.length; k++) {
        ids[row * seqLength + k] = BigInt(sequence[k]!);
        mask[row * seqLength + k] = 1n;
      }
      if (tokenTypes) {
        // Special tokens and padding keep class 0, as in training.
        for (let t = job.span.start; t < job.span.end; t++) {
          types[row * seqLength + prefix.length + (t - job.span.start)] = BigInt(tokenTypes[t]!);
        }
      }
    });
    const dims = [batch.length, seqLength];
    const feeds: Record<string, unknown> = {};
    for (const name of this.session.inputNames) {
      if (name === 'input_ids') feeds[name] = this.int64Tensor(ids, dims);
      else if (name === 'attention_mask') feeds[name] = this.int64Tensor(mask, dims);
      else feeds[name] = this.int64Tensor(types, dims);
    }
    let output: LogitsTensor | undefined;
    try {
      output = (await this.session.run(feeds))[this.outputName];
    } catch (cause) {
      throw new NerInferenceError(this.id, 'onnxruntime could not run the model', { cause });
    }
    const labelCount = this.labels.length;
    if (!output || !(output.data instanceof Float32Array) || output.dims.length !== 3
      || output.dims[0] !== batch.length || output.dims[1] !== seqLength || output.dims[2] !== labelCount) {
      throw new NerInferenceError(this.id, `expected float logits shaped [${batch.length}, ${seqLength}, ${labelCount}]`);
    }
    const logits = output.data;
    batch.forEach((job, row) => {
      const text = work[job.text]!;
      for (let t = job.span.start; t < job.span.end; t++) {
        if (text.owner[t] !== job.window) continue;
        const from = (row * seqLength + prefix.length + (t - job.span.start)) * labelCount;
        softmaxInto(logits, from, labelCount, text.probs, t * labelCount);
      }
    });
  }
}

function softmaxInto(src: Float32Array, from: number, count: number, dst: Float32Array, to: number): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < count; k++) max = Math.max(max, src[from + k]!);
  let sum = 0;
  for (let k = 0; k < count; k++) {
    const e = Math.exp(src[from + k]! - max);
    dst[to + k] = e;
    sum += e;
  }
  for (let k = 0; k < count; k++) dst[to + k]! /= sum;
}
