import type { EntityType } from '@veil/scanners';

/** Label for what a peer redacts but Veil has no type for (zip codes, passwords...): never scored. */
export const UNSCORED_LABEL = 'PEER_OTHER';

/**
 * Builds marker tokens from private-use code points: no peer pattern matches them (they are neither letters,
 * digits nor whitespace), so chained redactors cannot re-match an earlier replacement.
 */
export function privateUseMarkers<K extends string>(labels: Readonly<Record<K, EntityType>>): {
  tokenOf: Record<K, string>;
  markers: Map<string, EntityType>;
} {
  const tokenOf = {} as Record<K, string>;
  const markers = new Map<string, EntityType>();
  (Object.keys(labels) as K[]).forEach((key, i) => {
    const token = `\uE000${String.fromCharCode(0xe100 + i)}\uE001`;
    tokenOf[key] = token;
    markers.set(token, labels[key]);
  });
  return { tokenOf, markers };
}
