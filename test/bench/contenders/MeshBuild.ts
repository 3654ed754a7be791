/** GraphQL Mesh built for one emulator: where its artifacts are, or why it could not be built. */
export type MeshBuild = { readonly ok: true; readonly workDir: string } | { readonly ok: false; readonly reason: string };
