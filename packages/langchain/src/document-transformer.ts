import { randomUUID } from 'node:crypto';
import { BaseDocumentTransformer, Document } from '@langchain/core/documents';
import type { DocumentInterface } from '@langchain/core/documents';
import { Anonymize, ConfigurationError, Deanonymize } from '@veil/scanners';
import type { AnonymizeOptions, MatchingStrategy, OnScan } from '@veil/scanners';
import { Vault } from '@veil/vault';
import { SOURCE } from './with-veil.js';

export const DEFAULT_SCOPE_KEY = 'veil_scope';

export interface VeilDocumentTransformerOptions {
  /** Where placeholders are recorded; each document's scope is `vault.scope(name)`. Default: a new in-memory Vault. */
  vault?: Vault;
  anonymize?: Anonymize;
  anonymizeOptions?: Omit<AnonymizeOptions, 'vault'>;
  /**
   * The scope name of a document: a string (one scope for a whole corpus, so one person keeps one
   * placeholder across documents) or a function of the document. Default: the document's `id`, or a new UUID.
   */
  scope?: string | ((document: DocumentInterface, index: number) => string);
  /** Metadata key the scope name is kept under. Default `veil_scope`. */
  metadataKey?: string;
  onScan?: OnScan;
}

/**
 * Anonymizes documents before they are embedded or indexed: `pageContent` and string metadata values
 * (the scope key aside) become placeholders, and the scope name goes into the metadata so an answer
 * built from the document can be restored with `vault.scope(doc.metadata.veil_scope)`.
 */
export class VeilDocumentTransformer extends BaseDocumentTransformer {
  override lc_namespace = ['veil', 'langchain', 'documents'];
  readonly vault: Vault;
  readonly metadataKey: string;
  private readonly anonymize: Anonymize;
  private readonly scope: VeilDocumentTransformerOptions['scope'];

  constructor(options: VeilDocumentTransformerOptions = {}) {
    super();
    if (options.scope !== undefined && typeof options.scope !== 'string' && typeof options.scope !== 'function') throw new ConfigurationError('scope must be a string or a function');
    this.vault = options.vault ?? new Vault();
    this.metadataKey = options.metadataKey ?? DEFAULT_SCOPE_KEY;
    this.scope = options.scope;
    this.anonymize = (options.anonymize ?? new Anonymize({ ...options.anonymizeOptions })).observed({ source: SOURCE, ...(options.onScan ? { onScan: options.onScan } : {}) });
  }

  private scopeName(document: DocumentInterface, index: number): string {
    if (typeof this.scope === 'string') return this.scope;
    if (typeof this.scope === 'function') return this.scope(document, index);
    return document.id ?? randomUUID();
  }

  async transformDocuments(documents: DocumentInterface[]): Promise<DocumentInterface[]> {
    const out: DocumentInterface[] = [];
    for (const [index, document] of documents.entries()) {
      const name = this.scopeName(document, index);
      if (typeof name !== 'string' || name === '') throw new ConfigurationError('a document scope must be a non-empty string');
      const scanner = this.anonymize.withVault(this.vault.scope(name));
      const pageContent = (await scanner.scan(document.pageContent)).sanitized;
      const metadata: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(document.metadata ?? {})) {
        metadata[key] = typeof value === 'string' && key !== this.metadataKey ? (await scanner.scan(value)).sanitized : value;
      }
      metadata[this.metadataKey] = name;
      out.push(new Document({ pageContent, metadata, ...(document.id !== undefined ? { id: document.id } : {}) }));
    }
    return out;
  }

  /** Puts the original values back into a document this transformer produced (or into any text from it). */
  async restore(document: DocumentInterface, matching: MatchingStrategy = 'exact'): Promise<DocumentInterface> {
    const name = document.metadata?.[this.metadataKey];
    if (typeof name !== 'string') throw new ConfigurationError(`document has no "${this.metadataKey}" metadata`);
    const deanonymize = new Deanonymize({ vault: this.vault.scope(name), matching });
    const metadata: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(document.metadata)) metadata[key] = typeof value === 'string' ? (await deanonymize.scan('', value)).sanitized : value;
    return new Document({ pageContent: (await deanonymize.scan('', document.pageContent)).sanitized, metadata, ...(document.id !== undefined ? { id: document.id } : {}) });
  }
}
