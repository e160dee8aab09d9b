// The /docs page: the OpenAPI document rendered as plain HTML, on the server, with no scripts.

interface Doc {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, { summary?: string; parameters?: { name: string; in: string; description?: string }[]; requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { description: string }> }>>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function docsPage(document: unknown): string {
  const doc = document as Doc;
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => {
    const params = (op.parameters ?? []).map((p) => `<li><code>${esc(p.name)}</code> (${esc(p.in)}) ${esc(p.description ?? '')}</li>`).join('');
    const body = op.requestBody ? Object.entries(op.requestBody.content).map(([type, c]) => `<p>Body (${esc(type)}):</p><pre>${esc(JSON.stringify(c.schema, null, 2))}</pre>`).join('') : '';
    const responses = Object.entries(op.responses).map(([code, r]) => `<li><b>${esc(code)}</b> ${esc(r.description)}</li>`).join('');
    return `<section><h2><code>${method.toUpperCase()} ${esc(path)}</code></h2><p>${esc(op.summary ?? '')}</p>${params ? `<ul>${params}</ul>` : ''}${body}<ul>${responses}</ul></section>`;
  }));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(doc.info.title)}</title>
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre{background:#f4f4f4;padding:.5rem;overflow:auto;font-size:12px}section{border-top:1px solid #ddd}</style></head>
<body><h1>${esc(doc.info.title)} ${esc(doc.info.version)}</h1><p>${esc(doc.info.description ?? '')}</p>
<p>Send <code>Authorization: Bearer &lt;key&gt;</code>. The machine-readable document is <a href="/openapi.json">/openapi.json</a>.</p>
${ops.join('\n')}</body></html>`;
}
