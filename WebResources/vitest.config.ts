import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts"],
    environment: "jsdom",
    reporters: ["default", "json"],
    outputFile: { json: "test-output/vitest.json" },
  },
});
