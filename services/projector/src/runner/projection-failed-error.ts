/**
 * An event the projections cannot fold (unknown type, a schema version without upcaster, a
 * stream that does not make a case). The projector stops on it rather than skip it: a read
 * model that silently missed an event would be wrong from then on. Names the position and
 * the event type, never the data.
 */
export class ProjectionFailedError extends Error {
  readonly code = 'ProjectionFailed' as const;
  override readonly name = 'ProjectionFailedError';
  readonly position: number;
  readonly eventType: string;
  constructor(position: number, eventType: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`cannot project the ${eventType} event at position ${position}: ${reason}`, { cause });
    this.position = position;
    this.eventType = eventType;
  }
}
