import { describe, expect, it } from 'vitest';
import { caseServiceSection, withSection } from './run.ts';

describe('docs/performance.md section', () => {
  const section = caseServiceSection(
    [
      {
        group: 'case-service',
        name: 'RecordTracking over HTTP, 16 connections',
        unit: 'commands/s',
        value: 150,
        baseline: 'same command in-process, 16 concurrent',
        baselineValue: 200,
        ratio: 0.75,
      },
    ],
    new Date('2026-11-28T00:00:00Z'),
  );

  it('renders the figures with their ratio', () => {
    expect(section).toMatch(/^## Case service\n/);
    expect(section).toContain(
      '| RecordTracking over HTTP, 16 connections | 150 commands/s | 200 commands/s | 75%   |',
    );
    const table = section.split('\n').filter((line) => line.startsWith('|'));
    expect(table).toHaveLength(3);
    expect(new Set(table.map((line) => line.length)).size).toBe(1);
  });

  it('replaces only its own section, and appends it when missing', () => {
    const document = '# Performance\n\n## Case service\n\nold\n\n## Event store\n\nkept\n';
    const updated = withSection(document, section);
    expect(updated).toContain('## Event store\n\nkept\n');
    expect(updated).not.toContain('old');
    expect(updated.indexOf('## Case service')).toBeLessThan(updated.indexOf('## Event store'));
    expect(withSection('# Performance\n\n## Event store\n\nkept\n', section)).toMatch(
      /kept\n\n## Case service/,
    );
  });
});
