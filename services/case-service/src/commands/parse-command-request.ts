/**
 * Parses one command request at the edge: path parameters (case id, hand-over id) and the
 * JSON body against the command's strict schema from the domain's registry, the same schema
 * the OpenAPI document is generated from. Every bad field is named; unknown fields are
 * refused one by one.
 */
import {
  type CaseCommand,
  type CaseCommandType,
  caseCommandRegistry,
  caseIdSchema,
  handoverIdSchema,
} from '@casetrail/domain';
import { fieldErrors } from '../http/field-errors.ts';
import { type FieldError, type Problem, problem } from '../http/problem.ts';

export type CommandPathParams = { readonly caseId?: string; readonly handoverId?: string };

export type ParsedCommandRequest =
  | { ok: true; command: CaseCommand }
  | { ok: false; problem: Problem };

export function parseCommandRequest(
  type: CaseCommandType,
  body: unknown,
  params: CommandPathParams,
): ParsedCommandRequest {
  const definition = caseCommandRegistry[type];
  const errors: FieldError[] = [];
  if (params.caseId !== undefined && !caseIdSchema.safeParse(params.caseId).success) {
    errors.push({ field: 'caseId', message: 'path parameter caseId must be a ULID' });
  }
  if (params.handoverId !== undefined && !handoverIdSchema.safeParse(params.handoverId).success) {
    errors.push({ field: 'handoverId', message: 'path parameter handoverId must be a ULID' });
  }
  const parsed = definition.body.safeParse(body);
  if (!parsed.success) errors.push(...fieldErrors(parsed.error));
  if (errors.length > 0 || !parsed.success) {
    return {
      ok: false,
      problem: problem('InvalidInput', `the ${type} request is invalid`, { errors }),
    };
  }
  const command = {
    type,
    data: parsed.data,
    ...('params' in definition ? { handoverId: params.handoverId } : {}),
  };
  return { ok: true, command: command as CaseCommand };
}
