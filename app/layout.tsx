import type { Metadata, Viewport } from "next";
import "./globals.css";
import { inter } from "./fonts";
import { currentTheme } from "@/lib/theme";

export const metadata: Metadata = {
  title: { default: "Hindsight", template: "%s · Hindsight" },
  description: "Incident tracking and postmortems your team will actually read.",
  // Linked explicitly so browsers do not ask for a /favicon.ico that does not exist.
  icons: { icon: { url: "/favicon.svg", type: "image/svg+xml" } },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = await currentTheme();
  return (
    <html lang="en" className={`${inter.variable} ${theme === "system" ? "" : theme}`}>
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
