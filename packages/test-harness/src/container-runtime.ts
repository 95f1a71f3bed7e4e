/**
 * Detects whether testcontainers can reach a container runtime. On machines without Docker
 * testcontainers fails at once with "Could not find a working container runtime strategy";
 * that is reported as a skip reason, never hidden.
 */
export async function containerRuntime(): Promise<
  { available: true } | { available: false; reason: string }
> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return { available: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { available: false, reason: `no container runtime for testcontainers (${message})` };
  }
}
