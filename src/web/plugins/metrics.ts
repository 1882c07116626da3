import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.ts';

// Prometheus text exposition of this instance's request counts and latencies, plus gauges that
// areas compute from the database when scraped (open and overdue applications …).
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export interface Gauge {
  name: string;
  help: string;
  collect(ctx: ServiceContext): Promise<{ labels: Record<string, string>; value: number }[]>;
}

/** Areas add their gauges here. */
export const GAUGES: Gauge[] = [];

interface Series { count: number; sum: number; buckets: number[] }

export class Metrics {
  private requests = new Map<string, number>();
  private latency = new Map<string, Series>();
  private jobs = new Map<string, number>();

  /** Route patterns are few: each is escaped once. */
  private routeLabels = new Map<string, string>();

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    let label = this.routeLabels.get(route);
    if (label === undefined) this.routeLabels.set(route, (label = escapeLabel(route)));
    const lkey = `method="${method}",route="${label}"`;
    const key = `${lkey},status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    let s = this.latency.get(lkey);
    if (!s) this.latency.set(lkey, (s = { count: 0, sum: 0, buckets: BUCKETS.map(() => 0) }));
    s.count++;
    s.sum += seconds;
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]) s.buckets[i]++;
  }

  observeJob(job: string, status: string): void {
    const key = `job="${escapeLabel(job)}",status="${status}"`;
    this.jobs.set(key, (this.jobs.get(key) ?? 0) + 1);
  }

  async render(ctx: ServiceContext): Promise<string> {
    const out: string[] = [];
    out.push('# HELP gongkai_http_requests_total HTTP requests by route and status.', '# TYPE gongkai_http_requests_total counter');
    for (const [k, v] of this.requests) out.push(`gongkai_http_requests_total{${k}} ${v}`);
    out.push('# HELP gongkai_http_request_duration_seconds HTTP request latency.', '# TYPE gongkai_http_request_duration_seconds histogram');
    for (const [k, s] of this.latency) {
      BUCKETS.forEach((b, i) => out.push(`gongkai_http_request_duration_seconds_bucket{${k},le="${b}"} ${s.buckets[i]}`));
      out.push(`gongkai_http_request_duration_seconds_bucket{${k},le="+Inf"} ${s.count}`);
      out.push(`gongkai_http_request_duration_seconds_sum{${k}} ${s.sum.toFixed(6)}`);
      out.push(`gongkai_http_request_duration_seconds_count{${k}} ${s.count}`);
    }
    out.push('# HELP gongkai_job_runs_total Scheduler ticks per job on this instance: ran, failed, or claimed_elsewhere (the period was already claimed).', '# TYPE gongkai_job_runs_total counter');
    for (const [k, v] of this.jobs) out.push(`gongkai_job_runs_total{${k}} ${v}`);
    for (const g of GAUGES) {
      out.push(`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`);
      for (const { labels, value } of await g.collect(ctx)) {
        const l = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',');
        out.push(`${g.name}${l ? `{${l}}` : ''} ${value}`);
      }
    }
    return out.join('\n') + '\n';
  }
}

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** Counts every request under its route pattern (not the raw URL: bounded cardinality) and serves /metrics. */
export function metricsPlugin(app: FastifyInstance, ctx: ServiceContext, metrics: Metrics): void {
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  // Scrapers on the machine itself, or anyone with GONGKAI_METRICS_TOKEN as a Bearer token.
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const token = process.env.GONGKAI_METRICS_TOKEN;
    const allowed = LOOPBACK.test(request.ip) || (!!token && request.headers.authorization === `Bearer ${token}`);
    if (!allowed) return reply.code(404).send({ error: 'not_found', message: '未找到请求的内容' });
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(await metrics.render(ctx));
  });
}
