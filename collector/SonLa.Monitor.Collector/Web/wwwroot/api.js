// The JSON API (docs/api.md) as the UI uses it: the session cookie travels by itself; the antiforgery token is kept
// in memory only and sent on every POST/DELETE.
let csrf = null;
const listeners = { unauthorized: [], passwordChange: [] };

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? body?.error ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export function onUnauthorized(callback) {
  listeners.unauthorized.push(callback);
}

export function onPasswordChangeRequired(callback) {
  listeners.passwordChange.push(callback);
}

export function setCsrf(token) {
  csrf = token;
}

async function send(method, path, body, { quiet401 = false } = {}) {
  const headers = { Accept: "application/json" };
  if (method !== "GET") {
    if (!csrf && path !== "/api/login") {
      await refreshCsrf();
    }
    if (csrf) {
      headers["X-CSRF-TOKEN"] = csrf;
    }
  }
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { error: text.slice(0, 200) };
    }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    error.retryAfter = Number(response.headers.get("Retry-After")) || null;
    if (response.status === 401 && !quiet401) {
      csrf = null;
      listeners.unauthorized.forEach((callback) => callback());
    } else if (response.status === 403 && data?.error === "password_change_required") {
      listeners.passwordChange.forEach((callback) => callback());
    }
    throw error;
  }
  return data;
}

async function refreshCsrf() {
  const answer = await send("GET", "/api/antiforgery");
  csrf = answer?.token ?? null;
}

export const api = {
  get: (path, options) => send("GET", path, undefined, options),
  post: (path, body, options) => send("POST", path, body, options),

  async login(user, password) {
    const answer = await send("POST", "/api/login", { user, password }, { quiet401: true });
    csrf = answer.csrf_token;
    return answer.user;
  },

  async logout() {
    try {
      await send("POST", "/api/logout", undefined, { quiet401: true });
    } finally {
      csrf = null;
    }
  },
};
