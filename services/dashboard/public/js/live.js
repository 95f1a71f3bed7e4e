/**
 * Follows the engine's live feed (GET /v1/live, server-sent events) with fetch, so the bearer
 * token travels in a header, never in the URL. Reconnects with back-off; tells the page
 * whether it is live.
 */
import { currentSession } from './session.js';

export function followLive({ onEvent, onStatus }) {
  let stopped = false;
  let controller;
  let delay = 500;

  const run = async () => {
    while (!stopped) {
      const session = currentSession();
      if (!session) break;
      controller = new AbortController();
      try {
        const response = await fetch('/v1/live', {
          headers: { authorization: `Bearer ${session.token}`, accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw new Error(`live feed: HTTP ${response.status}`);
        onStatus(true);
        delay = 500;
        await readEvents(response.body, onEvent);
      } catch {
        // Network or server gone: say so and try again shortly.
      }
      onStatus(false);
      if (stopped) break;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  };
  run();
  return () => {
    stopped = true;
    controller?.abort();
    onStatus(false);
  };
}

async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = parseBlock(block);
      if (event) onEvent(event.type, event.data);
      end = buffer.indexOf('\n\n');
    }
  }
}

function parseBlock(block) {
  let type = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') type = value;
    if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  try {
    return { type, data: JSON.parse(data.join('\n')) };
  } catch {
    return null;
  }
}
