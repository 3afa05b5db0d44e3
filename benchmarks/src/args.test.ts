import { describe, expect, it } from 'vitest';
import { PEER_NAMES, UsageError, parseBenchArgs } from './args.js';

describe('parseBenchArgs', () => {
  it('defaults to the bundled config, all peers, speed and round trip', () => {
    const a = parseBenchArgs([]);
    expect(a).toMatchObject({ config: 'bundled', errors: false, speed: true, roundTrip: true, help: false });
    expect(a.peers).toEqual([...PEER_NAMES]);
  });

  it('reads every option', () => {
    const a = parseBenchArgs([
      '--dataset', 'd.jsonl.gz', '--config', 'patterns', '--entities', 'person, email_address', '--json', 'o.json',
      '--markdown', 'o.md', '--html', 'o.html', '--compare', 'base.json', '--errors', '--peers', 'redact-pii,presidio', '--limit', '5',
      '--ignore-orig-labels', 'gpe', '--no-speed', '--no-roundtrip', '--progress',
    ]);
    expect(a).toMatchObject({
      dataset: 'd.jsonl.gz', config: 'patterns', entities: ['PERSON', 'EMAIL_ADDRESS'], json: 'o.json',
      markdown: 'o.md', html: 'o.html', compare: 'base.json', errors: true, peers: ['redact-pii', 'presidio'], limit: 5,
      ignoreOrigLabels: ['gpe'], speed: false, roundTrip: false, progress: true,
    });
    expect(parseBenchArgs(['--no-peers']).peers).toEqual([]);
  });

  it('rejects unknown options, peers and bad numbers as usage errors', () => {
    expect(() => parseBenchArgs(['--bogus'])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--peers', 'nope'])).toThrow(/unknown peer/);
    expect(() => parseBenchArgs(['--limit', '0'])).toThrow(/positive integer/);
    expect(() => parseBenchArgs(['--entities', ','])).toThrow(UsageError);
  });
});
