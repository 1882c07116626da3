import { BareLayout } from './layout.tsx';
import type { PageContext } from '../render.tsx';
import { tx, type Lang } from '../i18n/index.ts';

// The browsable API documentation: a plain view model built from the OpenAPI document that
// @fastify/swagger generates from the routes' zod schemas, rendered without JavaScript.

type Json = Record<string, any>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** One row of a schema table; nested properties follow their parent with depth + 1. */
export interface SchemaRow {
  name: string;
  depth: number;
  type: string;
  required: boolean;
  description: string;
  constraints: string[];
}

export interface ParameterView {
  name: string;
  in: string;
  required: boolean;
  type: string;
  description: string;
  constraints: string[];
}

export interface ResponseView {
  status: string;
  description: string;
  contentType: string | null;
  rows: SchemaRow[];
}

export interface OperationView {
  anchor: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  needsToken: boolean;
  deprecated: boolean;
  parameters: ParameterView[];
  body: { contentType: string; required: boolean; rows: SchemaRow[] } | null;
  responses: ResponseView[];
}

export interface TagView {
  name: string;
  anchor: string;
  description: string;
  operations: OperationView[];
}

export interface ApiDocsModel {
  title: string;
  version: string;
  description: string;
  tags: TagView[];
}

const SAFE_INT = 9007199254740991;

