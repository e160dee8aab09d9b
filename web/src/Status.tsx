import type { ComponentChildren } from 'preact';
import type { Loaded } from './hooks.js';

/** Loading and error states for a `useLoad` result; renders `children(data)` once loaded. */
export function Status<T>({ of, what, children }: { of: Loaded<T>; what: string; children: (data: T) => ComponentChildren }) {
  if (of.state === 'idle') return null;
  if (of.state === 'loading') return <p class="loading" role="status">Loading {what}…</p>;
  if (of.state === 'error') return <p class="error" role="alert">Could not load {what}: {of.error}</p>;
  return <>{children(of.data)}</>;
}
