// One EventSource on /api/live for the whole page (docs/api.md "Live updates"); views subscribe and unsubscribe.
const handlers = { site: new Set(), alerts: new Set(), state: new Set() };
let source = null;
let connected = false;
let retryTimer = null;

function emit(kind, value) {
  for (const handler of handlers[kind]) {
    try {
      handler(value);
    } catch (error) {
      console.error(error);
    }
  }
}

function open() {
  if (source) {
    return;
  }
  source = new EventSource("/api/live");
  source.addEventListener("open", () => {
    // After a gap the views reload what they show: events sent meanwhile are lost.
    const wasDown = !connected;
    connected = true;
    emit("state", { connected: true, resync: wasDown });
  });
  source.addEventListener("site", (event) => {
    const site = parse(event.data);
    if (site?.id) {
      emit("site", site);
    }
  });
  source.addEventListener("alerts", (event) => {
    const change = parse(event.data);
    emit("alerts", change ?? {});
  });
  source.addEventListener("error", () => {
    if (connected) {
      connected = false;
      emit("state", { connected: false });
    }
    // The browser retries by itself while the stream is CONNECTING; a CLOSED one (401, 404...) needs a new start.
    if (source.readyState === EventSource.CLOSED) {
      source = null;
      clearTimeout(retryTimer);
      retryTimer = setTimeout(open, 5000);
    }
  });
}

function parse(data) {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

/** Subscribes to "site", "alerts" or "state" (connected or not); returns the unsubscribe function. */
export function subscribe(kind, handler) {
  handlers[kind].add(handler);
  open();
  return () => handlers[kind].delete(handler);
}

export function isConnected() {
  return connected;
}

/** Stops the stream (logout). */
export function close() {
  clearTimeout(retryTimer);
  source?.close();
  source = null;
  connected = false;
}
