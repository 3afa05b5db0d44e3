// Loads an exported model directory the way users will (the package's own loader: transformers.js tokenizer +
// onnxruntime-node), checks that the tokenizer encodes exactly like the Python one and that the runtime computes
// the same per-token case classes (token_type_ids) as training did, and runs one prediction.
// Usage: node --conditions=source --import tsx check-model.mjs MODEL_DIR TOKENIZER_CHECK.json [--expect "Text|Entity text|TYPE"]
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { env, AutoTokenizer } from '@huggingface/transformers';
import { loadNerModel, tokenCaseClasses, WordEncoder } from '@veil/ner-models';

const [modelDir, checkFile, flag, expectation] = process.argv.slice(2);
if (!modelDir || !checkFile) {
  console.error('usage: check-model.mjs MODEL_DIR TOKENIZER_CHECK.json [--expect "text|entity|TYPE"]');
  process.exit(2);
}
const absolute = path.resolve(modelDir);
env.allowRemoteModels = false;
env.localModelPath = path.dirname(absolute);
const tokenizer = await AutoTokenizer.from_pretrained(path.basename(absolute));
const encoder = new WordEncoder(tokenizer);

let failures = 0;
for (const { text, ids, types } of JSON.parse(await readFile(checkFile, 'utf8'))) {
  const got = Array.from(tokenizer.encode(text), Number);
  if (JSON.stringify(got) !== JSON.stringify(ids)) {
    failures += 1;
    console.error(`tokenizer mismatch on check sentence ${text.length} chars: python ${ids.length} ids, node ${got.length} ids`);
  }
  if (types) {
    // Python's types frame the text with [CLS] ... [SEP] (class 0); the runtime adds those itself.
    const node = Array.from(tokenCaseClasses(text, encoder.encode(text)));
    if (JSON.stringify(node) !== JSON.stringify(types.slice(1, -1))) {
      failures += 1;
      console.error(`case classes differ on check sentence ${text.length} chars`);
    }
  }
}

const model = await loadNerModel(absolute, { intraOpNumThreads: 2 });
const [text, entity, type] = (flag === '--expect' && expectation ? expectation : 'John Smith works at Acme Corp in London.|John Smith|PERSON').split('|');
const found = await model.predict(text, { thresholds: { default: 0 } });
const entities = found.map((e) => `${e.type}:${text.slice(e.start, e.end)}`);
console.log(`model ${path.basename(absolute)} (token types: ${model.tokenTypes}): ${entities.length} entities in probe sentence: ${entities.join(', ')}`);
// Any word of the expected value inside an entity of the expected type: enough to show the export predicts names
// (a smoke-sized model often splits a name in two); test/bundled-model.test.ts checks the shipped model strictly.
const expectedWords = new Set((entity ?? '').split(/\s+/));
if (flag === '--expect' && !found.some((e) => e.type === type && text.slice(e.start, e.end).split(/\s+/).some((w) => expectedWords.has(w)))) {
  failures += 1;
  console.error(`expected ${type} not found in probe sentence`);
}
process.exit(failures ? 1 : 0);
