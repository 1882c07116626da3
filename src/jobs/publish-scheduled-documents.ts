import { publishScheduledDocuments } from '../services/document.service.ts';
import { daily, type ScheduledJob } from './scheduler.ts';

/** 定时发布: approved documents whose scheduled date has come are published, once a day (CST). */
export const publishScheduledDocumentsJob: ScheduledJob = {
  name: 'documents.publish-scheduled',
  period: daily,
  run: async (ctx) => ({ published: await publishScheduledDocuments(ctx) }),
};
