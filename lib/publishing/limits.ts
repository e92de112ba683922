/** Characters of the internal host name patterns a team keeps (the settings form shows the count). */
export const HOST_PATTERNS_MAX = 2000;
