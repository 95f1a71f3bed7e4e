/**
 * The guard the publisher applies to every document before it leaves for NATS: refuses any
 * document carrying a key named like a field the domain marks personal, at any depth. The
 * names are derived from the schemas' marks (`personalFieldNames`), never kept by hand.
 */
import { personalFieldNames } from '@casetrail/projections';
import { createDenyListFilter, type PublicationFilter } from '@casetrail/publication';

export function personalDataGuard(): PublicationFilter {
  return createDenyListFilter(personalFieldNames());
}
