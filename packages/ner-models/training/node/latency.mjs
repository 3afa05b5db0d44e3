// Latency of one model on the benchmark's 317-character prompt: tokenize + onnxruntime-node inference + argmax,
// after a warm-up, with 2 intra-op threads. Usage: node latency.mjs MODEL_DIR [runs]
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { env, AutoTokenizer } from '@huggingface/transformers';
import ort from 'onnxruntime-node';

// Same text as PROMPT_317 in benchmarks/src/speed.ts.
const PROMPT =
  'Hi, this is Maria Gonzalez from Brightline Logistics. My card 4111 1111 1111 1111 was charged twice on my ' +
  'last order. Please call me back at (415) 867-2309 or write to maria.gonzalez@brightline.io. I live at ' +
  '1450 Mission Street, San Francisco, and my colleague Daniel Okafor can confirm the delivery. Thank you kindly';

const dir = path.resolve(process.argv[2] ?? '');
const runs = Number(process.argv[3] ?? 300);
env.allowRemoteModels = false;
env.localModelPath = path.dirname(dir);
const t0 = performance.now();
const tokenizer = await AutoTokenizer.from_pretrained(path.basename(dir));
const config = JSON.parse(await readFile(path.join(dir, 'config.json'), 'utf8'));
const file = config.veil?.onnx_file ?? 'model.onnx';
const session = await ort.InferenceSession.create(path.join(dir, 'onnx', file), { intraOpNumThreads: 2, interOpNumThreads: 1 });
const loadMs = performance.now() - t0;

const tensor = (values) => new ort.Tensor('int64', BigInt64Array.from(values.map(BigInt)), [1, values.length]);
async function once() {
  const ids = Array.from(tokenizer.encode(PROMPT), Number);
  const out = await session.run({ input_ids: tensor(ids), attention_mask: tensor(ids.map(() => 1)), token_type_ids: tensor(ids.map(() => 0)) });
  const [, seq, labels] = out.logits.dims;
  const best = new Int32Array(seq);
  for (let i = 0; i < seq; i++) {
    let arg = 0;
    for (let j = 1; j < labels; j++) if (out.logits.data[i * labels + j] > out.logits.data[i * labels + arg]) arg = j;
    best[i] = arg;
  }
  return ids.length;
}
for (let i = 0; i < 20; i++) await once();
const times = [];
let tokens = 0;
for (let i = 0; i < runs; i++) {
  const s = performance.now();
  tokens = await once();
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
console.log(JSON.stringify({ model: path.basename(dir), file, chars: PROMPT.length, tokens, runs, load_ms: Math.round(loadMs),
  p50_ms: Number(q(0.5)), p95_ms: Number(q(0.95)), p99_ms: Number(q(0.99)), mean_ms: Number((times.reduce((a, b) => a + b, 0) / runs).toFixed(2)) }));
