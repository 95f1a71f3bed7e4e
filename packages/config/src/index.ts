export type { Config } from './config.ts';
export { ConfigError, EnvironmentSchema, loadConfig } from './config.ts';
