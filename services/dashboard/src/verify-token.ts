/**
 * The token check the dashboard's own routes need, as the case service's verifier provides it
 * (structurally the same type, so the engine passes that verifier in unchanged).
 */
export type VerifyToken = (
  authorization: string | undefined,
) => Promise<
  | { ok: true; actor: { readonly agency: string; readonly sub: string } }
  | { ok: false; reason: string }
>;
