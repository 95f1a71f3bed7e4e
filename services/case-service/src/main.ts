/**
 * The case service as its own process: configuration from the environment (a bad value
 * stops start-up with a message naming it), the service on CASETRAIL_HTTP_PORT (0 = any free
 * port; the chosen one is printed), graceful shutdown on SIGTERM/SIGINT. Never prints
 * secrets or personal data.
 */
import { loadConfig } from '@casetrail/config';
import { openCaseServiceDependencies } from './open-case-service-dependencies.ts';
import { startCaseService } from './start-case-service.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const deps = await openCaseServiceDependencies(config);
  const running = await startCaseService({
    ...deps,
    port: config.httpPort,
    hostname: '0.0.0.0',
  });
  // Printed whatever the log level: with CASETRAIL_HTTP_PORT=0 this is how callers learn the port.
  process.stdout.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'case service listening', url: running.url, port: running.port })}\n`,
  );
  const stop = (signal: string) => {
    deps.logger?.info('shutting down', { signal });
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`case-service: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = (error as { code?: unknown })?.code === 'ConfigError' ? 2 : 1;
});
