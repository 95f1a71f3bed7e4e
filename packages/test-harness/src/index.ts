export { containerRuntime } from './container-runtime.ts';
export { freePort } from './free-port.ts';
export type { NatsServer, NatsServerResult } from './nats-server.ts';
export { natsServerBinary, startNatsServer } from './nats-server.ts';
export { announceSkip } from './skip.ts';
export type { TempDir } from './temp-dir.ts';
export { tempDir } from './temp-dir.ts';
export type { WaitOptions } from './wait-for.ts';
export { waitFor } from './wait-for.ts';
