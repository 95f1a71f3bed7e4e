/**
 * Canonical JSON (the JSON Canonicalization Scheme, RFC 8785, restricted to what events hold):
 * the one byte-exact encoding every hash in casetrail is computed over, so that an offline
 * checker in any language can recompute it. It must never depend on key insertion order or
 * accept a value whose JSON form is ambiguous.
 *
 * - Object keys sorted by UTF-16 code units (JavaScript's default string order, as RFC 8785).
 * - Strings as JSON.stringify writes them (the escaping RFC 8785 prescribes).
 * - Numbers: finite only, in ECMAScript's shortest round-trip form; -0 is written 0.
 * - `undefined` object members are left out (as JSON does); everything else that JSON cannot
 *   carry (undefined in arrays, NaN, Infinity, bigint, functions, symbols, class instances such
 *   as Date or Map, cycles, nesting deeper than 200) is refused with the path of the offending
 *   value.
 */

export class NotCanonicalizableError extends Error {
  readonly code = 'NotCanonicalizable' as const;
  override readonly name = 'NotCanonicalizableError';
  /** Where the value sits, e.g. `data.items[2]`; never the value itself. */
  readonly path: string;

  constructor(path: string, reason: string) {
    super(`${path}: ${reason}`);
    this.path = path;
  }
}

/** Deep enough for any real event; deeper means a cycle or an attack on the encoder. */
const maxDepth = 200;

/** Where a value sits, built only when something is refused (building it per member is slow). */
type Path = { readonly parent: Path | undefined; readonly key: string | number };

function render(root: string, path: Path | undefined): string {
  const keys: (string | number)[] = [];
  for (let at = path; at !== undefined; at = at.parent) keys.unshift(at.key);
  return keys.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${key}`),
    root,
  );
}

/** Thrown inside the encoder, turned into NotCanonicalizableError (with the path) at the top. */
class Refusal {
  readonly path: Path | undefined;
  readonly reason: string;
  constructor(at: Path | undefined, key: string | number | undefined, reason: string) {
    this.path = key === undefined ? at : { parent: at, key };
    this.reason = reason;
  }
}

export function canonicalJson(value: unknown, root = '$'): string {
  try {
    // Fast path: a sorted plain copy, then the engine's own JSON.stringify, whose string and
    // number output is exactly RFC 8785's. Objects with array-index keys ("0", "10") go to the
    // reference encoder, because engines put such keys first in numeric order.
    try {
      return JSON.stringify(sortedCopy(value, undefined, undefined, 0));
    } catch (error) {
      if (error !== indexKeys) throw error;
      return encode(value, undefined, undefined, 0);
    }
  } catch (error) {
    if (error instanceof Refusal)
      throw new NotCanonicalizableError(render(root, error.path), error.reason);
    throw error;
  }
}

/** The reference encoder alone (slower, written out rule by rule); tests compare against it. */
export function canonicalJsonReference(value: unknown, root = '$'): string {
  try {
    return encode(value, undefined, undefined, 0);
  } catch (error) {
    if (error instanceof Refusal)
      throw new NotCanonicalizableError(render(root, error.path), error.reason);
    throw error;
  }
}

const indexKeys = Symbol('array-index keys');
const arrayIndex = /^(?:0|[1-9][0-9]*)$/;

/**
 * A copy holding only JSON data, object keys inserted in sorted order ("__proto__" defined as
 * an own key). Always a copy: a getter cannot show the checks one value and the encoder
 * another. Refuses what `encode` refuses, with the same paths.
 */
function sortedCopy(
  item: unknown,
  at: Path | undefined,
  key: string | number | undefined,
  depth: number,
): unknown {
  switch (typeof item) {
    case 'string':
    case 'boolean':
      return item;
    case 'number':
      if (Number.isFinite(item)) return item;
      throw new Refusal(at, key, 'not a finite number');
    case 'object': {
      if (item === null) return null;
      if (depth >= maxDepth) throw new Refusal(at, key, 'nested too deeply (or circular)');
      const path = key === undefined ? at : { parent: at, key };
      if (Array.isArray(item)) {
        const copy: unknown[] = new Array(item.length);
        for (let index = 0; index < item.length; index++) {
          const member = item[index];
          if (member === undefined) throw new Refusal(path, index, 'undefined in an array');
          copy[index] = sortedCopy(member, path, index, depth + 1);
        }
        return copy;
      }
      const prototype = Object.getPrototypeOf(item);
      if (prototype !== Object.prototype && prototype !== null) {
        throw new Refusal(path, undefined, 'not a plain object');
      }
      const record = item as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      const copy: Record<string, unknown> = {};
      for (const name of keys) {
        // '9' is char code 57: only keys starting with a digit can be array indexes.
        if (name.charCodeAt(0) <= 57 && arrayIndex.test(name)) throw indexKeys;
        const member = record[name];
        if (member === undefined) continue;
        const value = sortedCopy(member, path, name, depth + 1);
        if (name === '__proto__') {
          // Assignment would set the prototype; the key must stay a key.
          Object.defineProperty(copy, name, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        } else {
          copy[name] = value;
        }
      }
      return copy;
    }
    default:
      throw new Refusal(at, key, `a ${typeof item} has no JSON form`);
  }
}

// `at` is the parent's path and `key` this value's key in it: a Path is only allocated for a
// container, never per scalar, and rendered as text only when something is refused.
function encode(
  item: unknown,
  at: Path | undefined,
  key: string | number | undefined,
  depth: number,
): string {
  switch (typeof item) {
    case 'string':
      return JSON.stringify(item);
    case 'boolean':
      return item ? 'true' : 'false';
    case 'number':
      // JSON.stringify writes the shortest round-trip form and -0 as 0, as RFC 8785 asks.
      if (Number.isFinite(item)) return JSON.stringify(item);
      throw new Refusal(at, key, 'not a finite number');
    case 'object': {
      if (item === null) return 'null';
      if (depth >= maxDepth) throw new Refusal(at, key, 'nested too deeply (or circular)');
      const path = key === undefined ? at : { parent: at, key };
      return Array.isArray(item) ? encodeArray(item, path, depth) : encodeObject(item, path, depth);
    }
    default:
      throw new Refusal(at, key, `a ${typeof item} has no JSON form`);
  }
}

function encodeArray(items: readonly unknown[], path: Path | undefined, depth: number): string {
  let text = '[';
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (item === undefined) throw new Refusal(path, index, 'undefined in an array');
    text += `${index === 0 ? '' : ','}${encode(item, path, index, depth + 1)}`;
  }
  return `${text}]`;
}

function encodeObject(item: object, path: Path | undefined, depth: number): string {
  const prototype = Object.getPrototypeOf(item);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new Refusal(path, undefined, 'not a plain object');
  }
  const record = item as Record<string, unknown>;
  // Default sort compares UTF-16 code units, which is the order RFC 8785 prescribes.
  const keys = Object.keys(record).sort();
  let text = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    text += `${first ? '' : ','}${JSON.stringify(key)}:${encode(member, path, key, depth + 1)}`;
    first = false;
  }
  return `${text}}`;
}
