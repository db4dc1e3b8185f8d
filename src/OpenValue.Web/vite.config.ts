import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// Served by the API at /app (see src/OpenValue.Api/WebApp); `npm run dev` proxies the API on :5080.
export default defineConfig({
  base: "/app/",
  plugins: [react()],
  build: { outDir: "dist", sourcemap: false, chunkSizeWarningLimit: 600 },
  server: {
    proxy: Object.fromEntries(
      ["/networks", "/accounts", "/health", "/openapi"].map((p) => [p, "http://127.0.0.1:5080"]),
    ),
  },
  test: { environment: "jsdom", globals: true, include: ["src/**/*.test.{ts,tsx}"] },
});
