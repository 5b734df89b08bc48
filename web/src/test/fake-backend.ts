import { createApiClient, type ApiClient } from '../api/client';
import { FakeEventSource } from './fake-event-source';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  credentials: RequestCredentials | undefined;
  body: unknown;
}

export interface FakeResponse {
  status?: number;
  body?: unknown;
}

/** Answers a request: a response, or NETWORK_DOWN to make fetch reject. */
export type Handler = (request: RecordedRequest) => FakeResponse | typeof NETWORK_DOWN | Promise<FakeResponse | typeof NETWORK_DOWN>;

export const NETWORK_DOWN = Symbol('network down');

export interface FakeBackend {
  api: ApiClient;
  requests: RecordedRequest[];
  sources: FakeEventSource[];
  /** The requests made to `path` (query ignored). */
  requestsTo(path: string, method?: string): RecordedRequest[];
}

/**
 * The real API client, talking to an in-test handler instead of the network,
 * so page tests check the URLs, headers and bodies the app really sends.
 */
export function createFakeBackend(handler: Handler, baseUrl = ''): FakeBackend {
  const requests: RecordedRequest[] = [];
  const sources: FakeEventSource[] = [];

  const fakeFetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input, window.location.origin);
    const recorded: RecordedRequest = {
      method: init.method ?? 'GET',
      url,
      headers: { ...(init.headers as Record<string, string>) },
      credentials: init.credentials,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(recorded);
    if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const answer = await handler(recorded);
    if (answer === NETWORK_DOWN) throw new TypeError('Failed to fetch');
    const status = answer.status ?? 200;
    // A 204 has no body at all (Response refuses even an empty one).
    return new Response(status === 204 ? null : answer.body === undefined ? '' : JSON.stringify(answer.body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  };

  const api = createApiClient({
    baseUrl,
    fetch: fakeFetch,
    createEventSource: (url, init) => {
      const source = new FakeEventSource(url, init);
      sources.push(source);
      return source;
    },
  });

  return {
    api,
    requests,
    sources,
    requestsTo: (path, method) =>
      requests.filter((request) => request.url.pathname === path && (method === undefined || request.method === method)),
  };
}
