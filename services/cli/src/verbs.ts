/** The verb table of CONTRACT.md, in its order. */
import type { Verb } from './verb.ts';
import { accessLogVerb } from './verbs/access-log.ts';
import { benchVerb } from './verbs/bench.ts';
import { exportVerb } from './verbs/export.ts';
import { rebuildVerb } from './verbs/rebuild.ts';
import { replayVerb } from './verbs/replay.ts';
import { seedVerb } from './verbs/seed.ts';
import { startVerb } from './verbs/start.ts';
import { statsVerb } from './verbs/stats.ts';
import { tokenVerb } from './verbs/token.ts';
import { verifyVerb } from './verbs/verify.ts';

export const verbs: readonly Verb[] = [
  startVerb,
  tokenVerb,
  seedVerb,
  replayVerb,
  verifyVerb,
  rebuildVerb,
  statsVerb,
  benchVerb,
  exportVerb,
  accessLogVerb,
];
