/**
 * Writes a tiny model directory in the Hugging Face layout for tests: a real WordPiece tokenizer.json and a real
 * ONNX graph (inputs input_ids / attention_mask / token_type_ids, output logits) whose logits are a per-token
 * lookup table. Each token's label is therefore known in advance, which lets tests assert exact entities,
 * offsets and window behaviour through the full runtime (tokenizer, onnxruntime, windows, aggregation).
 * The ONNX protobuf is written by hand (a dozen fields) so no Python or third-party weights are needed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;
type Label = (typeof LABELS)[number];

/** Vocabulary: token -> [label, logit strength]. Strength 4 gives p≈0.90, 1 gives p≈0.31. */
export const VOCAB: Record<string, [Label, number]> = {
  '[PAD]': ['O', 4], '[UNK]': ['O', 4], '[CLS]': ['O', 4], '[SEP]': ['O', 4],
  the: ['O', 4], and: ['O', 4], met: ['O', 4], in: ['O', 4], at: ['O', 4], works: ['O', 4], for: ['O', 4],
  of: ['O', 4], 'is': ['O', 4], a: ['O', 4], word: ['O', 4], '.': ['O', 4], ',': ['O', 4], '-': ['O', 4],
  "'": ['O', 4], '(': ['O', 4], ')': ['O', 4], '!': ['O', 4], 'x': ['O', 4],
  Samuel: ['B-PER', 4], L: ['I-PER', 4], Jackson: ['I-PER', 4], John: ['B-PER', 4], Smith: ['I-PER', 4],
  JOHN: ['B-PER', 4], SMITH: ['I-PER', 4], Ann: ['B-PER', 4], '##e': ['I-PER', 4], Zoë: ['B-PER', 4],
  Mary: ['B-PER', 4], Jane: ['B-PER', 4], Faint: ['B-PER', 1],
  // A model slip: a list number tagged as a person.
  '1': ['B-PER', 4],
  Acme: ['B-ORG', 4], Corp: ['I-ORG', 4], Globex: ['B-ORG', 4],
  Wash: ['B-LOC', 4], '##ington': ['I-LOC', 4], Paris: ['B-LOC', 4], Berlin: ['B-LOC', 4],
  // "Zedex" splits into Zed (ORG, sure) + ##ex (PER, unsure): aggregation strategies disagree on it.
  Zed: ['B-ORG', 4], '##ex': ['I-PER', 2.5],
  // "Qua" + "##rk": first token weak O, second strong LOC.
  Qua: ['O', 1.5], '##rk': ['I-LOC', 5],
  '北': ['B-LOC', 4], '京': ['I-LOC', 4], '在': ['O', 4], '我': ['O', 4],
};

export const TOKENS = Object.keys(VOCAB);

export function writeLookupModel(dir: string, options: { bPersonLabel?: string } = {}): string {
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  const id2label = Object.fromEntries(LABELS.map((l, i) => [String(i), l === 'B-PER' && options.bPersonLabel ? options.bPersonLabel : l]));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ model_type: 'bert', id2label }));
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson()));
  writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify({
    tokenizer_class: 'BertTokenizer', do_lower_case: false, model_max_length: 512,
    cls_token: '[CLS]', sep_token: '[SEP]', pad_token: '[PAD]', unk_token: '[UNK]',
  }));
  writeFileSync(join(dir, 'onnx', 'model.onnx'), lookupOnnx());
  return dir;
}

function tokenizerJson(): unknown {
  const vocab = Object.fromEntries(TOKENS.map((t, i) => [t, i]));
  const special = (content: string) => ({
    id: vocab[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
  });
  return {
    version: '1.0', truncation: null, padding: null,
    added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]'].map(special),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: false },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } }],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [vocab['[CLS]']], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [vocab['[SEP]']], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };
}

// --- minimal protobuf writer -------------------------------------------------------------------------------
type Field = Uint8Array;

function varint(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v > 127) {
    out.push((v % 128) | 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}
const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const intField = (field: number, value: number): Field => new Uint8Array([...varint(field * 8), ...varint(value)]);
const bytesField = (field: number, bytes: Uint8Array): Field =>
  concat([new Uint8Array([...varint(field * 8 + 2), ...varint(bytes.length)]), bytes]);
const strField = (field: number, s: string): Field => bytesField(field, new TextEncoder().encode(s));
const msg = (field: number, ...parts: Field[]): Field => bytesField(field, concat(parts));

const FLOAT = 1;
const INT64 = 7;

function valueInfo(field: number, name: string, elemType: number, dims: (number | string)[]): Field {
  const dimFields = dims.map((d) => msg(1, typeof d === 'number' ? intField(1, d) : strField(2, d)));
  return msg(field, strField(1, name), msg(2, msg(1, intField(1, elemType), msg(2, ...dimFields))));
}

function lookupOnnx(): Uint8Array {
  const labelCount = LABELS.length;
  const table = new Float32Array(TOKENS.length * labelCount);
  TOKENS.forEach((token, row) => {
    const [label, strength] = VOCAB[token]!;
    table[row * labelCount + LABELS.indexOf(label)] = strength;
  });
  const initializer = msg(5,
    intField(1, TOKENS.length), intField(1, labelCount), intField(2, FLOAT), strField(8, 'table'),
    bytesField(9, new Uint8Array(table.buffer)));
  const gather = msg(1, strField(1, 'table'), strField(1, 'input_ids'), strField(2, 'logits'), strField(3, 'lookup'), strField(4, 'Gather'));
  const graph = msg(7,
    gather,
    strField(2, 'lookup-ner'),
    initializer,
    valueInfo(11, 'input_ids', INT64, ['batch', 'sequence']),
    valueInfo(11, 'attention_mask', INT64, ['batch', 'sequence']),
    valueInfo(11, 'token_type_ids', INT64, ['batch', 'sequence']),
    valueInfo(12, 'logits', FLOAT, ['batch', 'sequence', labelCount]));
  return concat([intField(1, 8), graph, msg(8, strField(1, ''), intField(2, 13))]);
}
