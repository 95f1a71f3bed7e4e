/**
 * The CloudEvents 1.0 structured-mode JSON sent on a projection subject. Built from the
 * outbox row's JSON text so a re-send is byte-identical to the first send.
 */
import { CloudEventTypes } from './nats-names.ts';

export type CloudEvent = {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly data: Record<string, unknown>;
};

export type CloudEventInput = {
  readonly kind: 'case' | 'stats';
  readonly key: string;
  readonly messageId: string;
  readonly document: string;
  readonly time: string;
};

export function cloudEventJson(input: CloudEventInput, source: string): string {
  const head = {
    specversion: '1.0',
    id: input.messageId,
    source,
    type: CloudEventTypes[input.kind],
    subject: input.key,
    time: input.time,
    datacontenttype: 'application/json',
  };
  // `document` is JSON text we serialised at enqueue time: splice it in rather than re-encode.
  return `${JSON.stringify(head).slice(0, -1)},"data":${input.document}}`;
}
