import type { JsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

function field(data: JsonValue, key: string): string | undefined {
  if (data && typeof data === "object" && !Array.isArray(data)) {
    const value = data[key];
    if (typeof value === "string") return value;
  }
  return undefined;
}

const lower = (v?: string) => v?.toLowerCase() ?? "?";

/** A sentence fragment for the audit log: "changed a member's role from member to admin". */
export function describeAuditEvent(action: string, data: JsonValue): string {
  switch (action) {
    case "team.created":
      return "created the team";
    case "team.updated":
      return "updated the team settings";
    case "team.exported":
      return "downloaded an export of the whole team";
    case "invite.created":
      return `created an invite link for a ${lower(field(data, "role"))}`;
    case "invite.revoked":
      return "revoked an invite link";
    case "member.joined":
      return `joined as ${lower(field(data, "role"))}`;
    case "member.role_changed":
      return `changed a member's role from ${lower(field(data, "from"))} to ${lower(field(data, "to"))}`;
    case "member.removed":
      return `removed ${field(data, "name") ?? "a member"}`;
    case "member.left":
      return "left the team";
    case "api_token.created":
      return `created ${field(data, "kind") === "SERVICE" ? "a service" : "a personal"} API token “${field(data, "name") ?? "?"}” with ${field(data, "access") === "WRITE" ? "read and write" : "read"} access`;
    case "api_token.revoked":
      return `revoked ${field(data, "kind") === "SERVICE" ? "a service" : "a personal"} API token${field(data, "name") ? ` “${field(data, "name")}”` : ""}`;
    case "alertSource.created":
      return `added the alert source ${field(data, "name") ?? ""}`.trim();
    case "alertSource.updated":
      return `changed the alert source ${field(data, "name") ?? ""}`.trim();
    case "alertSource.secretRotated":
      return "rotated an alert source's secret";
    case "alert.attached":
      return "attached an alert to an incident";
    default:
      return action.replaceAll("_", " ").replace(".", ": ");
  }
}
