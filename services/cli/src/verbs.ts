/** The verb table of CONTRACT.md, in its order. */
import { unavailableVerb, type Verb } from './verb.ts';
import { benchVerb } from './verbs/bench.ts';

export const verbs: readonly Verb[] = [
  unavailableVerb('start', 'the embedded all-in-one engine', 'start [--demo]', 4),
  unavailableVerb(
    'token',
    'mint a token for the embedded engine',
    'token --agency A [--sub ID] [--ttl 8h]',
    4,
  ),
  unavailableVerb('seed', 'drive the API as agencies would', 'seed --scenario NAME [--seed N]', 7),
  unavailableVerb(
    'replay',
    "a case's history, state after each event",
    'replay CASEID [--as-of T] [--time recorded|occurred] [--json]',
    6,
  ),
  unavailableVerb('verify', 'integrity of every stream', 'verify [--case ID]', 6),
  unavailableVerb('rebuild', 'rebuild read models from the log', 'rebuild [PROJECTION]', 5),
  unavailableVerb(
    'stats',
    'the national summary',
    'stats [--as-of T] [--time recorded|occurred] [--json]',
    6,
  ),
  benchVerb,
];
