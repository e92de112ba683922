"use server";

import { memberAction } from "@/lib/action";
import { archiveTemplate, saveTemplate } from "@/lib/postmortems/templates/mutations";

const revalidate = () => ["/t/[team]"];

export const saveTemplateAction = memberAction((user, input) => saveTemplate(user.id, input), { revalidate, message: () => "Template saved." });
export const archiveTemplateAction = memberAction((user, input) => archiveTemplate(user.id, input), { revalidate, message: () => "Template archived." });
