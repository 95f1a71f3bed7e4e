import { issuesOf, type ParseResult } from '../input-issues.ts';
import {
  type CaseCommand,
  type CaseCommandType,
  caseCommandRegistry,
} from './case-command-registry.ts';

/**
 * Parses an HTTP request into a command: the JSON body against the command's strict body
 * schema, and the path parameters (hand-over id) when the route has any. Every bad field is
 * named (`person.fullName`, `params.handoverId`); nothing is half-parsed.
 */
export function parseCommand(
  type: CaseCommandType,
  body: unknown,
  params: Readonly<Record<string, string>> = {},
): ParseResult<CaseCommand> {
  const definition = caseCommandRegistry[type];
  const parsedBody = definition.body.safeParse(body);
  const parsedParams = 'params' in definition ? definition.params.safeParse(params) : undefined;
  const issues = [
    ...(parsedBody.success ? [] : issuesOf(parsedBody.error)),
    ...(parsedParams === undefined || parsedParams.success
      ? []
      : issuesOf(parsedParams.error, 'params')),
  ];
  if (!parsedBody.success || issues.length > 0) return { ok: false, issues };
  const command = { type, data: parsedBody.data, ...(parsedParams?.data ?? {}) };
  return { ok: true, value: command as CaseCommand };
}
