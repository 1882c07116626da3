import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.ts';
import { educationEnrolmentRoutes } from './education-enrolment.routes.ts';
import { educationStatisticsRoutes } from './education-statistics.routes.ts';
import { educationPowerRoutes } from './education-power.routes.ts';
import { educationRecruitmentRoutes } from './education-recruitment.routes.ts';
import { educationMonthlyRoutes } from './education-monthly.routes.ts';
import { educationFeeRoutes } from './education-fee.routes.ts';

/** Education disclosure (issue 6): every education-*.routes.ts module, in one place. */
export function educationRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  educationEnrolmentRoutes(app, ctx);
  educationStatisticsRoutes(app, ctx);
  educationPowerRoutes(app, ctx);
  educationRecruitmentRoutes(app, ctx);
  educationMonthlyRoutes(app, ctx);
  educationFeeRoutes(app, ctx);
}
