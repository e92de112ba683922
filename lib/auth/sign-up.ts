import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { hashPassword } from "@/lib/auth/password";
import { signUpSchema } from "@/lib/auth/schema";
import { isUniqueViolation } from "@/lib/prisma-errors";

export async function signUp(input: unknown): Promise<{ id: string; email: string; name: string }> {
  const { name, email, password } = parseInput(signUpSchema, input);
  const taken = () =>
    new AppError("CONFLICT", "An account with this email already exists.", {
      email: ["An account with this email already exists. Sign in instead?"],
    });
  if (await db().user.findUnique({ where: { email }, select: { id: true } })) throw taken();
  const passwordHash = await hashPassword(password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name, email, passwordHash }, select: { id: true, email: true, name: true } });
      await tx.auditEvent.create({
        data: { actorId: user.id, action: "user.signed_up", targetType: "user", targetId: user.id },
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
