import type { CaseCommandOf } from '../commands/case-command-registry.ts';
import { withoutOccurredAt } from '../commands/command-body.ts';
import type { CaseEvent } from '../events/case-event-registry.ts';
import { isClassifiedAsVictim, type ReportedCase } from './case-state.ts';
import { accept, type Outcome, refuse } from './decision-error.ts';
import { s25ImmuneCharges } from './s25-immunity.ts';

/**
 * Legal rules: prosecution is for reclassified persons; while the person is a victim
 * (presumed or confirmed) charges covered by ATIPSOM s.25 are refused with their own code,
 * so the record shows the immunity was applied. One prosecution is open at a time.
 */

export function decideProsecution(
  s: ReportedCase,
  command: CaseCommandOf<'RecordProsecution'>,
): Outcome<CaseEvent> {
  if (s.legal.status === 'prosecuted') {
    return refuse(
      'ProsecutionAlreadyOpen',
      'a prosecution is already open; record its outcome first',
    );
  }
  if (isClassifiedAsVictim(s.classification)) {
    const immune = s25ImmuneCharges(command.data.act, command.data.sections);
    if (immune.length > 0) {
      const list = immune.map((c) => `s.${c.section} (${c.category})`).join(', ');
      return refuse(
        'ImmunityUnderAtipsomS25',
        `the person is classified as a victim; ATIPSOM s.25 bars charges for ${list}`,
        'sections',
      );
    }
    return refuse(
      'ProsecutionRequiresReclassification',
      `prosecution is recorded only for reclassified persons (status ${s.classification.status})`,
    );
  }
  return accept({ type: 'PersonProsecuted', data: withoutOccurredAt(command.data) });
}

export function decideProsecutionOutcome(
  s: ReportedCase,
  { data }: CaseCommandOf<'RecordProsecutionOutcome'>,
): Outcome<CaseEvent> {
  const open = s.legal.prosecutions.at(-1);
  if (s.legal.status !== 'prosecuted' || open === undefined) {
    return refuse('NoOpenProsecution', 'there is no open prosecution to conclude');
  }
  return accept({
    type: 'ProsecutionConcluded',
    data: { outcome: data.outcome, courtReference: open.courtReference, notes: data.notes },
  });
}