function resolve(spec: Json, schema: Json | undefined, seen = new Set<string>()): Json {
  if (!schema || typeof schema !== 'object') return {};
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/') && !seen.has(ref)) {
    seen.add(ref);
    const target = ref.slice(2).split('/').reduce<any>((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
    return resolve(spec, { ...target, ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$ref')) }, seen);
  }
  return schema;
}

function variants(schema: Json): Json[] | null {
  return schema.anyOf ?? schema.oneOf ?? null;
}

/** A short type label: string, integer, string[], object, "string | null", enum values in constraints. */
export function typeLabel(spec: Json, raw: Json | undefined): string {
  const schema = resolve(spec, raw);
  const alts = variants(schema);
  if (alts) return [...new Set(alts.map((s) => typeLabel(spec, s)))].join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const label = (t: string) => (t === 'array' ? `${typeLabel(spec, schema.items)}[]` : t);
  if (types.length === 0) return schema.properties ? 'object' : schema.items ? label('array') : 'any';
  return types.map(label).join(' | ') + (schema.nullable ? ' | null' : '');
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The model's own words (constraints, placeholders) are in the page's language; the spec's texts are as written. */
function constraintsOf(spec: Json, raw: Json | undefined, lang: Lang): string[] {
  const s = resolve(spec, raw);
  const l = { lang };
  const out: string[] = [];
  if (Array.isArray(s.enum)) {
    const values = s.enum.map((v: unknown) => JSON.stringify(v));
    out.push(tx(l, `取值：${values.join('、')}`, `Values: ${values.join(', ')}`));
  }
  if (s.format) out.push(tx(l, `格式：${s.format}`, `Format: ${s.format}`));
  if (s.pattern) out.push(tx(l, `模式：${s.pattern}`, `Pattern: ${s.pattern}`));
  if (s.minLength !== undefined) out.push(tx(l, `最少 ${s.minLength} 字符`, `At least ${count(s.minLength, 'character')}`));
  if (s.maxLength !== undefined) out.push(tx(l, `最多 ${s.maxLength} 字符`, `At most ${count(s.maxLength, 'character')}`));
  if (s.minimum !== undefined && Math.abs(s.minimum) !== SAFE_INT) out.push(`≥ ${s.minimum}`);
  if (s.exclusiveMinimum !== undefined) out.push(`> ${s.exclusiveMinimum}`);
  if (s.maximum !== undefined && Math.abs(s.maximum) !== SAFE_INT) out.push(`≤ ${s.maximum}`);
  if (s.exclusiveMaximum !== undefined) out.push(`< ${s.exclusiveMaximum}`);
  if (s.minItems !== undefined) out.push(tx(l, `至少 ${s.minItems} 项`, `At least ${count(s.minItems, 'item')}`));
  if (s.maxItems !== undefined) out.push(tx(l, `至多 ${s.maxItems} 项`, `At most ${count(s.maxItems, 'item')}`));
  if (s.default !== undefined) out.push(tx(l, `默认：${JSON.stringify(s.default)}`, `Default: ${JSON.stringify(s.default)}`));
  const example = s.example !== undefined ? s.example : Array.isArray(s.examples) && s.examples.length ? s.examples[0] : undefined;
  if (example !== undefined) out.push(tx(l, `示例：${JSON.stringify(example)}`, `Example: ${JSON.stringify(example)}`));
  return out;
}

/** The object whose properties a schema lists (through arrays, references and a single non-null variant). */
function objectOf(spec: Json, raw: Json | undefined): Json | null {
  const s = resolve(spec, raw);
  const alts = variants(s);
  if (alts) {
    const objects = alts.map((a) => objectOf(spec, a)).filter((x): x is Json => x !== null);
    return objects.length === 1 ? objects[0] : null;
  }
  if (s.properties) return s;
  if (s.items) return objectOf(spec, s.items);
  return null;
}

/** Flattens a schema into rows: properties, then their nested properties indented (depth-limited). */
export function schemaRows(spec: Json, raw: Json | undefined, lang: Lang = 'zh-CN', depth = 0, prefix = ''): SchemaRow[] {
  const root = resolve(spec, raw);
  if (depth === 0 && !objectOf(spec, root)) {
    return raw ? [{ name: tx({ lang }, '（整体）', '(whole)'), depth: 0, type: typeLabel(spec, root), required: true, description: root.description ?? '', constraints: constraintsOf(spec, root, lang) }] : [];
  }
  const obj = objectOf(spec, root);
  if (!obj || depth > 4) return [];
  const required = new Set<string>(obj.required ?? []);
  const rows: SchemaRow[] = [];
  for (const [name, prop] of Object.entries<Json>(obj.properties ?? {})) {
    const p = resolve(spec, prop);
    rows.push({ name: prefix + name, depth, type: typeLabel(spec, p), required: required.has(name), description: p.description ?? '', constraints: constraintsOf(spec, p, lang) });
    if (objectOf(spec, p)) rows.push(...schemaRows(spec, p, lang, depth + 1, `${prefix}${name}${typeLabel(spec, p).endsWith('[]') ? '[]' : ''}.`));
  }
  const extra = obj.additionalProperties;
  if (extra && typeof extra === 'object') {
    rows.push({ name: `${prefix}${tx({ lang }, '<键>', '<key>')}`, depth, type: typeLabel(spec, extra), required: false, description: extra.description ?? tx({ lang }, '任意键名', 'Any key'), constraints: [] });
  }
  return rows;
}

/** A readable, unique fragment id: `op-get-api-v1-documents-id`; a wildcard `{*}` reads `any`. */
function anchorFor(method: string, path: string, taken: Set<string>): string {
  const base = `op-${method}-${path.replace(/\{\*\}|\*/g, 'any').replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
  let anchor = base;
  for (let i = 2; taken.has(anchor); i++) anchor = `${base}-${i}`;
  taken.add(anchor);
  return anchor;
}

/**
 * Builds the docs model from an OpenAPI 3 document; only paths under /api/ (pages are not API).
 * `lang`: the language of the model's own words (constraints, placeholders); Chinese by default.
 */
export function buildApiDocsModel(spec: Json, lang: Lang = 'zh-CN'): ApiDocsModel {
  const tagInfo = new Map<string, string>((spec.tags ?? []).map((t: Json) => [t.name, t.description ?? '']));
  const groups = new Map<string, OperationView[]>();
  for (const t of tagInfo.keys()) groups.set(t, []);
  const globalSecurity = Array.isArray(spec.security) && spec.security.length > 0;
  const anchors = new Set<string>();
  for (const [path, item] of Object.entries<Json>(spec.paths ?? {})) {
    if (!path.startsWith('/api/')) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params: Json[] = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      const bodyContent = op.requestBody?.content ? Object.entries<Json>(op.requestBody.content)[0] : undefined;
      const view: OperationView = {
        anchor: anchorFor(method, path, anchors),
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? '',
        description: op.description ?? '',
        needsToken: Array.isArray(op.security) ? op.security.length > 0 : globalSecurity,
        deprecated: !!op.deprecated,
        parameters: params.map((p) => {
          const param = resolve(spec, p);
          return {
            name: param.name, in: param.in, required: !!param.required, type: typeLabel(spec, param.schema),
            description: param.description ?? resolve(spec, param.schema).description ?? '', constraints: constraintsOf(spec, param.schema, lang),
          };
        }),
        body: bodyContent ? { contentType: bodyContent[0], required: !!op.requestBody.required, rows: schemaRows(spec, bodyContent[1].schema, lang) } : null,
        responses: Object.entries<Json>(op.responses ?? {}).map(([status, r]) => {
          const res = resolve(spec, r);
          const content = res.content ? Object.entries<Json>(res.content)[0] : undefined;
          const description = res.description && res.description !== 'Default Response' ? res.description : '';
          return { status, description, contentType: content?.[0] ?? null, rows: content ? schemaRows(spec, content[1].schema, lang) : [] };
        }),
      };
      const tag = op.tags?.[0] ?? tx({ lang }, '其他', 'Other');
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag)!.push(view);
    }
  }
  return {
    title: spec.info?.title ?? 'API',
    version: String(spec.info?.version ?? ''),
    description: spec.info?.description ?? '',
    tags: [...groups].filter(([, ops]) => ops.length > 0).map(([name, operations]) => ({ name, anchor: `tag-${name.replace(/\s+/g, '-')}`, description: tagInfo.get(name) ?? '', operations })),
  };
}

type WithLang = { lang: Lang };

const yesNo = (ctx: WithLang, yes: boolean) => (yes ? tx(ctx, '是', 'Yes') : tx(ctx, '否', 'No'));
const constraintList = (ctx: WithLang, constraints: string[]) => constraints.join(tx(ctx, '；', '; '));

function SchemaTable({ ctx, rows, caption }: { ctx: WithLang; rows: SchemaRow[]; caption: string }) {
  return (
    <table class="api-table">
      <caption class="visually-hidden">{caption}</caption>
      <thead><tr>
        <th scope="col">{tx(ctx, '字段', 'Field')}</th><th scope="col">{tx(ctx, '类型', 'Type')}</th>
        <th scope="col">{tx(ctx, '必填', 'Required')}</th><th scope="col">{tx(ctx, '说明', 'Description')}</th>
      </tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td class={`api-field depth-${Math.min(r.depth, 4)}`}><code>{r.name}</code></td>
            <td><code>{r.type}</code></td>
            <td>{yesNo(ctx, r.required)}</td>
            <td>{r.description}{r.constraints.length > 0 && <span class="api-constraints">{constraintList(ctx, r.constraints)}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const IN_LABELS: Record<string, { zh: string; en: string }> = {
  path: { zh: '路径', en: 'path' }, query: { zh: '查询', en: 'query' }, header: { zh: '请求头', en: 'header' }, cookie: { zh: 'Cookie', en: 'cookie' },
};

function Operation({ ctx, op }: { ctx: WithLang; op: OperationView }) {
  const id = op.anchor;
  return (
    <section class="api-op" id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} class="api-op-title">
        <span class={`api-method api-${op.method.toLowerCase()}`}>{op.method}</span> <code class="api-path">{op.path}</code>
      </h3>
      {op.summary && <p class="api-summary">{op.summary}</p>}
      <p class="api-tags">
        {op.needsToken
          ? <span class="badge badge-warn">{tx(ctx, '需要令牌（Authorization: Bearer）', 'Token required (Authorization: Bearer)')}</span>
          : <span class="badge badge-ok">{tx(ctx, '无需登录', 'No sign-in needed')}</span>}
        {op.deprecated && <span class="badge badge-danger">{tx(ctx, '已弃用', 'Deprecated')}</span>}
      </p>
      {op.description && <p>{op.description}</p>}
      {op.parameters.length > 0 && (
        <>
          <h4>{tx(ctx, '参数', 'Parameters')}</h4>
          <table class="api-table">
            <caption class="visually-hidden">{tx(ctx, `${op.method} ${op.path} 参数`, `${op.method} ${op.path} parameters`)}</caption>
            <thead><tr>
              <th scope="col">{tx(ctx, '名称', 'Name')}</th><th scope="col">{tx(ctx, '位置', 'In')}</th><th scope="col">{tx(ctx, '类型', 'Type')}</th>
              <th scope="col">{tx(ctx, '必填', 'Required')}</th><th scope="col">{tx(ctx, '说明', 'Description')}</th>
            </tr></thead>
            <tbody>
              {op.parameters.map((p) => (
                <tr>
                  <td><code>{p.name}</code></td>
                  <td>{IN_LABELS[p.in] ? tx(ctx, IN_LABELS[p.in].zh, IN_LABELS[p.in].en) : p.in}</td>
                  <td><code>{p.type}</code></td>
                  <td>{yesNo(ctx, p.required)}</td>
                  <td>{p.description}{p.constraints.length > 0 && <span class="api-constraints">{constraintList(ctx, p.constraints)}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {op.body && (
        <>
          <h4>{tx(ctx, '请求体', 'Request body')} <code class="api-ctype">{op.body.contentType}</code>{op.body.required ? '' : tx(ctx, '（可选）', ' (optional)')}</h4>
          <SchemaTable ctx={ctx} rows={op.body.rows} caption={tx(ctx, `${op.method} ${op.path} 请求体`, `${op.method} ${op.path} request body`)} />
        </>
      )}
      <h4>{tx(ctx, '响应', 'Responses')}</h4>
      <dl class="api-responses">
        {op.responses.map((r) => (
          <div class="api-response">
            <dt><span class={`api-status api-status-${r.status[0]}`}>{r.status}</span> {r.description}{r.contentType && <code class="api-ctype">{r.contentType}</code>}</dt>
            <dd>{r.rows.length > 0
              ? <SchemaTable ctx={ctx} rows={r.rows} caption={tx(ctx, `${op.method} ${op.path} 响应 ${r.status}`, `${op.method} ${op.path} response ${r.status}`)} />
              : <span class="empty">{tx(ctx, '无响应体说明', 'No response body described')}</span>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** /api/docs: how to authenticate, conventions, then every endpoint grouped by tag. */
export function ApiDocsPage({ ctx, model, origin }: { ctx: PageContext; model: ApiDocsModel; origin: string }) {
  const en = ctx.lang === 'en';
  const title = ctx.t('docs.title');
  return (
    <BareLayout ctx={ctx} title={title} wide>
      <article class="api-docs">
        <h1>{title}<span class="api-version">{model.title} v{model.version}</span></h1>
        <p class="lead">
          {en
            ? 'A JSON API under /api/v1 for automated clients. The machine-readable OpenAPI 3 document is '
            : '供自动化客户端调用的 JSON 接口，基础路径为 /api/v1。机器可读的 OpenAPI 3 描述文件：'}
          <a href="/api/v1/openapi.json"><code>/api/v1/openapi.json</code></a>{en ? '.' : '。'}
        </p>

        <nav class="toc" aria-labelledby="api-toc-title">
          <h2 id="api-toc-title" class="toc-title">{en ? 'Contents' : '目录'}</h2>
          <ol>
            <li><a href="#api-auth">{en ? 'Getting a token' : '获取令牌'}</a></li>
            <li><a href="#api-conventions">{en ? 'Conventions' : '约定'}</a></li>
            {model.tags.map((t) => (
              <li><a href={`#${t.anchor}`}>{t.name}</a>
                <ul>{t.operations.map((op) => <li><a href={`#${op.anchor}`}><code>{op.method} {op.path}</code></a></li>)}</ul>
              </li>
            ))}
          </ol>
        </nav>

        <section aria-labelledby="api-auth">
          <h2 id="api-auth">{en ? 'Getting a token' : '获取令牌'}</h2>
          <p>{en
            ? 'Endpoints marked “Token required” need a staff account. Exchange the user name and password for a token, then send it in the Authorization header of every request. Wrong credentials answer 401; repeated failures are slowed down and locked.'
            : '标注“需要令牌”的接口须使用工作人员账号。先用用户名和密码换取令牌，此后每个请求在 Authorization 请求头中携带该令牌。用户名或密码错误返回 401；连续失败会被限速并暂时锁定。'}</p>
          <pre class="api-example"><code>{`curl -s -X POST ${origin}/api/v1/auth/token \\
  -H 'content-type: application/json' \\
  -d '{"username":"office","password":"……"}'
# → 200 {"token":"……"}

curl -s ${origin}/api/v1/${en ? '<path>' : '<接口路径>'} \\
  -H 'authorization: Bearer ${en ? '<token>' : '<令牌>'}'`}</code></pre>
          <p>{en
            ? 'Tokens stay valid until revoked; keep them secret (never in web pages or browser code). Signed-in staff can list and revoke their tokens.'
            : '令牌在撤销前一直有效，请妥善保管，不要写入网页或前端代码。工作人员登录后可以查看和撤销自己的令牌。'}</p>
        </section>

        <section aria-labelledby="api-conventions">
          <h2 id="api-conventions">{en ? 'Conventions' : '约定'}</h2>
          <ul class="legal-list">
            <li>{en ? 'Requests and responses are JSON in UTF-8.' : '请求和响应均为 UTF-8 编码的 JSON。'}</li>
            <li>{en
              ? <>Errors answer <code>{'{"error": code, "message": text, "fields": {name: problem}}'}</code> with status 400 (invalid input), 401 (no or bad token), 403, 404, 409 (not allowed in the current state) or 429 (too many requests; see <code>Retry-After</code>).</>
              : <>出错时返回 <code>{'{"error": 代码, "message": 中文说明, "fields": {参数名: 问题}}'}</code>，状态码为 400（输入有误）、401（未提供或令牌无效）、403（无权限）、404（不存在）、409（当前状态不允许该操作）或 429（请求过于频繁，见 <code>Retry-After</code>）。</>}</li>
            <li>{en
              ? <>Legal dates are calendar dates in China Standard Time, <code>YYYY-MM-DD</code>; times are ISO 8601 in UTC.</>
              : <>具有法律意义的日期（收到日期、答复期限等）为北京时间的日历日期，格式 <code>YYYY-MM-DD</code>；时间戳为 UTC 的 ISO 8601 格式。</>}</li>
            <li>{en
              ? <>Index numbers (索引号) contain <code>/</code>: percent-encode it as <code>%2F</code> when the number is part of a path, e.g. <code>11431281006109018N%2F2026-00001</code>.</>
              : <>索引号中含有 <code>/</code>，作为路径的一部分时必须编码为 <code>%2F</code>，例如 <code>11431281006109018N/2026-00001</code> 写作 <code>11431281006109018N%2F2026-00001</code>。</>}</li>
            <li>{en
              ? <><code>GET /healthz</code> answers <code>{'{"status":"ok"}'}</code> once the database answers (for load balancers).</>
              : <><code>GET /healthz</code> 在数据库可用时返回 <code>{'{"status":"ok"}'}</code>，供负载均衡和监控使用。</>}</li>
          </ul>
        </section>

        {model.tags.map((t) => (
          <section class="api-tag" aria-labelledby={t.anchor}>
            <h2 id={t.anchor}>{t.name}</h2>
            {t.description && <p>{t.description}</p>}
            {t.operations.map((op) => <Operation ctx={ctx} op={op} />)}
          </section>
        ))}
        {model.tags.length === 0 && <p class="empty">{ctx.t('common.empty')}</p>}
      </article>
    </BareLayout>
  );
}
