import type { CliIo } from './common.ts';
import { serveCommand } from './serve.ts';
import { migrateCommand, demoCommand } from './db-commands.ts';
import { auditCommand } from './audit.ts';
import { calendarCommand } from './calendar.ts';
import { privacyCommand } from './privacy.ts';
import { agencyCommand } from './agency.ts';
import { userCommand } from './user.ts';

export type Command = (args: string[], io: CliIo) => Promise<number>;

/** Every CLI command, in one explicit list. */
export const commands: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  demo: demoCommand,
  audit: auditCommand,
  calendar: calendarCommand,
  agency: agencyCommand,
  user: userCommand,
  privacy: privacyCommand,
};
