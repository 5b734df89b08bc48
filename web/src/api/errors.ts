import type { ValidationDetail } from './types';

// Every failure of an API call is one of these, so callers can tell
// "not signed in" from "server down" from "bad input" with instanceof.

export class ApiError extends Error {
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;

  constructor(message: string, status: number) {
    super(message);
    this.name = new.target.name;
    this.status = status;
  }
}

/** No response: the network failed or the server is unreachable. */
export class NetworkError extends ApiError {
  constructor(message = 'The server could not be reached. Check your connection.') {
    super(message, 0);
  }
}

/** 401: the call needs a signed-in user. */
export class UnauthorizedError extends ApiError {
  constructor(message = 'Please sign in.') {
    super(message, 401);
  }
}

/** 404: the resource does not exist (or is someone else's). */
export class NotFoundError extends ApiError {
  constructor(message = 'Not found.') {
    super(message, 404);
  }
}

/** 422: the request was refused; `fields` says what was wrong, per location and field. */
export class ValidationError extends ApiError {
  readonly fields: ValidationDetail;

  constructor(fields: ValidationDetail) {
    super(describeValidation(fields), 422);
    this.fields = fields;
  }

  /** True when the only complaint is the CSRF header: the session's token went stale. */
  get isCsrfFailure(): boolean {
    const locations = Object.keys(this.fields);
    return locations.length === 1 && 'X-Csrf-Token' in (this.fields.header ?? {});
  }
}

/** 503: the server is up but a dependency (database, identity provider) is not. */
export class ServiceUnavailableError extends ApiError {
  constructor(message = 'The service is temporarily unavailable. Please try again later.') {
    super(message, 503);
  }
}

/** Any other non-2xx answer. */
export class HttpError extends ApiError {}

export function describeValidation(fields: ValidationDetail): string {
  const parts: string[] = [];
  for (const [location, byField] of Object.entries(fields)) {
    for (const [field, messages] of Object.entries(byField ?? {})) {
      parts.push(`${location}.${field}: ${(messages ?? []).join(' ')}`);
    }
  }
  return parts.length > 0 ? `Invalid request (${parts.join('; ')})` : 'Invalid request.';
}
