import { describe, expect, it } from 'vitest';
import { caseEventRegistry, caseEventTypes } from './case-event-registry.ts';
import { renderEventCatalogue } from './event-catalogue.ts';

describe('renderEventCatalogue', () => {
  const doc = renderEventCatalogue();

  it('is deterministic', () => {
    expect(renderEventCatalogue()).toBe(doc);
  });

  it.each(caseEventTypes)('documents %s with its version, description and every field', (type) => {
    const def = caseEventRegistry[type];
    expect(doc).toContain(`## ${type} (v${def.schemaVersion})\n\n${def.description}\n`);
    const section = doc.split(`## ${type} (`)[1]!.split('\n## ')[0]!;
    for (const key of Object.keys(def.schema.shape))
      expect(section).toMatch(new RegExp(`\\| \`${key}\` +\\|`));
  });

  it('marks personal fields (and what they contain) and only those', () => {
    const cells = (field: string) =>
      (doc.split('\n').find((l) => l.startsWith(`| \`${field}\` `)) ?? '').split(/ *(?<!\\)\| */);
    expect(cells('person.fullName').slice(4, 5)).toEqual(['**personal**']);
    expect(cells('person.fullName')[3]).toBe('yes');
    expect(cells('reporter.contact.phone').slice(3, 5)).toEqual(['no', '**personal**']);
    expect(cells('person.sex').slice(3, 5)).toEqual(['no', '']);
    expect(doc).toContain('Stored under v1: read through an upcaster to v2.');
  });

  it('aligns tables as Biome formats Markdown (pnpm lint checks docs/events.md)', () => {
    const lines = doc.split('\n').filter((l) => l.startsWith('| Field '));
    expect(lines.length).toBe(caseEventTypes.length);
    const block = doc
      .split('## CaseReported (v2)')[1]!
      .split('\n## ')[0]!
      .split('\n')
      .filter((l) => l.startsWith('|'));
    expect(new Set(block.map((l) => l.length)).size).toBe(1);
  });
});
