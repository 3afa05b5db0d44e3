/**
 * Index of the first item of `sorted` for which `isBefore` is false, where `isBefore` holds for a prefix of the
 * array (binary search, O(log n)). The span helpers use it to find neighbours among findings sorted by offset.
 */
export function partitionPoint<T>(sorted: readonly T[], isBefore: (item: T) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(sorted[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
