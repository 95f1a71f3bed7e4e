/**
 * The one place this package meets the domain's API: the personal paths of casetrail's event
 * types, derived from the `personal()` marks in the domain's schemas. Everything else takes a
 * PersonalPaths function, so the vault never depends on how the domain spells its paths.
 * Unknown event types throw (the domain's UnknownEventTypeError): never seal by guesswork.
 */
import { isCaseEventType, personalPaths, UnknownEventTypeError } from '@casetrail/domain';
import type { PersonalPaths } from './field-path.ts';
import { personalPathsFromJsonPaths } from './json-path.ts';

export const domainPersonalPaths: PersonalPaths = personalPathsFromJsonPaths((eventType) => {
  if (!isCaseEventType(eventType)) throw new UnknownEventTypeError(eventType);
  return personalPaths(eventType);
});
