/**
 * Words that, right before a bare number, say it is some other kind of reference ("Order 100519455",
 * "Invoice #: 20483746"). Recognizers of formats that need context use them to reject such numbers
 * even when a context word ("account", "routing") appears farther away.
 */
export const OTHER_NUMBER_LABELS: readonly string[] = [
  'order', 'invoice', 'ticket', 'tracking', 'case', 'claim', 'policy', 'member', 'reference', 'ref', 'po', 'sku',
  'serial', 'confirmation', 'booking', 'reservation', 'transaction', 'item', 'part', 'model', 'employee',
];
