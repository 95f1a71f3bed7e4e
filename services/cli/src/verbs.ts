/** The verb table of CONTRACT.md, in its order. */
import { unavailableVerb, type Verb } from './verb.ts';
import { accessLogVerb } from './verbs/access-log.ts';
import { benchVerb } from './verbs/bench.ts';
import { exportVerb } from './verbs/export.ts';
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
  unavailableVerb('rebuild', 'rebuild read models from the log', 'rebuild [PROJECTION]', 5),
  statsVerb,
  benchVerb,
  exportVerb,
  accessLogVerb,
];
