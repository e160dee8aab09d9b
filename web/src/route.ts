// The URL keeps the state: `#/<page>/<rest>?<params>`, so any view can be shared by copying the address.
import { useEffect, useState } from 'preact/hooks';

export interface Route { page: string; rest: string; params: URLSearchParams }

function parse(): Route {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = hash.split('?');
  const [page = '', ...rest] = path.split('/');
  return { page: page || 'check', rest: rest.join('/'), params: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(parse);
  useEffect(() => {
    const on = () => setRoute(parse());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** The address of a page with these parameters (empty values dropped). */
export function href(page: string, params?: URLSearchParams | Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params ?? {});
  for (const [k, v] of entries) if (v !== undefined && v !== '') p.set(k, v);
  const q = p.toString();
  return `#/${page}${q ? `?${q}` : ''}`;
}

export function navigate(page: string, params?: URLSearchParams | Record<string, string | undefined>, replace = false): void {
  const h = href(page, params);
  if (replace) {
    history.replaceState(null, '', h);
    dispatchEvent(new HashChangeEvent('hashchange'));
  } else location.hash = h;
}
