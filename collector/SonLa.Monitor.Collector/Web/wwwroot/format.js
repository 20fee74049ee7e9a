import { lang, t } from "./i18n.js";

// Users read Vietnam time whatever the browser's own zone.
const ZONE = "Asia/Ho_Chi_Minh";

const formatters = new Map();

function formatter(kind) {
  const key = `${lang()}:${kind}`;
  if (!formatters.has(key)) {
    const locale = lang() === "en" ? "en-GB" : "vi-VN";
    const options = kind === "time"
      ? { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
      : { timeZone: ZONE, hour: "2-digit", minute: "2-digit", day: "2-digit", month: "2-digit", year: "numeric", hourCycle: "h23" };
    formatters.set(key, new Intl.DateTimeFormat(locale, options));
  }
  return formatters.get(key);
}

/** "14:35 27/11/2026" in Vietnam time; "—" for null. */
export function dateTime(value) {
  if (!value) {
    return "—";
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "—" : formatter("dateTime").format(date);
}

/** "14:35" in Vietnam time. */
export function clock(value) {
  const date = value ? new Date(value) : new Date();
  return Number.isNaN(date.getTime()) ? "—" : formatter("time").format(date);
}

function number(value, digits = 0) {
  return new Intl.NumberFormat(lang() === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: digits }).format(value);
}

/** Bits per second as "1,25 Mbit/s". */
export function bps(value) {
  if (value === null || value === undefined) {
    return "—";
  }
  const units = ["bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"];
  let scaled = value;
  let unit = 0;
  while (Math.abs(scaled) >= 1000 && unit < units.length - 1) {
    scaled /= 1000;
    unit += 1;
  }
  return `${number(scaled, scaled < 10 && unit > 0 ? 2 : 1)} ${units[unit]}`;
}

export function percent(value) {
  return value === null || value === undefined ? "—" : `${number(value, 1)} %`;
}

export function decimal(value, digits = 1) {
  return value === null || value === undefined ? "—" : number(value, digits);
}

/** Seconds as "3 ngày 4 giờ" / "3 d 4 h". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return "—";
  }
  const vi = lang() !== "en";
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const parts = [];
  if (days) parts.push(vi ? `${days} ngày` : `${days} d`);
  if (hours) parts.push(vi ? `${hours} giờ` : `${hours} h`);
  if (!days && (minutes || !hours)) parts.push(vi ? `${minutes} phút` : `${minutes} min`);
  return parts.join(" ");
}

/**
 * Text folded for searching: lower case, without diacritics ("Chiềng Cơi" → "chieng coi"). đ is a letter of its
 * own in Unicode, not d with a mark, so it is mapped by hand.
 */
export function fold(text) {
  return (text ?? "")
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** Vietnamese collation for names ("Xã Ít Ong" after "Xã Chiềng Cơi"); one collator, thousands of sites. */
export function compareNames(a, b) {
  return collator.compare(a ?? "", b ?? "");
}

export const STATUSES = ["down", "degraded", "ok", "unknown"];

/** Icon and text of a site status: colour is never the only sign. */
export function statusLabel(status) {
  const icons = { down: "✕", degraded: "▲", ok: "✓", unknown: "?" };
  const known = STATUSES.includes(status) ? status : "unknown";
  return { icon: icons[known], text: t(`status_${known}`), status: known };
}
