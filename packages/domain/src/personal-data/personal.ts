import { z } from 'zod';

/**
 * The personal-data mark. A personal field is marked twice from ONE call to `personal()`:
 * in the schema's metadata (`personal: true` in zod's global registry, so it also shows in
 * JSON Schema and the event catalogue) and in its output type (a zod brand), so that types
 * derived from the schemas know which fields may be sealed or erased.
 */

/** Type-level mark of a personal field's value. */
export type Personal = z.core.$brand<'Personal'>;

/**
 * Marks `schema` as personal data (name, MyKad, passport, birth date, contacts, free text).
 * Personal fields never reach NATS, logs, error messages or the decider's state.
 */
export function personal<T extends z.ZodType>(schema: T, description: string) {
  return schema.brand<'Personal'>().meta({ personal: true, description });
}

/** True when this very schema node carries the personal mark (wrappers are not unwrapped). */
export function isMarkedPersonal(schema: z.core.$ZodType): boolean {
  return z.globalRegistry.get(schema)?.personal === true;
}

type IsPersonal<V> = [Extract<V, Personal>] extends [never] ? false : true;
type PersonalKeys<T> = { [K in keyof T]-?: IsPersonal<T[K]> extends true ? K : never }[keyof T];
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * `T` as read back from a store: personal fields are opaque (a sealed envelope, anything, or
 * absent after erasure); every other field keeps its type.
 */
export type Sealed<T> = T extends Personal
  ? unknown
  : T extends (infer E)[]
    ? Sealed<E>[]
    : T extends object
      ? Simplify<
          { [K in keyof T as K extends PersonalKeys<T> ? never : K]: Sealed<T[K]> } & {
            [K in PersonalKeys<T>]?: unknown;
          }
        >
      : T;

/** `T` with every personal field removed (what NATS and logs may carry). */
export type Redacted<T> = T extends Personal
  ? never
  : T extends (infer E)[]
    ? Redacted<E>[]
    : T extends object
      ? Simplify<{ [K in keyof T as K extends PersonalKeys<T> ? never : K]: Redacted<T[K]> }>
      : T;
