import { existsSync } from "node:fs";

const SYSTEM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** A Chromium already on the machine: PLAYWRIGHT_CHROMIUM_PATH, or a system package. */
export function systemChromium(): string | undefined {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (configured && existsSync(configured)) return configured;
  return SYSTEM_CANDIDATES.find((candidate) => existsSync(candidate));
}
