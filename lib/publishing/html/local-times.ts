import { createHash } from "node:crypto";

/**
 * Adds the reader's own time next to each time shown in the incident's zone, when they differ.
 * Inline (no extra request, and early enough to run before most first paints); the
 * Content-Security-Policy allows exactly this script by its hash, and nothing else.
 */
export const LOCAL_TIMES_SCRIPT = `(function () {
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var time = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "shortOffset" };
  var full = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "shortOffset" };
  document.querySelectorAll("time[data-local]").forEach(function (el) {
    var date = new Date(el.getAttribute("datetime"));
    if (isNaN(date.getTime())) return;
    var kind = el.getAttribute("data-local");
    if (kind === "date") {
      el.textContent = date.toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" });
      return;
    }
    // A time alone gets the reader's date too when it falls on another day for them.
    var readerDay = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
    var otherDay = el.hasAttribute("data-day") && el.getAttribute("data-day") !== readerDay;
    var mine = new Intl.DateTimeFormat("en-US", Object.assign({ timeZone: zone }, kind === "datetime" || otherDay ? full : time)).format(date);
    if (el.textContent.indexOf(mine) !== -1) return;
    var span = document.createElement("span");
    span.className = "local";
    span.textContent = " (" + mine + " your time)";
    el.appendChild(span);
  });
})();`;

export const LOCAL_TIMES_SCRIPT_HASH = `'sha256-${createHash("sha256").update(LOCAL_TIMES_SCRIPT).digest("base64")}'`;
