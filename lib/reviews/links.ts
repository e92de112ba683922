/** Where a reviewer decides on a postmortem: the review view of its incident. */
export const reviewHref = (teamSlug: string, incidentNumber: number) => `/t/${encodeURIComponent(teamSlug)}/incidents/${incidentNumber}/postmortem/review`;
