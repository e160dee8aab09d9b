/// <reference types="vite/client" />

// data/law/*.yaml, parsed at build time by the plugin in web/vite.config.ts.
declare module '*.yaml' {
  const data: Record<string, { description?: string; values: Record<string, unknown> }>;
  export default data;
}
