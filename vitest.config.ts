import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  esbuild: { jsx: "automatic" },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "prisma/**/*.test.ts"],
    globalSetup: ["scripts/lib/vitest-global-setup.ts"],
    // Tests create their own teams and users, so files can run side by side on one database.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 240_000,
    env: { NODE_ENV: "test" },
  },
});
