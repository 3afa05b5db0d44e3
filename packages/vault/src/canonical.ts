/**
 * Characters Unicode says render as nothing (zero-width space/joiners, word joiner, BOM, soft hyphen,
 * bidi controls, variation selectors, tag characters). Copy-paste and some editors slip them into values;
 * they must not make one value look like two. A plain class under the `u` flag: linear to search.
 */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * Types whose values are their own identity, spelling for spelling. `PLACEHOLDER` is text a user wrote that looks
 * like a placeholder (the scanners record it as data so it comes back exactly as written): two spellings of it are
 * two pieces of text, whatever they would read as.
 */
const EXACT_TYPES: ReadonlySet<string> = new Set(['PLACEHOLDER']);

/**
 * The form of a value that decides its identity in a vault scope: two spellings with the same canonical
 * form get one placeholder. It is only ever compared, never stored or shown: the vault keeps the first
 * spelling it was given, so a single spelling comes back exactly as written.
 *
 * - invisible characters are removed (before NFKC, so a combining mark split off by one still composes);
 * - NFKC folds compatibility forms: full-width `ｊｏｈｎ` and `john`, a no-break space and a space, `ﬁ` and `fi`;
 * - e-mail addresses are also lower-cased: mail systems treat `Ann.Lee@Example.com` and `ann.lee@example.com` as
 *   one mailbox in practice, and a model shown two placeholders for them would take them for two people. Other
 *   types keep their case: `MAY` the month and `May` the name, or two codes differing in case, are not the same.
 *
 * A value made only of invisible characters keeps its own spelling as its key, so such values never merge; nor do
 * two spellings of a value of an exact type (`PLACEHOLDER`).
 */
export function canonicalValue(type: string, value: string): string {
  if (EXACT_TYPES.has(type)) return value;
  let key = value.replace(IGNORABLE, '').normalize('NFKC').replace(IGNORABLE, '');
  if (type === 'EMAIL_ADDRESS') key = key.toLowerCase();
  key = key.trim();
  return key === '' ? value : key;
}

/** The identity of an entry within a scope: its type and its value's canonical form. */
export function identityOf(type: string, value: string): string {
  return `${type}\u0000${canonicalValue(type, value)}`;
}
