"use server";

import { z } from "zod";
import { memberAction } from "@/lib/action";
import { parseInput } from "@/lib/validation";
import { markRead } from "@/lib/notifications/queries";

const markReadSchema = z.object({ id: z.union([z.string().min(1), z.array(z.string().min(1))]).optional() });

export const markReadAction = memberAction(
  async (user, input) => {
    const { id } = parseInput(markReadSchema, input);
    return { count: await markRead(user.id, id === undefined ? "all" : Array.isArray(id) ? id : [id]) };
  },
  { revalidate: () => ["/notifications", "/t/[team]"] },
);
