// Loads an exported model directory the way the Node runtime will (transformers.js tokenizer + onnxruntime-node),
// checks that the tokenizer encodes exactly like the Python one, and runs one prediction.
// Usage: node check-model.mjs MODEL_DIR TOKENIZER_CHECK.json [--expect "Text|Entity text|TYPE"]
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { env, AutoTokenizer } from '@xenova/transformers';
import ort from 'onnxruntime-node';

const [modelDir, checkFile, flag, expectation] = process.argv.slice(2);
if (!modelDir || !checkFile) {
  console.error('usage: check-model.mjs MODEL_DIR TOKENIZER_CHECK.json [--expect "text|entity|TYPE"]');
  process.exit(2);
}
const absolute = path.resolve(modelDir);
env.allowRemoteModels = false;
env.localModelPath = path.dirname(absolute);
const tokenizer = await AutoTokenizer.from_pretrained(path.basename(absolute));

let failures = 0;
for (const { text, ids } of JSON.parse(await readFile(checkFile, 'utf8'))) {
  const got = Array.from(tokenizer.encode(text), Number);
  if (JSON.stringify(got) !== JSON.stringify(ids)) {
    failures += 1;
    console.error(`tokenizer mismatch on check sentence ${text.length} chars: python ${ids.length} ids, node ${got.length} ids`);
  }
}

const config = JSON.parse(await readFile(path.join(absolute, 'config.json'), 'utf8'));
const onnxFile = path.join(absolute, 'onnx', config.veil?.onnx_file ?? 'model.onnx');
const session = await ort.InferenceSession.create(onnxFile, { intraOpNumThreads: 2 });

const [text, entity, type] = (flag === '--expect' && expectation ? expectation : 'John Smith works at Acme Corp in London.|John Smith|PERSON').split('|');
const ids = Array.from(tokenizer.encode(text), Number);
const tensor = (values) => new ort.Tensor('int64', BigInt64Array.from(values.map(BigInt)), [1, values.length]);
const out = await session.run({ input_ids: tensor(ids), attention_mask: tensor(ids.map(() => 1)), token_type_ids: tensor(ids.map(() => 0)) });
const logits = out.logits;
const labels = Object.keys(config.id2label).length;
if (logits.dims.join() !== [1, ids.length, labels].join()) {
  failures += 1;
  console.error(`unexpected logits shape ${logits.dims}`);
}
const tokens = tokenizer.model.convert_ids_to_tokens(ids);
const tagged = tokens.map((t, i) => {
  const row = Array.from(logits.data.slice(i * labels, (i + 1) * labels));
  return [t, config.id2label[row.indexOf(Math.max(...row))]];
});
const found = [];
for (const [t, label] of tagged) {
  if (t === '[CLS]' || t === '[SEP]') continue;
  const piece = t.startsWith('##') ? t.slice(2) : t;
  const last = found.at(-1);
  // A word piece belongs to its word's entity whatever its own label says (same rule as the Python decoder).
  if (t.startsWith('##') && last && last.open) last.words[last.words.length - 1] += piece;
  else if (label.startsWith('I-') && last && last.open && last.type === label.slice(2)) last.words.push(piece);
  else if (label.startsWith('B-') || label.startsWith('I-')) found.push({ type: label.slice(2), words: [piece], open: true });
  else if (last) last.open = false;
}
const entities = found.map((f) => `${f.type}:${f.words.join(' ')}`);
console.log(`model ${path.basename(absolute)} (${path.basename(onnxFile)}): ${entities.length} entities in probe sentence: ${entities.join(', ')}`);
// Any word of the expected value inside an entity of the expected type: enough to show the export predicts names
// (the tiny fixture model often splits a name in two); test/bundled-model.test.ts checks the shipped model strictly.
const expectedWords = new Set((entity ?? '').split(/\s+/));
if (flag === '--expect' && !found.some((f) => f.type === type && f.words.some((w) => expectedWords.has(w)))) {
  failures += 1;
  console.error(`expected ${type} not found in probe sentence`);
}
process.exit(failures ? 1 : 0);
