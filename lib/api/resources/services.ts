import { z } from "zod";
import { listServices } from "@/lib/incidents/services";
import { defineEndpoint } from "@/lib/api/endpoint";
import { teamParams } from "@/lib/api/resources/common";

const service = z.object({ id: z.string(), name: z.string() }).meta({ id: "Service" });

export const listServicesEndpoint = defineEndpoint({
  method: "GET",
  path: "/teams/{team}/services",
  operationId: "listServices",
  tag: "Services",
  summary: "List services",
  description: "The team's services by name (up to 500). Incidents name services; new names are created when an incident uses them.",
  access: "READ",
  params: teamParams,
  response: { status: 200, description: "The services.", schema: z.object({ data: z.array(service) }) },
  errors: [],
  async run({ actor, team }) {
    return { json: { data: await listServices(actor, team.id) } };
  },
});
