// Errors a person can act on. Services throw these; the web layer maps them to status codes and
// renders the message (already in Chinese) to the user. Anything else is a bug and answers 500.

export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A rule refuses the action (wrong state, wrong timing): 409. */
export class DomainError extends AppError {
  constructor(message: string, code = 'rule_violation') {
    super(message, 409, code);
  }
}

/** Input is malformed or incomplete: 400, with a message per field. */
export class ValidationError extends AppError {
  constructor(message: string, fields: Record<string, string> = {}) {
    super(message, 400, 'invalid_input', fields);
  }
}

export class NotFoundError extends AppError {
  constructor(message = '未找到请求的内容') {
    super(message, 404, 'not_found');
  }
}

export class ForbiddenError extends AppError {
  constructor(message = '您没有执行此操作的权限') {
    super(message, 403, 'forbidden');
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = '请先登录') {
    super(message, 401, 'unauthorized');
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message, 429, 'too_many_requests');
  }
}
