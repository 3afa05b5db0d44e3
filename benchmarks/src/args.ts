import { parseArgs } from 'node:util';

export const PEER_NAMES = ['redact-pii', 'openredaction', '@redactpii/node', 'presidio'] as const;
export type PeerName = (typeof PEER_NAMES)[number];

export interface BenchArgs {
  help: boolean;
  dataset?: string;
  config: string;
  entities?: string[];
  json?: string;
  markdown?: string;
  html?: string;
  compare?: string;
  errors: boolean;
  peers: PeerName[];
  progress: boolean;
  speed: boolean;
  roundTrip: boolean;
  limit?: number;
  ignoreOrigLabels: string[];
}

export const USAGE = `veil-bench: score Veil and its peers on labelled documents, side by side.

Usage: pnpm bench [options]

  --dataset FILE        JSONL or JSONL.gz in the DESIGN.md format (default: the shipped sample transcripts)
  --config NAME         Veil configuration: patterns | compromise | bundled (default) | hub:<repo id> | <model dir>
  --entities T1,T2      types to score (default: the types both the dataset and Veil know)
  --json OUT.json       write the DESIGN.md JSON summary for the Veil configuration
  --markdown OUT.md     write the report as Markdown
  --html OUT.html       write a self-contained HTML page: run metadata, per-type bars, a log-scale latency chart,
                        the confusion table and the missed and spurious spans highlighted in context
  --compare BASE.json   print the change of each metric against a previous --json output (also in --markdown/--html)
  --errors              list, per document, the spans Veil missed and the ones it flagged wrongly
  --peers a,b           peers to run: ${PEER_NAMES.join(', ')} (default: all; Presidio only when installed)
  --no-peers            run Veil alone
  --ignore-orig-labels L,M   leave gold spans with these orig_label values unscored (e.g. gpe for GMB)
  --limit N             score only the first N documents
  --no-speed            skip the speed section
  --no-roundtrip        skip the round trip through the stand-in model
  --progress            show the progress bar even when stderr is not a terminal
  --help                this text

Exit codes: 0 done, 1 the run failed (dataset, model or peer error), 2 usage error.
`;

export class UsageError extends Error {
  override name = 'UsageError';
}

const list = (value: string | undefined) =>
  value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter((s) => s !== '');

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        dataset: { type: 'string' },
        config: { type: 'string' },
        entities: { type: 'string' },
        json: { type: 'string' },
        markdown: { type: 'string' },
        html: { type: 'string' },
        compare: { type: 'string' },
        errors: { type: 'boolean' },
        peers: { type: 'string' },
        'no-peers': { type: 'boolean' },
        'ignore-orig-labels': { type: 'string' },
        limit: { type: 'string' },
        'no-speed': { type: 'boolean' },
        'no-roundtrip': { type: 'boolean' },
        progress: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const peers = values['no-peers'] ? [] : (list(values.peers) ?? [...PEER_NAMES]);
  for (const p of peers) {
    if (!(PEER_NAMES as readonly string[]).includes(p)) throw new UsageError(`unknown peer "${p}"; expected ${PEER_NAMES.join(', ')}`);
  }
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isSafeInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive integer');
  }
  const entities = list(values.entities);
  if (entities !== undefined && entities.length === 0) throw new UsageError('--entities needs at least one type');
  return {
    help: values.help ?? false,
    dataset: values.dataset,
    config: values.config ?? 'bundled',
    entities: entities?.map((e) => e.toUpperCase()),
    json: values.json,
    markdown: values.markdown,
    html: values.html,
    compare: values.compare,
    errors: values.errors ?? false,
    peers: peers as PeerName[],
    progress: values.progress ?? false,
    speed: !values['no-speed'],
    roundTrip: !values['no-roundtrip'],
    limit,
    ignoreOrigLabels: list(values['ignore-orig-labels']) ?? [],
  };
}
