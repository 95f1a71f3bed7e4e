import type { z } from 'zod';
import { opaquePersonalFields } from '../personal-data/opaque-personal-fields.ts';
import type { Sealed } from '../personal-data/personal.ts';
import { personalPathsOf } from '../personal-data/personal-paths.ts';

/**
 * One place that turns an event's data schema into everything the rest of the package
 * derives from it: the schema read back from a store (personal fields opaque), the JSON paths
 * of its personal fields, and the upcasters from older schema versions.
 */

/** Reads data stored under `fromVersion` and returns it in the shape of `fromVersion + 1`. */
export type Upcaster = {
  readonly fromVersion: number;
  /** The old version's data schema, personal fields opaque (as read from a store). */
  readonly storedSchema: z.ZodType;
  readonly upcast: (data: never) => unknown;
};

export function defineUpcaster<S extends z.ZodType>(definition: {
  fromVersion: number;
  /** The old version's full data schema (personal fields marked as in the current one). */
  schema: S;
  upcast: (data: Sealed<z.output<S>>) => unknown;
}): Upcaster {
  return {
    fromVersion: definition.fromVersion,
    storedSchema: opaquePersonalFields(definition.schema),
    upcast: definition.upcast,
  };
}

export type EventDefinition<T extends string, S extends z.ZodObject> = {
  readonly type: T;
  /** Current schema version: new events are stored under it. */
  readonly schemaVersion: number;
  readonly description: string;
  /** Strict full schema for fresh input (personal fields included and validated). */
  readonly schema: S;
  /** Schema for data read back from a store: personal fields opaque or absent. */
  readonly storedSchema: z.ZodType<Sealed<z.output<S>>>;
  /** JSON paths of the personal fields, derived from the marks in `schema`. */
  readonly personalPaths: readonly string[];
  /** Upcasters from every older version, oldest first. */
  readonly upcasters: readonly Upcaster[];
};

export function defineEvent<const T extends string, S extends z.ZodObject>(definition: {
  type: T;
  schemaVersion: number;
  description: string;
  schema: S;
  upcasters?: readonly Upcaster[];
}): EventDefinition<T, S> {
  const schema = definition.schema.describe(definition.description);
  return {
    type: definition.type,
    schemaVersion: definition.schemaVersion,
    description: definition.description,
    schema,
    storedSchema: opaquePersonalFields(schema),
    personalPaths: personalPathsOf(schema),
    upcasters: definition.upcasters ?? [],
  };
}
