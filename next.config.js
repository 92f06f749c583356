// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Dockerfile builds with NEXT_OUTPUT=standalone; `next start` (the run command) needs the default.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Native/WASM and worker packages stay as plain node_modules at run time.
  // pdfkit loads its data files (and fontkit's) from its own folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss", "postgres", "pg", "pdfkit", "fontkit"],
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*", "./assets/fonts/**/*"] },
  typedRoutes: false,
};

module.exports = withNextIntl(nextConfig);
