import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "test/**/*.test.ts"],
    // End-to-end tests drive the real engine, which runs one plugin process
    // per provider; keep them sequential on small machines.
    fileParallelism: false,
    testTimeout: 20_000,
  },
});
