import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, whichever folder a script is started from. */
export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export const inProject = (...segments: string[]) => path.join(PROJECT_ROOT, ...segments);
