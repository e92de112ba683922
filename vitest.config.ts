import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    environment: "node",
    include: [
      "lib/**/*.test.ts",
      "scripts/**/*.test.ts",
      "prisma/**/*.test.ts",
      "app/**/*.test.ts",
      "components/**/*.test.{ts,tsx}",
    ],
    globalSetup: ["scripts/lib/vitest-global-setup.ts"],
    // Tests create their own teams and users, so files can run side by side on one database;
    // two workers suit a 2-core machine.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: "test" },
  },
});
