/**
 * Personal field paths and the walk over them. A path is a list of object keys; the segment
 * `*` (FIELD_PATH_WILDCARD) stands for every element of an array or every value of an object,
 * so `['contacts', '*', 'phone']` reaches each contact's phone. The walk never invents fields:
 * absent values are skipped, so optional personal fields cost nothing.
 */

/** One personal field's location, as the domain lists it for an event type. */
export type FieldPath = readonly string[];

/** Lists the personal field paths of an event type (derived from the domain's schema marks). */
export type PersonalPaths = (eventType: string) => readonly FieldPath[];

export const FIELD_PATH_WILDCARD = '*';

/** A field reached by the walk: its concrete location (array indexes as numbers) and value. */
export type VisitedField = {
  readonly path: readonly (string | number)[];
  readonly value: unknown;
};

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function startsWith(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length < path.length && prefix.every((segment, index) => path[index] === segment);
}

/**
 * Drops paths covered by a shorter listed path: when a whole object is personal, its fields
 * are sealed with it, and sealing them again inside would seal an envelope.
 */
export function outermostPaths(paths: readonly FieldPath[]): readonly FieldPath[] {
  return paths.filter(
    (path) =>
      path.length > 0 && !paths.some((other) => other.length > 0 && startsWith(path, other)),
  );
}

/** `a.b[2].c`: how a concrete path appears in AAD and in error messages. */
export function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}

type Visit = (field: VisitedField, holder: Record<string | number, unknown>) => void;

function walk(node: unknown, pattern: FieldPath, at: (string | number)[], visit: Visit): void {
  if (!isContainer(node)) return;
  const [segment, ...rest] = pattern;
  if (segment === undefined) return;
  const keys: (string | number)[] =
    segment === FIELD_PATH_WILDCARD
      ? Array.isArray(node)
        ? node.map((_, index) => index)
        : Object.keys(node)
      : Array.isArray(node)
        ? []
        : [segment];
  const holder = node as Record<string | number, unknown>;
  for (const key of keys) {
    if (!Object.hasOwn(holder, key) || holder[key] === undefined) continue;
    const path = [...at, key];
    if (rest.length === 0) visit({ path, value: holder[key] }, holder);
    else walk(holder[key], rest, path, visit);
  }
}

/**
 * Returns a deep copy of `data` in which every present value at one of `paths` is replaced by
 * `replace(field)`. The input is never mutated.
 */
export function mapPersonalFields(
  data: Readonly<Record<string, unknown>>,
  paths: readonly FieldPath[],
  replace: (field: VisitedField) => unknown,
): Record<string, unknown> {
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const path of outermostPaths(paths)) {
    walk(copy, path, [], (field, holder) => {
      holder[field.path.at(-1) as string | number] = replace(field);
    });
  }
  return copy;
}

/** Every present value at one of `paths`, in path order; reads without copying. */
export function collectPersonalFields(
  data: Readonly<Record<string, unknown>>,
  paths: readonly FieldPath[],
): readonly VisitedField[] {
  const found: VisitedField[] = [];
  for (const path of outermostPaths(paths)) walk(data, path, [], (field) => found.push(field));
  return found;
}
