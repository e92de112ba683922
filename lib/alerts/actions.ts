"use server";

import { memberAction } from "@/lib/action";
import { attachAlert, createAlertSource, declareFromAlert, rotateAlertSecret, updateAlertSource } from "@/lib/alerts/mutations";
import { previewMapping } from "@/lib/alerts/preview";

export const createAlertSourceAction = memberAction((user, input) => createAlertSource(user.id, input), {
  revalidate: () => ["/t/[team]/settings/alert-sources"],
});

export const updateAlertSourceAction = memberAction((user, input) => updateAlertSource(user.id, input), {
  revalidate: () => ["/t/[team]/settings/alert-sources"],
  message: () => "Source saved.",
});

export const rotateAlertSecretAction = memberAction((user, input) => rotateAlertSecret(user.id, input), {
  revalidate: () => ["/t/[team]/settings/alert-sources"],
});

export const previewMappingAction = memberAction((user, input) => previewMapping(user.id, input));

export const declareFromAlertAction = memberAction((user, input) => declareFromAlert(user.id, input), {
  revalidate: () => ["/t/[team]"],
  redirectTo: (incident) => `/t/${incident.team.slug}/incidents/${incident.number}`,
});

export const attachAlertAction = memberAction((user, input) => attachAlert(user.id, input), {
  revalidate: () => ["/t/[team]"],
  message: (incident) => `Attached to INC-${incident.number}.`,
});
