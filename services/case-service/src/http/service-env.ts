/** The Hono environment of the case service: what middleware hands to the handlers. */
import type { Actor } from '../auth/token-verifier.ts';

export type ServiceEnv = {
  Variables: {
    /** Trace id from `traceparent`, or a new one: recorded on every event of the request. */
    correlationId: string;
    /** Set by `authenticate` on every /v1 route. */
    actor: Actor;
  };
};
