import { defineConfig, type Options } from "tsup";

type EsbuildPlugin = NonNullable<Options["esbuildPlugins"]>[number];

/**
 * One output file per source module (as Rollup's preserveModules): each module is bundled only with
 * the JSON it imports (the shipped packs), and its imports of other modules of the package stay
 * imports. With `"sideEffects": false` a consumer's bundler then drops every module it does not reach
 * (the web app's sign-in page needs the access policy, not the schemas, zod or the packs); one
 * bundled file would keep every top-level `z.object(...)` and all it pulls in. The CommonJS build
 * points the same imports at the `.cjs` files.
 */
const keepModuleImports: EsbuildPlugin = {
  name: "keep-module-imports",
  setup(build) {
    const cjs = build.initialOptions.format === "cjs";
    build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) =>
      args.kind === "entry-point" ? undefined : { path: cjs ? args.path.replace(/\.js$/, ".cjs") : args.path, external: true },
    );
  },
};

export default defineConfig({
  entry: ["src/**/*.ts", "!src/**/*.test.ts", "!src/**/test.ts", "!src/_testing/**"],
  format: ["esm", "cjs"],
  esbuildPlugins: [keepModuleImports],
  // The types stay one file per format (index.d.ts, index.d.cts), as before.
  dts: { entry: "src/index.ts" },
  sourcemap: true,
  clean: true,
  target: "es2022",
});
