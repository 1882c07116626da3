import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.ts';
import { systemRoutes } from './system.routes.ts';
import { portalRoutes } from './portal.routes.ts';
import { docsRoutes } from './docs.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { consoleRoutes } from './console.routes.ts';
import { adminRoutes } from './admin.routes.ts';
import { calendarRoutes } from './calendar.routes.ts';
import { educationRoutes } from './education.routes.ts';
import { applicationsApiRoutes } from './applications-api.routes.ts';
import { questionRoutes } from './questions.routes.ts';
import { applicationsRoutes } from './applications.routes.ts';
import { applicationsConsoleRoutes } from './applications-console.routes.ts';
import { reportsRoutes } from './reports.routes.ts';
import { reportsConsoleRoutes } from './reports-console.routes.ts';
import { reportsApiRoutes } from './reports-api.routes.ts';

import { documentsRoutes } from './documents.routes.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { documentsApiRoutes } from './documents-api.routes.ts';
import { consultationRoutes } from './consultation.routes.ts';
import { inspectionRoutes } from './inspection.routes.ts';
import { errorReportRoutes } from './error-report.routes.ts';
import { inboxRoutes } from './inbox.routes.ts';
import { applicationsReviewApiRoutes } from './applications-review-api.routes.ts';
import { privacyRoutes } from './privacy.routes.ts';
import { suggestionRoutes } from './suggestions.routes.ts';
import { applicantDataRoutes } from './applicant-data.routes.ts';
/**
 * Every route module, in one explicit list. Each module is `(app, ctx) => void` and calls
 * `app.withTypeProvider<ZodTypeProvider>()` for its zod schemas.
 */
export async function registerRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  systemRoutes(app, ctx);
  portalRoutes(app, ctx);
  docsRoutes(app, ctx);
  authRoutes(app, ctx);
  consoleRoutes(app, ctx);
  adminRoutes(app, ctx);
  calendarRoutes(app, ctx);
  educationRoutes(app, ctx);
  applicationsApiRoutes(app, ctx);
  questionRoutes(app, ctx);
  applicationsRoutes(app, ctx);
  applicationsConsoleRoutes(app, ctx);
  reportsRoutes(app, ctx);
  reportsConsoleRoutes(app, ctx);
  reportsApiRoutes(app, ctx);
  documentsRoutes(app, ctx);
  catalogRoutes(app, ctx);
  documentsApiRoutes(app, ctx);
  consultationRoutes(app, ctx);
  inspectionRoutes(app, ctx);
  errorReportRoutes(app, ctx);
  inboxRoutes(app, ctx);
  applicationsReviewApiRoutes(app, ctx);
  privacyRoutes(app, ctx);
  suggestionRoutes(app, ctx);
  applicantDataRoutes(app, ctx);
}
