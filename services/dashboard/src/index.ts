/**
 * @casetrail/dashboard: the ministry's dashboard served by the engine: the national summary
 * with its parts-add-up check, an as-of control, charts (Chart.js), live updates over
 * server-sent events, and a case view for auditors. It reads figures only through the HTTP
 * API with the signed-in agency's token and must never hold or send personal data itself.
 */

export type { DashboardOptions } from './create-dashboard.ts';
export { createDashboard } from './create-dashboard.ts';
export type { DemoToken, MintDemoToken } from './demo-sign-in.ts';
export { registerSignIn } from './demo-sign-in.ts';
export type { LiveHub, LiveListener } from './live-hub.ts';
export { createLiveHub } from './live-hub.ts';
export type { CaseUpdate, LiveUpdate, StatsUpdate } from './live-update.ts';
export { CaseUpdateSchema, LiveUpdateSchema, StatsUpdateSchema } from './live-update.ts';
export type { CaseSummaryLike, ReadModelFeedSources } from './read-model-feed.ts';
export { caseUpdateOf, feedFromReadModels } from './read-model-feed.ts';
export type { Asset } from './static-assets.ts';
export { loadAssets, publicDir } from './static-assets.ts';
export type { VerifyToken } from './verify-token.ts';
