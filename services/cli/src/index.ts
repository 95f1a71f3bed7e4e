export type { Verb } from './verb.ts';
export { verbs } from './verbs.ts';
