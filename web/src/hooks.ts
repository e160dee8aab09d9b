import { useEffect, useState } from 'preact/hooks';

export type Loaded<T> = { state: 'idle' } | { state: 'loading' } | { state: 'error'; error: string } | { state: 'done'; data: T };

/** Runs `load` whenever `key` changes (null = nothing to load); later answers replace earlier ones, stale ones are dropped. */
export function useLoad<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const [s, set] = useState<Loaded<T>>({ state: key === null ? 'idle' : 'loading' });
  useEffect(() => {
    if (key === null) return set({ state: 'idle' });
    let live = true;
    set({ state: 'loading' });
    load().then(
      (data) => live && set({ state: 'done', data }),
      (e: unknown) => live && set({ state: 'error', error: e instanceof Error ? e.message : String(e) }),
    );
    return () => { live = false; };
  }, [key]);
  return s;
}
