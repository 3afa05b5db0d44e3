/**
 * The entity types a scanner knows, matched case-insensitively ("phone_number", "Phone-Number" and
 * "PHONE_NUMBER" are one type). A name that matches no known type is a configuration error, so a typo
 * in `entityTypes` or `--entities` fails loudly instead of silently redacting nothing.
 */
import { ConfigurationError } from './errors.js';
import type { EntityType, Recognizer } from './types.js';

/** The lookup key of a type name: upper case, with spaces and dashes read as underscores. */
export function foldTypeName(type: string): string {
  return type.trim().toUpperCase().replace(/[\s-]+/g, '_');
}

// Config values are not scanned text, but still kept short in messages.
const MAX_QUOTED = 40;
const quote = (value: string): string => JSON.stringify(value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value);

export class EntityTypes {
  private readonly byKey = new Map<string, EntityType>();

  constructor(types: Iterable<EntityType>) {
    for (const type of types) this.add(type);
  }

  private add(type: EntityType): EntityType {
    const key = foldTypeName(type);
    const existing = this.byKey.get(key);
    if (existing !== undefined) return existing;
    this.byKey.set(key, type);
    return type;
  }

  /** The known types, sorted, for messages. */
  list(): EntityType[] {
    return [...this.byKey.values()].sort();
  }

  /** The canonical spelling of `type`, or `type` itself when it is not known. */
  canonical(type: EntityType): EntityType {
    return this.byKey.get(foldTypeName(type)) ?? type;
  }

  canonicalList(types: readonly EntityType[]): EntityType[] {
    return types.map((t) => this.canonical(t));
  }

  /** The canonical spelling of a requested type; an unknown one is a ConfigurationError listing the known types. */
  resolve(type: string, option: string): EntityType {
    const found = this.byKey.get(foldTypeName(type));
    if (found === undefined) {
      throw new ConfigurationError(`unknown entity type ${quote(type)} in ${option}; known types: ${this.list().join(', ')}`);
    }
    return found;
  }

  /**
   * Adds the types a recognizer declares (custom recognizers may bring new ones) and returns it. Each
   * declared type must be a non-empty name; one that differs from a known type only in case is that type.
   */
  declare<R extends Recognizer>(recognizer: R, where: string): R {
    for (const type of recognizer.types) {
      if (typeof type !== 'string' || foldTypeName(type) === '' || !/^[\p{L}\p{N}_]+$/u.test(foldTypeName(type))) {
        throw new ConfigurationError(
          `${where} declares an invalid entity type (a name of letters, digits and underscores is expected); known types: ${this.list().join(', ')}`,
        );
      }
      this.add(type);
    }
    return recognizer;
  }
}
